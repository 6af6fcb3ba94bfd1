//===- MappingBenchmark.cpp - partition and place a million neurons -------===//
//
// Maps synthetic layered networks (see SyntheticNetwork.h) of 10k, 100k and
// 1M neurons onto a mesh of SpiNNaker2-like chips and prints, per size, the
// wall time of partition and placement, peak memory, PEs used against the
// partition's lower bound, and the placement's traffic x hops against slice
// i on PE i.
//
//===----------------------------------------------------------------------===//

#include "bench/mapping/SyntheticNetwork.h"
#include "passes/mapping/KeyAllocation.h"
#include "passes/mapping/Partition.h"
#include "passes/mapping/Place.h"
#include "passes/mapping/Route.h"
#include "passes/mapping/SliceTraffic.h"
#include "passes/mapping/TableCompression.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

using namespace snc;
using namespace snc::mapping;

namespace {

struct Options {
  std::vector<int64_t> sizes{10000, 100000, 1000000};
  int64_t fanIn = 100;
  uint64_t seed = 1;
  int64_t chipsX = 8, chipsY = 8;
};

void printUsage(FILE *out) {
  std::fprintf(out,
               "usage: snc-bench-mapping [--neurons N] [--fan-in F] "
               "[--seed S] [--chips-x X --chips-y Y]\n"
               "  --neurons N   map one network of N neurons (default: 10000, "
               "100000 and 1000000)\n"
               "  --fan-in F    synapses per neuron (default 100)\n"
               "  --seed S      seed of the fan-ins and of placement "
               "(default 1)\n"
               "  --chips-x X, --chips-y Y  chip mesh (default 8 x 8)\n");
}

bool parseNumber(const char *text, int64_t min, int64_t &value) {
  char *end = nullptr;
  long long parsed = std::strtoll(text, &end, 10);
  if (end == text || *end != '\0' || parsed < min)
    return false;
  value = parsed;
  return true;
}

/// Fills `options`; 0 to go on, else the exit code.
int parseArguments(int argc, char **argv, Options &options) {
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") {
      printUsage(stdout);
      return 2;
    }
    int64_t value = 0;
    bool known = flag == "--neurons" || flag == "--fan-in" ||
                 flag == "--seed" || flag == "--chips-x" || flag == "--chips-y";
    int64_t min =
        flag == "--neurons" || flag == "--chips-x" || flag == "--chips-y" ? 1
                                                                          : 0;
    if (!known || i + 1 >= argc || !parseNumber(argv[i + 1], min, value)) {
      std::fprintf(stderr, "snc-bench-mapping: bad argument '%s'\n", argv[i]);
      printUsage(stderr);
      return 2;
    }
    ++i;
    if (flag == "--neurons")
      options.sizes = {value};
    else if (flag == "--fan-in")
      options.fanIn = value;
    else if (flag == "--seed")
      options.seed = uint64_t(value);
    else if (flag == "--chips-x")
      options.chipsX = value;
    else
      options.chipsY = value;
  }
  return 0;
}

/// SpiNNaker2: 38 QPEs of 4 PEs per chip, 250 neurons and 96 KB of the
/// 128 KB SRAM for synapses and state per PE.
Machine spinnaker2Mesh(const Options &options) {
  Machine machine;
  machine.chipsX = int(options.chipsX);
  machine.chipsY = int(options.chipsY);
  machine.qpesX = 8;
  machine.qpesY = 5;
  machine.qpesPerChip = 38;
  machine.pesPerQpe = 4;
  machine.neuronsPerPe = 250;
  machine.memoryBytesPerPe = 131072 - 32768;
  machine.rowHeaderBytes = 8;
  machine.synapseBytes = 4;
  machine.neuronBytes = 32;
  machine.ringBufferSlotBytes = 2;
  machine.routerEntries = 16384;
  return machine;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

double peakRssMiB() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0; // kilobytes on Linux
}

/// Every slice on its own PE of the machine.
bool validPlacement(const Machine &machine, const Placement &placement) {
  std::set<int64_t> seen;
  for (int64_t pe : placement.peOfSlice)
    if (pe < 0 || pe >= machine.pes() || !seen.insert(pe).second)
      return false;
  return true;
}

int64_t chipsUsed(const Machine &machine, const Placement &placement) {
  std::set<int64_t> chips;
  for (int64_t pe : placement.peOfSlice)
    chips.insert(pe / machine.pesPerChip());
  return int64_t(chips.size());
}

