// The Verilator harness of a generated FPGA design (docs/fpga.md). It is
// copied into every design directory next to the generated design_table.h
// and must need nothing but Verilator and the standard library.
//
// Usage: Vtop_harness <input dir> <output dir> <steps or -1> [+verilator+...]
// Reads input<i>.npy (bool/int/float, C order, (steps, *shape)), streams
// each step's spikes into the spike bus, runs the step's levels, and writes
// output<o>.npy ((steps, size): bool spikes or int64 v) and stats.txt.
#include "Vtop.h"
#include "verilated.h"

#include "design_table.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

[[noreturn]] void fail(const std::string &message) {
  std::fprintf(stderr, "harness: %s\n", message.c_str());
  std::exit(1);
}

struct Array {
  std::string descr;
  std::vector<int64_t> shape;
  std::vector<uint8_t> data;
  size_t elements() const {
    size_t n = 1;
    for (int64_t d : shape)
      n *= size_t(d);
    return n;
  }
  bool nonzero(size_t i) const {
    size_t w = descr == "|b1" ? 1 : size_t(std::stoi(descr.substr(2)));
    const uint8_t *p = data.data() + i * w;
    char kind = descr[1];
    if (kind == 'f' && w == 4) {
      float f;
      std::memcpy(&f, p, 4);
      return f != 0.0f;
    }
    if (kind == 'f' && w == 8) {
      double d;
      std::memcpy(&d, p, 8);
      return d != 0.0;
    }
    for (size_t b = 0; b < w; ++b)
      if (p[b])
        return true;
    return false;
  }
};

// A little-endian C-order .npy file of a plain numeric dtype.
Array readNpy(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    fail("cannot open " + path);
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  if (bytes.size() < 10 || bytes.compare(0, 6, "\x93NUMPY") != 0)
    fail(path + ": not a .npy file");
  size_t headerLength, offset;
  if (bytes[6] == 1) {
    headerLength = uint8_t(bytes[8]) | size_t(uint8_t(bytes[9])) << 8;
    offset = 10;
  } else {
    if (bytes.size() < 12)
      fail(path + ": truncated");
    headerLength = uint8_t(bytes[8]) | size_t(uint8_t(bytes[9])) << 8 |
                   size_t(uint8_t(bytes[10])) << 16 |
                   size_t(uint8_t(bytes[11])) << 24;
    offset = 12;
  }
  if (bytes.size() < offset + headerLength)
    fail(path + ": truncated header");
  std::string header = bytes.substr(offset, headerLength);
  Array a;
  size_t d = header.find("'descr'");
  size_t q1 = header.find('\'', header.find(':', d) + 1);
  size_t q2 = header.find('\'', q1 + 1);
  if (d == std::string::npos || q1 == std::string::npos)
    fail(path + ": no descr");
  a.descr = header.substr(q1 + 1, q2 - q1 - 1);
  static const char *known[] = {"|b1", "|u1", "|i1", "<u2", "<i2", "<u4",
                                "<i4", "<u8", "<i8", "<f4", "<f8"};
  bool ok = false;
  for (const char *k : known)
    ok |= a.descr == k;
  if (!ok)
    fail(path + ": unsupported dtype " + a.descr);
  if (header.find("'fortran_order': True") != std::string::npos)
    fail(path + ": fortran_order arrays are not supported");
  size_t s = header.find('(', header.find("'shape'"));
  size_t e = header.find(')', s);
  std::stringstream dims(header.substr(s + 1, e - s - 1));
  std::string item;
  while (std::getline(dims, item, ','))
    if (item.find_first_of("0123456789") != std::string::npos)
      a.shape.push_back(std::stoll(item));
  size_t width = a.descr == "|b1" ? 1 : size_t(std::stoi(a.descr.substr(2)));
  size_t need = a.elements() * width;
  if (bytes.size() - offset - headerLength < need)
    fail(path + ": data truncated");
  a.data.assign(bytes.begin() + long(offset + headerLength),
                bytes.begin() + long(offset + headerLength + need));
  return a;
}

