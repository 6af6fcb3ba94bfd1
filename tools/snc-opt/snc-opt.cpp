//===- snc-opt.cpp - mlir-opt for snc's dialects and passes ---------------===//

#include "dialects/nmc/NMCDialect.h"
#include "dialects/snn/SNNDialect.h"
#include "passes/Passes.h"
#include "passes/Pipelines.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  registry.insert<snc::snn::SNNDialect, snc::nmc::NMCDialect>();
  snc::registerSncPasses();
  snc::registerSncPipelines();
  // Generic cleanups users expect from an -opt tool.
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  mlir::registerSymbolDCEPass();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "snc optimizer driver\n", registry));
}
