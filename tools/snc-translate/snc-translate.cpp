//===- snc-translate.cpp - emit compiled IR in a backend's formats --------===//
//
// mlir-translate for snc: `--emit-<backend>` runs a backend's emitter on a
// compiled module (an `snc compile` mapping.mlir, or `snc-opt --snn-map`
// output) and prints the files it would write as text, for FileCheck.
//
//===----------------------------------------------------------------------===//

#include "backends/Backend.h"
#include "dialects/nmc/NMCDialect.h"
#include "dialects/sfq/SFQDialect.h"
#include "dialects/snn/SNNDialect.h"
#include "passes/MappingInputs.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"

#include <deque>

using namespace mlir;

/// One `--emit-<name>` translation per registered backend.
static void registerBackendTranslations() {
  // Translations keep the text they are given by reference.
  static std::deque<std::string> strings;
  snc::backends::registerAllBackends();
  for (const snc::backends::Backend *backend : snc::backends::getBackends()) {
    const std::string &name =
        strings.emplace_back("emit-" + backend->getName().str());
    const std::string &description = strings.emplace_back(
        "Print what the " + backend->getName().str() + " backend emits");
    TranslateFromMLIRRegistration(
        name, description,
        [backend](ModuleOp module, raw_ostream &os) -> LogicalResult {
          FailureOr<snc::snn::NetworkOp> network =
              snc::findNetwork(module, "", "snc-translate");
          if (failed(network))
            return failure();
          snc::backends::EmitOutput output;
          output.text = &os;
          return backend->emit(module, *network, /*analyses=*/nullptr, output,
                               llvm::nulls());
        },
        [](DialectRegistry &registry) {
          registry.insert<snc::snn::SNNDialect, snc::nmc::NMCDialect,
                          snc::sfq::SFQDialect>();
        });
  }
}

int main(int argc, char **argv) {
  registerBackendTranslations();
  return failed(mlirTranslateMain(argc, argv, "snc translation driver\n"));
}
