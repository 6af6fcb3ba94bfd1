//===- CubaBenchmark.cpp - the classic CUBA network in the interpreter ----===//
//
// Brian2's CUBA example (Vogels & Abbott 2005 as benchmarked by Brette et al.
// 2007): 4000 LIF neurons, 3200 excitatory and 800 inhibitory, connection
// probability 0.02, taum 20 ms, taue 5 ms, taui 10 ms, dt 0.1 ms, 1 s.
// Prints synaptic events per second of simulation time (process CPU time,
// as Brian2's standalone timer, and wall time) and the interpreter's memory
// per synapse. Larger networks keep the fan-out (80 synapses per neuron).
//
//===----------------------------------------------------------------------===//

#include "dialects/snn/Params.h"
#include "dialects/snn/SNNOps.h"
#include "passes/SplitMix64.h"
#include "runtime/Interpreter.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace mlir;
using namespace snc;
using namespace snc::snn;

namespace {

struct Config {
  int64_t neurons = 4000;
  int64_t excitatory = 3200;
  double p = 0.02;
  double dt = 1e-4;
  double seconds = 1.0;
  uint64_t seed = 1;
};

// Brian2's CUBA constants, in mV and seconds.
constexpr double taum = 20e-3, taue = 5e-3, taui = 10e-3;
constexpr double vt = -50, vr = -60, el = -49;
constexpr double we = 60 * 0.27 / 10, wi = -20 * 4.5 / 10;
constexpr int64_t refractorySteps = 50; // 5 ms

struct Csr {
  SmallVector<int64_t> rowPtr{0}, targets;
};

/// Random synapses from sources [begin, end) of the population to all of
/// it, each pair with probability p: the gaps between chosen targets are
/// geometric, so the cost is the synapse count, not neurons squared.
Csr connect(const Config &c, SplitMix64 &rng, int64_t begin, int64_t end) {
  Csr csr;
  double logMiss = std::log1p(-c.p);
  for (int64_t pre = 0; pre < c.neurons; ++pre) {
    if (pre >= begin && pre < end)
      for (int64_t post = -1;;) {
        post += 1 + int64_t(std::floor(std::log1p(-rng.uniform()) / logMiss));
        if (post >= c.neurons)
          break;
        csr.targets.push_back(post);
      }
    csr.rowPtr.push_back(int64_t(csr.targets.size()));
  }
  return csr;
}

ElementsAttr param(MLIRContext *ctx, double v) { return makeParam(ctx, {v}); }

/// The network, already discrete (exact integration, as Brian2 uses).
NetworkOp buildCuba(OpBuilder &b, const Config &c, const Csr &exc,
                    const Csr &inh) {
  MLIRContext *ctx = b.getContext();
  Location loc = b.getUnknownLoc();
  auto f32 = b.getF32Type();
  auto current = RankedTensorType::get({c.neurons}, f32);
  auto spikes = RankedTensorType::get({c.neurons}, b.getI1Type());
  auto network = b.create<NetworkOp>(
      loc, "cuba", b.getFunctionType({}, {spikes}), b.getStrArrayAttr({}),
      b.getStrArrayAttr({"spikes"}), b.getF64FloatAttr(c.dt),
      IntegrationSchemeAttr::get(ctx, IntegrationScheme::Exact));
  Block *body = b.createBlock(&network.getBody());
  b.setInsertionPointToStart(body);

  // Synaptic conductances as leaky integrators: g <- exp(-dt/tau) g + w.
  auto filter = [&](Value input, double tau, StringRef name) {
    NamedAttrList attrs;
    attrs.set("decay", param(ctx, std::exp(-c.dt / tau)));
    attrs.set("gain", param(ctx, 1.0));
    attrs.set("bias", param(ctx, 0.0));
    attrs.set("name", b.getStringAttr(name));
    return b.create<DiscreteLIOp>(loc, TypeRange{current}, ValueRange{input},
                                  attrs);
  };
  auto project = [&](const Csr &csr, double w, StringRef name) {
    // The spikes operand is patched once the population exists (a cycle).
    auto placeholder = b.create<AddOp>(loc, current, ValueRange{});
    auto proj = b.create<SparseProjectionOp>(
        loc, current, placeholder.getOutput(),
        b.getDenseI64ArrayAttr(csr.rowPtr), b.getDenseI64ArrayAttr(csr.targets),
        param(ctx, w), /*delays=*/nullptr, b.getStringAttr(name));
    return std::make_pair(proj, placeholder);
  };
  auto [excProj, excHole] = project(exc, we, "exc");
  auto [inhProj, inhHole] = project(inh, wi, "inh");
  auto ge = filter(excProj.getOutput(), taue, "ge");
  auto gi = filter(inhProj.getOutput(), taui, "gi");
  auto drive =
      b.create<AddOp>(loc, current, ValueRange{ge.getOutput(), gi.getOutput()});

  // tau dv/dt = (El - v) + ge + gi, integrated exactly over one step.
  double alpha = std::exp(-c.dt / taum);
  SplitMix64 rng{c.seed ^ 0xC0BA};
  SmallVector<double> vInit;
  for (int64_t k = 0; k < c.neurons; ++k)
    vInit.push_back(vr + rng.uniform() * (vt - vr));
  NamedAttrList attrs;
  attrs.set("decay", param(ctx, alpha));
  attrs.set("gain", param(ctx, 1 - alpha));
  attrs.set("bias", param(ctx, (1 - alpha) * el));
  attrs.set("v_threshold", param(ctx, vt));
  attrs.set("v_reset", param(ctx, vr));
  attrs.set("refractory", b.getI64IntegerAttr(refractorySteps));
  attrs.set("v_init", makeParam(ctx, vInit));
  attrs.set("name", b.getStringAttr("P"));
  auto population = b.create<DiscreteLIFOp>(
      loc, TypeRange{spikes}, ValueRange{drive.getOutput()}, attrs);
  excProj->setOperand(0, population.getOutput());
  inhProj->setOperand(0, population.getOutput());
  excHole->erase();
  inhHole->erase();
  b.create<OutputOp>(loc, ValueRange{population.getOutput()});
  return network;
}

double seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since)
      .count();
}

