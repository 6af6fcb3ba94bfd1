//===- SFQLoweringTest.cpp - lowered circuits equal the interpreter -------===//
//
// Small integer networks go through the sfq lowering pipeline (snn-to-sfq,
// sfq-balance-paths, sfq-insert-splitters, sfq-insert-mergers) and
// buildNetlist; the pulse simulator runs the netlist on random spikes and
// every probe, shifted by its latency, must equal the reference
// interpreter's output bit for bit, with no timing violation. Each network
// runs under both balancing schemes and with merged ports.
//
//===----------------------------------------------------------------------===//

#include "dialects/sfq/SFQDialect.h"
#include "dialects/snn/SNNOps.h"
#include "passes/sfq/BuildNetlist.h"
#include "passes/sfq/SFQPasses.h"
#include "passes/sfq/SFQPipeline.h"
#include "runtime/Interpreter.h"
#include "runtime/sfq/PulseSimulator.h"
#include "targets/TargetDescription.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace snc;
namespace rt = snc::runtime::sfq;

namespace {

// Integer IF neurons (decay and gain 1 in 12 fraction bits) with a skip
// connection (x feeds both layers, so full balancing needs DFFs).
const char *kSkip = R"mlir(
snn.network @skip(%x: tensor<4xi1>) -> (out: tensor<3xi1>) attributes {dt = 1.0 : f64, snn.target = "sfq-rsfq"} {
  %0 = snn.linear %x {name = "fc1", weight = dense<[[1, 1, 0, -1], [0, -1, 1, 1], [1, 0, 1, 0]]> : tensor<3x4xi32>} : tensor<4xi1> -> tensor<3xi32>
  %1 = snn.discrete_lif %0 {bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, name = "h", state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<1> : tensor<i64>} : tensor<3xi32> -> tensor<3xi1>
  %2 = snn.linear %1 {name = "fc2", weight = dense<[[1, 1, -1], [1, -1, 1], [0, 1, 1]]> : tensor<3x3xi32>} : tensor<3xi1> -> tensor<3xi32>
  %3 = snn.linear %x {name = "skip", weight = dense<[[1, 0, 1, 0], [1, 1, 0, 0], [0, 0, 1, 1]]> : tensor<3x4xi32>} : tensor<4xi1> -> tensor<3xi32>
  %4 = snn.add %2, %3 : tensor<3xi32>
  %5 = snn.discrete_lif %4 {bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, name = "o", reset = #snn<reset subtract>, state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<1> : tensor<i64>, v_init = dense<[0, -2, 1]> : tensor<3xi64>} : tensor<3xi32> -> tensor<3xi1>
  snn.output %5 : tensor<3xi1>
}
)mlir";

// A recurrent layer (its own spikes one step late) with a weight of 2 as
// pulse multiplicity, read out by a second layer.
const char *kRecurrent = R"mlir(
snn.network @rec(%x: tensor<3xi1>) -> (out: tensor<2xi1>) attributes {dt = 1.0 : f64, snn.target = "sfq-rsfq"} {
  %0 = snn.linear %x {name = "in", weight = dense<[[2, 0, 1], [0, 1, 1], [1, -1, 0]]> : tensor<3x3xi32>} : tensor<3xi1> -> tensor<3xi32>
  %1 = snn.linear %h {name = "rec", weight = dense<[[-1, 1, 0], [1, -1, 1], [0, 1, -1]]> : tensor<3x3xi32>} : tensor<3xi1> -> tensor<3xi32>
  %2 = snn.add %0, %1 : tensor<3xi32>
  %h = snn.discrete_lif %2 {bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, name = "r", state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<2> : tensor<i64>} : tensor<3xi32> -> tensor<3xi1>
  %3 = snn.linear %h {name = "fc", weight = dense<[[1, 1, 0], [0, -1, 1]]> : tensor<2x3xi32>} : tensor<3xi1> -> tensor<2xi32>
  %4 = snn.discrete_lif %3 {bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, name = "o", reset = #snn<reset none>, state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<0> : tensor<i64>} : tensor<2xi32> -> tensor<2xi1>
  snn.output %4 : tensor<2xi1>
}
)mlir";

struct Outcome {
  int64_t dffs = 0, dffsFull = 0, dffsRetimed = 0;
  uint64_t spikes = 0;
  size_t silent = 0;
};

class SFQLoweringTest : public ::testing::Test {
protected:
  SFQLoweringTest() {
    context.loadDialect<snn::SNNDialect, sfq::SFQDialect>();
    targets::TargetRegistryOptions options;
    options.searchDirs = {SNC_TARGETS_DIR};
    std::string error;
    EXPECT_TRUE(targets::loadTarget("sfq-rsfq", options, target, error))
        << error;
    EXPECT_TRUE(rt::loadCellLibrary(target.capacity, library, error)) << error;
  }

