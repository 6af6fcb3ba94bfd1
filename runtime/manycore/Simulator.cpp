//===- Simulator.cpp - many-core machine running its memory images --------===//
//
// One Simulation object holds the machine's mutable memory (every PE's
// neuron state and ring buffers, copied from its image) and the counters;
// step() is the per-step loop of Simulator.h.
//
//===----------------------------------------------------------------------===//

#include "runtime/manycore/Simulator.h"
#include "runtime/manycore/PacketPaths.h"

#include <algorithm>

namespace snc::manycore {

namespace {

class Simulation {
public:
  Simulation(const LoadedMachine &machine,
             const std::vector<runtime::NpyArray> &inputs,
             SimulationResult &result)
      : machine(machine), inputs(inputs), result(result), stats(result.stats),
        paths(machine) {}

  bool run(int64_t steps, std::string &error,
           const std::function<void(int64_t, int64_t)> &progress);

private:
  bool step(int64_t t, std::string &error);
  bool send(size_t source, int64_t local, int64_t t, std::string &error);
  void record(const LoadedPe &pe, int64_t t, int64_t k, int64_t value);
  void finishStep(int64_t t);
  void finish(int64_t steps);

  const LoadedMachine &machine;
  const std::vector<runtime::NpyArray> &inputs;
  SimulationResult &result;
  SimulationStats &stats;
  PacketPaths paths;
  /// Per sending PE and neuron, its packet's path once found (a hash
  /// lookup per packet was a tenth of the simulation).
  std::vector<std::vector<const PacketPath *>> pathOf;
  /// Per sending PE: the path its last packet took and, per destination,
  /// the key table entries that can hold one of the PE's keys. Searching
  /// those instead of the whole table saves most of a binary search per
  /// delivery (it was 40 % of a CNN's simulation).
  struct SenderEntries {
    const PacketPath *path = nullptr;
    std::vector<KeyTableSpan> spans;
  };
  std::vector<SenderEntries> senderEntries;
  std::vector<std::vector<runtime::IntegerNeuronState>> state;
  std::vector<std::vector<int64_t>> ring;
  /// Output indices per population.
  std::vector<std::vector<size_t>> outputsOf;
  /// This step: synaptic events and packets received per PE, and whether
  /// the PE has updated.
  std::vector<int64_t> events, received;
  std::vector<char> updated;
};

bool Simulation::run(int64_t steps, std::string &error,
                     const std::function<void(int64_t, int64_t)> &progress) {
  const mapping::Machine &m = machine.machine;
  size_t pes = machine.pes.size();
  for (const LoadedPe &pe : machine.pes) {
    state.push_back(pe.state);
    ring.push_back(pe.ring);
    pathOf.emplace_back(pe.sends ? size_t(pe.neurons()) : 0, nullptr);
    senderEntries.emplace_back();
    PeActivity activity;
    activity.pe = pe.index;
    stats.pes.push_back(activity);
  }
  outputsOf.resize(machine.populations.size());
  for (size_t o = 0; o < machine.outputs.size(); ++o) {
    const LoadedPort &port = machine.outputs[o];
    const LoadedPopulation &population =
        machine.populations[size_t(port.population)];
    bool spikes = population.spiking || population.input;
    std::vector<int64_t> shape = {steps};
    shape.insert(shape.end(), port.shape.begin(), port.shape.end());
    result.outputs.push_back(runtime::NpyArray::zeros(
        spikes ? runtime::NpyDType::Bool : runtime::NpyDType::Int64, shape));
    outputsOf[size_t(port.population)].push_back(o);
  }
  stats.steps = steps;
  stats.linkPackets.assign(size_t(m.chips()), {});
  stats.routerPackets.assign(size_t(m.chips()), 0);
  stats.budgetCyclesPerStep = machine.cost.clockHz * machine.cost.dtSeconds;
  events.assign(pes, 0);
  received.assign(pes, 0);
  updated.assign(pes, 0);
  for (int64_t t = 0; t < steps; ++t) {
    if (!step(t, error))
      return false;
    if (progress)
      progress(t + 1, steps);
  }
  finish(steps);
  return true;
}

bool Simulation::step(int64_t t, std::string &error) {
  std::fill(events.begin(), events.end(), 0);
  std::fill(received.begin(), received.end(), 0);
  std::fill(updated.begin(), updated.end(), 0);
  for (size_t i : machine.peOrder) {
    const LoadedPe &pe = machine.pes[i];
    int64_t n = pe.neurons();
    if (pe.input) {
      const runtime::NpyArray &in = inputs[size_t(pe.inputIndex)];
      int64_t size = machine.populations[size_t(pe.population)].size;
      size_t row = size_t(t * size + pe.lo);
      for (int64_t k = 0; k < n; ++k) {
        bool spike = in.getDouble(row + size_t(k)) != 0;
        record(pe, t, k, spike);
        if (spike && pe.sends && !send(i, k, t, error))
          return false;
      }
    } else {
      int64_t *slot = ring[i].data() + (t % pe.ringDepth) * n;
      for (int64_t k = 0; k < n; ++k) {
        // The accumulator is exact; the drive saturates once, here.
        int64_t x = runtime::saturate(
            runtime::Wide(pe.driveOffset[size_t(k)]) + slot[k], pe.driveBits);
        slot[k] = 0;
        runtime::IntegerNeuronState &s = state[i][size_t(k)];
        bool spike =
            runtime::stepIntegerNeuron(pe.format, pe.params, size_t(k), s, x);
        record(pe, t, k, pe.format.spiking ? int64_t(spike) : s.v);
        if (spike && pe.sends && !send(i, k, t, error))
          return false;
      }
    }
    updated[i] = 1;
  }
  finishStep(t);
  return true;
}

bool Simulation::send(size_t source, int64_t local, int64_t t,
                      std::string &error) {
  const LoadedPe &from = machine.pes[source];
  uint32_t key = from.keyBase | uint32_t(local);
  const PacketPath *&path = pathOf[source][size_t(local)];
  if (!path && !(path = paths.find(from.index, key, error)))
    return false;
  ++stats.packetsSent;
  ++stats.pes[source].packetsSent;
  for (int64_t link : path->links)
    ++stats.linkPackets[size_t(link / mapping::kLinks)]
                       [size_t(link % mapping::kLinks)];
  for (int64_t chip : path->routers)
    ++stats.routerPackets[size_t(chip)];
  SenderEntries &entries = senderEntries[source];
  if (entries.path != path) {
    // from's keys are keyBase | k for k < neurons: between keyBase and
    // keyBase with every bit below n - 1's highest set.
    uint32_t low = uint32_t(std::max<int64_t>(from.neurons() - 1, 0));
    for (int shift = 1; shift < 32; shift <<= 1)
      low |= low >> shift;
    entries.path = path;
    entries.spans.clear();
    for (size_t d : path->destinations)
      entries.spans.push_back(
          machine.pes[d].entriesFor(from.keyBase, from.keyBase | low));
  }
  for (size_t i = 0; i < path->destinations.size(); ++i) {
    size_t d = path->destinations[i];
    const LoadedPe &to = machine.pes[d];
    ++received[d];
    ++stats.packetsDelivered;
    ++stats.pes[d].packetsReceived;
    const KeyTableEntry *entry = LoadedPe::findEntry(entries.spans[i], key);
    if (!entry) {
      ++stats.packetsUnmatched;
      ++stats.pes[d].packetsUnmatched;
      continue;
    }
    RowView row = to.row(*entry, key - entry->key);
    uint32_t count = row.size();
    int64_t n = to.neurons(), depth = to.ringDepth;
    // Slot of step t + delay without a division per synapse: delay <
    // depth (decodeImage checks), so one subtraction wraps it.
    int64_t now = t % depth;
    int64_t *slots = ring[d].data();
    bool late = updated[d];
    for (uint32_t w = 0; w < count; ++w) {
      SynapseWord synapse = row[w];
      if (synapse.delay == 0 && late) {
        error = "step " + std::to_string(t) + ": a delay-0 synapse of PE " +
                std::to_string(from.index) + " reaches PE " +
                std::to_string(to.index) + ", which has already updated";
        return false;
      }
      int64_t slot = now + synapse.delay;
      if (slot >= depth)
        slot -= depth;
      int64_t &accumulator = slots[slot * n + synapse.target];
      if (__builtin_add_overflow(accumulator, int64_t(synapse.weight),
                                 &accumulator)) {
        error = "step " + std::to_string(t) + ": an accumulator of PE " +
                std::to_string(to.index) + " overflows 64 bits";
        return false;
      }
    }
    events[d] += count;
  }
  return true;
}

void Simulation::record(const LoadedPe &pe, int64_t t, int64_t k,
                        int64_t value) {
  const LoadedPopulation &population =
      machine.populations[size_t(pe.population)];
  for (size_t o : outputsOf[size_t(pe.population)]) {
    runtime::NpyArray &out = result.outputs[o];
    size_t at = size_t(t * population.size + pe.lo + k);
    if (out.dtype == runtime::NpyDType::Bool)
      out.bytes[at] = value != 0;
    else
      for (int b = 0; b < 8; ++b)
        out.bytes[8 * at + size_t(b)] = uint8_t(uint64_t(value) >> (8 * b));
  }
}

void Simulation::finishStep(int64_t t) {
  const CostModel &cost = machine.cost;
  for (size_t i = 0; i < machine.pes.size(); ++i) {
    const LoadedPe &pe = machine.pes[i];
    PeActivity &activity = stats.pes[i];
    activity.synapticEvents += events[i];
    stats.synapticEvents += events[i];
    activity.maxSynapticEventsPerStep =
        std::max(activity.maxSynapticEventsPerStep, events[i]);
    if (!pe.input && events[i] > stats.maxSynapticEventsPerPeStep) {
      stats.maxSynapticEventsPerPeStep = events[i];
      stats.maxSynapticEventsPe = pe.index;
      stats.maxSynapticEventsStep = t;
    }
    int64_t neurons = pe.input ? 0 : pe.neurons();
    int64_t cycles = neurons * cost.cyclesPerNeuron +
                     events[i] * cost.cyclesPerSynapticEvent +
                     received[i] * cost.cyclesPerPacket;
    activity.maxCyclesPerStep = std::max(activity.maxCyclesPerStep, cycles);
    if (cycles > stats.maxCyclesPerStep || stats.maxCyclesPe < 0) {
      stats.maxCyclesPerStep = cycles;
      stats.maxCyclesPe = pe.index;
      stats.maxCyclesStep = t;
    }
  }
}

void Simulation::finish(int64_t steps) {
  const mapping::Machine &m = machine.machine;
  for (int64_t chip = 0; chip < m.chips(); ++chip) {
    for (int l = 0; l < mapping::kLinks; ++l) {
      int64_t packets = stats.linkPackets[size_t(chip)][size_t(l)];
      stats.totalLinkPackets += packets;
      if (packets > stats.busiestLinkPackets) {
        stats.busiestLinkPackets = packets;
        stats.busiestLinkChip = chip;
        stats.busiestLink = l;
      }
    }
    int64_t handled = stats.routerPackets[size_t(chip)];
    if (handled > stats.busiestRouterPackets) {
      stats.busiestRouterPackets = handled;
      stats.busiestRouterChip = chip;
    }
  }
  int64_t neuronPes = 0, neuronPeEvents = 0;
  for (size_t i = 0; i < machine.pes.size(); ++i)
    if (!machine.pes[i].input) {
      ++neuronPes;
      neuronPeEvents += stats.pes[i].synapticEvents;
    }
  if (neuronPes > 0 && steps > 0)
    stats.meanSynapticEventsPerPeStep =
        double(neuronPeEvents) / double(neuronPes * steps);
  stats.meetsRealTime =
      double(stats.maxCyclesPerStep) <= stats.budgetCyclesPerStep;
}

bool checkInputs(const LoadedMachine &machine,
                 const std::vector<runtime::NpyArray> &inputs, int64_t steps,
                 std::string &error) {
  if (steps < 0) {
    error = "negative step count " + std::to_string(steps);
    return false;
  }
  if (inputs.size() != machine.inputs.size()) {
    error = "the network has " + std::to_string(machine.inputs.size()) +
            " inputs, got " + std::to_string(inputs.size()) + " arrays";
    return false;
  }
  for (size_t i = 0; i < inputs.size(); ++i) {
    const runtime::NpyArray &array = inputs[i];
    int64_t size =
        machine.populations[size_t(machine.inputs[i].population)].size;
    int64_t perStep = 1;
    for (size_t d = 1; d < array.shape.size(); ++d)
      perStep *= array.shape[d];
    if (array.shape.empty() || array.shape[0] < steps || perStep != size ||
        array.bytes.size() !=
            array.numElements() * runtime::npyDTypeSize(array.dtype)) {
      std::string shape;
      for (int64_t d : array.shape)
        shape += (shape.empty() ? "" : ", ") + std::to_string(d);
      error = (array.source.empty() ? "" : array.source + ": ") + "input " +
              std::to_string(i) + " has shape (" + shape + "); expected (" +
              std::to_string(steps) + " or more steps, then " +
              std::to_string(size) + " elements per step)";
      return false;
    }
  }
  return true;
}

} // namespace

bool simulate(const LoadedMachine &machine,
              const std::vector<runtime::NpyArray> &inputs, int64_t steps,
              SimulationResult &result, std::string &error,
              const std::function<void(int64_t, int64_t)> &progress) {
  result = SimulationResult();
  if (!checkInputs(machine, inputs, steps, error))
    return false;
  Simulation simulation(machine, inputs, result);
  return simulation.run(steps, error, progress);
}

} // namespace snc::manycore
