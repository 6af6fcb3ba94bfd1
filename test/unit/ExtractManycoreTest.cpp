//===- ExtractManycoreTest.cpp - the many-core form equals the IR ---------===//
//
// Float networks are lowered (delays), quantized for SpiNNaker2, turned into
// the many-core form, and the form, evaluated directly, must reproduce the
// reference interpreter's outputs on the quantized IR bit for bit.
//
//===----------------------------------------------------------------------===//

#include "passes/ExtractManycore.h"
#include "dialects/snn/SNNOps.h"
#include "passes/Passes.h"
#include "passes/Quantize.h"
#include "passes/mapping/ManycoreReference.h"
#include "runtime/Run.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include <gtest/gtest.h>

#include <array>

using namespace mlir;
using namespace snc;

namespace {

class ExtractManycoreTest : public ::testing::Test {
protected:
  ExtractManycoreTest() { context.loadDialect<snn::SNNDialect>(); }

  /// Parses `source`, lowers delays to at most `maxDelay` steps and
  /// quantizes for spinnaker2; returns the network.
  snn::NetworkOp prepare(const char *source, int64_t maxDelay = 7) {
    module = parseSourceString<ModuleOp>(source, &context);
    EXPECT_TRUE(module) << "does not parse";
    if (!module)
      return nullptr;
    auto network = *module->getOps<snn::NetworkOp>().begin();
    PassManager pm(&context, snn::NetworkOp::getOperationName());
    LowerDelaysOptions delays;
    delays.maxDelay = maxDelay;
    pm.addPass(createLowerDelays(delays));
    EXPECT_TRUE(succeeded(pm.run(network)));
    targets::TargetDescription target;
    QuantizationOptions options;
    std::string error;
    QuantizeSettings settings;
    settings.target = "spinnaker2";
    settings.weightBits = "8";
    EXPECT_TRUE(resolveQuantizeSettings(settings, target, options, error))
        << error;
    QuantizeReport report;
    EXPECT_TRUE(succeeded(quantizeNetwork(network, target, options, report)));
    return network;
  }

  /// Random spikes for every input, as npy arrays and as flat bytes.
  void randomInputs(snn::NetworkOp network, int64_t steps, double density,
                    std::vector<runtime::NpyArray> &arrays,
                    std::vector<std::vector<uint8_t>> &bytes) {
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (Type type : network.getFunctionType().getInputs()) {
      int64_t n = cast<ShapedType>(type).getNumElements();
      std::vector<int64_t> shape{steps};
      for (int64_t d : cast<ShapedType>(type).getShape())
        shape.push_back(d);
      runtime::NpyArray array =
          runtime::NpyArray::zeros(runtime::NpyDType::Bool, shape);
      std::vector<uint8_t> flat(size_t(steps * n));
      for (size_t k = 0; k < flat.size(); ++k) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        flat[k] = double(x % 1000000) / 1e6 < density;
        array.setDouble(k, flat[k]);
      }
      arrays.push_back(std::move(array));
      bytes.push_back(std::move(flat));
    }
  }

