//===- Import.h - NIR graphs to the snn dialect -----------------*- C++ -*-===//

#ifndef SNC_NIR_IMPORT_H
#define SNC_NIR_IMPORT_H

#include "dialects/snn/SNNDialect.h"
#include "nir/NIRModel.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <string>

namespace snc::nir {

/// NIR cannot say how a producer resets its neurons after a spike.
enum class ResetPolicy {
  File,     // to v_reset, as NIR states it (v_reset defaults to 0)
  Zero,     // to 0, whatever the file says
  Subtract, // by subtracting the threshold
};

struct ImportOptions {
  ResetPolicy reset = ResetPolicy::File;
  /// NIR cannot say either which step's synaptic current a CubaLI/CubaLIF
  /// membrane integrates (docs/nir.md): snnTorch and Lava-dl integrate the
  /// same step's, Norse and NIR's reference implementation the previous one.
  snn::CurrentTiming cubaCurrent = snn::CurrentTiming::SameStep;
  std::string networkName; // default: "network"
};

/// Maps a NIR file onto one continuous-time snn.network. Nested graphs are
/// flattened; their nodes keep their dotted paths as names. On failure
/// returns null and sets `error` to "node 'path': reason" (or a graph-level
/// reason); the caller prefixes the file name.
mlir::OwningOpRef<mlir::ModuleOp> importNIR(mlir::MLIRContext *context,
                                            const File &file,
                                            const std::string &fileName,
                                            const ImportOptions &options,
                                            std::string &error);

/// Reads and imports `path`; `error` names the file.
mlir::OwningOpRef<mlir::ModuleOp> importNIRFile(mlir::MLIRContext *context,
                                                const std::string &path,
                                                const ImportOptions &options,
                                                std::string &error);

} // namespace snc::nir

#endif // SNC_NIR_IMPORT_H
