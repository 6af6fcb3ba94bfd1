//===- Location.h - where in a NIR file an op came from ---------*- C++ -*-===//
//
// A NIR file is HDF5, not text: an imported op has no line and column, but
// a node path ("sub.lif"). Imported ops carry it as an MLIR location, and
// diagnostics name the file and the node from it instead of a position.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_NIR_LOCATION_H
#define SNC_NIR_LOCATION_H

#include "mlir/IR/Location.h"

#include <optional>
#include <string>

namespace snc::nir {

/// The file `path` as a whole: a FileLineColLoc at line 0, column 0, which
/// no position in a text file has (lines count from 1).
mlir::Location getFileLoc(mlir::MLIRContext *context, llvm::StringRef path);

/// The node `nodePath` ("lif", "sub.lif") of the file `path`: a NameLoc
/// holding the node path around getFileLoc(path).
mlir::Location getNodeLoc(mlir::MLIRContext *context, llvm::StringRef path,
                          llvm::StringRef nodePath);

/// How a diagnostic names a location of the two kinds above:
/// "model.nir: node 'sub.lif'" or "model.nir". Nothing for any other
/// location (a position in a text file keeps file:line:col).
std::optional<std::string> describeLoc(mlir::Location loc);

} // namespace snc::nir

#endif // SNC_NIR_LOCATION_H
