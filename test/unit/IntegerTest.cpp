//===- IntegerTest.cpp - integer arithmetic of the interpreter ------------===//
//
// The fixed-point rules of docs/semantics.md ("Integer populations"), each
// against numbers computed by hand or by an independent formula.
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/SNNOps.h"
#include "runtime/Interpreter.h"
#include "runtime/neuron/FixedPoint.h"
#include "runtime/neuron/IntegerNeuron.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace snc;
using namespace snc::runtime;
using snc::runtime::Rounding;

namespace {

TEST(FixedPointTest, RoundingModesOnPositiveNegativeAndTies) {
  // 7/4 = 1.75, -7/4 = -1.75, 6/4 = 1.5 (tie), 10/4 = 2.5 (tie), -6/4.
  struct Case {
    int64_t value;
    int64_t floor, ceil, towardZero, nearestEven;
  } cases[] = {{7, 1, 2, 1, 2},  {-7, -2, -1, -1, -2}, {6, 1, 2, 1, 2},
               {10, 2, 3, 2, 2}, {-6, -2, -1, -1, -2}, {-10, -3, -2, -2, -2},
               {8, 2, 2, 2, 2},  {-8, -2, -2, -2, -2}, {1, 0, 1, 0, 0},
               {-1, -1, 0, 0, 0}};
  for (const Case &c : cases) {
    EXPECT_EQ(int64_t(dropFraction(c.value, 2, Rounding::Floor)), c.floor)
        << c.value;
    EXPECT_EQ(int64_t(dropFraction(c.value, 2, Rounding::Ceil)), c.ceil)
        << c.value;
    EXPECT_EQ(int64_t(dropFraction(c.value, 2, Rounding::TowardZero)),
              c.towardZero)
        << c.value;
    EXPECT_EQ(int64_t(dropFraction(c.value, 2, Rounding::NearestEven)),
              c.nearestEven)
        << c.value;
  }
}

// One neuron with one fraction bit: syn_decay 1 (0.5), syn_gain 2 (1.0),
// decay 2 (1.0), gain 2 (1.0), no bias; input 4 at step 0, then 0.
// i = 0.5 i + x: 4, 2, 1. The membrane integrates this step's i
// (v = 4, 6, 7) or the previous step's (0, 4, 2: v = 0, 4, 6).
TEST(IntegerNeuronTest, CurrentTimingChoosesWhichCurrentTheMembraneReads) {
  for (bool previous : {false, true}) {
    IntegerNeuronFormat f;
    f.stateBits = 16;
    f.fracBits = 1;
    f.hasSynapse = true;
    f.previousCurrent = previous;
    IntegerNeuronParams p;
    p.synDecay = {1};
    p.synGain = {2};
    p.decay = {2};
    p.gain = {2};
    p.bias = {0};
    IntegerNeuronState s = initialIntegerNeuron(f, p, 0);
    std::vector<int64_t> is, vs;
    for (int64_t x : {4, 0, 0}) {
      stepIntegerNeuron(f, p, 0, s, x);
      is.push_back(s.i);
      vs.push_back(s.v);
    }
    EXPECT_EQ(is, (std::vector<int64_t>{4, 2, 1}));
    EXPECT_EQ(vs, previous ? (std::vector<int64_t>{0, 4, 6})
                           : (std::vector<int64_t>{4, 6, 7}));
  }
}

TEST(FixedPointTest, SaturationAtTheFormatLimits) {
  EXPECT_EQ(saturate(127, 8), 127);
  EXPECT_EQ(saturate(128, 8), 127);
  EXPECT_EQ(saturate(-128, 8), -128);
  EXPECT_EQ(saturate(-129, 8), -128);
  // The most negative 64-bit value survives; beyond it saturates.
  EXPECT_EQ(saturate(Wide(INT64_MIN), 64), INT64_MIN);
  EXPECT_EQ(saturate(Wide(INT64_MIN) - 1, 64), INT64_MIN);
  EXPECT_EQ(saturate(Wide(INT64_MAX) * 4, 64), INT64_MAX);
  // A product of two extreme 64-bit values is exact before it is reduced.
  EXPECT_TRUE(fixedMul(INT64_MIN, INT64_MIN, 62, Rounding::Floor) ==
              (Wide(1) << 64)); // 2^126 / 2^62
  EXPECT_EQ(saturate(fixedMul(INT64_MIN, -1, 0, Rounding::Floor), 64),
            INT64_MAX);
}

class IntegerNetworkTest : public ::testing::Test {
protected:
  IntegerNetworkTest()
      : handler(&context, [this](Diagnostic &diag) {
          diagnostics += diag.str() + "\n";
          return success();
        }) {
    context.loadDialect<snn::SNNDialect>();
  }

