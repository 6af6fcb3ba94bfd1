//===- AttentionTest.cpp - integer attention and its lowering -------------===//
//
// Integer spikformer and spike-driven attention against values derived by
// hand (docs/semantics.md, "Attention on integer networks"), and
// snn-lower-attention checked on random blocks: the interpreter's outputs
// before and after are identical, and the lowered quantized block's
// many-core form reproduces them.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/SNNOps.h"
#include "passes/ExtractManycore.h"
#include "passes/Passes.h"
#include "passes/mapping/ManycoreReference.h"
#include "runtime/Interpreter.h"
#include "runtime/Run.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

using namespace mlir;
using namespace snc;
using namespace snc::runtime;

namespace {

class AttentionTest : public ::testing::Test {
protected:
  AttentionTest()
      : handler(&context, [this](Diagnostic &diag) {
          diagnostics += diag.str() + "\n";
          return success();
        }) {
    context.loadDialect<snn::SNNDialect>();
  }

  snn::NetworkOp parse(const std::string &source) {
    module = parseSourceString<ModuleOp>(source, &context);
    EXPECT_TRUE(module) << diagnostics;
    if (!module)
      return nullptr;
    return *module->getOps<snn::NetworkOp>().begin();
  }

  /// One step on the given inputs; every output's values.
  std::vector<std::vector<double>>
  stepOnce(snn::NetworkOp network,
           const std::vector<std::vector<double>> &inputs) {
    FailureOr<std::unique_ptr<Interpreter>> interp =
        Interpreter::create(network);
    EXPECT_TRUE(succeeded(interp)) << diagnostics;
    if (failed(interp))
      return {};
    for (size_t i = 0; i < inputs.size(); ++i) {
      Slot &slot = (*interp)->getInput(unsigned(i));
      for (size_t k = 0; k < inputs[i].size(); ++k)
        slot.setDouble(int64_t(k), inputs[i][k]);
    }
    (*interp)->step();
    std::vector<std::vector<double>> outputs;
    for (unsigned o = 0; o < network.getFunctionType().getNumResults(); ++o) {
      std::vector<double> values;
      (*interp)->getOutput(o).loadAll(values);
      outputs.push_back(std::move(values));
    }
    return outputs;
  }

  bool lower(snn::NetworkOp network) {
    PassManager pm(&context, snn::NetworkOp::getOperationName());
    pm.addPass(createLowerAttention());
    bool ok = succeeded(pm.run(network));
    EXPECT_TRUE(ok) << diagnostics;
    return ok;
  }

  /// Every output of `steps` steps of `inputs`, flattened.
  std::vector<std::vector<double>> run(snn::NetworkOp network,
                                       const std::vector<NpyArray> &inputs,
                                       int64_t steps) {
    RunResult result;
    std::string error;
    EXPECT_TRUE(runNetwork(network, inputs, steps, {}, result, error))
        << error << diagnostics;
    std::vector<std::vector<double>> outputs;
    for (const NpyArray &array : result.outputs) {
      std::vector<double> values(size_t(array.numElements()));
      for (size_t k = 0; k < values.size(); ++k)
        values[k] = array.getDouble(k);
      outputs.push_back(std::move(values));
    }
    return outputs;
  }

