//===- SnnToSfq.cpp - a quantized snn network as an SFQ circuit -----------===//
//
// The network's synapses come composed from passes/ExtractManycore.h; this
// pass checks that every population is what an SFQ neuron computes (an
// integer pulse counter without leak, gain or bias) and writes the cells.
// Neurons no output depends on are left out, and so are input elements
// that drive none: SFQ outputs must drive exactly one input.
//
//===----------------------------------------------------------------------===//

#include "passes/ExtractManycore.h"
#include "passes/TargetAttr.h"
#include "passes/sfq/CircuitUtils.h"
#include "passes/sfq/SFQPasses.h"
#include "runtime/neuron/FixedPoint.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

#include <map>

namespace snc::sfq {
#define GEN_PASS_DEF_SNNTOSFQ
#include "passes/sfq/SFQPasses.h.inc"
} // namespace snc::sfq

using namespace mlir;
using namespace snc;
using namespace snc::sfq;

namespace {

constexpr StringLiteral kPass = "snn-to-sfq";

/// The op of the population named `name`, for diagnostics.
Operation *findPopulationOp(snn::NetworkOp network, StringRef name) {
  Operation *found = nullptr;
  network.getBodyBlock()->walk([&](Operation *op) {
    auto attr = op->getAttrOfType<StringAttr>("name");
    StringRef opName = attr ? attr.getValue() : op->getName().stripDialect();
    if (!found && opName == name &&
        (isa<snn::PopulationOpInterface>(op) || isa<snn::ThresholdOp>(op)))
      found = op;
  });
  return found ? found : network.getOperation();
}

const char *resetName(runtime::ResetMode mode) {
  switch (mode) {
  case runtime::ResetMode::ToValue:
    return "to_value";
  case runtime::ResetMode::Subtract:
    return "subtract";
  case runtime::ResetMode::None:
    return "none";
  }
  return "none";
}

/// Checks that every neuron of `population` is an SFQ pulse counter.
LogicalResult checkPopulation(const manycore::Population &population,
                              Operation *op) {
  const runtime::IntegerNeuronFormat &f = population.format;
  const runtime::IntegerNeuronParams &p = population.params;
  auto fail = [&](const Twine &reason) {
    return op->emitError() << kPass << ": population '" << population.name
                           << "' cannot become SFQ neurons: " << reason;
  };
  if (!f.spiking)
    return fail("it reports membrane values; SFQ neurons emit pulses only");
  if (f.hasSynapse)
    return fail("it has a synaptic-current stage; SFQ neurons count input "
                "pulses directly");
  if (f.adaptive)
    return fail("it adapts its threshold; SFQ neurons have a fixed one");
  if (f.refractory != 0)
    return fail("it has a refractory period of " + Twine(f.refractory) +
                " steps; SFQ neurons have none");
  if (f.stateBits > 32)
    return fail("its state is " + Twine(f.stateBits) +
                " bits wide; an SFQ neuron counter has at most 32");
  int64_t one = int64_t(1) << f.fracBits;
  for (int64_t k = 0; k < population.size; ++k) {
    if (p.decay[size_t(k)] != one)
      return fail("neuron " + Twine(k) + " leaks (decay " +
                  Twine(p.decay[size_t(k)]) + " with " + Twine(f.fracBits) +
                  " fraction bits, not 1); SFQ neurons integrate without "
                  "leak");
    if (p.gain[size_t(k)] != one)
      return fail("neuron " + Twine(k) + " scales its input (gain " +
                  Twine(p.gain[size_t(k)]) + " with " + Twine(f.fracBits) +
                  " fraction bits, not 1); an SFQ neuron adds its port "
                  "weights");
    if (p.bias[size_t(k)] != 0 || (!population.driveOffset.empty() &&
                                   population.driveOffset[size_t(k)] != 0))
      return fail("neuron " + Twine(k) +
                  " has a bias; SFQ neurons add input pulses only");
    int64_t max = (int64_t(1) << (f.stateBits - 1)) - 1;
    if (p.threshold[size_t(k)] < -max - 1 || p.threshold[size_t(k)] > max)
      return fail("neuron " + Twine(k) + "'s threshold " +
                  Twine(p.threshold[size_t(k)]) + " does not fit its " +
                  Twine(f.stateBits) + "-bit state");
  }
  return success();
}

struct SnnToSfqPass : public snc::sfq::impl::SnnToSfqBase<SnnToSfqPass> {
  using SnnToSfqBase::SnnToSfqBase;