  std::unique_ptr<Interpreter> build(const char *source) {
    module = parseSourceString<ModuleOp>(source, &context);
    EXPECT_TRUE(module) << diagnostics;
    if (!module)
      return nullptr;
    auto interp =
        Interpreter::create(*module->getOps<snn::NetworkOp>().begin());
    EXPECT_TRUE(succeeded(interp)) << diagnostics;
    return succeeded(interp) ? std::move(*interp) : nullptr;
  }

  MLIRContext context;
  std::string diagnostics;
  ScopedDiagnosticHandler handler;
  OwningOpRef<ModuleOp> module;
};

// Loihi's bit-accurate CUBA LIF (Lava PyLifModelBitAcc), as published:
//   u = trunc0(u * (4096 - (du + 1)) >> 12) + (a_in << 6)
//   v = trunc0(v * (4096 - dv) >> 12) + u + bias
//   spike if v > vth << 6, then v = 0
// with du = 400, dv = 300, vth = 10, bias 0, as one integer population.
TEST_F(IntegerNetworkTest, LoihiCubaLifMatchesThePublishedFormula) {
  auto interp = build(R"mlir(
snn.network @loihi(%a: tensor<1xi32>) -> (s: tensor<1xi1>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.discrete_lif %a {name = "n",
      syn_decay = dense<3695> : tensor<i32>, syn_gain = dense<262144> : tensor<i32>,
      decay = dense<3796> : tensor<i32>, gain = dense<4096> : tensor<i32>,
      bias = dense<0> : tensor<i32>, v_threshold = dense<640> : tensor<i32>,
      v_reset = dense<0> : tensor<i32>, frac_bits = 12 : i64,
      rounding = #snn<rounding toward_zero>, state_bits = 24 : i64}
      : tensor<1xi32> -> tensor<1xi1>
  snn.output %0 : tensor<1xi1>
})mlir");
  ASSERT_TRUE(interp);
  std::string error;
  const Slot *v = interp->findVariable("n", "v", error);
  ASSERT_TRUE(v) << error;
  // The reference: the formula in 64-bit Python-like integer arithmetic.
  auto trunc0 = [](int64_t p) { return p >= 0 ? p >> 12 : -((-p) >> 12); };
  int64_t u = 0, vr = 0;
  int inputs[] = {3, 0, 2, 0, 0, 5, 1, 0, 0, 0, 4, 4, 0, 0, 0};
  for (int aIn : inputs) {
    u = trunc0(u * (4096 - (400 + 1))) + (int64_t(aIn) << 6);
    vr = trunc0(vr * (4096 - 300)) + u;
    bool spike = vr > (10 << 6);
    if (spike)
      vr = 0;
    interp->getInput(0).setDouble(0, aIn);
    interp->step();
    EXPECT_EQ(interp->getOutput(0).getDouble(0), spike ? 1.0 : 0.0)
        << "step " << interp->getTime();
    EXPECT_EQ(int64_t(v->getDouble(0)), vr) << "step " << interp->getTime();
  }
}

// Xylo's bit-shift decay v -= v >> 3 is the multiplier 7 with 3 fraction
// bits rounded up: ceil(7v/8) = v - floor(v/8).
TEST_F(IntegerNetworkTest, XyloShiftDecayIsCeilOfAMultiplier) {
  auto interp = build(R"mlir(
snn.network @xylo(%x: tensor<1xi16>) -> (v: tensor<1xi16>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.discrete_li %x {name = "n", decay = dense<7> : tensor<i16>,
      gain = dense<8> : tensor<i16>, bias = dense<0> : tensor<i16>,
      frac_bits = 3 : i64, rounding = #snn<rounding ceil>}
      : tensor<1xi16> -> tensor<1xi16>
  snn.output %0 : tensor<1xi16>
})mlir");
  ASSERT_TRUE(interp);
  int64_t v = 0;
  int inputs[] = {1000, 0, 0, -3000, 0, 0, 0, 17, 0, 0};
  for (int x : inputs) {
    v = v - (v >> 3) + x; // arithmetic shift floors, as Xylo's does
    interp->getInput(0).setDouble(0, x);
    interp->step();
    EXPECT_EQ(int64_t(interp->getOutput(0).getDouble(0)), v)
        << "step " << interp->getTime();
  }
}

// State saturates at the format limit instead of wrapping; a threshold at
// the limit is never exceeded.
TEST_F(IntegerNetworkTest, StateSaturatesAndThresholdAtTheLimitNeverFires) {
  auto interp = build(R"mlir(
snn.network @sat(%x: tensor<1xi8>) -> (s: tensor<1xi1>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.discrete_lif %x {name = "n", decay = dense<1> : tensor<i8>,
      gain = dense<1> : tensor<i8>, bias = dense<0> : tensor<i8>,
      v_threshold = dense<127> : tensor<i8>, v_reset = dense<0> : tensor<i8>}
      : tensor<1xi8> -> tensor<1xi1>
  snn.output %0 : tensor<1xi1>
})mlir");
  ASSERT_TRUE(interp);
  std::string error;
  const Slot *v = interp->findVariable("n", "v", error);
  int64_t expected[] = {100, 127, 127, 27, -73, -128, -128};
  int inputs[] = {100, 100, 100, -100, -100, -100, -100};
  for (size_t t = 0; t < std::size(inputs); ++t) {
    interp->getInput(0).setDouble(0, inputs[t]);
    interp->step();
    EXPECT_EQ(int64_t(v->getDouble(0)), expected[t]) << "step " << t;
    EXPECT_EQ(interp->getOutput(0).getDouble(0), 0.0) << "step " << t;
  }
}

// A dense projection accumulates exactly in 64 bits and saturates once,
// when stored to its 8-bit result: 3 * 100 + 2 * 100 - 300 = 200 -> 127,
// although the partial sums pass through 500.
TEST_F(IntegerNetworkTest, AccumulatorSaturatesOnceWhenStored) {
  auto interp = build(R"mlir(
snn.network @acc(%x: tensor<3xi8>) -> (y: tensor<2xi8>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.affine %x {weight = dense<[[3, 2, -3], [-1, -1, -1]]> : tensor<2x3xi8>,
      bias = dense<[0, -100]> : tensor<2xi8>} : tensor<3xi8> -> tensor<2xi8>
  snn.output %0 : tensor<2xi8>
})mlir");
  ASSERT_TRUE(interp);
  for (int k = 0; k < 3; ++k)
    interp->getInput(0).setDouble(k, 100);
  interp->step();
  EXPECT_EQ(interp->getOutput(0).getDouble(0), 127.0);
  EXPECT_EQ(interp->getOutput(0).getDouble(1), -128.0); // -400 saturates
}

TEST_F(IntegerNetworkTest, IntegerPopulationsNeedIntegerParameters) {
  EXPECT_FALSE(parseSourceString<ModuleOp>(R"mlir(
snn.network @bad(%x: tensor<1xi16>) -> (v: tensor<1xi16>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.discrete_li %x {decay = dense<0.5> : tensor<f64>,
      gain = dense<1> : tensor<i16>, bias = dense<0> : tensor<i16>}
      : tensor<1xi16> -> tensor<1xi16>
  snn.output %0 : tensor<1xi16>
})mlir",
                                           &context));
  EXPECT_NE(diagnostics.find("is an integer population, so parameter 'decay' "
                             "must hold integers, not 'f64'"),
            std::string::npos)
      << diagnostics;
  diagnostics.clear();
  EXPECT_FALSE(parseSourceString<ModuleOp>(R"mlir(
snn.network @bad(%x: tensor<1xf32>) -> (v: tensor<1xf32>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.discrete_li %x {decay = dense<0.5> : tensor<f64>,
      gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>,
      frac_bits = 4 : i64} : tensor<1xf32> -> tensor<1xf32>
  snn.output %0 : tensor<1xf32>
})mlir",
                                           &context));
  EXPECT_NE(diagnostics.find("'frac_bits' applies to integer populations only"),
            std::string::npos)
      << diagnostics;
}

} // namespace