void writeNpy(const std::string &path, bool boolean, int64_t steps,
              int64_t size, const std::vector<int64_t> &values) {
  std::string header = std::string("{'descr': '") + (boolean ? "|b1" : "<i8") +
                       "', 'fortran_order': False, 'shape': (" +
                       std::to_string(steps) + ", " + std::to_string(size) +
                       "), }";
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::ofstream out(path, std::ios::binary);
  out.write("\x93NUMPY\x01\x00", 8);
  uint8_t length[2] = {uint8_t(header.size() & 0xff),
                       uint8_t(header.size() >> 8)};
  out.write(reinterpret_cast<const char *>(length), 2);
  out << header;
  for (int64_t v : values) {
    if (boolean) {
      char b = v ? 1 : 0;
      out.write(&b, 1);
    } else {
      uint8_t le[8];
      for (int i = 0; i < 8; ++i)
        le[i] = uint8_t(uint64_t(v) >> (8 * i));
      out.write(reinterpret_cast<const char *>(le), 8);
    }
  }
  if (!out)
    fail("cannot write " + path);
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 4)
    fail("usage: Vtop_harness <input dir> <output dir> <steps> "
         "[+verilator+...]");
  auto context = std::make_unique<VerilatedContext>();
  context->commandArgs(argc, argv);
  std::string inputDir = argv[1], outputDir = argv[2];
  int64_t steps = std::stoll(argv[3]);

  std::vector<Array> inputs;
  for (int i = 0; i < design::kInputs; ++i) {
    inputs.push_back(readNpy(inputDir + "/input" + std::to_string(i) + ".npy"));
    const Array &a = inputs.back();
    if (a.shape.empty())
      fail("input " + std::to_string(i) + " has no step dimension");
    int64_t per = int64_t(a.elements()) / (a.shape[0] ? a.shape[0] : 1);
    if (a.shape[0] && per != design::kInputSize[i])
      fail("input " + std::to_string(i) + " has " + std::to_string(per) +
           " elements per step, the network expects " +
           std::to_string(design::kInputSize[i]));
    if (steps < 0 || a.shape[0] < steps)
      steps = a.shape[0];
  }
  if (steps < 0)
    fail("the design has no inputs: give the number of steps");

  auto top = std::make_unique<Vtop>(context.get());
  std::vector<std::vector<int64_t>> out(design::kOutputs);
  for (int o = 0; o < design::kOutputs; ++o)
    out[o].assign(size_t(steps * design::kOutputSize[o]), 0);

  int64_t maxStep = 0, t = 0;
  auto tick = [&]() {
    top->clk = 0;
    top->eval();
    top->clk = 1;
    top->eval();
    design::sampleRecords(*top, t, out);
  };
  // The design's own clock counter (it counts from the end of rst).
  auto cycles = [&]() { return int64_t(top->cycles); };
  top->rst = 1;
  top->run = 0;
  top->in_push = 0;
  top->in_data = 0;
  design::setConfig(*top, false, 0, 0, 0);
  for (int i = 0; i < 4; ++i)
    tick();
  top->rst = 0;
  tick();

  // Loaded memories (SPRAM has no bitstream image): stream each image
  // through the configuration port, one word per clock, like a chip's
  // configuration interface would before the first step.
  int64_t loadStart = cycles();
  for (int l = 0; l < design::kLoadCount; ++l) {
    const design::Load &load = design::kLoads[l];
    std::ifstream image(load.image);
    if (!image)
      fail(std::string("cannot open ") + load.image);
    std::string line;
    int64_t address = 0;
    while (std::getline(image, line)) {
      if (line.empty())
        continue;
      if (address >= load.words)
        fail(std::string(load.image) + ": more than " +
             std::to_string(load.words) + " words");
      design::setConfig(*top, true, load.core, uint64_t(address),
                        std::stoull(line, nullptr, 16));
      tick();
      ++address;
    }
    if (address != load.words)
      fail(std::string(load.image) + ": " + std::to_string(address) +
           " words, expected " + std::to_string(load.words));
  }
  design::setConfig(*top, false, 0, 0, 0);
  int64_t loadCycles = cycles() - loadStart;

  for (t = 0; t < steps; ++t) {
    int64_t start = cycles();
    for (int i = 0; i < design::kInputs; ++i) {
      int64_t size = design::kInputSize[i];
      for (int64_t k = 0; k < size; ++k) {
        if (!inputs[size_t(i)].nonzero(size_t(t * size + k)))
          continue;
        design::recordInput(i, t, k, out);
        if (!design::kInputUsed[i])
          continue;
        while (top->in_full)
          tick();
        top->in_push = 1;
        top->in_data = (uint64_t(design::kInputSource[i]) << design::kEvnBits) |
                       uint64_t(k);
        tick();
        top->in_push = 0;
      }
    }
    top->run = 1;
    tick();
    top->run = 0;
    while (!top->step_done) {
      tick();
      if (cycles() - start > design::kStepCycleLimit)
        fail("step " + std::to_string(t) + " did not finish within " +
             std::to_string(design::kStepCycleLimit) + " cycles");
    }
    if (top->overflow)
      fail("an event queue overflowed in step " + std::to_string(t));
    maxStep = std::max(maxStep, cycles() - start);
  }
  int64_t total = cycles();
  top->final();

  for (int o = 0; o < design::kOutputs; ++o)
    writeNpy(outputDir + "/output" + std::to_string(o) + ".npy",
             design::kOutputSpikes[o], steps, design::kOutputSize[o], out[o]);
  std::ofstream stats(outputDir + "/stats.txt");
  stats << "steps " << steps << "\ncycles_total " << total - loadCycles
        << "\ncycles_load " << loadCycles << "\ncycles_max_step " << maxStep
        << "\nsynaptic_events " << uint64_t(top->synaptic_events) << "\n";
  if (!stats)
    fail("cannot write stats.txt");
  return 0;
}