  /// Lowers `source`, simulates `steps` random steps and compares every
  /// probe with the interpreter.
  Outcome check(const char *source, sfq::SFQPipelineOptions options,
                int64_t steps = 60, uint64_t seed = 7) {
    Outcome outcome;
    OwningOpRef<ModuleOp> module =
        parseSourceString<ModuleOp>(source, &context);
    EXPECT_TRUE(module) << "does not parse";
    if (!module)
      return outcome;
    PassManager pm(&context);
    sfq::buildSFQPipeline(pm, options);
    EXPECT_TRUE(succeeded(pm.run(*module)));
    FailureOr<sfq::CircuitNetlist> built = sfq::buildNetlist(*module);
    EXPECT_TRUE(succeeded(built));
    if (failed(built))
      return outcome;
    auto circuit = *module->getOps<sfq::CircuitOp>().begin();
    outcome.dffs = circuit->getAttrOfType<IntegerAttr>("dffs").getInt();
    outcome.dffsFull =
        circuit->getAttrOfType<IntegerAttr>("dffs_full").getInt();
    outcome.dffsRetimed =
        circuit->getAttrOfType<IntegerAttr>("dffs_retimed").getInt();

    // The interpreter on the network, on random spikes.
    auto network = *module->getOps<snn::NetworkOp>().begin();
    auto interpreter = runtime::Interpreter::create(network);
    EXPECT_TRUE(succeeded(interpreter));
    if (failed(interpreter))
      return outcome;
    runtime::Interpreter &interp = **interpreter;
    uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
    auto random = [&] {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      return x;
    };
    rt::ClockSpec clock;
    clock.input = built->clock;
    clock.periodFs = int64_t(1e15 / double(target.sfq->clockHz));
    int64_t latency = 0;
    for (const sfq::Probe &probe : built->probes)
      latency = std::max(latency, probe.latency);
    clock.cycles = steps + latency + 1;
    rt::SimulationInput input;
    input.clock = clock;
    std::vector<std::vector<std::vector<bool>>> expected(
        interp.getNumOutputs());
    for (int64_t s = 0; s < steps; ++s) {
      for (unsigned i = 0; i < interp.getNumInputs(); ++i) {
        runtime::Slot &slot = interp.getInput(i);
        for (int64_t k = 0; k < slot.getSize(); ++k)
          slot.setDouble(k, random() % 100 < 45 ? 1.0 : 0.0);
      }
      for (const sfq::InputPin &pin : built->inputs)
        if (interp.getInput(unsigned(pin.input)).getDouble(pin.element) != 0)
          input.pulses[pin.cell].push_back(clock.tickFs(s) +
                                           built->inputOffsetFs);
      interp.step();
      for (unsigned o = 0; o < interp.getNumOutputs(); ++o) {
        const runtime::Slot &slot = interp.getOutput(o);
        expected[o].resize(size_t(slot.getSize()));
        for (int64_t k = 0; k < slot.getSize(); ++k)
          expected[o][size_t(k)].push_back(slot.getDouble(k) != 0);
      }
    }
    rt::SimulationResult result;
    std::string error;
    EXPECT_TRUE(rt::simulate(built->netlist, library, input, result, error))
        << error;
    for (const rt::Violation &violation : result.violations)
      ADD_FAILURE() << violation.describe();
    for (const sfq::Probe &probe : built->probes) {
      std::vector<uint32_t> counts =
          rt::pulsesPerCycle(result.probes[probe.cell], clock);
      const std::vector<bool> &want =
          expected[size_t(probe.output)][size_t(probe.element)];
      for (int64_t s = 0; s < steps; ++s) {
        uint32_t got = counts[size_t(s + probe.latency)];
        EXPECT_EQ(got, want[size_t(s)] ? 1u : 0u)
            << "probe " << probe.cell << " step " << s;
        outcome.spikes += got;
      }
      // Nothing before the latency: no pulse belongs to no step.
      for (int64_t c = 0; c < probe.latency; ++c)
        EXPECT_EQ(counts[size_t(c)], 0u) << probe.cell << " cycle " << c;
    }
    // Output elements without a probe never spike in the interpreter.
    for (auto [output, element] : built->silentOutputs)
      for (int64_t s = 0; s < steps; ++s)
        EXPECT_FALSE(expected[size_t(output)][size_t(element)][size_t(s)])
            << "silent output " << output << "[" << element << "] step " << s;
    outcome.silent += built->silentOutputs.size();
    return outcome;
  }

