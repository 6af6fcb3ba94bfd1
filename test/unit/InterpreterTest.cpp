//===- InterpreterTest.cpp - Tests of the reference interpreter's numerics ===//
//
// Every network is written as MLIR text, lowered with the pipeline `snc run`
// uses when it is continuous-time, and stepped by the interpreter. Expected
// values are closed forms or numbers computed by hand and written out as
// literals, never values read back from the interpreter itself.
//
//===----------------------------------------------------------------------===//

#include "runtime/Interpreter.h"
#include "dialects/snn/SNNOps.h"
#include "dialects/snn/SynapseArrays.h"
#include "passes/Pipelines.h"
#include "runtime/Run.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

using namespace mlir;
using namespace snc;
using namespace snc::runtime;

namespace {

using Rows = std::vector<std::vector<double>>;

std::vector<double> valuesOf(const Slot &slot) {
  std::vector<double> values;
  slot.loadAll(values);
  return values;
}

/// Exact element-wise comparison: the hand-computed cases use values that
/// are exact in binary floating point (dyadic fractions).
void expectValues(const std::vector<double> &actual,
                  const std::vector<double> &expected,
                  const std::string &what) {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (size_t i = 0; i < actual.size(); ++i)
    EXPECT_EQ(actual[i], expected[i]) << what << ", element " << i;
}

/// |actual - expected| <= relative * |expected|, for every element.
void expectRelative(const std::vector<double> &actual,
                    const std::vector<double> &expected, double relative,
                    const std::string &what) {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (size_t i = 0; i < actual.size(); ++i)
    EXPECT_LE(std::fabs(actual[i] - expected[i]),
              relative * std::fabs(expected[i]))
        << what << ", element " << i << ": " << actual[i] << " vs "
        << expected[i];
}

/// A context with the snn dialect whose diagnostics are collected in
/// `diagnostics` (and shown when a test fails) instead of printed.
class InterpreterTest : public ::testing::Test {
protected:
  InterpreterTest()
      : handler(&context, [this](Diagnostic &diag) {
          diagnostics += diag.str() + "\n";
          return success();
        }) {
    context.loadDialect<snn::SNNDialect>();
  }

  /// Parses `source`; null (and a failed expectation) on a syntax error.
  OwningOpRef<ModuleOp> parse(llvm::StringRef source) {
    OwningOpRef<ModuleOp> module =
        parseSourceString<ModuleOp>(source, &context);
    EXPECT_TRUE(module) << diagnostics;
    return module;
  }

  /// What `snc run` does to a continuous-time network before running it.
  bool prepare(ModuleOp module, double dt, const std::string &scheme) {
    PassManager pm(&context);
    buildPrepareRunPipeline(pm, PrepareRunOptions{dt, scheme});
    bool ok = succeeded(pm.run(module));
    EXPECT_TRUE(ok) << diagnostics;
    return ok;
  }

  static snn::NetworkOp firstNetwork(ModuleOp module) {
    auto networks = module.getOps<snn::NetworkOp>();
    return networks.empty() ? snn::NetworkOp() : *networks.begin();
  }

  /// Parses a discrete network (and lowers it first when dt > 0), then
  /// plans its interpretation. Null on any failure.
  std::unique_ptr<Interpreter> load(llvm::StringRef source, double dt = 0.0,
                                    const std::string &scheme = "euler") {
    module = parse(source);
    if (!module)
      return nullptr;
    if (dt > 0 && !prepare(*module, dt, scheme))
      return nullptr;
    snn::NetworkOp network = firstNetwork(*module);
    EXPECT_TRUE(network) << "no snn.network in the source";
    if (!network)
      return nullptr;
    FailureOr<std::unique_ptr<Interpreter>> interp =
        Interpreter::create(network);
    EXPECT_TRUE(succeeded(interp)) << diagnostics;
    return succeeded(interp) ? std::move(*interp) : nullptr;
  }

  /// `node.var`, or null (and a failed expectation) if it does not exist.
  const Slot *variable(const Interpreter &interp, llvm::StringRef node,
                       llvm::StringRef var) {
    std::string error;
    const Slot *slot = interp.findVariable(node, var, error);
    EXPECT_NE(slot, nullptr) << error;
    return slot;
  }

  static void setInput(Interpreter &interp, unsigned i,
                       const std::vector<double> &values) {
    Slot &slot = interp.getInput(i);
    ASSERT_EQ(slot.getSize(), int64_t(values.size())) << "input " << i;
    for (size_t k = 0; k < values.size(); ++k)
      slot.setDouble(k, values[k]);
  }

  /// Feeds row t of `inputs` to input 0 at step t and returns the value of
  /// every slot in `record` after each step: result[slot][t] is a row.
  std::vector<Rows> run(Interpreter &interp, const Rows &inputs,
                        const std::vector<const Slot *> &record) {
    std::vector<Rows> trace(record.size());
    for (const std::vector<double> &row : inputs) {
      setInput(interp, 0, row);
      interp.step();
      for (size_t r = 0; r < record.size(); ++r)
        trace[r].push_back(record[r] ? valuesOf(*record[r])
                                     : std::vector<double>());
    }
    return trace;
  }

  MLIRContext context;
  std::string diagnostics;
  ScopedDiagnosticHandler handler;
  OwningOpRef<ModuleOp> module;
};

/// Rows of a one-neuron trace, for comparing with a literal list.
std::vector<double> column(const Rows &rows, size_t k = 0) {
  std::vector<double> out;
  for (const std::vector<double> &row : rows)
    out.push_back(row.at(k));
  return out;
}

//===----------------------------------------------------------------------===//
// 1. LIF under a constant current: closed forms
//===----------------------------------------------------------------------===//

// Three neurons with their own tau, r and v_leak; dt / tau = 0.1, 0.05, 0.02.
// The threshold is out of reach, so v never resets.
constexpr const char *kConstantCurrentLIF = R"mlir(
snn.network @lif(%x: tensor<3xf64>) -> (s: tensor<3xi1>) {
  %0 = snn.lif %x {tau = dense<[1.0e-2, 2.0e-2, 5.0e-2]> : tensor<3xf64>,
                   r = dense<[2.0, 0.5, 1.0]> : tensor<3xf64>,
                   v_leak = dense<[0.0, 0.25, -0.5]> : tensor<3xf64>,
                   v_threshold = dense<1.0e9> : tensor<f64>,
                   v_reset = dense<0.0> : tensor<f64>, name = "pop"}
      : tensor<3xf64> -> tensor<3xi1>
  snn.output %0 : tensor<3xi1>
}
)mlir";

constexpr double kDt = 1.0e-3;
const double kTau[3] = {1.0e-2, 2.0e-2, 5.0e-2};
const double kR[3] = {2.0, 0.5, 1.0};
const double kVLeak[3] = {0.0, 0.25, -0.5};
const std::vector<double> kCurrent = {1.5, 3.0, 2.0};

