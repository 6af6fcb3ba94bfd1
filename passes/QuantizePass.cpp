//===- QuantizePass.cpp - snn-quantize as a pass
//---------------------------===//

#include "passes/Passes.h"
#include "passes/Quantize.h"
#include "passes/TargetAttr.h"

#include "llvm/ADT/StringExtras.h"

namespace snc {
#define GEN_PASS_DEF_QUANTIZE
#include "passes/Passes.h.inc"
} // namespace snc

using namespace mlir;
using namespace snc;

namespace {

struct QuantizePass : public snc::impl::QuantizeBase<QuantizePass> {
  using QuantizeBase::QuantizeBase;

  void runOnOperation() override {
    QuantizeSettings settings;
    settings.target = target;
    settings.method = method;
    settings.percentile = percentile;
    settings.granularity = granularity;
    settings.weightBits = weightBits;
    settings.biasCorrection = biasCorrection;
    settings.adaptiveRounding = adaptiveRounding;
    settings.fineState = fineState;
    SmallVector<StringRef> files;
    StringRef(calibrate).split(files, ',', -1, /*KeepEmpty=*/false);
    for (StringRef file : files)
      settings.calibrationFiles.push_back(file.trim().str());

    // The option, else the target the network is compiled for.
    FailureOr<TargetRef> loaded =
        resolveTarget(getOperation(), target, "snn-quantize");
    if (failed(loaded))
      return signalPassFailure();
    targets::TargetDescription description = **loaded;
    QuantizationOptions config;
    std::string error;
    if (!applyQuantizeSettings(settings, description, config, error)) {
      getOperation().emitError() << "snn-quantize: " << error;
      return signalPassFailure();
    }
    QuantizeReport report;
    if (failed(quantizeNetwork(getOperation(), description, config, report)))
      return signalPassFailure();
  }
};

} // namespace