  MLIRContext context;
  targets::TargetDescription target;
  rt::CellLibrary library;
};

TEST_F(SFQLoweringTest, SkipConnectionFullBalancing) {
  sfq::SFQPipelineOptions options;
  Outcome outcome = check(kSkip, options);
  // x feeds o directly: 6 skip synapses, one DFF each when full.
  EXPECT_EQ(outcome.dffsFull, 6);
  EXPECT_EQ(outcome.dffs, 6);
  EXPECT_GT(outcome.spikes, 0u);
}

TEST_F(SFQLoweringTest, SkipConnectionRetimed) {
  sfq::SFQPipelineOptions options;
  options.balance = "retime";
  Outcome outcome = check(kSkip, options);
  // Shared chains: one DFF per input element that feeds o (all four).
  EXPECT_EQ(outcome.dffsRetimed, 4);
  EXPECT_EQ(outcome.dffs, 4);
  EXPECT_GT(outcome.spikes, 0u);
}

TEST_F(SFQLoweringTest, SkipConnectionMergedPorts) {
  sfq::SFQPipelineOptions options;
  options.maxPorts = 2;
  Outcome outcome = check(kSkip, options);
  EXPECT_GT(outcome.spikes, 0u);
}

TEST_F(SFQLoweringTest, RecurrentWithMultiplicity) {
  sfq::SFQPipelineOptions options;
  options.maxMultiplicity = 2;
  Outcome outcome = check(kRecurrent, options, 80);
  EXPECT_EQ(outcome.dffsFull, 0);
  EXPECT_GT(outcome.spikes, 0u);
  options.maxPorts = 2;
  options.balance = "retime";
  check(kRecurrent, options, 80, 11);
}

/// A random ternary network: x (6) -> h (5, recurrent) -> g (4) -> o (4),
/// with skips x -> o and h -> o; random thresholds, resets and v_init (up
/// to 3 in the first layer; later layers idle through the pipeline's
/// first clocks, so they start at most at 0, never above the threshold).
std::string randomNetwork(uint64_t seed) {
  uint64_t x = seed * 0x2545F4914F6CDD1Dull + 3;
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  auto matrix = [&](int rows, int cols) {
    std::string text = "dense<[";
    for (int r = 0; r < rows; ++r) {
      text += r ? ", [" : "[";
      for (int c = 0; c < cols; ++c) {
        uint64_t v = next() % 6;
        text += (c ? ", " : "") + std::string(v < 2 ? "1" : v < 3 ? "-1" : "0");
      }
      text += "]";
    }
    return text + "]> : tensor<" + std::to_string(rows) + "x" +
           std::to_string(cols) + "xi32>";
  };
  auto vector = [&](int n, int lo, int span) {
    std::string text = "dense<[";
    for (int k = 0; k < n; ++k)
      text += (k ? ", " : "") + std::to_string(lo + int(next() % span));
    return text + "]> : tensor<" + std::to_string(n) + "xi64>";
  };
  const char *resets[] = {"to_value", "subtract", "none"};
  auto lif = [&](const char *in, const char *name, int n, int vInitSpan) {
    return std::string("snn.discrete_lif ") + in +
           " {bias = dense<0> : tensor<i64>, decay = dense<4096> : "
           "tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : "
           "tensor<i64>, name = \"" +
           name + "\", reset = #snn<reset " + resets[next() % 3] +
           ">, state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, "
           "v_threshold = " +
           vector(n, 0, 3) + ", v_init = " + vector(n, -2, vInitSpan) +
           "} : tensor<" + std::to_string(n) + "xi32> -> tensor<" +
           std::to_string(n) + "xi1>";
  };
  return "snn.network @random(%x: tensor<6xi1>) -> (out: tensor<4xi1>) "
         "attributes {dt = 1.0 : f64, snn.target = \"sfq-rsfq\"} {\n"
         "  %0 = snn.linear %x {name = \"fx\", weight = " +
         matrix(5, 6) +
         "} : tensor<6xi1> -> tensor<5xi32>\n"
         "  %1 = snn.linear %h {name = \"rec\", weight = " +
         matrix(5, 5) +
         "} : tensor<5xi1> -> tensor<5xi32>\n"
         "  %2 = snn.add %0, %1 : tensor<5xi32>\n"
         "  %h = " +
         lif("%2", "h", 5, 6) +
         "\n"
         "  %3 = snn.linear %h {name = \"fg\", weight = " +
         matrix(4, 5) +
         "} : tensor<5xi1> -> tensor<4xi32>\n"
         "  %g = " +
         lif("%3", "g", 4, 3) +
         "\n"
         "  %4 = snn.linear %g {name = \"fo\", weight = " +
         matrix(4, 4) +
         "} : tensor<4xi1> -> tensor<4xi32>\n"
         "  %5 = snn.linear %x {name = \"sx\", weight = " +
         matrix(4, 6) +
         "} : tensor<6xi1> -> tensor<4xi32>\n"
         "  %6 = snn.linear %h {name = \"sh\", weight = " +
         matrix(4, 5) +
         "} : tensor<5xi1> -> tensor<4xi32>\n"
         "  %7 = snn.add %4, %5, %6 : tensor<4xi32>\n"
         "  %o = " +
         lif("%7", "o", 4, 3) +
         "\n"
         "  snn.output %o : tensor<4xi1>\n}\n";
}

TEST_F(SFQLoweringTest, RandomNetworks) {
  int64_t full = 0, retimed = 0;
  for (uint64_t seed = 1; seed <= 6; ++seed) {
    std::string source = randomNetwork(seed);
    SCOPED_TRACE(source);
    sfq::SFQPipelineOptions options;
    Outcome a = check(source.c_str(), options, 100, seed);
    options.balance = "retime";
    options.maxPorts = seed % 2 ? 2 : 0;
    Outcome b = check(source.c_str(), options, 100, seed + 100);
    EXPECT_LE(b.dffs, a.dffs);
    EXPECT_EQ(a.dffsRetimed, b.dffs);
    full += a.dffs;
    retimed += b.dffs;
  }
  // Skips over one and two stages: sharing and retiming save DFFs.
  EXPECT_LT(retimed, full);
  std::printf("DFFs over 6 random networks: full %lld, retimed %lld\n",
              (long long)full, (long long)retimed);
}

// g_1 has no input synapse and starts at its threshold: it never fires, nor
// does o_1, which only g_1 feeds. Neither gets a cell; o_1 is a silent
// output (no probe; the interpreter never spikes there).
const char *kSilent = R"mlir(
snn.network @silent(%x: tensor<2xi1>) -> (out: tensor<2xi1>) attributes {dt = 1.0 : f64, snn.target = "sfq-rsfq"} {
  %0 = snn.linear %x {name = "fg", weight = dense<[[1, 1], [0, 0]]> : tensor<2x2xi32>} : tensor<2xi1> -> tensor<2xi32>
  %1 = snn.discrete_lif %0 {bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, name = "g", state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<0> : tensor<i64>, v_init = dense<[0, 0]> : tensor<2xi64>} : tensor<2xi32> -> tensor<2xi1>
  %2 = snn.linear %1 {name = "fo", weight = dense<[[1, 0], [0, 1]]> : tensor<2x2xi32>} : tensor<2xi1> -> tensor<2xi32>
  %3 = snn.discrete_lif %2 {bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, name = "o", state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<0> : tensor<i64>} : tensor<2xi32> -> tensor<2xi1>
  snn.output %3 : tensor<2xi1>
}
)mlir";