bool runSize(const Options &options, const Machine &machine, int64_t neurons) {
  bench::SyntheticShape shape;
  shape.neurons = neurons;
  shape.fanIn = options.fanIn;
  shape.seed = options.seed;
  auto start = std::chrono::steady_clock::now();
  Network network = bench::buildSyntheticNetwork(shape);
  double generate = secondsSince(start);
  std::printf("%lld neurons, %lld synapses (%zu populations, %zu "
              "projections; generated in %.2f s)\n",
              (long long)neurons, (long long)bench::countSynapses(network),
              network.populations.size(), network.projections.size(), generate);

  std::string error;
  Partition partition;
  start = std::chrono::steady_clock::now();
  if (!partitionNetwork(machine, network, partition, error)) {
    std::fprintf(stderr, "snc-bench-mapping: %s\n", error.c_str());
    return false;
  }
  double partitionTime = secondsSince(start);

  start = std::chrono::steady_clock::now();
  std::vector<std::vector<int64_t>> destinations =
      sliceDestinations(network, partition);
  Placement placement;
  if (!placeNetwork(machine, partition, destinations, options.seed, placement,
                    error)) {
    std::fprintf(stderr, "snc-bench-mapping: %s\n", error.c_str());
    return false;
  }
  double placeTime = secondsSince(start);
  if (!validPlacement(machine, placement)) {
    std::fprintf(stderr, "snc-bench-mapping: invalid placement\n");
    return false;
  }

  // Routing: keys, multicast trees and tables, then ordered covering.
  start = std::chrono::steady_clock::now();
  KeyAllocation keys;
  RoutingTables tables;
  if (!allocateKeys(partition, keys, error) ||
      !buildRoutingTables(machine, partition, placement, destinations, keys,
                          tables, error)) {
    std::fprintf(stderr, "snc-bench-mapping: %s\n", error.c_str());
    return false;
  }
  double routeTime = secondsSince(start);
  int64_t entriesBefore = tables.entries(), worstBefore = tables.maxEntries();
  start = std::chrono::steady_clock::now();
  std::vector<CompressionReport> compression;
  if (!compressTables(tables, machine.routerEntries, compression, error)) {
    std::fprintf(stderr, "snc-bench-mapping: %s\n", error.c_str());
    return false;
  }
  double compressTime = secondsSince(start);

  int64_t pes = int64_t(partition.slices.size());
  int64_t optimised = costOf(machine, partition, destinations, placement);
  int64_t sequential = costOf(machine, partition, destinations,
                              placeSequential(machine, partition));
  std::printf("  map time      %.3f s (partition %.3f s, place %.3f s, "
              "route %.3f s, compress %.3f s)\n",
              partitionTime + placeTime + routeTime + compressTime,
              partitionTime, placeTime, routeTime, compressTime);
  std::printf("  peak RSS      %.1f MiB\n", peakRssMiB());
  std::printf("  PEs           %lld, lower bound %lld (+%.2f %%)\n",
              (long long)pes, (long long)partition.lowerBound,
              partition.lowerBound
                  ? 100.0 * double(pes - partition.lowerBound) /
                        double(partition.lowerBound)
                  : 0.0);
  std::printf("  chips         %lld of %lld\n",
              (long long)chipsUsed(machine, placement),
              (long long)machine.chips());
  std::printf("  traffic x hops %lld, sequential %lld (ratio %.3f)\n",
              (long long)optimised, (long long)sequential,
              sequential ? double(optimised) / double(sequential) : 1.0);
  std::printf("  routing       %lld entries (largest table %lld), %lld after "
              "compression (largest %lld, limit %lld)\n",
              (long long)entriesBefore, (long long)worstBefore,
              (long long)tables.entries(), (long long)tables.maxEntries(),
              (long long)machine.routerEntries);
  return true;
}

} // namespace

int main(int argc, char **argv) {
  Options options;
  if (int exitCode = parseArguments(argc, argv, options))
    return exitCode;
  Machine machine = spinnaker2Mesh(options);
  std::printf("machine: %lld x %lld chips of %d PEs (%lld PEs), %lld "
              "neurons and %lld bytes per PE; fan-in %lld, seed %llu\n",
              (long long)options.chipsX, (long long)options.chipsY,
              machine.pesPerChip(), (long long)machine.pes(),
              (long long)machine.neuronsPerPe,
              (long long)machine.memoryBytesPerPe, (long long)options.fanIn,
              (unsigned long long)options.seed);
  for (int64_t neurons : options.sizes)
    if (!runSize(options, machine, neurons))
      return 1;
  return 0;
}
