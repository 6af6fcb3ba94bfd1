//===- Compile.cpp - compiling a network through a backend ----------------===//

#include "backends/Compile.h"
#include "passes/Pipelines.h"
#include "passes/StageTimes.h"
#include "passes/TargetAttr.h"
#include "runtime/ModuleFile.h"

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
  if (settings.stageTimes)
    pm.addInstrumentation(
        std::make_unique<StageTimesInstrumentation>(*settings.stageTimes));
  buildCompilePipeline(pm, prepare);
  if (failed(backend.addPasses(pm, module, network, settings.backendOptions)))
    return failure();
  std::string text;
  EmitOutput output;
  output.directory = dir;
  pm.addPass(createEmitPass(backend, prepare.network, output, &text));
  if (settings.progress) {
    // The passes, then writing the IR.
    settings.progress->addStages(countPipelineStages(pm) + 1);
    pm.addInstrumentation(
        std::make_unique<PassProgressInstrumentation>(*settings.progress));
  }
  if (failed(pm.run(module)))
    return failure();
  summary << text;

  // Streamed, not printed into a string first: the IR of a large network
  // is big.
  std::string error;
  StageTimer timer(settings.stageTimes, "write-mapping-ir");
  ScopedStage stage(settings.progress, "write-mapping-ir");
  std::string mapping =
      dir + (settings.mappingBytecode ? "/mapping.mlirbc" : "/mapping.mlir");
  if (!runtime::writeModuleFile(module, mapping, error))
    return network.emitError() << error;
  stage.finish();
  return success();
}

} // namespace snc::backends