  void runOnOperation() override;
  FailureOr<snn::NetworkOp> findNetwork();
};

FailureOr<snn::NetworkOp> SnnToSfqPass::findNetwork() {
  ModuleOp module = getOperation();
  snn::NetworkOp network;
  for (auto candidate : module.getOps<snn::NetworkOp>()) {
    if (!networkName.empty()) {
      if (candidate.getSymName() == networkName)
        return candidate;
      continue;
    }
    if (network)
      return module.emitError()
             << kPass << ": the module has several networks; name one "
             << "(network=<name>)";
    network = candidate;
  }
  if (!network)
    return module.emitError()
           << kPass << ": "
           << (networkName.empty()
                   ? Twine("the module has no snn.network")
                   : "no snn.network named '" + Twine(networkName) + "'");
  return network;
}

void SnnToSfqPass::runOnOperation() {
  FailureOr<snn::NetworkOp> found = findNetwork();
  if (failed(found))
    return signalPassFailure();
  snn::NetworkOp network = *found;
  FailureOr<TargetRef> target =
      resolveTarget(network, this->target.getValue(), kPass);
  if (failed(target))
    return signalPassFailure();
  if (!(*target)->sfq) {
    network.emitError() << kPass << ": target '" << (*target)->name
                        << "' is not an SFQ target";
    return signalPassFailure();
  }
  int64_t maxWeight = maxMultiplicity;
  if (maxWeight <= 0)
    maxWeight = (*target)->ternary() || (*target)->weightBits() < 2
                    ? 1
                    : (int64_t(1) << ((*target)->weightBits() - 1)) - 1;

  FailureOr<manycore::Network> extracted = extractManycoreNetwork(network);
  if (failed(extracted))
    return signalPassFailure();
  const manycore::Network &net = *extracted;
  size_t numPops = net.populations.size();

  for (const manycore::Population &population : net.populations)
    if (!population.isInput &&
        failed(checkPopulation(population,
                               findPopulationOp(network, population.name))))
      return signalPassFailure();

  // Incoming synapses per (population, neuron), and the weights they sum to.
  std::vector<std::vector<std::vector<std::pair<int, manycore::Synapse>>>>
      incoming(numPops);
  for (size_t p = 0; p < numPops; ++p)
    incoming[p].resize(size_t(net.populations[p].size));
  for (const manycore::Projection &projection : net.projections)
    for (const manycore::Synapse &synapse : projection.synapses) {
      if (std::abs(synapse.weight) > maxWeight) {
        const manycore::Population &pre =
            net.populations[size_t(projection.source)];
        const manycore::Population &post =
            net.populations[size_t(projection.target)];
        findPopulationOp(network, post.name)->emitError()
            << kPass << ": the synapse from '" << pre.name << "'["
            << synapse.pre << "] to '" << post.name << "'[" << synapse.post
            << "] has weight " << synapse.weight << "; target '"
            << (*target)->name << "' expresses weights up to " << maxWeight
            << " (as pulse copies; max-multiplicity="
            << std::abs(synapse.weight) << " allows this one)";
        return signalPassFailure();
      }
      incoming[size_t(projection.target)][size_t(synapse.post)].push_back(
          {projection.source, synapse});
    }
  // The neurons some output depends on.
  std::vector<std::vector<bool>> live(numPops);
  for (size_t p = 0; p < numPops; ++p)
    live[p].assign(size_t(net.populations[p].size), false);
  std::vector<std::pair<int, int64_t>> work;
  for (int o : net.outputs)
    for (int64_t k = 0; k < net.populations[size_t(o)].size; ++k)
      work.push_back({o, k});
  while (!work.empty()) {
    auto [p, k] = work.back();
    work.pop_back();
    if (live[size_t(p)][size_t(k)])
      continue;
    live[size_t(p)][size_t(k)] = true;
    for (auto &[source, synapse] : incoming[size_t(p)][size_t(k)])
      work.push_back({source, synapse.pre});
  }

  // Neurons without input never change v: one that starts at or below its
  // threshold never fires (a silent neuron: no cell, no port reads it, its
  // probe is left out); one above would fire on its own, which a neuron
  // cell without ports cannot. Dropping a silent neuron's synapses can
  // silence the neurons it fed.
  std::vector<std::vector<bool>> silent(numPops);
  for (size_t p = 0; p < numPops; ++p)
    silent[p].assign(size_t(net.populations[p].size), false);
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t p = 0; p < numPops; ++p) {
      const manycore::Population &population = net.populations[p];
      if (population.isInput)
        continue;
      for (int64_t k = 0; k < population.size; ++k) {
        if (!live[p][size_t(k)] || silent[p][size_t(k)])
          continue;
        auto &in = incoming[p][size_t(k)];
        llvm::erase_if(in, [&](const auto &entry) {
          return silent[size_t(entry.first)][size_t(entry.second.pre)];
        });
        if (!in.empty())
          continue;
        const runtime::IntegerNeuronParams &params = population.params;
        int64_t v = runtime::saturate(
            runtime::Wide(params.vInit.empty() ? 0 : params.vInit[size_t(k)]),
            population.format.stateBits);
        if (v > params.threshold[size_t(k)]) {
          findPopulationOp(network, population.name)->emitError()
              << kPass << ": neuron " << k << " of '" << population.name
              << "' has no input synapses but starts above its threshold (" << v
              << " > " << params.threshold[size_t(k)]
              << "): it would fire with no input pulse, and an SFQ neuron "
                 "cell needs an input port";
          return signalPassFailure();
        }
        silent[p][size_t(k)] = true;
        ++numSilent;
        changed = true;
      }
    }
  }

  // The sources live neurons read.
  std::vector<std::vector<bool>> used(numPops);
  for (size_t p = 0; p < numPops; ++p)
    used[p].assign(size_t(net.populations[p].size), false);
  for (size_t q = 0; q < numPops; ++q)
    for (int64_t j = 0; j < net.populations[q].size; ++j)
      if (live[q][size_t(j)] && !silent[q][size_t(j)])
        for (auto &[s, synapse] : incoming[q][size_t(j)])
          used[size_t(s)][size_t(synapse.pre)] = true;

  // The circuit, after the network.
  OpBuilder builder(network);
  builder.setInsertionPointAfter(network);
  Location loc = network.getLoc();
  std::string circuitName = (network.getSymName() + "_sfq").str();
  auto circuit =
      builder.create<CircuitOp>(loc, builder.getStringAttr(circuitName),
                                builder.getStringAttr((*target)->name),
                                builder.getStringAttr(network.getSymName()));
  // A bundled target is named; any other carries its description along.
  targets::TargetDescription bundled;
  std::string ignored;
  if (!targets::loadTarget((*target)->name,
                           targets::getDefaultRegistryOptions(), bundled,
                           ignored) ||
      bundled.canonicalJSON != (*target)->canonicalJSON)
    circuit->setAttr(getTargetJSONAttrName(),
                     builder.getStringAttr((*target)->canonicalJSON));
  if (net.latencyShift != 0)
    circuit->setAttr("latency_shift",
                     builder.getI64IntegerAttr(net.latencyShift));
  SymbolTable(getOperation()).insert(circuit);
  circuit.getBody().push_back(new Block);
  builder.setInsertionPointToStart(circuit.getBodyBlock());
  CellNamer namer(circuit);
  Type pulse = builder.getType<PulseType>();

  // Sources: input pins and neurons, each with the operands it drives.
  std::vector<std::vector<Value>> source(numPops);
  std::map<std::pair<int, int64_t>, SmallVector<OpOperand *>> drives;
  for (size_t p = 0; p < numPops; ++p) {
    const manycore::Population &population = net.populations[p];
    source[p].resize(size_t(population.size));
    if (!population.isInput)
      continue;
    for (int64_t k = 0; k < population.size; ++k) {
      if (!used[p][size_t(k)] && !live[p][size_t(k)])
        continue;
      auto pin = builder.create<DCSFQOp>(
          loc, pulse,
          builder.getStringAttr(namer.claim(sanitizeName(population.name) +
                                            "_" + std::to_string(k))),
          UnitAttr(), builder.getI64IntegerAttr(population.inputIndex),
          builder.getI64IntegerAttr(k));
      source[p][size_t(k)] = pin;
    }
  }
  Value clock;
  std::vector<NeuronOp> neurons;
  for (size_t p = 0; p < numPops; ++p) {
    const manycore::Population &population = net.populations[p];
    if (population.isInput)
      continue;
    for (int64_t k = 0; k < population.size; ++k) {
      if (!live[p][size_t(k)]) {
        ++numDropped;
        continue;
      }
      if (silent[p][size_t(k)])
        continue;
      if (!clock) {
        OpBuilder::InsertionGuard guard(builder);
        builder.setInsertionPointToStart(circuit.getBodyBlock());
        clock = builder.create<DCSFQOp>(
            loc, pulse, builder.getStringAttr(namer.claim("clk")),
            builder.getUnitAttr(), IntegerAttr(), IntegerAttr());
      }
      const runtime::IntegerNeuronParams &params = population.params;
      SmallVector<int64_t> weights, delays;
      for (auto &[s, synapse] : incoming[p][size_t(k)])
        for (int64_t copy = 0; copy < std::abs(synapse.weight); ++copy) {
          weights.push_back(synapse.weight > 0 ? 1 : -1);
          delays.push_back(synapse.delay);
        }
      bool anyDelay = llvm::any_of(delays, [](int64_t d) { return d != 0; });
      int64_t vInit = params.vInit.empty() ? 0 : params.vInit[size_t(k)];
      auto neuron = builder.create<NeuronOp>(
          loc, pulse, ValueRange(), clock,
          builder.getDenseI64ArrayAttr(weights),
          anyDelay ? builder.getDenseI64ArrayAttr(delays) : DenseI64ArrayAttr(),
          builder.getI64IntegerAttr(population.format.stateBits),
          builder.getI64IntegerAttr(params.threshold[size_t(k)]),
          builder.getStringAttr(resetName(population.format.reset)),
          builder.getI64IntegerAttr(params.vReset[size_t(k)]),
          builder.getI64IntegerAttr(vInit),
          builder.getStringAttr(population.name), builder.getI64IntegerAttr(k),
          builder.getStringAttr(namer.claim(sanitizeName(population.name) +
                                            "_" + std::to_string(k))));
      source[p][size_t(k)] = neuron;
      neurons.push_back(neuron);
      ++numNeurons;
      numPorts += weights.size();
    }
  }
  // Ports read their sources (wired below through fan-outs).
  for (NeuronOp neuron : neurons) {
    int64_t p = -1;
    for (size_t q = 0; q < numPops; ++q)
      if (net.populations[q].name == *neuron.getPopulation() &&
          !net.populations[q].isInput)
        p = int64_t(q);
    int64_t k = int64_t(*neuron.getIndex());
    SmallVector<Value> operands;
    for (auto &[s, synapse] : incoming[size_t(p)][size_t(k)])
      for (int64_t copy = 0; copy < std::abs(synapse.weight); ++copy)
        operands.push_back(source[size_t(s)][size_t(synapse.pre)]);
    neuron.getInputsMutable().assign(operands);
  }
  // Probes, one per output element that can spike.
  SmallVector<int64_t> silentOutputs; // (output, element) pairs
  ArrayAttr outputNames = network.getOutputNames();
  for (auto [o, p] : llvm::enumerate(net.outputs)) {
    std::string base = o < outputNames.size()
                           ? cast<StringAttr>(outputNames[o]).getValue().str()
                           : "out" + std::to_string(o);
    for (int64_t k = 0; k < net.populations[size_t(p)].size; ++k) {
      if (silent[size_t(p)][size_t(k)]) {
        silentOutputs.append({int64_t(o), k});
        continue;
      }
      builder.create<SFQDCOp>(
          loc, source[size_t(p)][size_t(k)],
          builder.getStringAttr(
              namer.claim(sanitizeName(base) + "_" + std::to_string(k))),
          builder.getI64IntegerAttr(int64_t(o)), builder.getI64IntegerAttr(k),
          IntegerAttr());
    }
  }
  if (!silentOutputs.empty())
    circuit->setAttr("silent_outputs",
                     builder.getDenseI64ArrayAttr(silentOutputs));
  // Every source drives its uses through one fan-out; so does the clock.
  for (auto &values : source)
    for (Value value : values)
      if (value)
        connectFanout(builder, loc, value, collectSinks(value, false), namer);
  if (clock)
    connectFanout(builder, loc, clock, collectSinks(clock, false), namer);
}

} // namespace
