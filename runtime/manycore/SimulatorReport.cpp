//===- SimulatorReport.cpp - the simulator's statistics as text -----------===//

#include "runtime/manycore/Simulator.h"

#include <cstdio>

namespace snc::manycore {

namespace {

std::string chipOf(const mapping::Machine &machine, int64_t chip) {
  return mapping::chipName(int(chip % machine.chipsX),
                           int(chip / machine.chipsX));
}

std::string format(const char *pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof(text), pattern, value);
  return text;
}

} // namespace

std::string formatReport(const LoadedMachine &machine,
                         const SimulationStats &stats) {
  const mapping::Machine &m = machine.machine;
  std::string text;
  auto line = [&](const std::string &s) { text += s + "\n"; };
  line("steps: " + std::to_string(stats.steps) + " on " +
       std::to_string(machine.pes.size()) + " PEs of a " +
       std::to_string(m.chipsX) + "x" + std::to_string(m.chipsY) +
       " chip mesh");
  line("packets: " + std::to_string(stats.packetsSent) + " sent, " +
       std::to_string(stats.packetsDelivered) + " delivered to PEs, " +
       std::to_string(stats.packetsUnmatched) + " without a row");
  line("synaptic events: " + std::to_string(stats.synapticEvents));
  std::string busiest =
      stats.busiestLinkChip < 0
          ? "none"
          : "chip " + chipOf(m, stats.busiestLinkChip) + " link " +
                mapping::linkName(mapping::Link(stats.busiestLink)) + ", " +
                std::to_string(stats.busiestLinkPackets) + " packets";
  line("link traversals: " + std::to_string(stats.totalLinkPackets) +
       " (busiest: " + busiest + ")");
  // Every link that carried packets, chip by chip.
  for (size_t chip = 0; chip < stats.linkPackets.size(); ++chip)
    for (int link = 0; link < mapping::kLinks; ++link)
      if (int64_t packets = stats.linkPackets[chip][size_t(link)])
        line("  chip " + chipOf(m, int64_t(chip)) + " link " +
             mapping::linkName(mapping::Link(link)) + ": " +
             std::to_string(packets) + " packets");
  line("busiest router: " +
       (stats.busiestRouterChip < 0
            ? std::string("none")
            : "chip " + chipOf(m, stats.busiestRouterChip) + ", " +
                  std::to_string(stats.busiestRouterPackets) + " packets"));
  line("synaptic events per PE per step: mean " +
       format("%.3f", stats.meanSynapticEventsPerPeStep) + ", max " +
       std::to_string(stats.maxSynapticEventsPerPeStep) +
       (stats.maxSynapticEventsPe < 0
            ? std::string()
            : " (PE " + std::to_string(stats.maxSynapticEventsPe) + ", step " +
                  std::to_string(stats.maxSynapticEventsStep) + ")"));
  line("estimated cycles per step (estimate: " +
       std::to_string(machine.cost.cyclesPerNeuron) + "/neuron, " +
       std::to_string(machine.cost.cyclesPerSynapticEvent) +
       "/synaptic event, " + std::to_string(machine.cost.cyclesPerPacket) +
       "/packet): max " + std::to_string(stats.maxCyclesPerStep) +
       (stats.maxCyclesPe < 0
            ? std::string()
            : " (PE " + std::to_string(stats.maxCyclesPe) + ", step " +
                  std::to_string(stats.maxCyclesStep) + ")") +
       " of " + format("%.0f", stats.budgetCyclesPerStep) + " at " +
       format("%g", machine.cost.clockHz / 1e6) + " MHz, dt " +
       format("%g", machine.cost.dtSeconds * 1e3) + " ms: " +
       (stats.meetsRealTime ? "meets real time" : "SLOWER than real time"));
  return text;
}

} // namespace snc::manycore
