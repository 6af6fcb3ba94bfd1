//===- synapse_memory_test.cpp - rtl/synapse_memory.v against an array ----===//
//
// Writes a random $readmemh image for every instance of
// synapse_memory_tb.sv, reads every word back, then checks random reads and
// writes (read-first on the same address) against an array model. Exits
// non-zero on the first mismatch.
//
// Usage: synapse_memory_test [cycles [seed]]
//
//===----------------------------------------------------------------------===//

#include "Vsynapse_memory_tb.h"
#include "test/rtl/WidePort.h"
#include "verilated.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

using snc::rtltest::get;
using snc::rtltest::put;
uint64_t mask(unsigned bits) {
  return bits >= 64 ? ~uint64_t(0) : (uint64_t(1) << bits) - 1;
}

struct Synapse {
  int64_t weight = 0;
  uint64_t target = 0, delay = 0;
  bool operator==(const Synapse &o) const {
    return weight == o.weight && target == o.target && delay == o.delay;
  }
};

struct Model {
  unsigned words = 0, targetBits = 0, weightBits = 0, delayBits = 0;
  std::vector<Synapse> memory;
  bool valid = false;
  Synapse read;

  Synapse random(std::mt19937_64 &gen) const {
    Synapse s;
    uint64_t w = gen() & mask(weightBits);
    // Sign-extend the weight field.
    s.weight = int64_t(w << (64 - weightBits)) >> (64 - weightBits);
    s.target = gen() & mask(targetBits);
    s.delay = gen() & mask(delayBits);
    return s;
  }
  // The word of the image: {delay, target, weight}.
  uint64_t pack(const Synapse &s) const {
    return ((s.delay << (targetBits + weightBits)) | (s.target << weightBits) |
            (uint64_t(s.weight) & mask(weightBits)));
  }
};

} // namespace

int main(int argc, char **argv) {
  long cycles = argc > 1 ? std::atol(argv[1]) : 100000;
  uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 0) : 20240611;
  std::mt19937_64 gen(seed);

  // The testbench reads synapse_memory_<c>.hex from the working directory:
  // write the images into a fresh one.
  char dir[] = "/tmp/snc-synapse-memory-XXXXXX";
  if (!mkdtemp(dir) || chdir(dir) != 0) {
    std::perror("temporary directory");
    return 1;
  }

  auto context = std::make_unique<VerilatedContext>();
  context->randReset(2);
  context->randSeed(int(seed & 0x7fffffff));
  auto top = std::make_unique<Vsynapse_memory_tb>(context.get());
  // The configurations are outputs and the images are read at the first
  // evaluation, so a first model (reading empty images) reports the
  // configurations and a second one reads the images.
  for (int c = 0; c < 10; ++c)
    std::fclose(std::fopen(
        ("synapse_memory_" + std::to_string(c) + ".hex").c_str(), "w"));
  top->clk = 0;
  top->rst = 1;
  top->eval();
  size_t n = top->configs;
  std::vector<Model> models(n);
  for (size_t s = 0; s < n; ++s) {
    Model &m = models[s];
    uint64_t cfg = get(top->cfg, s);
    m.words = unsigned(cfg & 0xffff);
    m.targetBits = unsigned((cfg >> 16) & 0xffff);
    m.weightBits = unsigned((cfg >> 32) & 0xffff);
    m.delayBits = unsigned(cfg >> 48);
    std::string file = "synapse_memory_" + std::to_string(s) + ".hex";
    FILE *f = std::fopen(file.c_str(), "w");
    for (unsigned w = 0; w < m.words; ++w) {
      m.memory.push_back(m.random(gen));
      std::fprintf(f, "%" PRIx64 "\n", m.pack(m.memory.back()));
    }
    std::fclose(f);
  }
  top->final();
  top = std::make_unique<Vsynapse_memory_tb>(context.get());
  auto tick = [&] {
    top->clk = 0;
    top->eval();
    top->clk = 1;
    top->eval();
  };
  top->rd_en = 0;
  top->wr_en = 0;
  top->rst = 1;
  tick(); // runs the initial blocks: $readmemh
  top->rst = 0;
  for (int c = 0; c < 10; ++c)
    std::remove(("synapse_memory_" + std::to_string(c) + ".hex").c_str());
  if (chdir("/") != 0 || rmdir(dir) != 0)
    std::perror(dir);

  // First every word of the image in order, then random traffic.
  long checked = 0, writes = 0, collisions = 0;
  unsigned longest = 0;
  for (const Model &m : models)
    longest = std::max(longest, m.words);
  for (long cycle = 0; cycle < longest + cycles; ++cycle) {
    bool sweep = cycle < long(longest);
    uint32_t rd = 0, wr = 0;
    for (size_t s = 0; s < n; ++s) {
      Model &m = models[s];
      bool rdEn = sweep ? cycle < long(m.words) : gen() % 4 != 0;
      bool wrEn = !sweep && gen() % 3 == 0;
      uint64_t rdAddr = sweep ? uint64_t(cycle) % m.words : gen() % m.words;
      // Often the address being read, to check read-first.
      uint64_t wrAddr = gen() % 4 == 0 ? rdAddr : gen() % m.words;
      Synapse data = m.random(gen);
      rd |= uint32_t(rdEn) << s;
      wr |= uint32_t(wrEn) << s;
      put(top->rd_addr, s, rdAddr);
      put(top->wr_addr, s, wrAddr);
      put(top->wr_weight, s, uint64_t(data.weight));
      put(top->wr_target, s, data.target);
      put(top->wr_delay, s, data.delay);
      m.valid = rdEn;
      if (rdEn)
        m.read = m.memory[rdAddr];
      if (wrEn) {
        m.memory[wrAddr] = data;
        ++writes;
        collisions += rdEn && wrAddr == rdAddr;
      }
    }
    top->rd_en = rd;
    top->wr_en = wr;
    tick();
    for (size_t s = 0; s < n; ++s) {
      const Model &m = models[s];
      bool valid = (top->rd_valid >> s) & 1;
      Synapse got;
      got.weight = int64_t(get(top->weight, s));
      got.target = get(top->target, s);
      got.delay = get(top->delay, s);
      ++checked;
      if (valid == m.valid && (!valid || got == m.read))
        continue;
      std::fprintf(stderr,
                   "FAIL: instance %zu (WORDS %u TARGET_BITS %u WEIGHT_BITS "
                   "%u DELAY_BITS %u), cycle %ld, seed %" PRIu64 "\n"
                   "  model: rd_valid %d weight %" PRId64 " target %" PRIu64
                   " delay %" PRIu64 "\n"
                   "  RTL:   rd_valid %d weight %" PRId64 " target %" PRIu64
                   " delay %" PRIu64 "\n",
                   s, m.words, m.targetBits, m.weightBits, m.delayBits, cycle,
                   seed, m.valid, m.read.weight, m.read.target, m.read.delay,
                   valid, got.weight, got.target, got.delay);
      return 1;
    }
  }
  top->final();
  std::printf("synapse_memory: %ld instance-cycles in %zu configurations "
              "match the model (images read back, %ld writes, %ld "
              "same-address read-writes)\n",
              checked, n, writes, collisions);
  return 0;
}