// tau dv/dt = (v_leak - v) + r I from v = 0 tends to v_inf = r I + v_leak.
double vInfinity(int k) { return kR[k] * kCurrent[k] + kVLeak[k]; }

TEST_F(InterpreterTest, LIFConstantCurrentEulerMatchesClosedForm) {
  std::unique_ptr<Interpreter> interp = load(kConstantCurrentLIF, kDt, "euler");
  ASSERT_TRUE(interp);
  const Slot *v = variable(*interp, "pop", "v");
  ASSERT_TRUE(v);
  ASSERT_EQ(v->getKind(), ElementKind::F64);
  for (int t = 1; t <= 200; ++t) {
    setInput(*interp, 0, kCurrent);
    interp->step();
    std::vector<double> expected;
    for (int k = 0; k < 3; ++k) // v_t = v_inf (1 - (1 - dt/tau)^t)
      expected.push_back(vInfinity(k) *
                         (1.0 - std::pow(1.0 - kDt / kTau[k], t)));
    expectRelative(valuesOf(*v), expected, 1e-6,
                   "v after step " + std::to_string(t));
    expectValues(valuesOf(interp->getOutput(0)), {0, 0, 0},
                 "spikes after step " + std::to_string(t));
  }
}

TEST_F(InterpreterTest, LIFConstantCurrentExactMatchesContinuousSolution) {
  std::unique_ptr<Interpreter> interp = load(kConstantCurrentLIF, kDt, "exact");
  ASSERT_TRUE(interp);
  const Slot *v = variable(*interp, "pop", "v");
  ASSERT_TRUE(v);
  ASSERT_EQ(v->getKind(), ElementKind::F64);
  for (int t = 1; t <= 200; ++t) {
    setInput(*interp, 0, kCurrent);
    interp->step();
    std::vector<double> expected;
    for (int k = 0; k < 3; ++k) // v(t dt) = v_inf (1 - exp(-t dt / tau))
      expected.push_back(vInfinity(k) * -std::expm1(-t * kDt / kTau[k]));
    expectRelative(valuesOf(*v), expected, 1e-12,
                   "v after step " + std::to_string(t));
  }
}

//===----------------------------------------------------------------------===//
// 2. Reset modes and refractoriness of snn.discrete_lif
//===----------------------------------------------------------------------===//

