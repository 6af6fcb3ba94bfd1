//===- FPGADesignPlanTest.cpp - planDesign's decisions --------------------===//
//
// Levels, ring depths, accumulator widths, resource and semantic checks of
// backends/fpga/Design.h's planDesign, and CorePlan's fields round trip.
//
//===----------------------------------------------------------------------===//

#include "FPGADesignSupport.h"
#include "backends/fpga/CoreTables.h"
#include "backends/fpga/Design.h"

#include <gtest/gtest.h>

using namespace snc;
using namespace snc::testing;

namespace {

runtime::IntegerNeuronFormat lifFormat() {
  runtime::IntegerNeuronFormat f;
  f.stateBits = 16;
  f.fracBits = 4;
  f.spiking = true;
  return f;
}

manycore::Synapse syn(int64_t pre, int64_t post, int64_t w, int64_t d) {
  return manycore::makeSynapse(pre, post, w, d);
}

manycore::Projection projection(int source, int target,
                                std::vector<manycore::Synapse> synapses) {
  manycore::Projection p;
  p.source = source;
  p.target = target;
  for (const auto &s : synapses)
    p.maxDelay = std::max<int64_t>(p.maxDelay, s.delay);
  p.synapses = std::move(synapses);
  return p;
}

// in(2) -> a(4) -d0-> b(4) -d0-> c(2); a -> a delay 3; c -> a delay 1.
manycore::Network chain() {
  SplitMix64 rng(7);
  manycore::Network n;
  n.name = "chain";
  n.populations.push_back(inputPopulation("in", 2, 0));
  n.populations.push_back(
      neuronPopulation("a", 4, lifFormat(), 16, rng, 40, 120));
  n.populations.push_back(
      neuronPopulation("b", 4, lifFormat(), 16, rng, 40, 120));
  n.populations.push_back(
      neuronPopulation("c", 2, lifFormat(), 16, rng, 40, 120));
  n.projections.push_back(projection(0, 1, {syn(0, 0, 3, 0), syn(1, 3, 2, 0)}));
  n.projections.push_back(projection(1, 1, {syn(0, 1, 5, 3)}));
  n.projections.push_back(projection(1, 2, {syn(0, 0, 4, 0), syn(3, 3, 1, 0)}));
  n.projections.push_back(projection(2, 3, {syn(3, 1, 7, 0)}));
  n.projections.push_back(projection(3, 1, {syn(1, 2, 9, 1)}));
  n.updateOrder = {0, 1, 2, 3};
  n.outputs = {3};
  return n;
}

TEST(FPGADesignPlan, LevelsFollowDelayZeroPaths) {
  manycore::Network n = chain();
  fpga::DesignPlan plan;
  std::string error;
  // Cores of 2 neurons: a0 a1 b0 b1 c0.
  ASSERT_TRUE(fpga::planDesign(n, fpgaSlices(n, 2), fpgaTarget(7, 100, 36864),
                               plan, error))
      << error;
  ASSERT_EQ(plan.cores.size(), 5u);
  // a's cores read only inputs (delay 0) and c, a (delay >= 1): level 0.
  EXPECT_EQ(plan.cores[0].level, 0);
  EXPECT_EQ(plan.cores[1].level, 0);
  // b0 reads a0 at delay 0; b1 reads a1 at delay 0: level 1.
  EXPECT_EQ(plan.cores[2].level, 1);
  EXPECT_EQ(plan.cores[3].level, 1);
  // c0 reads b1 (neuron 3) at delay 0: level 2.
  EXPECT_EQ(plan.cores[4].level, 2);
  EXPECT_EQ(plan.levels, 3);
  // Sources: the input, then one per core.
  ASSERT_EQ(plan.sources.size(), 6u);
  EXPECT_EQ(plan.sources[0].core, -1);
  EXPECT_EQ(fpga::sourceOfCore(plan, 4), 5);
}

TEST(FPGADesignPlan, RingSlotsAndAccumulatorBound) {
  manycore::Network n = chain();
  fpga::DesignPlan plan;
  std::string error;
  ASSERT_TRUE(fpga::planDesign(n, fpgaSlices(n, 4), fpgaTarget(7, 100, 36864),
                               plan, error))
      << error;
  // Core a: delays 0 (inputs), 3 (a -> a), 1 (c -> a): 4 slots.
  EXPECT_EQ(plan.cores[0].ringSlots, 4);
  // Core b, c: delay 0 only: 1 slot.
  EXPECT_EQ(plan.cores[1].ringSlots, 1);
  EXPECT_EQ(plan.cores[2].ringSlots, 1);
  // Core c: neuron 1 gets |7| plus its |driveOffset| (at most 15): a bound
  // of at most 22 needs 6 signed bits (31 >= 22 > 15), at least 4 (7 > 3).
  EXPECT_GE(plan.cores[2].accBits, 4u);
  EXPECT_LE(plan.cores[2].accBits, 6u);

  // Heavy weights: 3 synapses of |100| into one neuron plus an offset of
  // 20 is 320: 10 signed bits (511 >= 320 > 255).
  manycore::Network heavy = chain();
  heavy.populations[3].driveOffset = {20, 0};
  heavy.projections[3] = projection(
      2, 3, {syn(0, 0, -100, 0), syn(1, 0, 100, 0), syn(2, 0, 100, 0)});
  ASSERT_TRUE(fpga::planDesign(heavy, fpgaSlices(heavy, 4),
                               fpgaTarget(7, 100, 36864), plan, error))
      << error;
  EXPECT_EQ(plan.cores[2].accBits, 10u);
  EXPECT_EQ(plan.cores[2].synapseWords, 3);
  // Row index: one word per neuron of each subscribed source (b: 4).
  EXPECT_EQ(plan.cores[2].rowIndexWords, 4);
  EXPECT_EQ(plan.cores[2].weightBits, 8u); // |100| <= 127
}

TEST(FPGADesignPlan, DelayBeyondTheTarget) {
  manycore::Network n = chain();
  fpga::DesignPlan plan;
  std::string error;
  EXPECT_FALSE(fpga::planDesign(n, fpgaSlices(n, 4), fpgaTarget(2, 100, 36864),
                                plan, error));
  EXPECT_EQ(error, "core 0 (population 'a' neurons [0, 4)) has a synapse of "
                   "delay 3; 'test-fpga' supports delays up to 2");
}

TEST(FPGADesignPlan, DelayZeroCycleIsRejected) {
  manycore::Network n = chain();
  n.projections[1] = projection(1, 1, {syn(0, 1, 5, 0)});
  fpga::DesignPlan plan;
  std::string error;
  EXPECT_FALSE(fpga::planDesign(n, fpgaSlices(n, 4), fpgaTarget(7, 100, 36864),
                                plan, error));
  EXPECT_NE(error.find("a delay-0 synapse from core 0 (population 'a' neurons "
                       "[0, 4)) to core 0"),
            std::string::npos)
      << error;
}

TEST(FPGADesignPlan, BlockRamOverflowNamesTheResource) {
  manycore::Network n = chain();
  fpga::DesignPlan plan;
  std::string error;
  // Blocks of 64 bits, no LUT RAM: memories of at most 64 bits go to
  // flip-flops, but the synapses (read-only, initialised) take block RAM:
  // a block or more for the cores whose synapse words differ, more than 1.
  EXPECT_FALSE(
      fpga::planDesign(n, fpgaSlices(n, 4), fpgaTarget(7, 1, 64), plan, error));
  EXPECT_EQ(error.rfind("the design does not fit 'test-fpga': it needs ", 0),
            0u)
      << error;
  EXPECT_NE(error.find("block RAMs of 64 bits"), std::string::npos) << error;
  EXPECT_NE(error.find("more than the part's 1; the largest core is core "),
            std::string::npos)
      << error;
}

TEST(FPGADesignPlan, SynapsesMoveToSpramWhenBlockRamsAreShort) {
  // iCE40-like: 30 EBR of 4 Kbit and 4 SPRAM of 256 Kbit. 64 inputs fully
  // connected to 64 neurons (dense rows: no target field): 4096 synapses
  // of 4 bits = 16384 bits, 4 EBR; with the other memories the core fits
  // the EBR. 256 x 256 = 65536 synapses of 4 bits = 262144 bits (64 EBR)
  // go to 1 SPRAM.
  for (int64_t size : {64, 256}) {
    SplitMix64 rng(3);
    manycore::Network n;
    n.name = "dense";
    n.populations.push_back(inputPopulation("in", size, 0));
    n.populations.push_back(
        neuronPopulation("lif", size, lifFormat(), 8, rng, 40, 120));
    n.projections.push_back(randomProjection(n, 0, 1, 100, -7, 7, 0, 0, rng));
    n.updateOrder = {0, 1};
    n.outputs = {1};
    targets::TargetDescription t = fpgaTarget(0, 30, 4096);
    t.fpga->spramBlocks = 4;
    t.fpga->spramBitsPerBlock = 262144;
    fpga::DesignPlan plan;
    std::string error;
    ASSERT_TRUE(fpga::planDesign(n, fpgaSlices(n, 256), t, plan, error))
        << error;
    ASSERT_EQ(plan.cores.size(), 1u);
    EXPECT_EQ(plan.cores[0].weightBits, 4u);
    EXPECT_TRUE(plan.cores[0].denseRows);
    EXPECT_EQ(plan.cores[0].sprams, size == 64 ? 0 : 1);
    EXPECT_EQ(plan.sprams, plan.cores[0].sprams);
    EXPECT_LE(plan.bramHalves, 2 * 30);
    EXPECT_EQ(plan.cores[0].synapseMemory,
              size == 64 ? fpga::MemoryKind::Block : fpga::MemoryKind::Loaded);
  }
}

// The parts' block RAM shapes as yosys 0.23 maps them; the figures are
// yosys's own (synth_xilinx -family xc7 / synth_ice40 on a memory of that
// shape with one read and one write port, bench/fpga/README.md).
TEST(FPGADesignPlan, BlockRamHalvesFollowYosys) {
  targets::FPGACapacity xc7;
  xc7.lutInputs = 6;
  xc7.bramBitsPerBlock = 36864;
  // Deep and narrow: data and parity bits, in RAMB18 halves. 65,494 x 4
  // bits = 261,976 bits / 18,432 = 14.2: 15 RAMB18 (7.5 RAMB36); 65,523 x 8
  // = 28.4: 29 (14.5); 61,441 x 4: 14 (7 RAMB36); 8192 x 4: 1 RAMB36.
  EXPECT_EQ(fpga::blockRamHalves(xc7, 65494, 4), 15);
  EXPECT_EQ(fpga::blockRamHalves(xc7, 65523, 8), 29);
  EXPECT_EQ(fpga::blockRamHalves(xc7, 61441, 4), 14);
  EXPECT_EQ(fpga::blockRamHalves(xc7, 8192, 4), 2);
  // Shallow: 512 x 36 RAMB18s side by side (256 x 73: 3).
  EXPECT_EQ(fpga::blockRamHalves(xc7, 256, 24), 1);
  EXPECT_EQ(fpga::blockRamHalves(xc7, 256, 34), 1);
  EXPECT_EQ(fpga::blockRamHalves(xc7, 256, 73), 3);
  EXPECT_EQ(fpga::blockRamHalves(xc7, 0, 8), 0);
  targets::FPGACapacity ice40;
  ice40.lutInputs = 4;
  ice40.bramBitsPerBlock = 4096;
  // SB_RAM40_4K: 256 x 16 ... 2K x 2, two halves each.
  EXPECT_EQ(fpga::blockRamHalves(ice40, 256, 34), 2 * 3);
  EXPECT_EQ(fpga::blockRamHalves(ice40, 256, 12), 2 * 1);
  EXPECT_EQ(fpga::blockRamHalves(ice40, 2048, 2), 2 * 1);
  EXPECT_EQ(fpga::blockRamHalves(ice40, 4096, 4), 2 * 4);
  // Any other part: by bits.
  targets::FPGACapacity other;
  other.bramBitsPerBlock = 64;
  EXPECT_EQ(fpga::blockRamHalves(other, 10, 13), 2 * 3);
}

// 256 inputs fully connected to 256 LIF neurons, the same parameters for
// every neuron (bench/fpga's random network), 4-bit weights.
manycore::Network denseUniform(int64_t size) {
  SplitMix64 rng(11);
  manycore::Network n;
  n.name = "dense";
  n.populations.push_back(inputPopulation("in", size, 0));
  n.populations.push_back(
      neuronPopulation("lif", size, lifFormat(), 12, rng, 40, 40));
  auto &q = n.populations[1].params;
  for (auto *v : {&q.decay, &q.gain, &q.bias, &q.threshold, &q.vReset,
                  &n.populations[1].driveOffset})
    std::fill(v->begin(), v->end(), v->empty() ? 0 : (*v)[0]);
  n.projections.push_back(randomProjection(n, 0, 1, 100, -7, 7, 0, 0, rng));
  n.updateOrder = {0, 1};
  n.outputs = {1};
  return n;
}

TEST(FPGADesignPlan, SmallMemoriesGoToLutRamOnArtix7) {
  manycore::Network n = denseUniform(256);
  targets::TargetDescription t = fpgaTarget(0, 135, 36864);
  t.fpga->lutInputs = 6;
  fpga::DesignPlan plan;
  std::string error;
  ASSERT_TRUE(fpga::planDesign(n, fpgaSlices(n, 256), t, plan, error)) << error;
  ASSERT_EQ(plan.cores.size(), 1u);
  const fpga::CorePlan &core = plan.cores[0];
  // Every parameter is the same for all neurons: no parameter word.
  EXPECT_EQ(core.paramConstants, (1 << fpga::kParamFields) - 1);
  EXPECT_EQ(fpga::coreWidths(n, core).paramWord, 0u);
  // State: v only (no synaptic current, adaptation or refractory period).
  EXPECT_EQ(fpga::coreWidths(n, core).stateWord, 16u);
  // Row index (256 x 34 bits), state (256 x 16) and ring: at most a quarter
  // block each, so LUTs; the synapses alone take block RAM.
  EXPECT_EQ(core.rowMemory, fpga::MemoryKind::Distributed);
  EXPECT_EQ(core.stateMemory, fpga::MemoryKind::Distributed);
  EXPECT_EQ(core.ringMemory, fpga::MemoryKind::Distributed);
  EXPECT_EQ(core.synapseMemory, fpga::MemoryKind::Block);
  unsigned word = fpga::coreWidths(n, core).synapseWord;
  EXPECT_EQ(core.bramHalves,
            fpga::blockRamHalves(*t.fpga, core.synapseWords, word));
  EXPECT_EQ(plan.bramHalves, core.bramHalves);
  EXPECT_EQ(fpga::blockRamText(15), "7.5");
  EXPECT_EQ(fpga::blockRamText(16), "8");
}

TEST(FPGADesignPlan, DifferingParametersStayInTheWord) {
  manycore::Network n = denseUniform(16);
  n.populations[1].params.bias[3] += 1;
  targets::TargetDescription t = fpgaTarget(0, 135, 36864);
  fpga::DesignPlan plan;
  std::string error;
  ASSERT_TRUE(fpga::planDesign(n, fpgaSlices(n, 256), t, plan, error)) << error;
  // Field 5 (bias) differs; the others are constants.
  EXPECT_EQ(plan.cores[0].paramConstants,
            ((1 << fpga::kParamFields) - 1) & ~(1 << 5));
  EXPECT_EQ(fpga::coreWidths(n, plan.cores[0]).paramWord,
            plan.cores[0].paramBits);
}

TEST(FPGADesignPlan, LoadedSynapsesPackIntoOneSpram) {
  // The UP5K: 30 EBR of 4 Kbit, 4 SPRAM; 65,536 synapse words of 4 bits do
  // not fit the EBR, so they are Loaded: 4 words per 16-bit SPRAM word,
  // 16,384 words, one SPRAM block.
  manycore::Network n = denseUniform(256);
  targets::TargetDescription t = fpgaTarget(0, 30, 4096);
  t.fpga->lutInputs = 4;
  t.fpga->spramBlocks = 4;
  t.fpga->spramBitsPerBlock = 262144;
  fpga::DesignPlan plan;
  std::string error;
  ASSERT_TRUE(fpga::planDesign(n, fpgaSlices(n, 256), t, plan, error)) << error;
  const fpga::CorePlan &core = plan.cores[0];
  ASSERT_EQ(core.synapseMemory, fpga::MemoryKind::Loaded);
  fpga::CoreWidths w = fpga::coreWidths(n, core);
  EXPECT_EQ(w.synapseWord, 4u);
  EXPECT_EQ(w.loadBits, 16u);
  EXPECT_EQ(w.laneBits, 2u);
  EXPECT_EQ(w.loadWords, (core.synapseWords + 3) / 4);
  EXPECT_EQ(core.sprams, 1);
  // No LUT RAM on an iCE40: memories of at most 64 bits in flip-flops, the
  // others in EBR. The row index is read-only and every row is {start
  // 256 r, count 256, first 0}: only start's bits 8..16 differ between
  // words, 256 x 9 bits (1 EBR); state 256 x 16 (1); ring 256 x acc_bits
  // (1); the core's event queues 16 x 10 and 256 x 8 (1 each); the top's
  // input queue 16 x 10 (1).
  EXPECT_EQ(core.rowMemory, fpga::MemoryKind::Block);
  EXPECT_EQ(core.stateMemory, fpga::MemoryKind::Block);
  EXPECT_EQ(core.inQueueMemory, fpga::MemoryKind::Block);
  EXPECT_EQ(core.outQueueMemory, fpga::MemoryKind::Block);
  EXPECT_EQ(plan.inputQueueMemory, fpga::MemoryKind::Block);
  EXPECT_EQ(core.bramHalves, 2 * 5);
  EXPECT_EQ(plan.bramHalves, 2 * 6);
}

TEST(FPGADesignPlan, RomColumnsCountWhatDiffers) {
  fpga::RomColumns rom;
  rom.add({{0x10, 8}, {1, 2}});
  rom.add({{0x30, 8}, {1, 2}});
  rom.add({{0x11, 8}, {1, 2}});
  // Bits 0 and 5 differ; the others (the second field included) do not.
  EXPECT_EQ(rom.varying(), 2u);
  EXPECT_EQ(fpga::RomColumns().varying(), 0u);
}

TEST(FPGADesignPlan, CoreCountBound) {
  manycore::Network n = chain();
  targets::TargetDescription t = fpgaTarget(7, 100, 36864);
  t.fpga->cores = 1;
  fpga::DesignPlan plan;
  std::string error;
  EXPECT_FALSE(fpga::planDesign(n, fpgaSlices(n, 4), t, plan, error));
  EXPECT_EQ(error.rfind("the design does not fit 'test-fpga': it needs 3 "
                        "cores, 2 more than the part's 1",
                        0),
            0u)
      << error;
}

TEST(FPGADesignPlan, UnsupportedFormatIsRejected) {
  manycore::Network n = chain();
  n.populations[2].format.stateBits = 63;
  fpga::DesignPlan plan;
  std::string error;
  EXPECT_FALSE(fpga::planDesign(n, fpgaSlices(n, 4), fpgaTarget(7, 100, 36864),
                                plan, error));
  EXPECT_EQ(error, "population 'b': state_bits 63 is outside the 2..62 a "
                   "neuron core supports");
}

TEST(FPGADesignPlan, NoNeuronPopulation) {
  manycore::Network n;
  n.name = "inputs_only";
  n.populations.push_back(inputPopulation("in", 3, 0));
  n.updateOrder = {0};
  n.outputs = {0};
  fpga::DesignPlan plan;
  std::string error;
  EXPECT_FALSE(fpga::planDesign(n, fpgaSlices(n, 4), fpgaTarget(7, 100, 36864),
                                plan, error));
  EXPECT_EQ(error, "network 'inputs_only' has no neuron population to put on "
                   "a neuron core");
}

TEST(FPGADesignPlan, FracBitsWidenTheMultipliers) {
  // neuron_update needs FRAC_BITS <= MULT_BITS + min(state, drive) - 2:
  // frac 20 with an 8-bit drive needs 14-bit multipliers even for small
  // multipliers.
  manycore::Network n = chain();
  for (auto &p : n.populations)
    if (!p.isInput) {
      p.format.fracBits = 20;
      p.driveBits = 8;
    }
  fpga::DesignPlan plan;
  std::string error;
  ASSERT_TRUE(fpga::planDesign(n, fpgaSlices(n, 4), fpgaTarget(7, 100, 36864),
                               plan, error))
      << error;
  EXPECT_EQ(plan.cores[0].multBits, 14u);
}

// in(4) -> a(8), banded: input i reaches a[i..i+3] (rows contiguous from
// first = i, listed in reverse order, delays 0..2), weights up to 9.
manycore::Network banded() {
  SplitMix64 rng(3);
  manycore::Network n;
  n.name = "banded";
  n.populations.push_back(inputPopulation("in", 4, 0));
  n.populations.push_back(
      neuronPopulation("a", 8, lifFormat(), 16, rng, 40, 120));
  std::vector<manycore::Synapse> synapses;
  for (int64_t pre = 0; pre < 4; ++pre)
    for (int64_t k = 3; k >= 0; --k)
      synapses.push_back(syn(pre, pre + k, 9 - 2 * k, k % 3));
  n.projections.push_back(projection(0, 1, synapses));
  n.updateOrder = {0, 1};
  n.outputs = {1};
  return n;
}

fpga::CorePlan plannedCore(const manycore::Network &n) {
  fpga::DesignPlan plan;
  std::string error;
  EXPECT_TRUE(fpga::planDesign(n, fpgaSlices(n, 8), fpgaTarget(7, 100, 36864),
                               plan, error))
      << error;
  return plan.cores.empty() ? fpga::CorePlan() : plan.cores[0];
}

TEST(FPGADesignPlan, ContiguousRowsUseTheDenseFormat) {
  manycore::Network n = banded();
  fpga::CorePlan core = plannedCore(n);
  EXPECT_TRUE(core.denseRows);
  EXPECT_EQ(core.synapseWords, 16);
  EXPECT_EQ(core.rowIndexWords, 4);
  // Synapse word {delay:2, weight:5}, no target; row word {first:3,
  // count:3, start:5}.
  fpga::CoreWidths w = fpga::coreWidths(n, core);
  EXPECT_EQ(core.weightBits, 5u);
  EXPECT_EQ(w.synapseWord, 7u);
  EXPECT_EQ(w.rowWord, 11u);
  core.denseRows = false;
  EXPECT_EQ(fpga::coreWidths(n, core).synapseWord, 10u);
  EXPECT_EQ(fpga::coreWidths(n, core).rowWord, 8u);

  // A gap in a row (input 0 -> a[0], a[2], a[3]) costs one zero word:
  // 16 x 7 + 4 x 11 = 156 bits against 15 x 10 + 4 x 8 = 182 sparse.
  manycore::Network gap = banded();
  auto &synapses = gap.projections[0].synapses;
  synapses.erase(std::find_if(synapses.begin(), synapses.end(), [](auto &s) {
    return s.pre == 0 && s.post == 1;
  }));
  fpga::CorePlan padded = plannedCore(gap);
  EXPECT_TRUE(padded.denseRows);
  EXPECT_EQ(padded.synapseWords, 16);
  // A wide gap (input 0 -> a[0], a[7]: 8 words for 2 synapses) does not
  // pay: 20 x 7 + 4 x 12 = 188 bits against 14 x 10 + 4 x 7 = 168.
  manycore::Network wide = banded();
  auto &row0 = wide.projections[0].synapses;
  row0.erase(std::remove_if(row0.begin(), row0.end(),
                            [](auto &s) { return s.pre == 0 && s.post > 0; }),
             row0.end());
  row0.push_back(syn(0, 7, 1, 0));
  fpga::CorePlan wideCore = plannedCore(wide);
  EXPECT_FALSE(wideCore.denseRows);
  EXPECT_EQ(wideCore.synapseWords, 14);
  // A target reached twice from one row (two delays) needs the sparse
  // format.
  manycore::Network twice = banded();
  twice.projections[0].synapses.push_back(syn(2, 3, 1, 2));
  EXPECT_FALSE(plannedCore(twice).denseRows);
  // Contiguous, but fewer synapses than rows: the target stays in the
  // synapse word, which is cheaper (3 x 10 + 4 x 4 = 46 bits against
  // 3 x 7 + 4 x 7 = 49).
  manycore::Network sparse = banded();
  sparse.projections[0].synapses.resize(3);
  EXPECT_FALSE(plannedCore(sparse).denseRows);
}

TEST(FPGADesignPlan, FieldsRoundTrip) {
  manycore::Network n = chain();
  fpga::DesignPlan plan;
  std::string error;
  ASSERT_TRUE(fpga::planDesign(n, fpgaSlices(n, 2), fpgaTarget(7, 100, 36864),
                               plan, error))
      << error;
  fpga::DesignPlan back;
  for (const auto &core : plan.cores) {
    fpga::CorePlan c;
    ASSERT_TRUE(fpga::CorePlan::fromFields(core.fields(), c, error)) << error;
    EXPECT_EQ(c.fields(), core.fields());
    back.cores.push_back(c);
  }
  ASSERT_TRUE(fpga::completeSources(n, back, error)) << error;
  EXPECT_EQ(back.levels, plan.levels);
  EXPECT_EQ(back.sources.size(), plan.sources.size());

  auto fields = plan.cores[0].fields();
  fields.erase(fields.begin() + 5);
  fpga::CorePlan c;
  EXPECT_FALSE(fpga::CorePlan::fromFields(fields, c, error));
  EXPECT_EQ(error, "missing core field 'acc_bits'");
  fields = plan.cores[0].fields();
  ASSERT_EQ(fields[20].first, "synapse_memory");
  fields[20].second = 3;
  EXPECT_FALSE(fpga::CorePlan::fromFields(fields, c, error));
  EXPECT_EQ(error, "core field 'synapse_memory' = 3 is out of range [0, 2]");
  // A core that leaves a population's neurons uncovered.
  back.cores.pop_back();
  EXPECT_FALSE(fpga::completeSources(n, back, error));
  EXPECT_EQ(error, "the cores do not cover population 'c' exactly once "
                   "(neuron 0)");
}

} // namespace
