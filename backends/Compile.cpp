//===- Compile.cpp - compiling a network through a backend ----------------===//

#include "backends/Compile.h"
#include "passes/Pipelines.h"
#include "passes/TargetAttr.h"
#include "runtime/FileIO.h"

using namespace mlir;

namespace snc::backends {

LogicalResult compileNetwork(ModuleOp module, snn::NetworkOp network,
                             const targets::TargetDescription &target,
                             const Backend &backend,
                             const CompileSettings &settings,
                             const std::string &dir, raw_ostream &summary) {
  // Parsed once by the caller; every pass and the emitter read it here.
  setNetworkTarget(network, target);
  CompilePipelineOptions prepare;
  prepare.network = network.getSymName().str();
  prepare.dt = settings.dt;
  prepare.scheme = settings.scheme;
  prepare.calibration = settings.calibration;
  prepare.quantize = needsQuantization(network);

  PassManager pm(module.getContext());
  buildCompilePipeline(pm, prepare);
  if (failed(backend.addPasses(pm, module, network, settings.backendOptions)))
    return failure();
  std::string text;
  EmitOutput output;
  output.directory = dir;
  pm.addPass(createEmitPass(backend, prepare.network, output, &text));
  if (failed(pm.run(module)))
    return failure();
  summary << text;

  std::string printed, error;
  llvm::raw_string_ostream os(printed);
  module.print(os);
  if (!runtime::writeFileAtomically(dir + "/mapping.mlir", printed + "\n",
                                    error))
    return network.emitError() << error;
  return success();
}

} // namespace snc::backends
