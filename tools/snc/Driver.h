//===- Driver.h - what every snc subcommand shares --------------*- C++ -*-===//

#ifndef SNC_TOOLS_SNC_DRIVER_H
#define SNC_TOOLS_SNC_DRIVER_H

#include "dialects/snn/SNNOps.h"
#include "passes/Progress.h"
#include "runtime/Npy.h"
#include "tools/snc/Commands.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/SourceMgr.h"

#include <memory>
#include <string>
#include <vector>

namespace snc::driver {

/// Exit codes of every snc command.
enum ExitCode { Success = 0, UserError = 1, InternalError = 2 };

/// Prints "snc: error: <message>" to stderr.
void reportError(llvm::StringRef message);
void reportNote(llvm::StringRef message);

/// A loaded model: its context, source manager (for diagnostics with file
/// locations) and module.
class Model {
public:
  Model();
  ~Model();

  /// Loads `path` (.mlir text or .mlirbc bytecode, or .nir imported with
  /// the conventions `nir`) and
  /// verifies it; diagnostics go to stderr with the file's location.
  /// Returns false on failure.
  bool load(llvm::StringRef path, const NIRConventions &nir = {});

  /// True when the model came from a NIR file (which carries no dt).
  bool isNIR() const { return fromNIR; }

  /// The network named `name`, or the only one when `name` is empty.
  /// Reports an error and returns null otherwise.
  snn::NetworkOp selectNetwork(llvm::StringRef name);

  mlir::MLIRContext &getContext() { return context; }
  mlir::ModuleOp getModule() { return *module; }
  llvm::StringRef getPath() const { return path; }

private:
  mlir::MLIRContext context;
  // Shared with the parser: blobs of a bytecode file stay in its (mapped)
  // buffer instead of being copied into the context.
  std::shared_ptr<llvm::SourceMgr> sourceMgr;
  std::unique_ptr<mlir::SourceMgrDiagnosticHandler> diagnostics;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::string path;
  bool fromNIR = false;
};

/// Loads `path` into `model`, selects `networkName` (or the only network)
/// and settles its time step: `dt` if positive, else for NIR files
/// snn::kDefaultTimeStep (announced); a continuous-time network without one
/// is an error. Reports errors and returns null on failure.
snn::NetworkOp loadNetwork(Model &model, llvm::StringRef path,
                           const NIRConventions &nir,
                           llvm::StringRef networkName, double &dt);

/// Loads `path` into `model`, selects `networkName` (or the only network)
/// and prepares it to run: discretized at `dt` (needed for continuous
/// networks; NIR files default to 1e-4 s, with a note) with `scheme`, and
/// reservoirs materialized. Reports errors and returns null on failure.
/// With `progress`, loading is an uncounted stage and the passes are
/// counted ones.
snn::NetworkOp loadRunnableNetwork(Model &model, llvm::StringRef path,
                                   const NIRConventions &nir,
                                   llvm::StringRef networkName, double dt,
                                   llvm::StringRef scheme,
                                   StageProgress *progress = nullptr);

/// Reads one .npy per file, in order; reports the first error.
bool readArrays(const std::vector<std::string> &files,
                std::vector<runtime::NpyArray> &arrays);
/// Writes arrays[i] to files[i] (as many as there are files); reports the
/// first error.
bool writeArrays(const std::vector<std::string> &files,
                 const std::vector<runtime::NpyArray> &arrays);

/// Writes `contents` to `path` through a temporary file renamed into
/// place, so a failure never leaves a partial file. Reports the error.
bool writeFileAtomically(llvm::StringRef path, llvm::StringRef contents);

/// Writes `module` to `path`: MLIR bytecode if it ends in .mlirbc, text
/// otherwise, through a temporary file renamed into place; "-" or empty:
/// text on stdout. Reports the error.
bool writeModule(mlir::ModuleOp module, llvm::StringRef path);

} // namespace snc::driver

#endif // SNC_TOOLS_SNC_DRIVER_H
