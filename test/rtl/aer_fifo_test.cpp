//===- aer_fifo_test.cpp - rtl/aer_fifo.v against a std::deque -----------===//
//
// Drives every instance of aer_fifo_tb.sv with random pushes and pops, in
// phases that fill the queues and phases that drain them, and checks every
// output each cycle against a std::deque model. Exits non-zero on the first
// mismatch.
//
// Usage: aer_fifo_test [cycles [seed]]
//
//===----------------------------------------------------------------------===//

#include "Vaer_fifo_tb.h"
#include "test/rtl/WidePort.h"
#include "verilated.h"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <random>
#include <vector>

namespace {

using snc::rtltest::get;
using snc::rtltest::put;

struct Model {
  unsigned width = 0, depth = 0;
  std::deque<uint64_t> queue;
  bool overflow = false, popValid = false;
  uint64_t popData = 0;
};

} // namespace

int main(int argc, char **argv) {
  long cycles = argc > 1 ? std::atol(argv[1]) : 200000;
  uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 0) : 20240611;

  auto context = std::make_unique<VerilatedContext>();
  context->randReset(2);
  context->randSeed(int(seed & 0x7fffffff));
  auto top = std::make_unique<Vaer_fifo_tb>(context.get());
  auto tick = [&] {
    top->clk = 0;
    top->eval();
    top->clk = 1;
    top->eval();
  };

  std::mt19937_64 gen(seed);
  auto percent = [&] { return unsigned(gen() % 100); };
  long checked = 0, pushes = 0, pops = 0, overflows = 0, fullCycles = 0;
  top->push = 0;
  top->pop = 0;
  top->rst = 1;
  tick();
  // Outputs (configs, cfg) are valid after the first evaluation.
  size_t n = top->configs;
  std::vector<Model> models(n);
  for (size_t s = 0; s < n; ++s) {
    uint64_t cfg = get(top->cfg, s);
    models[s].width = unsigned(cfg & 0xffffffff);
    models[s].depth = unsigned(cfg >> 32);
  }
  top->rst = 0;
  for (long cycle = 0; cycle < cycles; ++cycle) {
    // Phases of 64 cycles: mostly pushing, then mostly popping; now and
    // then a reset.
    bool filling = (cycle / 64) % 2 == 0;
    bool reset = percent() == 0 && gen() % 16 == 0;
    uint32_t push = 0, pop = 0;
    for (size_t s = 0; s < n; ++s) {
      Model &m = models[s];
      uint64_t data = gen();
      if (m.width < 64)
        data &= (uint64_t(1) << m.width) - 1;
      bool doPush = percent() < (filling ? 80u : 20u);
      bool doPop = percent() < (filling ? 20u : 80u);
      push |= uint32_t(doPush) << s;
      pop |= uint32_t(doPop) << s;
      put(top->push_data, s, data);
      // The model of one clock edge.
      if (reset) {
        m.queue.clear();
        m.overflow = m.popValid = false;
        continue;
      }
      bool full = m.queue.size() == m.depth, empty = m.queue.empty();
      fullCycles += full;
      m.popValid = doPop && !empty;
      if (m.popValid) {
        m.popData = m.queue.front();
        m.queue.pop_front();
        ++pops;
      }
      if (doPush && !full) {
        m.queue.push_back(data);
        ++pushes;
      }
      if (doPush && full) {
        overflows += !m.overflow;
        m.overflow = true;
      }
    }
    top->push = push;
    top->pop = pop;
    top->rst = reset;
    tick();
    for (size_t s = 0; s < n; ++s) {
      const Model &m = models[s];
      bool full = (top->full >> s) & 1, empty = (top->empty >> s) & 1;
      bool overflow = (top->overflow >> s) & 1;
      bool popValid = (top->pop_valid >> s) & 1;
      uint64_t count = get(top->count, s);
      uint64_t data = get(top->pop_data, s);
      ++checked;
      if (full == (m.queue.size() == m.depth) && empty == m.queue.empty() &&
          count == m.queue.size() && overflow == m.overflow &&
          popValid == m.popValid && (!popValid || data == m.popData))
        continue;
      std::fprintf(stderr,
                   "FAIL: instance %zu (WIDTH %u DEPTH %u), cycle %ld, seed "
                   "%" PRIu64 ", push %u pop %u rst %d\n"
                   "  model: count %zu full %d empty %d overflow %d "
                   "pop_valid %d pop_data %" PRIx64 "\n"
                   "  RTL:   count %" PRIu64 " full %d empty %d overflow %d "
                   "pop_valid %d pop_data %" PRIx64 "\n",
                   s, m.width, m.depth, cycle, seed, (push >> s) & 1,
                   (pop >> s) & 1, reset, m.queue.size(),
                   m.queue.size() == m.depth, m.queue.empty(), m.overflow,
                   m.popValid, m.popData, count, full, empty, overflow,
                   popValid, data);
      return 1;
    }
  }
  top->final();
  std::printf("aer_fifo: %ld instance-cycles in %zu configurations match the "
              "model (%ld pushes, %ld pops, %ld overflows, %ld full "
              "cycles)\n",
              checked, n, pushes, pops, overflows, fullCycles);
  return 0;
}
