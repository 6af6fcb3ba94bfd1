//===- ModuleFile.cpp - MLIR files as text (.mlir) or bytecode (.mlirbc) --===//

#include "runtime/ModuleFile.h"
#include "runtime/FileIO.h"

#include "mlir/Bytecode/BytecodeWriter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace snc::runtime {

bool isBytecodePath(llvm::StringRef path) {
  return path.ends_with(kBytecodeExtension);
}

bool isModulePath(llvm::StringRef path) {
  return path.ends_with(".mlir") || isBytecodePath(path);
}

bool writeModuleFile(mlir::Operation *op, llvm::StringRef path,
                     std::string &error) {
  // Streamed to the temporary file: a large network is never held twice
  // in memory (once as IR, once as its printed form).
  std::string temporary = temporaryPathFor(path.str());
  std::error_code ec;
  bool bytecode = isBytecodePath(path);
  {
    llvm::raw_fd_ostream os(temporary, ec,
                            bytecode ? llvm::sys::fs::OF_None
                                     : llvm::sys::fs::OF_Text);
    if (ec) {
      error = path.str() + ": cannot create " + temporary + ": " + ec.message();
      return false;
    }
    if (bytecode) {
      if (mlir::failed(mlir::writeBytecodeToFile(op, os))) {
        os.close();
        discardTemporary(temporary);
        error = path.str() + ": cannot write MLIR bytecode";
        return false;
      }
    } else {
      op->print(os);
      os << "\n";
    }
    os.close();
    if (os.has_error()) {
      error = path.str() + ": write error: " + os.error().message();
      os.clear_error();
      discardTemporary(temporary);
      return false;
    }
  }
  return commitTemporary(temporary, path.str(), error);
}

} // namespace snc::runtime