TEST_F(InterpreterTest, ResetModesOnHandComputedSpikeTrains) {
  // Integrate-and-fire (decay 1) on a constant 0.75, threshold 1 (strict).
  std::unique_ptr<Interpreter> interp = load(R"mlir(
snn.network @resets(%x: tensor<1xf32>)
    -> (to_value: tensor<1xi1>, subtract: tensor<1xi1>, none: tensor<1xi1>)
    attributes {dt = 1.0e-3 : f64} {
  %a = snn.discrete_lif %x {decay = dense<1.0> : tensor<f64>,
      gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>,
      v_threshold = dense<1.0> : tensor<f64>,
      v_reset = dense<0.0> : tensor<f64>,
      reset = #snn<reset to_value>, name = "a"} : tensor<1xf32> -> tensor<1xi1>
  %b = snn.discrete_lif %x {decay = dense<1.0> : tensor<f64>,
      gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>,
      v_threshold = dense<1.0> : tensor<f64>,
      v_reset = dense<0.0> : tensor<f64>,
      reset = #snn<reset subtract>, name = "b"} : tensor<1xf32> -> tensor<1xi1>
  %c = snn.discrete_lif %x {decay = dense<1.0> : tensor<f64>,
      gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>,
      v_threshold = dense<1.0> : tensor<f64>,
      v_reset = dense<0.0> : tensor<f64>,
      reset = #snn<reset none>, name = "c"} : tensor<1xf32> -> tensor<1xi1>
  snn.output %a, %b, %c : tensor<1xi1>, tensor<1xi1>, tensor<1xi1>
}
)mlir");
  ASSERT_TRUE(interp);
  std::vector<const Slot *> record = {
      &interp->getOutput(0), variable(*interp, "a", "v"),
      &interp->getOutput(1), variable(*interp, "b", "v"),
      &interp->getOutput(2), variable(*interp, "c", "v")};
  std::vector<Rows> trace = run(*interp, Rows(12, {0.75}), record);

  // to_value: 0.75, 1.5 -> fire, back to 0, ...
  expectValues(column(trace[0]), {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1},
               "to_value spikes");
  expectValues(column(trace[1]),
               {0.75, 0, 0.75, 0, 0.75, 0, 0.75, 0, 0.75, 0, 0.75, 0},
               "to_value v");
  // subtract: 1.5 -> 0.5, 1.25 -> 0.25, 1.0 does not fire (strict), ...
  expectValues(column(trace[2]), {0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0},
               "subtract spikes");
  expectValues(
      column(trace[3]),
      {0.75, 0.5, 0.25, 1.0, 0.75, 0.5, 0.25, 1.0, 0.75, 0.5, 0.25, 1.0},
      "subtract v");
  // none: v keeps growing and fires on every step from the second on.
  expectValues(column(trace[4]), {0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
               "none spikes");
  expectValues(
      column(trace[5]),
      {0.75, 1.5, 2.25, 3.0, 3.75, 4.5, 5.25, 6.0, 6.75, 7.5, 8.25, 9.0},
      "none v");
}

TEST_F(InterpreterTest, RefractoryPeriodHoldsResetValue) {
  // refractory = 2: after each spike, two steps at v_reset = 0.25 in which
  // the input (even a huge one) is ignored and no spike is possible.
  std::unique_ptr<Interpreter> interp = load(R"mlir(
snn.network @refractory(%x: tensor<1xf64>) -> (s: tensor<1xi1>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.discrete_lif %x {decay = dense<1.0> : tensor<f64>,
      gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>,
      v_threshold = dense<1.0> : tensor<f64>,
      v_reset = dense<0.25> : tensor<f64>, refractory = 2 : i64,
      name = "pop"} : tensor<1xf64> -> tensor<1xi1>
  snn.output %0 : tensor<1xi1>
}
)mlir");
  ASSERT_TRUE(interp);
  Rows input = {{0.625}, {0.625}, {10.0},  {10.0},  {0.625},
                {0.625}, {0.625}, {0.625}, {0.625}, {0.625}};
  std::vector<Rows> trace = run(
      *interp, input, {&interp->getOutput(0), variable(*interp, "pop", "v")});
  expectValues(column(trace[0]), {0, 1, 0, 0, 0, 1, 0, 0, 0, 1}, "spikes");
  expectValues(column(trace[1]),
               {0.625, 0.25, 0.25, 0.25, 0.875, 0.25, 0.25, 0.25, 0.875, 0.25},
               "v");
}

TEST_F(InterpreterTest, SynapticCurrentKeepsIntegratingWhileRefractory) {
  // The synapse stage runs before the refractory check, so the current
  // decays normally during the refractory step.
  std::unique_ptr<Interpreter> interp = load(R"mlir(
snn.network @refractory_syn(%x: tensor<1xf64>) -> (s: tensor<1xi1>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.discrete_lif %x {decay = dense<0.0> : tensor<f64>,
      gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>,
      v_threshold = dense<1.0> : tensor<f64>,
      v_reset = dense<0.0> : tensor<f64>, refractory = 1 : i64,
      syn_decay = dense<0.5> : tensor<f64>, syn_gain = dense<1.0> : tensor<f64>,
      name = "pop"} : tensor<1xf64> -> tensor<1xi1>
  snn.output %0 : tensor<1xi1>
}
)mlir");
  ASSERT_TRUE(interp);
  std::vector<Rows> trace =
      run(*interp, {{2.0}, {0.0}, {0.0}, {0.0}},
          {&interp->getOutput(0), variable(*interp, "pop", "v"),
           variable(*interp, "pop", "i")});
  expectValues(column(trace[0]), {1, 0, 0, 0}, "spikes");
  expectValues(column(trace[1]), {0.0, 0.0, 0.5, 0.25}, "v");
  expectValues(column(trace[2]), {2.0, 1.0, 0.5, 0.25}, "i");
}

//===----------------------------------------------------------------------===//
// 3. Recurrent cycles: a back-edge carries the previous step's value
//===----------------------------------------------------------------------===//

// Two neurons (v = drive: decay 0) that excite each other through `rec`.
// Neuron 0 is kicked at step 0; the spike then ping-pongs one step late.
constexpr const char *kPingPong = R"mlir(
snn.network @loop(%x: tensor<2xf64>) -> (OUTPUTS)
    attributes {dt = 1.0e-3 : f64} {
  %sum = snn.add %x, %rec {name = "sum"} : tensor<2xf64>
  %s = snn.discrete_lif %sum {decay = dense<0.0> : tensor<f64>,
      gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>,
      v_threshold = dense<0.5> : tensor<f64>,
      v_reset = dense<0.0> : tensor<f64>, name = "pop"}
      : tensor<2xf64> -> tensor<2xi1>
  %rec = snn.affine %s {
      weight = dense<[[0.0, 0.75], [2.0, 0.0]]> : tensor<2x2xf64>,
      bias = dense<[0.125, -0.25]> : tensor<2xf64>, name = "rec"}
      : tensor<2xi1> -> tensor<2xf64>
  snn.output RESULTS
}
)mlir";

std::string pingPong(const std::string &outputs, const std::string &results) {
  std::string text = kPingPong;
  text.replace(text.find("OUTPUTS"), 7, outputs);
  text.replace(text.find("RESULTS"), 7, results);
  return text;
}

TEST_F(InterpreterTest, RecurrentCycleArrivesOneStepLate) {
  // Output %s: schedule rec (reads s of the previous step), sum, pop.
  std::unique_ptr<Interpreter> interp =
      load(pingPong("s: tensor<2xi1>", "%s : tensor<2xi1>"));
  ASSERT_TRUE(interp);
  Rows input = {{1, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}};
  std::vector<Rows> trace =
      run(*interp, input,
          {&interp->getOutput(0), variable(*interp, "rec", "out"),
           variable(*interp, "sum", "out")});
  // rec(t) = bias + W s(t-1), with s(-1) = 0.
  Rows spikes = {{1, 0}, {0, 1}, {1, 0}, {0, 1}, {1, 0}};
  Rows rec = {{0.125, -0.25},
              {0.125, 1.75},
              {0.875, -0.25},
              {0.125, 1.75},
              {0.875, -0.25}};
  Rows sum = {{1.125, -0.25},
              {0.125, 1.75},
              {0.875, -0.25},
              {0.125, 1.75},
              {0.875, -0.25}};
  for (size_t t = 0; t < input.size(); ++t) {
    std::string at = " at step " + std::to_string(t);
    expectValues(trace[0][t], spikes[t], "spikes" + at);
    expectValues(trace[1][t], rec[t], "rec" + at);
    expectValues(trace[2][t], sum[t], "sum" + at);
  }
}

TEST_F(InterpreterTest, BackEdgeFollowsDepthFirstOrderFromOutputs) {
  // Output %rec: the DFS from rec reaches pop, then sum, whose operand rec
  // is on the stack; so sum reads rec of the previous step (0 at step 0,
  // not even its bias) and rec sees this step's spikes.
  std::unique_ptr<Interpreter> interp =
      load(pingPong("r: tensor<2xf64>", "%rec : tensor<2xf64>"));
  ASSERT_TRUE(interp);
  Rows input = {{1, 0}, {0, 0}, {0, 0}, {0, 0}};
  std::vector<Rows> trace =
      run(*interp, input,
          {variable(*interp, "pop", "out"), &interp->getOutput(0),
           variable(*interp, "sum", "out")});
  Rows spikes = {{1, 0}, {0, 1}, {1, 0}, {0, 1}};
  Rows rec = {{0.125, 1.75}, {0.875, -0.25}, {0.125, 1.75}, {0.875, -0.25}};
  Rows sum = {{1.0, 0.0}, {0.125, 1.75}, {0.875, -0.25}, {0.125, 1.75}};
  for (size_t t = 0; t < input.size(); ++t) {
    std::string at = " at step " + std::to_string(t);
    expectValues(trace[0][t], spikes[t], "spikes" + at);
    expectValues(trace[1][t], rec[t], "rec" + at);
    expectValues(trace[2][t], sum[t], "sum" + at);
  }
}

TEST_F(InterpreterTest, SelfLoopReadsPreviousStep) {
  // An op that consumes its own result closes a cycle of length one: the
  // operand is a back-edge and must carry the previous step's value.
  //   acc(t) = x(t) + acc(t-1)            (an integrator)
  //   lin(t) = 0.5 * lin(t-1) + 1         (a linear recurrence)
  std::unique_ptr<Interpreter> interp = load(R"mlir(
snn.network @self(%x: tensor<1xf64>) -> (acc: tensor<1xf64>, lin: tensor<1xf64>)
    attributes {dt = 1.0e-3 : f64} {
  %acc = snn.add %x, %acc {name = "acc"} : tensor<1xf64>
  %lin = snn.affine %lin {weight = dense<[[0.5]]> : tensor<1x1xf64>,
      bias = dense<1.0> : tensor<f64>, name = "lin"}
      : tensor<1xf64> -> tensor<1xf64>
  snn.output %acc, %lin : tensor<1xf64>, tensor<1xf64>
}
)mlir");
  ASSERT_TRUE(interp);
  std::vector<Rows> trace = run(*interp, Rows(4, {1.0}),
                                {&interp->getOutput(0), &interp->getOutput(1)});
  expectValues(column(trace[0]), {1.0, 2.0, 3.0, 4.0}, "acc");
  expectValues(column(trace[1]), {1.0, 1.5, 1.75, 1.875}, "lin");
}

//===----------------------------------------------------------------------===//
// 4. Delays
//===----------------------------------------------------------------------===//

// out(t)[k] = x(t - steps[k]), 0 before anything arrived; x(t) = (t+1) *
// (1, 10, 100), so every value names the step it was sent in.
void expectDelayed(const Rows &trace, const std::vector<int64_t> &steps) {
  for (size_t t = 0; t < trace.size(); ++t) {
    std::vector<double> expected;
    for (size_t k = 0; k < steps.size(); ++k) {
      int64_t sent = int64_t(t) - steps[k];
      expected.push_back(sent < 0 ? 0.0 : double(sent + 1) * std::pow(10.0, k));
    }
    expectValues(trace[t], expected,
                 "delay output at step " + std::to_string(t));
  }
}

Rows delayInput(int steps) {
  Rows rows;
  for (int t = 0; t < steps; ++t)
    rows.push_back({double(t + 1), 10.0 * (t + 1), 100.0 * (t + 1)});
  return rows;
}

TEST_F(InterpreterTest, DelayStepsPerElement) {
  std::unique_ptr<Interpreter> interp = load(R"mlir(
snn.network @delay(%x: tensor<3xf32>) -> (y: tensor<3xf32>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.delay %x {steps = array<i64: 0, 1, 3>, name = "d"}
      : tensor<3xf32> -> tensor<3xf32>
  snn.output %0 : tensor<3xf32>
}
)mlir");
  ASSERT_TRUE(interp);
  std::vector<Rows> trace =
      run(*interp, delayInput(10), {&interp->getOutput(0)});
  expectDelayed(trace[0], {0, 1, 3});
}

TEST_F(InterpreterTest, DelayInSecondsBecomesWholeSteps) {
  std::unique_ptr<Interpreter> interp = load(R"mlir(
snn.network @delay(%x: tensor<3xf64>) -> (y: tensor<3xf64>) {
  %0 = snn.delay %x {delay = dense<[0.0, 1.0e-3, 3.0e-3]> : tensor<3xf64>,
      name = "d"} : tensor<3xf64> -> tensor<3xf64>
  snn.output %0 : tensor<3xf64>
}
)mlir",
                                             1.0e-3);
  ASSERT_TRUE(interp);
  std::vector<Rows> trace =
      run(*interp, delayInput(10), {&interp->getOutput(0)});
  expectDelayed(trace[0], {0, 1, 3});
}

TEST_F(InterpreterTest, SparseProjectionDelaysPerSynapse) {
  // Source 0 -> target 0 (w 0.5, delay 0), target 2 (w 2, delay 2);
  // source 1 -> target 1 (w -1, delay 4), target 2 (w 0.25, delay 1).
  module = parse(R"mlir(
snn.network @sparse(%x: tensor<2xi1>) -> (y: tensor<3xf64>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.sparse_projection %x {row_ptr = array<i64: 0, 2, 4>,
      targets = array<i64: 0, 2, 1, 2>,
      weights = dense<[0.5, 2.0, -1.0, 0.25]> : tensor<4xf64>,
      delays = array<i64: 0, 2, 4, 1>, name = "proj"}
      : tensor<2xi1> -> tensor<3xf64>
  snn.output %0 : tensor<3xf64>
}
)mlir");
  ASSERT_TRUE(module);
  // Spikes: source 0 at steps 1 and 3, source 1 at steps 2 and 3.
  NpyArray spikes = NpyArray::zeros(NpyDType::Bool, {10, 2});
  for (auto [t, s] :
       std::vector<std::pair<int, int>>{{1, 0}, {3, 0}, {2, 1}, {3, 1}})
    spikes.setDouble(t * 2 + s, 1.0);
  RunResult result;
  std::string error;
  ASSERT_TRUE(runNetwork(firstNetwork(*module), {spikes}, -1, {{"proj", "out"}},
                         result, error))
      << error << diagnostics;
  ASSERT_EQ(result.outputs.size(), 1u);
  const NpyArray &y = result.outputs[0];
  ASSERT_EQ(y.shape, (std::vector<int64_t>{10, 3}));
  EXPECT_EQ(y.dtype, NpyDType::Float64);
  Rows expected = {{0, 0, 0},    {0.5, 0, 0}, {0, 0, 0},  {0.5, 0, 2.25},
                   {0, 0, 0.25}, {0, 0, 2.0}, {0, -1, 0}, {0, -1, 0},
                   {0, 0, 0},    {0, 0, 0}};
  for (int t = 0; t < 10; ++t)
    for (int j = 0; j < 3; ++j) {
      EXPECT_EQ(y.getDouble(t * 3 + j), expected[t][j])
          << "target " << j << " at step " << t;
      EXPECT_EQ(result.recordings[0].getDouble(t * 3 + j), expected[t][j])
          << "recorded target " << j << " at step " << t;
    }
}

//===----------------------------------------------------------------------===//
// 5. Reservoirs: deterministic from their seed
//===----------------------------------------------------------------------===//

struct Materialized {
  bool ok = false;
  std::string ir;
  std::string diagnostics;
  int64_t sources = 0;
  std::vector<int64_t> rowPtr, targets;
};

/// Materializes a 200-neuron reservoir in a context of its own.
Materialized materializeReservoir(int64_t seed) {
  Materialized m;
  MLIRContext context;
  ScopedDiagnosticHandler handler(&context, [&](Diagnostic &diag) {
    m.diagnostics += diag.str() + "\n";
    return success();
  });
  context.loadDialect<snn::SNNDialect>();
  std::string source = R"mlir(
snn.network @lsm(%x: tensor<4xf32>) -> (s: tensor<200xi1>) {
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.1 : f64,
      w_ee = 0.5 : f64, w_ei = 0.25 : f64, w_ie = -1.0 : f64,
      w_ii = -0.75 : f64, w_in = 2.0 : f64, tau = 2.0e-2 : f64,
      v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = SEED : i64,
      name = "res"} : tensor<4xf32> -> tensor<200xi1>
  snn.output %0 : tensor<200xi1>
}
)mlir";
  source.replace(source.find("SEED"), 4, std::to_string(seed));
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(source, &context);
  if (!module)
    return m;
  PassManager pm(&context);
  buildPrepareRunPipeline(pm, PrepareRunOptions{1.0e-3, "euler"});
  if (failed(pm.run(*module)))
    return m;
  module->walk([&](snn::SparseProjectionOp op) {
    if (op.getName() && *op.getName() == "res.recurrent") {
      m.sources = cast<RankedTensorType>(op.getInput().getType()).getDimSize(0);
      snn::IndexArray rowPtr = snn::IndexArray::get(op.getRowPtr());
      snn::IndexArray targets = snn::IndexArray::get(op.getTargets());
      m.rowPtr.assign(rowPtr.begin(), rowPtr.end());
      m.targets.assign(targets.begin(), targets.end());
    }
  });
  llvm::raw_string_ostream os(m.ir);
  module->print(os);
  os.flush();
  m.ok = true;
  return m;
}

