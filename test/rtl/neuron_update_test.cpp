//===- neuron_update_test.cpp - rtl/neuron_update.v against C++ -----------===//
//
// Drives every configuration of neuron_update_tb.sv with random states and
// parameters (plus saturation edges and rounding ties) and compares each
// output with stepIntegerNeuron of runtime/neuron/IntegerNeuron.h. Exits
// non-zero on the first mismatch, printing the inputs.
//
// Usage: neuron_update_test [rounds [seed]]
//
//===----------------------------------------------------------------------===//

#include "Vneuron_update_tb.h"
#include "test/rtl/WidePort.h"
#include "verilated.h"

#include "runtime/neuron/IntegerNeuron.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <vector>

using namespace snc::runtime;

namespace {

struct Config {
  unsigned state, input, mult, frac, param, refract;
  Rounding rounding;
  ResetMode reset;
  bool spiking, synapse, previous, adaptive;
};

Config decode(uint64_t w) {
  auto field = [&](unsigned lo, unsigned bits) {
    return unsigned((w >> lo) & ((uint64_t(1) << bits) - 1));
  };
  Config c;
  c.state = field(0, 8);
  c.input = field(8, 8);
  c.mult = field(16, 8);
  c.frac = field(24, 8);
  c.param = field(32, 8);
  c.refract = field(40, 8);
  c.rounding = Rounding(field(48, 2));
  c.reset = ResetMode(field(50, 2));
  c.spiking = field(52, 1);
  c.synapse = field(53, 2) != 0;
  c.previous = field(53, 2) == 2;
  c.adaptive = field(55, 1);
  return c;
}

int64_t minOf(unsigned bits) { return -(int64_t(1) << (bits - 1)); }
int64_t maxOf(unsigned bits) { return (int64_t(1) << (bits - 1)) - 1; }

// The testbench's wide ports hold one 64-bit slot per configuration.
template <typename Wide> void put(Wide &port, size_t slot, int64_t value) {
  snc::rtltest::putSigned(port, slot, value);
}
template <typename Wide> int64_t get(const Wide &port, size_t slot) {
  return snc::rtltest::getSigned(port, slot);
}

class Random {
public:
  explicit Random(uint64_t seed) : gen(seed) {}

  int64_t uniform(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(gen);
  }
  bool chance(unsigned percent) { return uniform(0, 99) < percent; }

  /// A signed `bits`-bit value; one in four is a saturation edge.
  int64_t value(unsigned bits) {
    int64_t lo = minOf(bits), hi = maxOf(bits);
    if (chance(25)) {
      const int64_t edges[] = {lo, lo + 1, -1, 0, 1, hi - 1, hi};
      return edges[uniform(0, 6)];
    }
    // Small magnitudes too, where rounding decides the result.
    if (chance(25))
      return uniform(std::max<int64_t>(lo, -64), std::min<int64_t>(hi, 64));
    return uniform(lo, hi);
  }

