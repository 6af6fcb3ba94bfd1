//===- FPGABenchmark.cpp - cycles and synaptic operations of FPGA cores ---===//
//
// Plans, writes and simulates (Verilator) a synthetic two-layer network on
// fpga-artix7-100t's neuron cores, checks it against manycore::evaluate,
// and prints the Verilator build time, cycles per step and synaptic
// operations per cycle.
//
// Usage: snc-bench-fpga [design directory] [steps]
//
//===----------------------------------------------------------------------===//

#include "backends/fpga/Design.h"
#include "passes/SplitMix64.h"
#include "passes/mapping/ManycoreReference.h"

#include <chrono>
#include <cstdio>
#include <string>

using namespace snc;

namespace {

int64_t draw(SplitMix64 &rng, int64_t lo, int64_t hi) {
  return lo + int64_t(rng.next() % uint64_t(hi - lo + 1));
}

manycore::Population lif(const std::string &name, int64_t size,
                         SplitMix64 &rng) {
  manycore::Population p;
  p.name = name;
  p.size = size;
  p.format.stateBits = 24;
  p.format.fracBits = 12;
  p.format.rounding = runtime::Rounding::TowardZero;
  p.format.hasSynapse = true;
  p.format.spiking = true;
  p.driveBits = 24;
  for (int64_t k = 0; k < size; ++k) {
    p.params.decay.push_back(4096 - draw(rng, 100, 600));
    p.params.gain.push_back(4096);
    p.params.bias.push_back(0);
    p.params.synDecay.push_back(4096 - draw(rng, 500, 2000));
    p.params.synGain.push_back(4096);
    p.params.threshold.push_back(draw(rng, 200, 400));
    p.params.vReset.push_back(0);
    p.driveOffset.push_back(0);
  }
  return p;
}

manycore::Projection dense(int source, int target, int64_t pre, int64_t post,
                           int percent, int64_t maxDelay, SplitMix64 &rng) {
  manycore::Projection p;
  p.source = source;
  p.target = target;
  for (int64_t i = 0; i < pre; ++i)
    for (int64_t j = 0; j < post; ++j)
      if (draw(rng, 0, 99) < percent) {
        p.synapses.push_back(manycore::makeSynapse(i, j, draw(rng, -40, 100),
                                                   draw(rng, 0, maxDelay)));
        p.maxDelay = std::max<int64_t>(p.maxDelay, p.synapses.back().delay);
      }
  return p;
}

double seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since)
      .count();
}

} // namespace

int main(int argc, char **argv) {
  std::string directory = argc > 1 ? argv[1] : "snc-bench-fpga";
  int64_t steps = argc > 2 ? std::stoll(argv[2]) : 50;
  SplitMix64 rng(42);
  manycore::Network n;
  n.name = "bench_fpga";
  manycore::Population in;
  in.name = "in";
  in.size = 64;
  in.isInput = true;
  in.inputIndex = 0;
  n.populations.push_back(in);
  n.populations.push_back(lif("hidden", 256, rng));
  n.populations.push_back(lif("out", 32, rng));
  n.projections.push_back(dense(0, 1, 64, 256, 50, 3, rng));
  n.projections.push_back(dense(1, 2, 256, 32, 50, 0, rng));
  n.updateOrder = {0, 1, 2};
  n.outputs = {1, 2};
  std::vector<mapping::Slice> slices = {{0, 0, 64, 0}};
  for (int64_t lo = 0; lo < 256; lo += 64)
    slices.push_back({1, lo, lo + 64, 0});
  slices.push_back({2, 0, 32, 0});

  targets::TargetDescription target;
  std::string error;
  if (!targets::loadTarget("fpga-artix7-100t",
                           targets::getDefaultRegistryOptions(), target,
                           error)) {
    std::fprintf(stderr, "snc-bench-fpga: %s\n", error.c_str());
    return 1;
  }
  fpga::DesignPlan plan;
  std::string summary;
  if (!fpga::planDesign(n, slices, target, plan, error) ||
      !fpga::writeDesign(n, plan, target, directory, summary, error)) {
    std::fprintf(stderr, "snc-bench-fpga: %s\n", error.c_str());
    return 1;
  }
  std::printf("%s", summary.c_str());

  std::vector<uint8_t> spikes(size_t(steps * 64));
  for (auto &s : spikes)
    s = draw(rng, 0, 99) < 10;
  auto input = runtime::NpyArray::zeros(runtime::NpyDType::Bool, {steps, 64});
  for (size_t i = 0; i < spikes.size(); ++i)
    input.setDouble(i, spikes[i]);

  auto start = std::chrono::steady_clock::now();
  fpga::SimulateResult result;
  if (!fpga::simulateDesign(directory, {input}, fpga::SimulateOptions(), result,
                            error)) {
    std::fprintf(stderr, "snc-bench-fpga: %s\n", error.c_str());
    return 1;
  }
  double total = seconds(start);
  // A second run reuses the build: its time is the simulation alone.
  start = std::chrono::steady_clock::now();
  if (!fpga::simulateDesign(directory, {input}, fpga::SimulateOptions(), result,
                            error)) {
    std::fprintf(stderr, "snc-bench-fpga: %s\n", error.c_str());
    return 1;
  }
  double run = seconds(start);

  auto expected = manycore::evaluate(n, {spikes}, steps);
  bool exact = true;
  for (size_t o = 0; o < expected.size(); ++o)
    for (size_t i = 0; i < expected[o].size(); ++i)
      exact = exact && result.outputs[o].getInt(i) == expected[o][i];
  std::printf("cores %zu, levels %d, block RAMs %s of %lld\n",
              plan.cores.size(), plan.levels,
              fpga::blockRamText(plan.bramHalves).c_str(),
              (long long)plan.partBlockRams);
  std::printf("build + run %.1f s (build cached if about the run time), "
              "run %.2f s\n",
              total, run);
  std::printf("steps %lld, cycles %lld, %.1f per step, at most %lld\n",
              (long long)steps, (long long)result.cyclesTotal,
              double(result.cyclesTotal) / double(steps),
              (long long)result.cyclesMaxStep);
  std::printf("synaptic events %lld, %.3f per cycle\n",
              (long long)result.synapticEvents,
              double(result.synapticEvents) / double(result.cyclesTotal));
  std::printf("bit-exact with manycore::evaluate: %s\n", exact ? "yes" : "NO");
  return exact ? 0 : 1;
}
