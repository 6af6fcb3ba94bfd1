//===- snc-opt.cpp - mlir-opt for snc's dialects and passes ---------------===//

#include "backends/fpga/Passes.h"
#include "dialects/nmc/NMCDialect.h"
#include "dialects/sfq/SFQDialect.h"
#include "dialects/snn/SNNDialect.h"
#include "passes/Passes.h"
#include "passes/Pipelines.h"
#include "passes/sfq/SFQPipeline.h"
#include "runtime/FileIO.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<snc::snn::SNNDialect, snc::nmc::NMCDialect,
                  snc::sfq::SFQDialect>();
  snc::registerSncPasses();
  // Backends' own passes, for testing them alone.
  snc::fpga::registerFPGAPasses();
  snc::sfq::registerSFQPassesAndPipeline();
  snc::registerSncPipelines();
  // Generic cleanups users expect from an -opt tool.
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  mlir::registerSymbolDCEPass();

  auto [input, output] = mlir::registerAndParseCLIOptions(
      argc, argv, "snc optimizer driver\n", registry);
  if (output == "-")
    return mlir::asMainReturnCode(
        mlir::MlirOptMain(argc, argv, input, output, registry));
  // mlir-opt truncates its -o file before it knows whether it will succeed;
  // snc's tools never clobber an output on failure: write a temporary file
  // and move it over the output only on success.
  std::string temporary = snc::runtime::temporaryPathFor(output);
  if (mlir::failed(mlir::MlirOptMain(argc, argv, input, temporary, registry))) {
    snc::runtime::discardTemporary(temporary);
    return 1;
  }
  std::string error;
  if (!snc::runtime::commitTemporary(temporary, output, error)) {
    llvm::errs() << "snc-opt: error: " << error << "\n";
    return 1;
  }
  return 0;
}