  /// A multiplier: also with the low frac-1 bits clear, so that half of its
  /// products are ties, and (2^s - 1) / 2^s shift decays.
  int64_t multiplier(unsigned bits, unsigned frac) {
    int64_t m = value(bits);
    // Mostly |m| <= 1.0, the decays and gains of real networks, whose sums
    // do not all saturate.
    if (chance(50)) {
      int64_t one = int64_t(1) << std::min(frac, bits - 2);
      m = uniform(-one, one);
    }
    if (frac >= 2 && chance(25))
      m &= ~((int64_t(1) << (frac - 1)) - 1);
    else if (frac >= 1 && frac < bits - 1 && chance(10))
      m = (int64_t(1) << uniform(1, frac)) - 1;
    return m;
  }

private:
  std::mt19937_64 gen;
};

struct Case {
  IntegerNeuronFormat format;
  IntegerNeuronParams params;
  IntegerNeuronState state;
  int64_t x = 0, refractory = 0;
};

void randomize(Case &k, const Config &c, Random &rng) {
  IntegerNeuronParams &p = k.params;
  p.decay = {rng.multiplier(c.mult, c.frac)};
  p.gain = {rng.multiplier(c.mult, c.frac)};
  p.synDecay = {rng.multiplier(c.mult, c.frac)};
  p.synGain = {rng.multiplier(c.mult, c.frac)};
  p.adaptDecay = {rng.multiplier(c.mult, c.frac)};
  p.bias = {rng.value(c.param)};
  p.threshold = {rng.value(c.param)};
  p.adaptGain = {rng.value(c.param)};
  // stepIntegerNeuron stores v_reset unsaturated; the RTL holds it in
  // STATE_BITS, so it is drawn there.
  p.vReset = {rng.value(c.state)};
  int64_t refractMax = (int64_t(1) << c.refract) - 1;
  k.refractory = rng.chance(20) ? refractMax : rng.uniform(0, refractMax);
  k.state.v = rng.value(c.state);
  k.state.i = rng.value(c.state);
  k.state.a = rng.value(c.state);
  // Mostly not refractory, or the membrane would rarely be updated.
  k.state.refractoryLeft = rng.chance(75) ? 0 : rng.uniform(0, refractMax);
}

void report(const char *field, int64_t want, int64_t got) {
  std::fprintf(stderr, "  %-10s C++ %" PRId64 "  RTL %" PRId64 "%s\n", field,
               want, got, want == got ? "" : "   <-- differs");
}

} // namespace