TEST_F(SFQLoweringTest, SilentNeurons) {
  Outcome outcome = check(kSilent, sfq::SFQPipelineOptions());
  EXPECT_EQ(outcome.silent, 1u);
  EXPECT_GT(outcome.spikes, 0u);
}

// Synapse delays of 0, 1 and 3 steps (sparse projection) become DFF chains.
const char *kDelayed = R"mlir(
snn.network @delayed(%x: tensor<3xi1>) -> (out: tensor<2xi1>) attributes {dt = 1.0 : f64, snn.target = "sfq-rsfq"} {
  %0 = snn.sparse_projection %x {delays = array<i64: 0, 1, 3, 2>, row_ptr = array<i64: 0, 2, 3, 4>, targets = array<i64: 0, 1, 1, 0>, weights = dense<[1, -1, 1, 1]> : tensor<4xi32>} : tensor<3xi1> -> tensor<2xi32>
  %1 = snn.discrete_lif %0 {bias = dense<0> : tensor<i64>, decay = dense<4096> : tensor<i64>, frac_bits = 12 : i64, gain = dense<4096> : tensor<i64>, name = "o", state_bits = 8 : i64, v_reset = dense<0> : tensor<i64>, v_threshold = dense<0> : tensor<i64>} : tensor<2xi32> -> tensor<2xi1>
  snn.output %1 : tensor<2xi1>
}
)mlir";