/// Process CPU time: what Brian2's standalone loop timer (std::clock) reads.
double cpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

/// Resident memory now, in bytes.
double residentBytes() {
  long pages = 0, resident = 0;
  if (FILE *f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
      resident = 0;
    std::fclose(f);
  }
  return double(resident) * double(sysconf(_SC_PAGESIZE));
}

} // namespace

int main(int argc, char **argv) {
  Config c;
  if (argc > 1)
    c.seconds = std::atof(argv[1]);
  if (argc > 2) {
    // Brian2's CUBA scaled as its benchmarks scale it: 80 % excitatory and
    // the same expected fan-out, 0.02 * 4000 = 80 synapses per neuron.
    c.neurons = std::atoll(argv[2]);
    if (c.neurons < 100) {
      std::fprintf(stderr, "snc-bench-cuba: neurons must be >= 100\n");
      return 2;
    }
    c.excitatory = c.neurons * 4 / 5;
    c.p = std::min(1.0, 0.02 * 4000 / double(c.neurons));
  }
  auto start = std::chrono::steady_clock::now();
  MLIRContext context;
  context.getOrLoadDialect<SNNDialect>();
  OpBuilder b(&context);
  OwningOpRef<ModuleOp> module = ModuleOp::create(b.getUnknownLoc());
  b.setInsertionPointToStart(module->getBody());
  SplitMix64 rng{c.seed};
  std::vector<int64_t> fanOut(c.neurons);
  int64_t synapses = 0;
  NetworkOp network;
  {
    Csr exc = connect(c, rng, 0, c.excitatory);
    Csr inh = connect(c, rng, c.excitatory, c.neurons);
    for (int64_t k = 0; k < c.neurons; ++k)
      fanOut[k] = (exc.rowPtr[k + 1] - exc.rowPtr[k]) +
                  (inh.rowPtr[k + 1] - inh.rowPtr[k]);
    synapses = int64_t(exc.targets.size() + inh.targets.size());
    network = buildCuba(b, c, exc, inh);
  }
  if (failed(verify(*module))) {
    std::fprintf(stderr, "snc-bench-cuba: the generated network is invalid\n");
    return 2;
  }
  double irBytes = residentBytes();
  FailureOr<std::unique_ptr<runtime::Interpreter>> interp =
      runtime::Interpreter::create(network);
  if (failed(interp))
    return 2;
  double interpBytes = residentBytes() - irBytes;
  double buildTime = seconds(start);

  const runtime::Slot &out = (*interp)->getOutput(0);
  int64_t steps = std::llround(c.seconds / c.dt);
  int64_t spikeCount = 0, events = 0;
  uint64_t raster = 0xcbf29ce484222325ULL; // FNV-1a of every (step, neuron)
  auto simStart = std::chrono::steady_clock::now();
  double cpuStart = cpuSeconds();
  for (int64_t t = 0; t < steps; ++t) {
    (*interp)->step();
    out.forEachNonzero<uint8_t>([&](int64_t k, uint8_t) {
      ++spikeCount;
      events += fanOut[k];
      raster = (raster ^ uint64_t(t * c.neurons + k)) * 0x100000001b3ULL;
    });
  }
  double simCpu = cpuSeconds() - cpuStart;
  double simTime = seconds(simStart);

  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  std::printf("CUBA: %lld LIF (%lld exc / %lld inh), p = %.4g, %.3f s "
              "simulated at dt = %.1f ms (%lld steps)\n",
              (long long)c.neurons, (long long)c.excitatory,
              (long long)(c.neurons - c.excitatory), c.p, c.seconds, c.dt * 1e3,
              (long long)steps);
  std::printf("  synapses             %lld\n", (long long)synapses);
  std::printf("  build IR + plan      %.3f s\n", buildTime);
  std::printf("  simulation (CPU)     %.4f s, %.3fx real time\n", simCpu,
              simCpu / c.seconds);
  std::printf("  simulation (wall)    %.4f s\n", simTime);
  std::printf("  spikes               %lld (mean rate %.1f Hz)\n",
              (long long)spikeCount,
              double(spikeCount) / double(c.neurons) / c.seconds);
  std::printf("  synaptic events      %lld\n", (long long)events);
  // Equal hashes across builds mean the same spikes at the same steps.
  std::printf("  spike raster hash    %016llx\n", (unsigned long long)raster);
  std::printf("  synaptic events/s    %.4g (CPU time; %.4g wall)\n",
              double(events) / simCpu, double(events) / simTime);
  std::printf("  resident before plan %.1f MiB (process: libraries, the IR)\n",
              irBytes / 1048576);
  std::printf("  interpreter adds     %.1f MiB (%.1f bytes/synapse)\n",
              interpBytes / 1048576, interpBytes / double(synapses));
  std::printf("  peak memory (RSS)    %.1f MiB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
