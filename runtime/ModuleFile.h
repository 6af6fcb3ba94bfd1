//===- ModuleFile.h - .mlir text and .mlirbc bytecode files ----*- C++ -*-===//
//
// Every snc tool that writes IR picks the form from the file name: .mlirbc
// is MLIR bytecode (compact, fast to read, dense data stored as raw bytes),
// anything else is text. Readers need no such rule: the MLIR parser tells
// bytecode from text by its magic number.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_MODULEFILE_H
#define SNC_RUNTIME_MODULEFILE_H

#include "mlir/IR/Operation.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace snc::runtime {

/// The extension that selects bytecode.
inline constexpr llvm::StringLiteral kBytecodeExtension = ".mlirbc";

/// True when `path` names a bytecode file (ends in .mlirbc).
bool isBytecodePath(llvm::StringRef path);

/// True when `path` names an MLIR file snc reads: .mlir or .mlirbc.
bool isModulePath(llvm::StringRef path);

/// Writes `op` to `path`, as bytecode if isBytecodePath(path) and as text
/// (with a final newline) otherwise, through a temporary file renamed into
/// place, so a failure leaves no partial file. Errors start with the path.
bool writeModuleFile(mlir::Operation *op, llvm::StringRef path,
                     std::string &error);

} // namespace snc::runtime

#endif // SNC_RUNTIME_MODULEFILE_H
