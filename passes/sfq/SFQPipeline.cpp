//===- SFQPipeline.cpp - the sfq lowering pipeline ------------------------===//

#include "passes/sfq/SFQPipeline.h"
#include "passes/sfq/SFQPasses.h"

#include "mlir/Pass/PassRegistry.h"

using namespace mlir;

namespace snc::sfq {

void buildSFQPipeline(OpPassManager &pm, const SFQPipelineOptions &options) {
  SnnToSfqOptions convert;
  convert.networkName = options.network;
  convert.target = options.target;
  convert.maxMultiplicity = options.maxMultiplicity;
  pm.addPass(createSnnToSfq(convert));
  OpPassManager &circuit = pm.nest<CircuitOp>();
  SfqBalancePathsOptions balance;
  balance.scheme = options.balance;
  circuit.addPass(createSfqBalancePaths(balance));
  circuit.addPass(createSfqInsertSplitters());
  SfqInsertMergersOptions mergers;
  mergers.maxPorts = options.maxPorts;
  mergers.hazards = options.hazards;
  mergers.inputOffsetFs = options.inputOffsetFs;
  circuit.addPass(createSfqInsertMergers(mergers));
}

namespace {
struct PipelineOptions : public PassPipelineOptions<PipelineOptions> {
  Option<std::string> network{*this, "network",
                              llvm::cl::desc("The snn.network to lower")};
  Option<std::string> target{*this, "target", llvm::cl::desc("The SFQ target")};
  Option<int64_t> maxMultiplicity{
      *this, "max-multiplicity",
      llvm::cl::desc("Largest weight as pulse copies"), llvm::cl::init(0)};
  Option<std::string> balance{*this, "balance",
                              llvm::cl::desc("full or retime"),
                              llvm::cl::init("full")};
  Option<int64_t> maxPorts{*this, "max-ports",
                           llvm::cl::desc("Most ports per neuron"),
                           llvm::cl::init(0)};
  Option<std::string> hazards{*this, "hazards",
                              llvm::cl::desc("stagger or error"),
                              llvm::cl::init("stagger")};
  Option<int64_t> inputOffsetFs{*this, "input-offset-fs",
                                llvm::cl::desc("Input injection time"),
                                llvm::cl::init(-1)};
};
} // namespace

void registerSFQPassesAndPipeline() {
  registerSFQPasses();
  PassPipelineRegistration<PipelineOptions>(
      "sfq-lower",
      "Lower a quantized snn network to a finished sfq.circuit "
      "(snn-to-sfq, sfq-balance-paths, sfq-insert-splitters, "
      "sfq-insert-mergers)",
      [](OpPassManager &pm, const PipelineOptions &options) {
        SFQPipelineOptions o;
        o.network = options.network;
        o.target = options.target;
        o.maxMultiplicity = options.maxMultiplicity;
        o.balance = options.balance;
        o.maxPorts = options.maxPorts;
        o.hazards = options.hazards;
        o.inputOffsetFs = options.inputOffsetFs;
        buildSFQPipeline(pm, o);
      });
}

} // namespace snc::sfq
