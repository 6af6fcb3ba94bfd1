//===- snc-opt.cpp - mlir-opt for snc's dialects and passes ---------------===//

#include "dialects/nmc/NMCDialect.h"
#include "dialects/snn/SNNDialect.h"
#include "passes/Passes.h"
#include "passes/Pipelines.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"

#include <string>
#include <vector>

/// The index in `args` of the `-o` value (after `-o`/`--o`, or the `=` form
/// rewritten to two arguments), or 0 when output goes to stdout.
static size_t findOutputArg(std::vector<std::string> &args) {
  for (size_t i = 1; i < args.size(); ++i) {
    llvm::StringRef arg = args[i];
    if (arg == "--")
      return 0;
    if ((arg == "-o" || arg == "--o") && i + 1 < args.size())
      return args[i + 1] == "-" ? 0 : i + 1;
    for (llvm::StringRef prefix : {"-o=", "--o="})
      if (arg.starts_with(prefix)) {
        std::string value = arg.drop_front(prefix.size()).str();
        if (value == "-")
          return 0;
        args[i] = "-o";
        args.insert(args.begin() + long(i) + 1, value);
        return i + 1;
      }
  }
  return 0;
}

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<snc::snn::SNNDialect, snc::nmc::NMCDialect>();
  snc::registerSncPasses();
  snc::registerSncPipelines();
  // Generic cleanups users expect from an -opt tool.
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  mlir::registerSymbolDCEPass();

  // mlir-opt truncates its -o file before it knows whether it will succeed;
  // snc's tools never clobber an output on failure. Write beside it and
  // rename on success.
  std::vector<std::string> args(argv, argv + argc);
  size_t out = findOutputArg(args);
  std::string finalPath, tempPath;
  if (out) {
    finalPath = args[out];
    tempPath = finalPath + ".snc-opt-" +
               std::to_string(llvm::sys::Process::getProcessId()) + ".tmp";
    args[out] = tempPath;
  }
  std::vector<char *> argvOut;
  for (std::string &arg : args)
    argvOut.push_back(arg.data());
  argvOut.push_back(nullptr);
  mlir::LogicalResult result = mlir::MlirOptMain(
      int(args.size()), argvOut.data(), "snc optimizer driver\n", registry);
  if (out) {
    if (mlir::succeeded(result) && llvm::sys::fs::rename(tempPath, finalPath)) {
      llvm::sys::fs::remove(tempPath);
      llvm::errs() << "snc-opt: error: cannot write '" << finalPath << "'\n";
      return 1;
    }
    llvm::sys::fs::remove(tempPath); // after a failure, or a no-op
  }
  return mlir::asMainReturnCode(result);
}