TEST(ReservoirTest, SameSeedGivesTheSameNetwork) {
  Materialized first = materializeReservoir(42);
  Materialized second = materializeReservoir(42);
  ASSERT_TRUE(first.ok) << first.diagnostics;
  ASSERT_TRUE(second.ok) << second.diagnostics;
  EXPECT_NE(first.ir.find("res.recurrent"), std::string::npos) << first.ir;
  EXPECT_EQ(first.ir.find("snn.reservoir"), std::string::npos) << first.ir;
  EXPECT_EQ(first.ir, second.ir);
}

TEST(ReservoirTest, DifferentSeedGivesADifferentNetwork) {
  Materialized first = materializeReservoir(42);
  Materialized other = materializeReservoir(43);
  ASSERT_TRUE(first.ok) << first.diagnostics;
  ASSERT_TRUE(other.ok) << other.diagnostics;
  EXPECT_NE(first.ir, other.ir);
  EXPECT_NE(first.targets, other.targets);
}

TEST(ReservoirTest, SynapseCountIsBinomial) {
  Materialized m = materializeReservoir(42);
  ASSERT_TRUE(m.ok) << m.diagnostics;
  ASSERT_EQ(m.sources, 200);
  ASSERT_EQ(m.rowPtr.size(), 201u);
  EXPECT_EQ(m.rowPtr.front(), 0);
  EXPECT_EQ(m.rowPtr.back(), int64_t(m.targets.size()));
  // 200 * 199 ordered pairs (no self-connections), each with p = 0.1.
  const double pairs = 200.0 * 199.0, p = 0.1;
  const double mean = p * pairs, sigma = std::sqrt(pairs * p * (1 - p));
  double count = double(m.targets.size());
  EXPECT_LE(std::fabs(count - mean), 4 * sigma)
      << count << " synapses; binomial mean " << mean << ", sigma " << sigma;
  for (int64_t pre = 0; pre < 200; ++pre)
    for (int64_t syn = m.rowPtr[pre]; syn < m.rowPtr[pre + 1]; ++syn)
      EXPECT_NE(m.targets[syn], pre) << "self-connection of neuron " << pre;
}