TEST_F(SFQLoweringTest, SynapseDelays) {
  Outcome full = check(kDelayed, sfq::SFQPipelineOptions());
  // One DFF per step of delay: 1 + 3 + 2.
  EXPECT_EQ(full.dffs, 6);
  EXPECT_GT(full.spikes, 0u);
  sfq::SFQPipelineOptions options;
  options.balance = "retime";
  Outcome retimed = check(kDelayed, options);
  EXPECT_EQ(retimed.dffs, 6); // no source feeds two delayed ports
}

TEST_F(SFQLoweringTest, NetlistNeedsSplitters) {
  // An ideal fan-out has no cell: buildNetlist names it and fails.
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(R"mlir(
sfq.circuit @c target "sfq-rsfq" {
  %x = sfq.dcsfq "x_0" {input = 0 : i64, element = 0 : i64}
  %f:2 = sfq.fanout %x {name = "f"}
  sfq.sfqdc %f#0 "out_0" {output = 0 : i64, element = 0 : i64}
  sfq.sfqdc %f#1 "out_1" {output = 0 : i64, element = 1 : i64}
}
)mlir",
                                                             &context);
  ASSERT_TRUE(module);
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    message = diag.str();
    return success();
  });
  EXPECT_TRUE(failed(sfq::buildNetlist(*module)));
  EXPECT_EQ(message, "the netlist has no cell for 'sfq.fanout' (run "
                     "sfq-insert-splitters first)");
  // After the pass: two probes, one splitter, nothing clocked.
  PassManager pm(&context);
  pm.nest<sfq::CircuitOp>().addPass(sfq::createSfqInsertSplitters());
  ASSERT_TRUE(succeeded(pm.run(*module)));
  FailureOr<sfq::CircuitNetlist> built = sfq::buildNetlist(*module);
  ASSERT_TRUE(succeeded(built));
  EXPECT_EQ(built->netlist.numCells(), 4u);
  EXPECT_EQ(built->clock, "");
  ASSERT_EQ(built->inputs.size(), 1u);
  EXPECT_EQ(built->inputs[0].cell, "x_0");
  ASSERT_EQ(built->probes.size(), 2u);
  EXPECT_EQ(built->probes[1].cell, "out_1");
  EXPECT_EQ(built->probes[1].element, 1);
}

} // namespace