  /// Runs both and compares every output value; returns the number of
  /// nonzero output values (so a silent network does not pass vacuously).
  int64_t expectSameOutputs(snn::NetworkOp network, int64_t steps,
                            double density) {
    FailureOr<manycore::Network> form = extractManycoreNetwork(network);
    EXPECT_TRUE(succeeded(form));
    if (failed(form))
      return 0;
    std::vector<runtime::NpyArray> arrays;
    std::vector<std::vector<uint8_t>> bytes;
    randomInputs(network, steps, density, arrays, bytes);
    runtime::RunResult run;
    std::string error;
    EXPECT_TRUE(runtime::runNetwork(network, arrays, steps, {}, run, error))
        << error;
    std::vector<std::vector<int64_t>> evaluated =
        manycore::evaluate(*form, bytes, steps);
    EXPECT_EQ(evaluated.size(), run.outputs.size());
    int64_t active = 0;
    for (size_t o = 0; o < run.outputs.size() && o < evaluated.size(); ++o) {
      EXPECT_EQ(evaluated[o].size(), run.outputs[o].numElements());
      for (size_t k = 0; k < evaluated[o].size(); ++k) {
        int64_t expected = int64_t(run.outputs[o].getDouble(k));
        active += expected != 0;
        if (evaluated[o][k] != expected) {
          ADD_FAILURE() << "output " << o << " element " << k << ": "
                        << evaluated[o][k] << " vs interpreter " << expected;
          return active;
        }
      }
    }
    return active;
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};

TEST_F(ExtractManycoreTest, RecurrentWithDelaysBiasAndMembraneOutput) {
  snn::NetworkOp network = prepare(R"mlir(
snn.network @rec(%x: tensor<6xi1>) -> (s: tensor<8xi1>, v: tensor<3xf32>) attributes {dt = 1.0 : f64} {
  %in = snn.affine %x {name = "fc", weight = dense<[[0.9, -0.3, 0.5, 0.2, 0.0, 0.7], [0.1, 0.8, -0.2, 0.6, 0.4, 0.0], [0.5, 0.5, 0.5, -0.5, 0.3, 0.2], [0.0, 0.2, 0.9, 0.4, -0.6, 0.8], [0.7, 0.1, 0.0, 0.3, 0.5, -0.2], [0.3, 0.6, 0.4, 0.0, 0.2, 0.9], [-0.4, 0.9, 0.3, 0.5, 0.1, 0.6], [0.6, 0.0, 0.7, 0.2, 0.8, 0.1]]> : tensor<8x6xf32>, bias = dense<[0.05, 0.0, -0.02, 0.1, 0.0, 0.03, 0.0, 0.01]> : tensor<8xf32>} : tensor<6xi1> -> tensor<8xf32>
  %rec = snn.sparse_projection %h {name = "rec", row_ptr = array<i64: 0, 2, 3, 5, 6, 7, 9, 10, 11>, targets = array<i64: 1, 2, 3, 4, 5, 0, 6, 7, 2, 1, 0>, weights = dense<[-0.4, 0.3, 0.5, -0.2, 0.6, 0.25, -0.5, 0.4, 0.35, -0.3, 0.2]> : tensor<11xf32>, delays = array<i64: 0, 1, 3, 2, 5, 0, 4, 1, 2, 3, 6>} : tensor<8xi1> -> tensor<8xf32>
  %sum = snn.add %in, %rec {name = "sum"} : tensor<8xf32>
  %h = snn.discrete_lif %sum {name = "h", decay = dense<0.9> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>, reset = #snn<reset subtract>} : tensor<8xf32> -> tensor<8xi1>
  %o = snn.linear %h {name = "readout", weight = dense<[[0.5, 0.2, 0.0, 0.3, 0.1, 0.0, 0.4, 0.2], [0.1, 0.0, 0.6, 0.2, 0.0, 0.5, 0.1, 0.3], [0.2, 0.4, 0.1, 0.0, 0.3, 0.2, 0.0, 0.6]]> : tensor<3x8xf32>} : tensor<8xi1> -> tensor<3xf32>
  %v = snn.discrete_li %o {name = "li", decay = dense<0.95> : tensor<f32>, gain = dense<0.5> : tensor<f32>, bias = dense<0.0> : tensor<f32>} : tensor<3xf32> -> tensor<3xf32>
  snn.output %h, %v : tensor<8xi1>, tensor<3xf32>
}
)mlir",
                                   /*maxDelay=*/2);
  ASSERT_TRUE(network);
  EXPECT_GT(expectSameOutputs(network, 200, 0.3), 50);
}

TEST_F(ExtractManycoreTest, ConvolutionPoolingFlattenDense) {
  snn::NetworkOp network = prepare(R"mlir(
snn.network @cnn(%x: tensor<2x6x6xi1>) -> (s: tensor<4xi1>) attributes {dt = 1.0 : f64} {
  %c = snn.conv2d %x {name = "conv", weight = dense<[[[[0.5, -0.25, 0.3], [0.1, 0.6, -0.2], [0.2, 0.0, 0.4]], [[0.3, 0.2, -0.1], [0.5, -0.3, 0.2], [0.1, 0.4, 0.3]]], [[[-0.2, 0.4, 0.1], [0.3, 0.2, 0.5], [0.0, -0.1, 0.6]], [[0.2, 0.1, 0.4], [-0.3, 0.5, 0.2], [0.3, 0.2, -0.1]]], [[[0.1, 0.1, 0.1], [0.2, 0.3, 0.2], [0.1, 0.2, 0.1]], [[0.4, -0.2, 0.0], [0.1, 0.2, 0.3], [-0.1, 0.5, 0.2]]]]> : tensor<3x2x3x3xf32>, bias = dense<[0.05, -0.05, 0.0]> : tensor<3xf32>, stride = array<i64: 1, 1>, padding = array<i64: 1, 1>, dilation = array<i64: 1, 1>} : tensor<2x6x6xi1> -> tensor<3x6x6xf32>
  %s1 = snn.discrete_lif %c {name = "if1", decay = dense<1.0> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>, reset = #snn<reset subtract>} : tensor<3x6x6xf32> -> tensor<3x6x6xi1>
  %p = snn.sum_pool2d %s1 {name = "pool", kernel_size = array<i64: 2, 2>, stride = array<i64: 2, 2>, padding = array<i64: 0, 0>} : tensor<3x6x6xi1> -> tensor<3x3x3xf32>
  %f = snn.flatten %p {name = "flat", start_dim = 0 : i64, end_dim = -1 : i64} : tensor<3x3x3xf32> -> tensor<27xf32>
  %d = snn.affine %f {name = "fc", weight = dense<0.1> : tensor<4x27xf32>, bias = dense<[0.0, 0.02, -0.01, 0.0]> : tensor<4xf32>} : tensor<27xf32> -> tensor<4xf32>
  %s2 = snn.discrete_lif %d {name = "out", decay = dense<0.8> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<[0.5, 0.6, 0.7, 0.4]> : tensor<4xf32>, v_reset = dense<0.0> : tensor<f32>} : tensor<4xf32> -> tensor<4xi1>
  snn.output %s2 : tensor<4xi1>
}
)mlir");
  ASSERT_TRUE(network);
  EXPECT_GT(expectSameOutputs(network, 100, 0.2), 20);
}

TEST_F(ExtractManycoreTest, CurrentBasedAdaptiveRefractoryAndSpikeDelays) {
  snn::NetworkOp network = prepare(R"mlir(
snn.network @cuba(%x: tensor<4xi1>) -> (s: tensor<4xi1>, r: tensor<4xi1>) attributes {dt = 1.0 : f64} {
  %in = snn.linear %x {name = "fc", weight = dense<[[0.9, 0.2, 0.0, 0.5], [0.3, 0.8, 0.4, 0.0], [0.0, 0.5, 0.9, 0.3], [0.6, 0.0, 0.2, 0.8]]> : tensor<4x4xf32>} : tensor<4xi1> -> tensor<4xf32>
  %s = snn.discrete_lif %in {name = "cuba", decay = dense<0.9> : tensor<f32>, gain = dense<0.3> : tensor<f32>, bias = dense<0.01> : tensor<f32>, syn_decay = dense<0.8> : tensor<f32>, syn_gain = dense<1.0> : tensor<f32>, adapt_decay = dense<0.95> : tensor<f32>, adapt_gain = dense<0.2> : tensor<f32>, refractory = 2 : i64, v_threshold = dense<0.6> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>} : tensor<4xf32> -> tensor<4xi1>
  %late = snn.delay %s {name = "late", steps = array<i64: 9, 3, 0, 5>} : tensor<4xi1> -> tensor<4xi1>
  snn.output %s, %late : tensor<4xi1>, tensor<4xi1>
}
)mlir",
                                   /*maxDelay=*/2);
  ASSERT_TRUE(network);
  EXPECT_GT(expectSameOutputs(network, 300, 0.4), 30);
}

TEST_F(ExtractManycoreTest, UnsupportedOpsAreNamed) {
  module = parseSourceString<ModuleOp>(R"mlir(
snn.network @float(%x: tensor<2xi1>) -> (s: tensor<2xi1>) attributes {dt = 1.0 : f64} {
  %0 = snn.linear %x {name = "fc", weight = dense<1.0> : tensor<2x2xf32>} : tensor<2xi1> -> tensor<2xf32>
  %1 = snn.discrete_lif %0 {name = "lif", decay = dense<0.9> : tensor<f32>, gain = dense<1.0> : tensor<f32>, bias = dense<0.0> : tensor<f32>, v_threshold = dense<1.0> : tensor<f32>, v_reset = dense<0.0> : tensor<f32>} : tensor<2xf32> -> tensor<2xi1>
  snn.output %1 : tensor<2xi1>
}
)mlir",
                                       &context);
  ASSERT_TRUE(module);
  std::string message;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    message = diag.str();
    return success();
  });
  auto network = *module->getOps<snn::NetworkOp>().begin();
  EXPECT_TRUE(failed(extractManycoreNetwork(network)));
  EXPECT_EQ(message, "'lif' computes in floating point; many-core targets run "
                     "integers (run snn-quantize first)");
}