//===----------------------------------------------------------------------===//
// 6. Attention
//===----------------------------------------------------------------------===//

TEST_F(InterpreterTest, AttentionFormsOnAHandComputedCase) {
  std::unique_ptr<Interpreter> interp = load(R"mlir(
snn.network @attention(%q: tensor<3x2xi1>, %k: tensor<3x2xi1>,
                       %v: tensor<3x2xi1>)
    -> (spikformer: tensor<3x2xf64>, spike_driven: tensor<3x2xi1>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.attention %q, %k, %v {form = #snn<attention spikformer>,
      scale = 0.5 : f64, name = "sf"} : tensor<3x2xi1> -> tensor<3x2xf64>
  %1 = snn.attention %q, %k, %v {form = #snn<attention spike_driven>,
      threshold = 1.0 : f64, name = "sd"} : tensor<3x2xi1> -> tensor<3x2xi1>
  snn.output %0, %1 : tensor<3x2xf64>, tensor<3x2xi1>
}
)mlir");
  ASSERT_TRUE(interp);
  setInput(*interp, 0, {1, 0, /**/ 1, 1, /**/ 0, 1}); // Q
  setInput(*interp, 1, {1, 1, /**/ 1, 1, /**/ 1, 0}); // K
  setInput(*interp, 2, {1, 0, /**/ 1, 1, /**/ 0, 1}); // V
  interp->step();
  // Kᵀ V = [[2, 2], [2, 1]]; Q (Kᵀ V) = [[2, 2], [4, 3], [2, 1]]; * 0.5.
  expectValues(valuesOf(interp->getOutput(0)), {1, 1, 2, 1.5, 1, 0.5},
               "spikformer");
  // Column sums of Q ⊙ K: [2, 1]; only 2 > 1 (strict), so column 0 of V.
  expectValues(valuesOf(interp->getOutput(1)), {1, 0, 1, 0, 0, 0},
               "spike_driven");
}

//===----------------------------------------------------------------------===//
// 7. Current-based LIF: synaptic current first, then the membrane
//===----------------------------------------------------------------------===//

TEST_F(InterpreterTest, CubaLIFUpdatesCurrentThenMembrane) {
  std::unique_ptr<Interpreter> interp = load(R"mlir(
snn.network @cuba(%x: tensor<1xf64>) -> (s: tensor<1xi1>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.discrete_lif %x {syn_decay = dense<0.5> : tensor<f64>,
      syn_gain = dense<2.0> : tensor<f64>, decay = dense<0.75> : tensor<f64>,
      gain = dense<0.5> : tensor<f64>, bias = dense<0.125> : tensor<f64>,
      v_threshold = dense<100.0> : tensor<f64>,
      v_reset = dense<0.0> : tensor<f64>, name = "pop"}
      : tensor<1xf64> -> tensor<1xi1>
  snn.output %0 : tensor<1xi1>
}
)mlir");
  ASSERT_TRUE(interp);
  std::vector<Rows> trace =
      run(*interp, {{1.0}, {0.0}, {0.0}},
          {variable(*interp, "pop", "i"), variable(*interp, "pop", "v")});
  // i = 0.5 i + 2 x:            2, 1, 0.5
  // v = 0.75 v + 0.5 i + 0.125: 1.125, 1.46875, 1.4765625
  expectValues(column(trace[0]), {2.0, 1.0, 0.5}, "i");
  expectValues(column(trace[1]), {1.125, 1.46875, 1.4765625}, "v");
}

// NIR's CubaLIF, discretized: dt = 1 ms, tau_syn = 2 ms, tau_mem = 4 ms,
// w_in = 4, r = 2, v_leak = 0.5. Euler gives syn_decay = 1 - 1/2 = 0.5,
// syn_gain = w_in dt/tau_syn = 2, decay = 1 - 1/4 = 0.75,
// gain = r dt/tau_mem = 0.5, bias = v_leak dt/tau_mem = 0.125.
constexpr const char *kNIRCubaLIF = R"mlir(
snn.network @cuba(%x: tensor<1xf64>) -> (s: tensor<1xi1>) {
  %0 = snn.cuba_lif %x {tau_syn = dense<2.0e-3> : tensor<f64>,
      tau_mem = dense<4.0e-3> : tensor<f64>, r = dense<2.0> : tensor<f64>,
      v_leak = dense<0.5> : tensor<f64>, v_threshold = dense<100.0> : tensor<f64>,
      v_reset = dense<0.0> : tensor<f64>, w_in = dense<4.0> : tensor<f64>,
      current_timing = #snn<current TIMING>, name = "pop"}
      : tensor<1xf64> -> tensor<1xi1>
  snn.output %0 : tensor<1xi1>
}
)mlir";