int main(int argc, char **argv) {
  long rounds = argc > 1 ? std::atol(argv[1]) : 20000;
  uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 0) : 20240611;

  auto context = std::make_unique<VerilatedContext>();
  context->randReset(2); // registers start random, not zero
  context->randSeed(int(seed & 0x7fffffff));
  auto top = std::make_unique<Vneuron_update_tb>(context.get());

  auto tick = [&] {
    top->clk = 0;
    top->eval();
    top->clk = 1;
    top->eval();
  };

  top->rst = 1;
  top->in_valid = 1;
  tick();
  size_t n = top->configs;
  std::vector<Config> configs;
  for (size_t s = 0; s < n; ++s) {
    configs.push_back(decode(uint64_t(get(top->cfg, s))));
    if (get(top->flags, s) & 2) {
      std::fprintf(stderr, "FAIL: out_valid set during reset (config %zu)\n",
                   s);
      return 1;
    }
  }
  top->rst = 0;

  Random rng(seed);
  std::vector<Case> cases(n);
  std::vector<bool> fresh(n, true);
  long checked = 0, ties = 0, saturated = 0, spikes = 0, refractorySteps = 0;
  for (long round = 0; round < rounds; ++round) {
    for (size_t s = 0; s < n; ++s) {
      const Config &c = configs[s];
      Case &k = cases[s];
      k.format.stateBits = c.state;
      k.format.fracBits = c.frac;
      k.format.rounding = c.rounding;
      k.format.hasSynapse = c.synapse;
      k.format.previousCurrent = c.previous;
      k.format.spiking = c.spiking;
      k.format.adaptive = c.adaptive;
      k.format.reset = c.reset;
      // Half the steps continue the previous step's trajectory.
      if (fresh[s] || rng.chance(50))
        randomize(k, c, rng);
      k.format.refractory = k.refractory;
      k.x = rng.value(c.input);
      put(top->x, s, k.x);
      put(top->v_in, s, k.state.v);
      put(top->i_in, s, k.state.i);
      put(top->a_in, s, k.state.a);
      put(top->ref_in, s, k.state.refractoryLeft);
      put(top->decay, s, k.params.decay[0]);
      put(top->gain, s, k.params.gain[0]);
      put(top->syn_decay, s, k.params.synDecay[0]);
      put(top->syn_gain, s, k.params.synGain[0]);
      put(top->adapt_decay, s, k.params.adaptDecay[0]);
      put(top->bias, s, k.params.bias[0]);
      put(top->threshold, s, k.params.threshold[0]);
      put(top->adapt_gain, s, k.params.adaptGain[0]);
      put(top->v_reset, s, k.params.vReset[0]);
      put(top->refractory, s, k.refractory);
    }
    // Every eighth step has no valid input; its outputs must say so.
    bool valid = round % 8 != 7;
    top->in_valid = valid;
    tick();
    for (size_t s = 0; s < n; ++s) {
      const Config &c = configs[s];
      Case &k = cases[s];
      int64_t flags = get(top->flags, s);
      if (!valid) {
        if (flags & 2) {
          std::fprintf(stderr,
                       "FAIL: out_valid without in_valid (config "
                       "%zu)\n",
                       s);
          return 1;
        }
        continue;
      }
      IntegerNeuronState before = k.state;
      if (c.frac > 0) {
        Wide product = Wide(k.params.decay[0]) * Wide(before.v);
        Wide rest = product & ((Wide(1) << c.frac) - 1);
        ties += rest == (Wide(1) << (c.frac - 1));
      }
      bool spike = stepIntegerNeuron(k.format, k.params, 0, k.state, k.x);
      IntegerNeuronState got{get(top->v_out, s), get(top->i_out, s),
                             get(top->a_out, s), get(top->ref_out, s)};
      bool gotSpike = flags & 1;
      ++checked;
      spikes += spike;
      refractorySteps += c.spiking && before.refractoryLeft > 0;
      saturated += k.state.v == maxOf(c.state) || k.state.v == minOf(c.state);
      fresh[s] = false;
      if ((flags & 2) && got.v == k.state.v && got.i == k.state.i &&
          got.a == k.state.a && got.refractoryLeft == k.state.refractoryLeft &&
          gotSpike == spike)
        continue;
      std::fprintf(
          stderr,
          "FAIL: config %zu (state %u input %u mult %u frac %u param %u "
          "refract %u rounding %u reset %u spiking %d synapse %d previous %d "
          "adaptive %d), round %ld, seed %" PRIu64 "\n",
          s, c.state, c.input, c.mult, c.frac, c.param, c.refract,
          unsigned(c.rounding), unsigned(c.reset), c.spiking, c.synapse,
          c.previous, c.adaptive, round, seed);
      const IntegerNeuronParams &p = k.params;
      std::fprintf(
          stderr,
          "  inputs: x %" PRId64 " v %" PRId64 " i %" PRId64 " a %" PRId64
          " ref %" PRId64 "\n"
          "  decay %" PRId64 " gain %" PRId64 " syn_decay %" PRId64
          " syn_gain %" PRId64 " adapt_decay %" PRId64 "\n"
          "  bias %" PRId64 " threshold %" PRId64 " adapt_gain %" PRId64
          " v_reset %" PRId64 " refractory %" PRId64 "\n",
          k.x, before.v, before.i, before.a, before.refractoryLeft, p.decay[0],
          p.gain[0], p.synDecay[0], p.synGain[0], p.adaptDecay[0], p.bias[0],
          p.threshold[0], p.adaptGain[0], p.vReset[0], k.refractory);
      report("v", k.state.v, got.v);
      report("i", k.state.i, got.i);
      report("a", k.state.a, got.a);
      report("refractory", k.state.refractoryLeft, got.refractoryLeft);
      report("spike", spike, gotSpike);
      report("out_valid", 1, (flags >> 1) & 1);
      return 1;
    }
  }
  top->final();
  std::printf("neuron_update: %ld cases in %zu configurations match "
              "stepIntegerNeuron (%ld spikes, %ld refractory steps, %ld "
              "saturated v, %ld decay ties)\n",
              checked, n, spikes, refractorySteps, saturated, ties);
  return 0;
}