// The form of an integer network, synapse by synapse. b's drive sums p and
// q from x and r from b itself. Per element of b, the terms of equal
// (source, neuron, delay) add up and zeros go:
//   b[0]: x[0] 2 @0 (p), x[2] 4 @0 (p), x[2] 7 @3 (q);
//   b[1]: x[0] 3 + 4 = 7 @2 (p, q), x[1] 5 - 5 = 0 @1 (gone), b[0] 6 @3
//         (r: delay 2, plus 1 as r reads b's previous step).
// Each projection lists its synapses by (pre, post, delay).
TEST_F(ExtractManycoreTest, SynapsesMergedPerTargetAndSortedPerSource) {
  module = parseSourceString<ModuleOp>(R"mlir(
snn.network @merge(%x: tensor<3xi1>) -> (s: tensor<2xi1>) attributes {dt = 1.0 : f64} {
  %p = snn.sparse_projection %x {name = "p", row_ptr = array<i64: 0, 2, 3, 4>, targets = array<i64: 1, 0, 1, 0>, weights = dense<[3, 2, 5, 4]> : tensor<4xi32>, delays = array<i64: 2, 0, 1, 0>} : tensor<3xi1> -> tensor<2xi32>
  %q = snn.sparse_projection %x {name = "q", row_ptr = array<i64: 0, 1, 2, 3>, targets = array<i64: 1, 1, 0>, weights = dense<[4, -5, 7]> : tensor<3xi32>, delays = array<i64: 2, 1, 3>} : tensor<3xi1> -> tensor<2xi32>
  %r = snn.sparse_projection %b {name = "r", row_ptr = array<i64: 0, 1, 1>, targets = array<i64: 1>, weights = dense<[6]> : tensor<1xi32>, delays = array<i64: 2>} : tensor<2xi1> -> tensor<2xi32>
  %sum = snn.add %p, %q, %r {name = "sum"} : tensor<2xi32>
  %b = snn.discrete_lif %sum {name = "b", decay = dense<0> : tensor<i64>, gain = dense<65536> : tensor<i64>, bias = dense<0> : tensor<i64>, frac_bits = 16 : i64, state_bits = 32 : i64, rounding = #snn<rounding nearest_even>, v_threshold = dense<1> : tensor<i64>, v_reset = dense<0> : tensor<i64>} : tensor<2xi32> -> tensor<2xi1>
  snn.output %b : tensor<2xi1>
}
)mlir",
                                       &context);
  ASSERT_TRUE(module);
  FailureOr<manycore::Network> form =
      extractManycoreNetwork(*module->getOps<snn::NetworkOp>().begin());
  ASSERT_TRUE(succeeded(form));
  auto listed = [](const manycore::Projection &p) {
    std::vector<std::array<int64_t, 4>> out;
    for (const manycore::Synapse &s : p.synapses)
      out.push_back({s.pre, s.post, s.weight, s.delay});
    return out;
  };
  ASSERT_EQ(form->projections.size(), 2u);
  const manycore::Projection &fromX = form->projections[0];
  EXPECT_EQ(fromX.source, 0);
  EXPECT_EQ(fromX.target, 1);
  EXPECT_EQ(fromX.maxDelay, 3);
  EXPECT_EQ(listed(fromX),
            (std::vector<std::array<int64_t, 4>>{
                {0, 0, 2, 0}, {0, 1, 7, 2}, {2, 0, 4, 0}, {2, 0, 7, 3}}));
  const manycore::Projection &fromB = form->projections[1];
  EXPECT_EQ(fromB.source, 1);
  EXPECT_EQ(fromB.target, 1);
  EXPECT_EQ(fromB.maxDelay, 3);
  EXPECT_EQ(listed(fromB), (std::vector<std::array<int64_t, 4>>{{0, 1, 6, 3}}));
}