std::string cubaWithTiming(const std::string &timing) {
  std::string text = kNIRCubaLIF;
  text.replace(text.find("TIMING"), 6, timing);
  return text;
}

class NIRCubaLIFTest : public InterpreterTest {
protected:
  /// i and v over three steps (input 1, 0, 0) under `timing`.
  std::vector<Rows> run3(const std::string &timing) {
    std::unique_ptr<Interpreter> interp = load(cubaWithTiming(timing), 1e-3);
    if (!interp)
      return {};
    return run(*interp, {{1.0}, {0.0}, {0.0}},
               {variable(*interp, "pop", "i"), variable(*interp, "pop", "v")});
  }
};

TEST_F(NIRCubaLIFTest, GainAndSameStepCurrent) {
  std::vector<Rows> trace = run3("same_step");
  ASSERT_EQ(trace.size(), 2u);
  // i = 0.5 i + 2 x:            2, 1, 0.5 (w_in = 4 would give 4, 2, 1)
  // v = 0.75 v + 0.5 i + 0.125 with this step's i: 1.125, 1.46875, 1.4765625
  expectValues(column(trace[0]), {2.0, 1.0, 0.5}, "i");
  expectValues(column(trace[1]), {1.125, 1.46875, 1.4765625}, "v");
}

TEST_F(NIRCubaLIFTest, PreviousStepCurrent) {
  std::vector<Rows> trace = run3("previous_step");
  ASSERT_EQ(trace.size(), 2u);
  // i as above; v integrates the i before this step's update (0, 2, 1):
  //   v0 = 0 + 0.5*0 + 0.125 = 0.125
  //   v1 = 0.75*0.125 + 0.5*2 + 0.125 = 1.21875
  //   v2 = 0.75*1.21875 + 0.5*1 + 0.125 = 1.5390625
  expectValues(column(trace[0]), {2.0, 1.0, 0.5}, "i");
  expectValues(column(trace[1]), {0.125, 1.21875, 1.5390625}, "v");
}

//===----------------------------------------------------------------------===//
// 8. Adaptive threshold
//===----------------------------------------------------------------------===//

// v = drive (decay 0) on a constant 1.5; threshold 1 + a; each spike adds
// adapt_gain = 1 to a, which halves every step.
constexpr const char *kALIF = R"mlir(
snn.network @alif(%x: tensor<1xf64>) -> (s: tensor<1xi1>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.discrete_lif %x {decay = dense<DECAY> : tensor<f64>,
      gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>,
      v_threshold = dense<1.0> : tensor<f64>,
      v_reset = dense<0.0> : tensor<f64>, reset = #snn<reset RESET>,
      adapt_decay = dense<0.5> : tensor<f64>,
      adapt_gain = dense<1.0> : tensor<f64>, name = "pop"}
      : tensor<1xf64> -> tensor<1xi1>
  snn.output %0 : tensor<1xi1>
}
)mlir";

std::string alif(const std::string &decay, const std::string &reset) {
  std::string text = kALIF;
  text.replace(text.find("DECAY"), 5, decay);
  text.replace(text.find("RESET"), 5, reset);
  return text;
}

TEST_F(InterpreterTest, AdaptiveThresholdRisesAndDecays) {
  std::unique_ptr<Interpreter> interp = load(alif("0.0", "to_value"));
  ASSERT_TRUE(interp);
  std::vector<Rows> trace =
      run(*interp, Rows(7, {1.5}),
          {&interp->getOutput(0), variable(*interp, "pop", "v"),
           variable(*interp, "pop", "a")});
  // Step 1: 1.5 > 2? no. Step 2: 1.5 > 1.5? no (strict). Step 3: fires.
  expectValues(column(trace[0]), {1, 0, 0, 1, 0, 0, 1}, "spikes");
  expectValues(column(trace[1]), {0, 1.5, 1.5, 0, 1.5, 1.5, 0}, "v");
  expectValues(column(trace[2]),
               {1.0, 0.5, 0.25, 1.125, 0.5625, 0.28125, 1.140625}, "a");
}

TEST_F(InterpreterTest, AdaptiveThresholdSubtractsEffectiveThreshold) {
  // subtract removes v_threshold + a (the threshold the spike crossed).
  std::unique_ptr<Interpreter> interp = load(alif("1.0", "subtract"));
  ASSERT_TRUE(interp);
  std::vector<Rows> trace =
      run(*interp, Rows(7, {1.5}),
          {&interp->getOutput(0), variable(*interp, "pop", "v"),
           variable(*interp, "pop", "a")});
  expectValues(column(trace[0]), {1, 0, 1, 1, 1, 0, 1}, "spikes");
  expectValues(column(trace[1]), {0.5, 2.0, 2.0, 1.25, 0.125, 1.625, 1.21875},
               "v");
  expectValues(column(trace[2]),
               {1.0, 0.5, 1.25, 1.625, 1.8125, 0.90625, 1.453125}, "a");
}

TEST_F(InterpreterTest, ContinuousALIFDiscretizesToTheSameTrain) {
  // Euler with dt = tau: decay 0, gain r = 1; tau_adapt = 2 dt: adapt_decay
  // 0.5; beta_adapt = 1 is what each spike adds. (dt = tau draws a warning.)
  std::unique_ptr<Interpreter> interp = load(R"mlir(
snn.network @alif(%x: tensor<1xf64>) -> (s: tensor<1xi1>) {
  %0 = snn.alif %x {tau = dense<1.0e-3> : tensor<f64>,
      r = dense<1.0> : tensor<f64>,
      v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>,
      v_reset = dense<0.0> : tensor<f64>,
      tau_adapt = dense<2.0e-3> : tensor<f64>,
      beta_adapt = dense<1.0> : tensor<f64>, name = "pop"}
      : tensor<1xf64> -> tensor<1xi1>
  snn.output %0 : tensor<1xi1>
}
)mlir",
                                             1.0e-3);
  ASSERT_TRUE(interp);
  std::vector<Rows> trace =
      run(*interp, Rows(7, {1.5}),
          {&interp->getOutput(0), variable(*interp, "pop", "a")});
  expectValues(column(trace[0]), {1, 0, 0, 1, 0, 0, 1}, "spikes");
  expectValues(column(trace[1]),
               {1.0, 0.5, 0.25, 1.125, 0.5625, 0.28125, 1.140625}, "a");
}

//===----------------------------------------------------------------------===//
// 9. Error paths
//===----------------------------------------------------------------------===//

