//===- SFQCompileBenchmark.cpp - SFQ circuits of whole networks -----------===//
//
// Compiles a network for an SFQ target with each path-balancing scheme
// (full, retime) through the SFQ backend (backends/Compile.h: the same
// pipeline and emitter as `snc compile`), and prints what the circuit
// costs: junctions in all, per synapse and per neuron, the maximum clock,
// the DFFs each balancing scheme inserts, the compile time; then runs
// random input spikes through the written netlist in the pulse simulator
// and prints the pulses simulated per second and the energy estimate.
//
// Usage: snc-bench-sfq-compile NETWORK.mlir [TARGET [STEPS [DENSITY]]]
//        (default sfq-rsfq-unbounded, 100 steps, input density 0.1)
//
//===----------------------------------------------------------------------===//

#include "backends/Backend.h"
#include "backends/Compile.h"
#include "backends/sfq/Design.h"
#include "dialects/nmc/NMCDialect.h"
#include "dialects/sfq/SFQDialect.h"
#include "dialects/sfq/SFQOps.h"
#include "dialects/snn/SNNDialect.h"
#include "runtime/sfq/CellLibrary.h"
#include "runtime/sfq/Report.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/SourceMgr.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

using namespace mlir;
using namespace snc;

namespace {

struct Compiled {
  runtime::sfq::NetlistReport report;
  int64_t dffsFull = -1, dffsRetimed = -1, dffs = -1;
  double seconds = 0;
  std::string dir;
};

int64_t intAttr(Operation *op, StringRef name) {
  auto attr = op->getAttrOfType<IntegerAttr>(name);
  return attr ? attr.getInt() : -1;
}

bool compile(const std::string &file, const targets::TargetDescription &target,
             const backends::Backend &backend, const std::string &balance,
             Compiled &out) {
  MLIRContext context;
  context.loadDialect<snn::SNNDialect, nmc::NMCDialect, sfq::SFQDialect>();
  llvm::SourceMgr sourceMgr;
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(file, &context);
  if (!module)
    return false;
  auto networks = module->getOps<snn::NetworkOp>();
  if (networks.empty()) {
    std::fprintf(stderr, "error: %s holds no snn.network\n", file.c_str());
    return false;
  }
  snn::NetworkOp network = *networks.begin();
  llvm::SmallString<128> dir;
  if (llvm::sys::fs::createUniqueDirectory("snc-bench-sfq", dir))
    return false;
  out.dir = dir.str().str();
  backends::CompileSettings settings;
  settings.backendOptions = "balance=" + balance;
  std::string summary;
  llvm::raw_string_ostream os(summary);
  auto start = std::chrono::steady_clock::now();
  if (failed(backends::compileNetwork(*module, network, target, backend,
                                      settings, out.dir, os)))
    return false;
  out.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  for (sfq::CircuitOp circuit : module->getOps<sfq::CircuitOp>()) {
    out.dffsFull = intAttr(circuit, "dffs_full");
    out.dffsRetimed = intAttr(circuit, "dffs_retimed");
    out.dffs = intAttr(circuit, "dffs");
  }
  return true;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2 || argc > 5) {
    std::fprintf(stderr, "usage: %s NETWORK.mlir [TARGET [STEPS [DENSITY]]]\n",
                 argv[0]);
    return 1;
  }
  std::string file = argv[1];
  std::string targetName = argc > 2 ? argv[2] : "sfq-rsfq-unbounded";
  int64_t steps = argc > 3 ? std::atoll(argv[3]) : 100;
  double density = argc > 4 ? std::atof(argv[4]) : 0.1;
  if (steps < 1 || steps > 100000 || density < 0 || density > 1) {
    std::fprintf(stderr, "error: steps 1..100000, density 0..1\n");
    return 1;
  }
  targets::TargetDescription target;
  std::string error;
  if (!targets::loadTarget(targetName, targets::getDefaultRegistryOptions(),
                           target, error)) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 1;
  }
  backends::registerAllBackends();
  const backends::Backend *backend = backends::findBackend(target, error);
  if (!backend) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return 1;
  }

  Compiled full, retimed;
  if (!compile(file, target, *backend, "full", full) ||
      !compile(file, target, *backend, "retime", retimed))
    return 1;

  int status = 0;
  for (Compiled *c : {&full, &retimed}) {
    sfqbackend::Design design;
    runtime::sfq::CellLibrary library;
    if (!sfqbackend::loadDesign(c->dir, design, error) ||
        !runtime::sfq::loadCellLibrary(design.capacity, library, error) ||
        !runtime::sfq::analyzeNetlist(design.netlist, library, design.budget,
                                      c->report, error)) {
      std::fprintf(stderr, "error: %s\n", error.c_str());
      return 1;
    }
    if (c != &full)
      continue;
    // The full design, simulated on random input spikes.
    std::mt19937 rng(12);
    std::bernoulli_distribution spike(density);
    std::vector<runtime::NpyArray> inputs;
    for (const sfqbackend::DesignPort &port : design.inputs) {
      std::vector<int64_t> shape = {steps};
      shape.insert(shape.end(), port.shape.begin(), port.shape.end());
      runtime::NpyArray array =
          runtime::NpyArray::zeros(runtime::NpyDType::Float32, shape);
      for (size_t i = 0; i < array.numElements(); ++i)
        array.setDouble(i, spike(rng) ? 1 : 0);
      inputs.push_back(std::move(array));
    }
    sfqbackend::SimulateResult result;
    if (!sfqbackend::simulateDesign(c->dir, inputs, steps, result, error)) {
      std::fprintf(stderr, "error: %s\n", error.c_str());
      status = 1;
      continue;
    }
    const runtime::sfq::NetlistReport &r = c->report;
    std::printf("network %s, target %s\n", file.c_str(), targetName.c_str());
    std::printf("  junctions          %lld (%lld cells)",
                (long long)r.totalJunctions, (long long)r.totalCells);
    if (r.dies)
      std::printf(", %lld dies of %lld", (long long)*r.dies,
                  (long long)(r.budget.junctions ? *r.budget.junctions
                                                 : *r.budget.junctionsPerDie));
    std::printf("\n  neurons, synapses  %lld, %lld\n", (long long)r.neurons,
                (long long)r.synapses);
    // Neurons' own junctions vs what the synapses add (their ports plus the
    // splitter trees that fan spikes out to them).
    int64_t neuronJJ = r.junctions[unsigned(runtime::sfq::CellKind::Neuron)];
    int64_t perNeuronCore =
        r.neurons ? (neuronJJ - 2 * r.synapses) / r.neurons : 0;
    int64_t splitJJ = r.junctions[unsigned(runtime::sfq::CellKind::Split)];
    std::printf("  per neuron         %lld junctions (core)\n",
                (long long)perNeuronCore);
    if (r.synapses)
      std::printf("  per synapse        %.2f junctions (its port 2, splitters "
                  "of the fan-out and clock trees %.2f)\n",
                  double(2 * r.synapses + splitJJ) / double(r.synapses),
                  double(splitJJ) / double(r.synapses));
    std::printf("  all cells          %.2f junctions per synapse\n",
                r.synapses ? double(r.totalJunctions) / double(r.synapses)
                           : 0.0);
    std::printf("  depth              %lld clocked stages\n",
                (long long)r.clockedDepth);
    if (r.critical)
      std::printf("  critical path      %.3f ps: max clock %.2f GHz\n",
                  double(r.critical->requiredFs) / 1000, r.maxClockHz / 1e9);
    std::printf("  simulation         %lld steps, %llu pulses in %.3f s: "
                "%.3g pulses/s\n",
                (long long)steps, (unsigned long long)result.stats.events,
                result.seconds,
                result.seconds > 0
                    ? double(result.stats.events) / result.seconds
                    : 0.0);
    std::printf("  energy (estimate)  %.3g J for the %lld steps (1e-19 J "
                "per switching event)\n",
                result.stats.energyJoules(), (long long)steps);
  }
  for (const Compiled *c : {&full, &retimed}) {
    std::printf(
        "  balance=%-7s compile %.3f s, DFFs %lld, junctions %lld "
        "(the circuit records: full %lld, retime %lld)\n",
        c == &full ? "full" : "retime", c->seconds,
        (long long)c->report.cells[unsigned(runtime::sfq::CellKind::DFF)],
        (long long)c->report.totalJunctions, (long long)c->dffsFull,
        (long long)c->dffsRetimed);
    llvm::sys::fs::remove_directories(c->dir);
  }
  std::printf("  SuperSNN (one die): 5,822 junctions, 3.02 GHz\n");
  return status;
}