// The FPGA parts as machines for snn-partition: one chip of cores holding
// neurons_per_core neurons and synaptic_bytes_per_core of synapses at the
// weight width; inputs take no core.
TEST(MachineFromTargetTest, FpgaParts) {
  targets::TargetDescription artix, ice40, sfq;
  std::string error;
  ASSERT_TRUE(targets::loadTarget(
      "fpga-artix7-100t", targets::getDefaultRegistryOptions(), artix, error))
      << error;
  ASSERT_TRUE(targets::loadTarget(
      "fpga-ice40-up5k", targets::getDefaultRegistryOptions(), ice40, error))
      << error;
  mapping::Machine machine;
  ASSERT_TRUE(machineFromTarget(artix, machine, error)) << error;
  // No "cores": one per block RAM (135) bounds them.
  EXPECT_EQ(machine.pes(), 135);
  EXPECT_EQ(machine.chips(), 1);
  EXPECT_EQ(machine.neuronsPerPe, 256);
  // 65536 bytes of 8-bit weights: 65536 synapses of one "byte" each.
  EXPECT_EQ(machine.memoryBytesPerPe, 65536);
  EXPECT_EQ(machine.synapseBytes, 1);
  EXPECT_EQ(machine.rowHeaderBytes, 0);
  EXPECT_FALSE(machine.inputsTakePes);

  ASSERT_TRUE(machineFromTarget(ice40, machine, error)) << error;
  // "cores": 1; 32768 bytes of 4-bit weights hold 65536 synapses.
  EXPECT_EQ(machine.pes(), 1);
  EXPECT_EQ(machine.memoryBytesPerPe, 65536);

  ASSERT_TRUE(targets::loadTarget(
      "sfq-rsfq", targets::getDefaultRegistryOptions(), sfq, error))
      << error;
  EXPECT_FALSE(machineFromTarget(sfq, machine, error));
  EXPECT_EQ(error,
            "target 'sfq-rsfq' is neither a many-core nor an FPGA target");
}

} // namespace