TEST_F(InterpreterTest, CreateRejectsContinuousNetwork) {
  module = parse(R"mlir(
snn.network @continuous(%x: tensor<2xf32>) -> (s: tensor<2xi1>) {
  %0 = snn.lif %x {tau = dense<2.0e-2> : tensor<f64>,
      r = dense<1.0> : tensor<f64>,
      v_leak = dense<0.0> : tensor<f64>, v_threshold = dense<1.0> : tensor<f64>,
      v_reset = dense<0.0> : tensor<f64>} : tensor<2xf32> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
}
)mlir");
  ASSERT_TRUE(module);
  FailureOr<std::unique_ptr<Interpreter>> interp =
      Interpreter::create(firstNetwork(*module));
  EXPECT_TRUE(failed(interp));
  EXPECT_NE(diagnostics.find("must be discretized"), std::string::npos)
      << diagnostics;
  EXPECT_NE(diagnostics.find("snn-discretize"), std::string::npos)
      << diagnostics;
}

TEST_F(InterpreterTest, UnmaterializedReservoirNeverReachesTheInterpreter) {
  // A reservoir is continuous-time: a discretized network cannot hold one.
  EXPECT_FALSE(parseSourceString<ModuleOp>(R"mlir(
snn.network @lsm(%x: tensor<2xf32>) -> (s: tensor<8xi1>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.reservoir %x {exc_fraction = 0.8 : f64, p_connect = 0.5 : f64,
      w_ee = 0.5 : f64, w_ei = 0.5 : f64, w_ie = -1.0 : f64,
      w_ii = -1.0 : f64, w_in = 2.0 : f64, tau = 2.0e-2 : f64,
      v_threshold = 1.0 : f64, v_reset = 0.0 : f64, seed = 1 : i64}
      : tensor<2xf32> -> tensor<8xi1>
  snn.output %0 : tensor<8xi1>
}
)mlir",
                                           &context));
  EXPECT_NE(diagnostics.find("'snn.reservoir' op is continuous-time, but the "
                             "network is discretized"),
            std::string::npos)
      << diagnostics;
}

TEST_F(InterpreterTest, CreateRejectsValuesItCannotStore) {
  module = parse(R"mlir(
snn.network @halves(%x: tensor<2xf32>) -> (y: tensor<2xf16>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.scale %x {name = "half", scale = dense<2.0> : tensor<f64>}
      : tensor<2xf32> -> tensor<2xf16>
  snn.output %0 : tensor<2xf16>
}
)mlir");
  ASSERT_TRUE(module);
  FailureOr<std::unique_ptr<Interpreter>> interp =
      Interpreter::create(firstNetwork(*module));
  EXPECT_TRUE(failed(interp));
  EXPECT_NE(diagnostics.find("which the interpreter cannot store"),
            std::string::npos)
      << diagnostics;
}

constexpr const char *kSmallNetwork = R"mlir(
snn.network @small(%stim: tensor<3xf32>) -> (s: tensor<3xi1>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.discrete_lif %stim {decay = dense<0.5> : tensor<f64>,
      gain = dense<1.0> : tensor<f64>, bias = dense<0.0> : tensor<f64>,
      v_threshold = dense<1.0> : tensor<f64>,
      v_reset = dense<0.0> : tensor<f64>, name = "pop"}
      : tensor<3xf32> -> tensor<3xi1>
  snn.output %0 : tensor<3xi1>
}
)mlir";

TEST_F(InterpreterTest, FindVariableOnUnknownVariableNamesWhatExists) {
  std::unique_ptr<Interpreter> interp = load(kSmallNetwork);
  ASSERT_TRUE(interp);
  std::string error;
  EXPECT_EQ(interp->findVariable("pop", "q", error), nullptr);
  EXPECT_NE(error.find("'q'"), std::string::npos) << error;
  EXPECT_NE(error.find("out, v"), std::string::npos) << error;

  error.clear();
  EXPECT_EQ(interp->findVariable("stim", "v", error), nullptr);
  EXPECT_NE(error.find("'out'"), std::string::npos) << error;

  // What exists is found.
  error.clear();
  EXPECT_EQ(interp->findVariable("stim", "out", error), &interp->getInput(0))
      << error;
  EXPECT_EQ(interp->findVariable("pop", "out", error), &interp->getOutput(0))
      << error;
}

TEST_F(InterpreterTest, FindVariableOnUnknownNodeNamesWhatExists) {
  // Interpreter.h: "Null if there is none; `error` then says what exists."
  std::unique_ptr<Interpreter> interp = load(kSmallNetwork);
  ASSERT_TRUE(interp);
  std::string error;
  EXPECT_EQ(interp->findVariable("nope", "v", error), nullptr);
  EXPECT_NE(error.find("'nope'"), std::string::npos) << error;
  EXPECT_NE(error.find("pop"), std::string::npos)
      << "the error should name the existing node 'pop': " << error;
  EXPECT_NE(error.find("stim"), std::string::npos)
      << "the error should name the existing input 'stim': " << error;
}

TEST_F(InterpreterTest, RunNetworkRejectsWronglyShapedInput) {
  module = parse(kSmallNetwork);
  ASSERT_TRUE(module);
  RunResult result;
  std::string error;
  NpyArray wrong = NpyArray::zeros(NpyDType::Float32, {5, 2});
  EXPECT_FALSE(
      runNetwork(firstNetwork(*module), {wrong}, -1, {}, result, error));
  EXPECT_NE(error.find("'stim'"), std::string::npos) << error;
  EXPECT_NE(error.find("(steps, 3)"), std::string::npos) << error;
  EXPECT_NE(error.find("(5, 2)"), std::string::npos) << error;

  // The right shape runs.
  error.clear();
  NpyArray right = NpyArray::zeros(NpyDType::Float32, {5, 3});
  EXPECT_TRUE(runNetwork(firstNetwork(*module), {right}, -1, {}, result, error))
      << error;
  ASSERT_EQ(result.outputs.size(), 1u);
  EXPECT_EQ(result.outputs[0].shape, (std::vector<int64_t>{5, 3}));
}

TEST_F(InterpreterTest, RunNetworkRejectsWronglyShapedMatrixInput) {
  module = parse(R"mlir(
snn.network @matrix(%x: tensor<2x3xf32>) -> (y: tensor<2x3xf32>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.scale %x {scale = dense<2.0> : tensor<f64>, name = "twice"}
      : tensor<2x3xf32> -> tensor<2x3xf32>
  snn.output %0 : tensor<2x3xf32>
}
)mlir");
  ASSERT_TRUE(module);
  RunResult result;
  std::string error;
  NpyArray wrong = NpyArray::zeros(NpyDType::Float32, {4, 3, 2});
  EXPECT_FALSE(
      runNetwork(firstNetwork(*module), {wrong}, -1, {}, result, error));
  EXPECT_NE(error.find("(steps, 2, 3)"), std::string::npos) << error;
  EXPECT_NE(error.find("(4, 3, 2)"), std::string::npos) << error;

  // (steps, numel) is accepted too.
  error.clear();
  NpyArray flat = NpyArray::zeros(NpyDType::Float32, {4, 6});
  for (int i = 0; i < 24; ++i)
    flat.setDouble(i, i);
  ASSERT_TRUE(runNetwork(firstNetwork(*module), {flat}, -1, {}, result, error))
      << error;
  ASSERT_EQ(result.outputs[0].shape, (std::vector<int64_t>{4, 2, 3}));
  for (int i = 0; i < 24; ++i)
    EXPECT_EQ(result.outputs[0].getDouble(i), 2.0 * i) << "element " << i;
}

