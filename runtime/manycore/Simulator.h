//===- Simulator.h - runs many-core memory images ---------------*- C++ -*-===//
//
// Runs a many-core machine (Machine.h: PE images, such as those of
// backends/spinnaker2 as readImages loads them) step by step, bit-exactly:
// what the network does is only what the images and router tables hold.
// Per step t, PEs update in the manifest's update order (populations in
// order, each population's PEs in slice order):
//
//  * an input PE sends, for each of its neurons whose input element is
//    nonzero at t, a packet with key base | local index;
//  * a neuron PE, for each neuron k, reads x = sat(driveBits, drive offset
//    + ring[t mod D][k]), clears that slot, calls stepIntegerNeuron
//    (runtime/neuron/IntegerNeuron.h) and, on a spike, sends a packet.
//
// A packet goes through the router tables exactly as the routers would
// (mapping::deliver, Route.h). Each PE it reaches binary-searches its
// key table, takes the row of the source neuron and adds each synapse's
// weight into ring[(t + delay) mod D][target]; a delay-0 synapse thus lands
// in the slot its target PE reads later in the same step.
//
// Alongside the outputs it counts packets per link and per router,
// synaptic events and packets per PE and step, and estimates each PE's
// cycles per step (CostModel) against the real-time budget.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_MANYCORE_SIMULATOR_H
#define SNC_RUNTIME_MANYCORE_SIMULATOR_H

#include "runtime/Npy.h"
#include "runtime/manycore/Machine.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace snc::manycore {

struct PeActivity {
  int64_t pe = 0; // global PE index
  int64_t packetsSent = 0;
  int64_t packetsReceived = 0;
  /// Arrivals whose key matched no key table entry (dropped, as SpiNNaker
  /// drops a packet its master population table does not know).
  int64_t packetsUnmatched = 0;
  int64_t synapticEvents = 0;
  int64_t maxSynapticEventsPerStep = 0;
  int64_t maxCyclesPerStep = 0;
};

struct SimulationStats {
  int64_t steps = 0;
  int64_t packetsSent = 0;      // multicast packets injected
  int64_t packetsDelivered = 0; // (packet, PE) arrivals
  int64_t packetsUnmatched = 0;
  int64_t synapticEvents = 0;

  /// Packets that crossed each link: chip (y * chipsX + x) -> per
  /// mapping::Link, the link leaving that chip.
  std::vector<std::array<int64_t, 6>> linkPackets;
  int64_t totalLinkPackets = 0;
  int64_t busiestLinkChip = -1; // -1: no packet crossed a link
  int busiestLink = 0;          // a mapping::Link
  int64_t busiestLinkPackets = 0;
  /// Packets each chip's router handled (routed by an entry or by
  /// default).
  std::vector<int64_t> routerPackets;
  int64_t busiestRouterChip = -1;
  int64_t busiestRouterPackets = 0;

  /// Parallel to LoadedMachine::pes.
  std::vector<PeActivity> pes;
  /// Synaptic events per PE per step, over the neuron PEs (input PEs
  /// receive nothing).
  double meanSynapticEventsPerPeStep = 0;
  int64_t maxSynapticEventsPerPeStep = 0;
  int64_t maxSynapticEventsPe = -1, maxSynapticEventsStep = -1;

  /// Estimated cycles of the busiest PE in its busiest step:
  ///   neurons * cyclesPerNeuron + synaptic events * cyclesPerSynapticEvent
  ///   + packets received * cyclesPerPacket
  /// (input PEs count no neurons), against clockHz * dtSeconds.
  int64_t maxCyclesPerStep = 0;
  int64_t maxCyclesPe = -1, maxCyclesStep = -1;
  double budgetCyclesPerStep = 0;
  bool meetsRealTime = true;
};

struct SimulationResult {
  /// Per network output, (steps, *shape): bool spikes for spiking (and
  /// input) populations, int64 v for the others.
  std::vector<runtime::NpyArray> outputs;
  SimulationStats stats;
};

/// Runs `steps` steps. `inputs[i]` is network input i as an array
/// (at least `steps`, *shape) of any dtype whose trailing dimensions hold
/// the input population's neurons; a nonzero element is a spike. Fails,
/// with a one-line `error`, on input shapes, a packet the routers cannot
/// deliver, a delay-0 synapse reaching a PE that already updated, or an
/// accumulator overflowing 64 bits. `progress`, if set, is called after
/// every step with (steps done, steps total) (runtime::ProgressFn).
bool simulate(const LoadedMachine &machine,
              const std::vector<runtime::NpyArray> &inputs, int64_t steps,
              SimulationResult &result, std::string &error,
              const std::function<void(int64_t, int64_t)> &progress = nullptr);

/// The statistics as text for people: traffic, the busiest link and
/// router, synaptic load and the real-time estimate.
std::string formatReport(const LoadedMachine &machine,
                         const SimulationStats &stats);

} // namespace snc::manycore

#endif // SNC_RUNTIME_MANYCORE_SIMULATOR_H
