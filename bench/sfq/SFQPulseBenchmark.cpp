//===- SFQPulseBenchmark.cpp - pulse-simulation speed of runtime/sfq ------===//
//
// Generates one layer of SFQ neurons fed by splitter trees (random ternary
// weights, every input split to the neurons it reaches), with a clock tree
// and a probe per neuron, runs random input spikes through it at the
// sfq-rsfq clock (3.02 GHz) and prints the pulses simulated per second.
//
// Usage: snc-bench-sfq [inputs neurons cycles]   (default 128 128 400)
//
// The cell library is sfq-rsfq's numbers, built in so the program needs no
// target file: the delays only set event times, not the work per pulse.
//
//===----------------------------------------------------------------------===//

#include "runtime/sfq/PulseSimulator.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>

using namespace snc::runtime::sfq;

namespace {

CellLibrary rsfqLike() {
  CellLibrary l;
  l.timing(CellKind::JTL) = {5700, 0, 0, 2};
  l.timing(CellKind::Split) = {4300, 0, 0, 3};
  l.timing(CellKind::Merge) = {8200, 0, 0, 7};
  l.timing(CellKind::DFF) = {5100, 2300, 0, 7};
  l.timing(CellKind::Neuron) = {10000, 3000, 3000, 0};
  l.mergerMinSeparationFs = 2300;
  l.neuronMinSeparationFs = 8200;
  l.jjPerNeuronInput = 2;
  l.jjPerNeuronCore = 40;
  return l;
}

} // namespace

int main(int argc, char **argv) {
  unsigned numInputs = 128, numNeurons = 128, cycles = 400;
  if (argc == 4) {
    numInputs = unsigned(std::atoi(argv[1]));
    numNeurons = unsigned(std::atoi(argv[2]));
    cycles = unsigned(std::atoi(argv[3]));
  } else if (argc != 1) {
    std::fprintf(stderr, "usage: %s [inputs neurons cycles]\n", argv[0]);
    return 1;
  }
  if (numInputs < 1 || numNeurons < 1 || numInputs > 4096 ||
      numNeurons > 4096 || cycles < 2 || cycles > 100000) {
    std::fprintf(stderr,
                 "error: inputs and neurons 1..4096, cycles 2..100000\n");
    return 1;
  }
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> ternary(-1, 1), coin(0, 1);

  Netlist n;
  uint32_t clk = n.addCell(CellKind::DCSFQ, "clk");
  std::vector<uint32_t> inputs;
  for (unsigned i = 0; i < numInputs; ++i)
    inputs.push_back(n.addCell(CellKind::DCSFQ, "x" + std::to_string(i)));
  std::vector<std::vector<std::pair<uint32_t, unsigned>>> sinks(numInputs);
  std::vector<uint32_t> neurons;
  uint64_t synapses = 0;
  for (unsigned k = 0; k < numNeurons; ++k) {
    NeuronParams p;
    p.stateBits = 8;
    p.threshold = 2;
    p.reset = snc::runtime::ResetMode::Subtract;
    std::vector<unsigned> from;
    for (unsigned i = 0; i < numInputs; ++i)
      if (int w = ternary(rng)) {
        from.push_back(i);
        p.weights.push_back(w);
      }
    if (p.weights.empty()) {
      from.push_back(0);
      p.weights.push_back(1);
    }
    synapses += p.weights.size();
    uint32_t cell = n.addNeuron("n" + std::to_string(k), p);
    for (unsigned port = 0; port < from.size(); ++port)
      sinks[from[port]].push_back({cell, port});
    neurons.push_back(cell);
  }
  std::vector<Pin> ticks = addSplitterTree(n, {clk, 0}, numNeurons, "cs");
  for (unsigned k = 0; k < numNeurons; ++k) {
    n.connect(ticks[k], {neurons[k], n.numInputs(neurons[k]) - 1});
    uint32_t probe = n.addCell(CellKind::SFQDC, "out" + std::to_string(k));
    n.connect({neurons[k], 0}, {probe, 0});
  }
  for (unsigned i = 0; i < numInputs; ++i) {
    if (sinks[i].empty()) {
      uint32_t probe = n.addCell(CellKind::SFQDC, "unused" + std::to_string(i));
      n.connect({inputs[i], 0}, {probe, 0});
      continue;
    }
    std::vector<Pin> leaves =
        addSplitterTree(n, {inputs[i], 0}, unsigned(sinks[i].size()),
                        "s" + std::to_string(i) + "_");
    for (size_t j = 0; j < leaves.size(); ++j)
      n.connect(leaves[j], {sinks[i][j].first, sinks[i][j].second});
  }

  CellLibrary library = rsfqLike();
  SimulationInput input;
  const int64_t periodFs = 331126; // 3.02 GHz
  input.clock = {"clk", periodFs, cycles, 0};
  for (unsigned i = 0; i < numInputs; ++i) {
    std::vector<int64_t> &times = input.pulses["x" + std::to_string(i)];
    for (unsigned c = 0; c + 1 < cycles; ++c)
      if (coin(rng))
        times.push_back(int64_t(c) * periodFs + periodFs / 2);
  }

  SimulationResult result;
  std::string error;
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpuStart = std::clock();
  if (!simulate(n, library, input, result, error)) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 1;
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
  uint64_t spikes = 0;
  for (const auto &[name, times] : result.probes)
    if (name.rfind("out", 0) == 0)
      spikes += times.size();
  std::printf("netlist: %u inputs, %u neurons, %llu synapses, %zu cells, "
              "%lld junctions\n",
              numInputs, numNeurons, (unsigned long long)synapses, n.numCells(),
              (long long)library.junctions(n));
  std::printf("simulated: %u cycles at 3.02 GHz, %llu pulses, %llu output "
              "spikes, %zu timing violations\n",
              cycles, (unsigned long long)result.pulses,
              (unsigned long long)spikes, result.violations.size());
  // Process CPU time too: on a shared machine it is the steadier figure.
  std::printf("time: %.3f s wall, %.2f M pulses/s; %.3f s CPU, %.2f M "
              "pulses/s\n",
              seconds, double(result.pulses) / seconds / 1e6, cpuSeconds,
              double(result.pulses) / cpuSeconds / 1e6);
  std::printf("switching energy estimate: %.3e J (pulses x 1e-19 J)\n",
              double(result.pulses) * 1e-19);
  return 0;
}