  MLIRContext context;
  std::string diagnostics;
  ScopedDiagnosticHandler handler;
  OwningOpRef<ModuleOp> module;
};

const std::vector<double> kQ = {1, 0, /**/ 1, 1, /**/ 0, 1};
const std::vector<double> kK = {1, 1, /**/ 1, 1, /**/ 1, 0};
const std::vector<double> kV = {1, 0, /**/ 1, 1, /**/ 0, 1};
// By rows of K and V: token 0 adds K0^T V0 =
// [1 1]^T [1 0] = [[1, 0], [1, 0]]; token 1 adds [[1, 1], [1, 1]]; token 2
// adds [1 0]^T [0 1] = [[0, 1], [0, 0]]: K^T V = [[2, 2], [2, 1]].
// Q (K^T V): token 0 = row 0 = [2, 2]; token 1 = row 0 + row 1 = [4, 3];
// token 2 = row 1 = [2, 1]. Counts A = [2, 2, 4, 3, 2, 1].

TEST_F(AttentionTest, IntegerSpikformerIsAFixedPointMultipleOfTheCounts) {
  snn::NetworkOp network = parse(R"mlir(
snn.network @sf(%q: tensor<3x2xi1>, %k: tensor<3x2xi1>, %v: tensor<3x2xi1>)
    -> (floor: tensor<3x2xi32>, even: tensor<3x2xi32>, sat: tensor<3x2xi4>,
        neg: tensor<3x2xi32>) attributes {dt = 1.0 : f64} {
  %0 = snn.attention %q, %k, %v {form = #snn<attention spikformer>,
      scale = 3.0, frac_bits = 2, name = "floor"}
      : tensor<3x2xi1> -> tensor<3x2xi32>
  %1 = snn.attention %q, %k, %v {form = #snn<attention spikformer>,
      scale = 3.0, frac_bits = 2, rounding = #snn<rounding nearest_even>,
      name = "even"} : tensor<3x2xi1> -> tensor<3x2xi32>
  %2 = snn.attention %q, %k, %v {form = #snn<attention spikformer>,
      scale = 2.0, name = "sat"} : tensor<3x2xi1> -> tensor<3x2xi4>
  %3 = snn.attention %q, %k, %v {form = #snn<attention spikformer>,
      scale = -3.0, frac_bits = 2, rounding = #snn<rounding toward_zero>,
      name = "neg"} : tensor<3x2xi1> -> tensor<3x2xi32>
  snn.output %0, %1, %2, %3
      : tensor<3x2xi32>, tensor<3x2xi32>, tensor<3x2xi4>, tensor<3x2xi32>
}
)mlir");
  ASSERT_TRUE(network);
  std::vector<std::vector<double>> out = stepOnce(network, {kQ, kK, kV});
  ASSERT_EQ(out.size(), 4u);
  // 3 A / 4 for A = [2, 2, 4, 3, 2, 1] is [1.5, 1.5, 3, 2.25, 1.5, 0.75].
  // floor:        [1, 1, 3, 2, 1, 0]
  EXPECT_EQ(out[0], (std::vector<double>{1, 1, 3, 2, 1, 0}));
  // nearest_even: 1.5 -> 2, 2.25 -> 2, 0.75 -> 1.
  EXPECT_EQ(out[1], (std::vector<double>{2, 2, 3, 2, 2, 1}));
  // 2 A = [4, 4, 8, 6, 4, 2]; i4 saturates 8 to 7.
  EXPECT_EQ(out[2], (std::vector<double>{4, 4, 7, 6, 4, 2}));
  // -3 A / 4 toward zero: [-1, -1, -3, -2, -1, 0].
  EXPECT_EQ(out[3], (std::vector<double>{-1, -1, -3, -2, -1, 0}));
}

TEST_F(AttentionTest, SpikeDrivenComparesExactCountsWithTheFlooredThreshold) {
  snn::NetworkOp network = parse(R"mlir(
snn.network @sd(%q: tensor<3x2xi1>, %k: tensor<3x2xi1>, %v: tensor<3x2xi1>)
    -> (a: tensor<3x2xi1>, b: tensor<3x2xi1>, c: tensor<3x2xi1>)
    attributes {dt = 1.0 : f64} {
  %0 = snn.attention %q, %k, %v {form = #snn<attention spike_driven>,
      threshold = 1.5, name = "a"} : tensor<3x2xi1> -> tensor<3x2xi1>
  %1 = snn.attention %q, %k, %v {form = #snn<attention spike_driven>,
      threshold = -0.5, name = "b"} : tensor<3x2xi1> -> tensor<3x2xi1>
  %2 = snn.attention %q, %k, %v {form = #snn<attention spike_driven>,
      threshold = 0.999, name = "c"} : tensor<3x2xi1> -> tensor<3x2xi1>
  snn.output %0, %1, %2 : tensor<3x2xi1>, tensor<3x2xi1>, tensor<3x2xi1>
}
)mlir");
  ASSERT_TRUE(network);
  std::vector<std::vector<double>> out = stepOnce(network, {kQ, kK, kV});
  ASSERT_EQ(out.size(), 3u);
  // Q AND K = [1 0; 1 1; 0 0]: column sums [2, 1].
  // t = 1.5 (floor 1): mask [1, 0] -> V's column 0.
  EXPECT_EQ(out[0], (std::vector<double>{1, 0, 1, 0, 0, 0}));
  // t = -0.5 (floor -1): every count passes.
  EXPECT_EQ(out[1], kV);
  // t = 0.999 (floor 0): 1 > 0.999, mask [1, 1] -> V.
  EXPECT_EQ(out[2], kV);
}

/// Two spike-driven attention ops (and an integer spikformer one) on
/// [n, d] spike inputs, with a random threshold.
std::string randomAttentionNetwork(std::mt19937 &rng, int64_t n, int64_t d,
                                   bool integerSpikformer) {
  std::string t =
      "tensor<" + std::to_string(n) + "x" + std::to_string(d) + "xi1>";
  std::string ti =
      "tensor<" + std::to_string(n) + "x" + std::to_string(d) + "xi32>";
  int threshold = int(rng() % unsigned(n + 3)) - 2; // -2 .. n
  std::string s = "snn.network @r(%q: " + t + ", %k: " + t + ", %v: " + t +
                  ") -> (a: " + t + ", b: " + t;
  if (integerSpikformer)
    s += ", c: " + ti;
  s += ") attributes {dt = 1.0 : f64} {\n";
  s += "  %a = snn.attention %q, %k, %v {form = #snn<attention "
       "spike_driven>, threshold = " +
       std::to_string(threshold) + ".5, name = \"a\"} : " + t + " -> " + t +
       "\n";
  // Operands permuted: the lowering keeps each operand's role.
  s += "  %b = snn.attention %v, %q, %k {form = #snn<attention "
       "spike_driven>, name = \"b\"} : " +
       t + " -> " + t + "\n";
  if (integerSpikformer)
    s += "  %c = snn.attention %k, %v, %q {form = #snn<attention "
         "spikformer>, scale = 12.0, frac_bits = 2, name = \"c\"} : " +
         t + " -> " + ti + "\n";
  s += "  snn.output %a, %b";
  if (integerSpikformer)
    s += ", %c";
  s += " : " + t + ", " + t + (integerSpikformer ? ", " + ti : "") + "\n}\n";
  return s;
}

std::vector<NpyArray> randomSpikes(std::mt19937 &rng, int64_t steps, int64_t n,
                                   int64_t d, double density) {
  std::vector<NpyArray> arrays;
  std::uniform_real_distribution<double> u(0, 1);
  for (int i = 0; i < 3; ++i) {
    NpyArray array = NpyArray::zeros(NpyDType::Bool, {steps, n, d});
    for (int64_t k = 0; k < steps * n * d; ++k)
      array.setDouble(size_t(k), u(rng) < density);
    arrays.push_back(std::move(array));
  }
  return arrays;
}

TEST_F(AttentionTest, LoweringKeepsTheInterpretersOutputsOnRandomInputs) {
  std::mt19937 rng(14);
  int64_t activeMasks = 0;
  for (int trial = 0; trial < 20; ++trial) {
    int64_t n = 1 + int64_t(rng() % 6), d = 1 + int64_t(rng() % 5);
    double density = 0.2 + 0.6 * double(rng() % 100) / 100;
    std::string source = randomAttentionNetwork(rng, n, d, trial % 2 == 0);
    std::vector<NpyArray> inputs = randomSpikes(rng, 30, n, d, density);
    snn::NetworkOp network = parse(source);
    ASSERT_TRUE(network) << source;
    std::vector<std::vector<double>> before = run(network, inputs, 30);
    ASSERT_TRUE(lower(network)) << source;
    network.walk([&](snn::AttentionOp) { ADD_FAILURE() << "not lowered"; });
    std::vector<std::vector<double>> after = run(network, inputs, 30);
    ASSERT_EQ(before.size(), after.size());
    for (size_t o = 0; o < before.size(); ++o) {
      EXPECT_EQ(before[o], after[o])
          << "trial " << trial << " output " << o << "\n"
          << source;
      for (double x : before[o])
        activeMasks += x != 0;
    }
  }
  // Not vacuous: the outputs spike (and count).
  EXPECT_GT(activeMasks, 1000);
}

TEST_F(AttentionTest, LoweredBlockRunsOnTheManycoreFormBitExactly) {
  std::mt19937 rng(7);
  std::string source = randomAttentionNetwork(rng, 5, 4, false);
  snn::NetworkOp network = parse(source);
  ASSERT_TRUE(network);
  ASSERT_TRUE(lower(network));
  FailureOr<manycore::Network> form = extractManycoreNetwork(network);
  ASSERT_TRUE(succeeded(form)) << diagnostics;
  const int64_t steps = 40;
  std::vector<NpyArray> inputs = randomSpikes(rng, steps, 5, 4, 0.5);
  std::vector<std::vector<uint8_t>> bytes;
  for (const NpyArray &array : inputs) {
    std::vector<uint8_t> flat(size_t(array.numElements()));
    for (size_t k = 0; k < flat.size(); ++k)
      flat[k] = uint8_t(array.getDouble(k));
    bytes.push_back(std::move(flat));
  }
  std::vector<std::vector<double>> expected = run(network, inputs, steps);
  std::vector<std::vector<int64_t>> evaluated =
      manycore::evaluate(*form, bytes, steps);
  ASSERT_EQ(evaluated.size(), expected.size());
  int64_t spikes = 0;
  for (size_t o = 0; o < expected.size(); ++o) {
    ASSERT_EQ(evaluated[o].size(), expected[o].size());
    for (size_t k = 0; k < expected[o].size(); ++k) {
      EXPECT_EQ(double(evaluated[o][k]), expected[o][k])
          << "output " << o << " element " << k;
      spikes += expected[o][k] != 0;
    }
  }
  EXPECT_GT(spikes, 50);
}

} // namespace