// A hand-made population may leave driveOffset empty: no offset. Two relay
// neurons (v = x, spike iff v > 0, reset to 0) fed one-to-one from an input
// repeat it: input (1,0), (0,1) gives outputs (1,0), (0,1).
TEST(ManycoreReferenceTest, EmptyDriveOffsetMeansNoOffset) {
  manycore::Network n;
  manycore::Population in;
  in.name = "in";
  in.size = 2;
  in.isInput = true;
  in.inputIndex = 0;
  manycore::Population relay;
  relay.name = "relay";
  relay.size = 2;
  relay.format.spiking = true;
  relay.format.stateBits = 8;
  relay.driveBits = 8;
  relay.params.decay.assign(2, 0);
  relay.params.gain.assign(2, 1);
  relay.params.bias.assign(2, 0);
  relay.params.threshold.assign(2, 0);
  relay.params.vReset.assign(2, 0);
  n.populations = {in, relay};
  manycore::Projection p;
  p.source = 0;
  p.target = 1;
  p.synapses = {{0, 0, 1, 0}, {1, 1, 1, 0}};
  n.projections = {p};
  n.updateOrder = {0, 1};
  n.outputs = {1};
  std::vector<std::vector<int64_t>> out =
      manycore::evaluate(n, {{1, 0, 0, 1}}, 2);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0], (std::vector<int64_t>{1, 0, 0, 1}));
}