TEST_F(InterpreterTest, RunNetworkRejectsUnknownProbe) {
  module = parse(kSmallNetwork);
  ASSERT_TRUE(module);
  RunResult result;
  std::string error;
  NpyArray input = NpyArray::zeros(NpyDType::Float32, {5, 3});
  EXPECT_FALSE(runNetwork(firstNetwork(*module), {input}, -1, {{"pop", "w"}},
                          result, error));
  EXPECT_NE(error.find("pop.w"), std::string::npos) << error;
  EXPECT_NE(error.find("out, v"), std::string::npos) << error;
}

/// Numeric ops cannot produce spikes: an i1 result of snn.add, snn.scale or
/// snn.affine would have no defined arithmetic, so the verifier rejects it
/// before any kernel could be built for it.
TEST_F(InterpreterTest, SpikeTypedNumericResultsAreRejected) {
  const char *sources[] = {
      R"mlir(
snn.network @add(%a: tensor<4xi1>, %b: tensor<4xi1>) -> (y: tensor<4xi1>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.add %a, %b : tensor<4xi1>
  snn.output %0 : tensor<4xi1>
})mlir",
      R"mlir(
snn.network @scale(%a: tensor<4xi1>) -> (y: tensor<4xi1>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.scale %a {scale = dense<2.0> : tensor<f64>}
      : tensor<4xi1> -> tensor<4xi1>
  snn.output %0 : tensor<4xi1>
})mlir",
      R"mlir(
snn.network @affine(%a: tensor<4xi1>) -> (y: tensor<2xi1>)
    attributes {dt = 1.0e-3 : f64} {
  %0 = snn.affine %a {weight = dense<1.0> : tensor<2x4xf64>,
      bias = dense<0.0> : tensor<f64>} : tensor<4xi1> -> tensor<2xi1>
  snn.output %0 : tensor<2xi1>
})mlir"};
  for (const char *source : sources) {
    diagnostics.clear();
    EXPECT_FALSE(parseSourceString<ModuleOp>(source, &context)) << source;
    EXPECT_NE(diagnostics.find("signless integer wider than 1 bit"),
              std::string::npos)
        << diagnostics;
  }
}

} // namespace

//===----------------------------------------------------------------------===//
// Runs of element-wise kernels step tile by tile: same numbers as one pass
//===----------------------------------------------------------------------===//

// 2500 neurons: the interpreter steps the run li -> sum -> pop in tiles
// (1024 elements), the last one partial. Every parameter differs between
// neighbours and tiles, so a tile reading another tile's parameters or
// state shows. Expected: docs/semantics.md's arithmetic, neuron by neuron
// in float, in the test (all parameters are dyadic, so printed exactly).
TEST_F(InterpreterTest, TiledRunMatchesNeuronByNeuronArithmetic) {
  constexpr int n = 2500, steps = 24;
  auto decay = [](int k) { return 0.5f + float(k % 8) / 16; };
  auto bias = [](int k) { return float(k % 5) / 64; };
  auto threshold = [](int k) { return 1.0f + float(k % 3) / 4; };
  auto gain = [](int k) { return 0.75f + float(k % 7) / 32; };
  auto input = [](int k, int t) { return float((k * 7 + t * 3) % 11) / 8; };
  auto array = [&](auto f) {
    std::string s = "dense<[";
    for (int k = 0; k < n; ++k)
      s += (k ? ", " : "") + std::to_string(double(f(k)));
    return s + "]> : tensor<" + std::to_string(n) + "xf32>";
  };
  std::string type = "tensor<" + std::to_string(n) + "xf32>";
  std::string source =
      "snn.network @tiled(%x: " + type + ") -> (s: tensor<" +
      std::to_string(n) + "xi1>) attributes {dt = 1.0e-3 : f64} {\n" +
      "  %li = snn.discrete_li %x {name = \"li\", decay = " + array(decay) +
      ", gain = dense<0.5> : tensor<f32>, bias = " + array(bias) +
      "} : " + type + " -> " + type + "\n" +
      "  %sum = snn.add %li, %x {name = \"sum\"} : " + type + "\n" +
      "  %s = snn.discrete_lif %sum {name = \"pop\", decay = " + array(decay) +
      ", gain = " + array(gain) +
      ", bias = dense<0.0> : tensor<f32>, syn_decay = dense<0.5> : "
      "tensor<f32>, syn_gain = dense<1.0> : tensor<f32>, v_threshold = " +
      array(threshold) +
      ", v_reset = dense<0.0> : tensor<f32>, adapt_decay = dense<0.75> : "
      "tensor<f32>, adapt_gain = dense<0.25> : tensor<f32>, reset = "
      "#snn<reset subtract>, refractory = 2 : i64} : " +
      type + " -> tensor<" + std::to_string(n) + "xi1>\n" +
      "  snn.output %s : tensor<" + std::to_string(n) + "xi1>\n}\n";
  std::unique_ptr<Interpreter> interp = load(source);
  ASSERT_TRUE(interp);
  const Slot *v = variable(*interp, "pop", "v");
  ASSERT_TRUE(v);

  std::vector<float> li(n, 0), i(n, 0), vm(n, 0), a(n, 0);
  std::vector<int> left(n, 0);
  int spikes = 0;
  for (int t = 0; t < steps; ++t) {
    std::vector<double> row(n);
    for (int k = 0; k < n; ++k)
      row[k] = input(k, t);
    setInput(*interp, 0, row);
    interp->step();
    for (int k = 0; k < n; ++k) {
      float x = input(k, t);
      li[k] = decay(k) * li[k] + 0.5f * x + bias(k);
      float sum = (0.0f + li[k]) + x;
      i[k] = 0.5f * i[k] + 1.0f * sum;
      float integrated = decay(k) * vm[k] + gain(k) * i[k] + 0.0f;
      float theta = threshold(k) + a[k];
      bool spike = false;
      if (left[k] > 0) {
        --left[k];
        vm[k] = 0.0f;
      } else {
        vm[k] = integrated;
        spike = vm[k] > theta;
        if (spike) {
          vm[k] = vm[k] - theta;
          left[k] = 2;
        }
      }
      a[k] = 0.75f * a[k] + 0.25f * float(spike);
      spikes += spike;
      ASSERT_EQ(interp->getOutput(0).load<double>(k), double(spike))
          << "spike of neuron " << k << " at step " << t;
      ASSERT_EQ(v->load<double>(k), double(vm[k]))
          << "v of neuron " << k << " at step " << t;
    }
  }
  EXPECT_GT(spikes, n); // the check covers spikes, resets and refractoriness
}
