//===- NetworkCheck.cpp - what the images need of a network ---------------===//
//
// A network that fails these checks would make images the simulator
// misreads (a parameter vector too short) or runs differently from the
// network's semantics (a delay-0 synapse against the update order), so the
// writer refuses it with a message naming the population.
//
//===----------------------------------------------------------------------===//

#include "backends/spinnaker2/ImageBuild.h"
#include "backends/spinnaker2/ImageFormat.h"

#include <cstdint>

namespace snc::spinnaker2 {

namespace {

std::string populationName(const manycore::Network &network, int p) {
  return "population " + std::to_string(p) + " ('" +
         network.populations[size_t(p)].name + "')";
}

bool checkParams(const manycore::Network &network, int p, std::string &error) {
  const manycore::Population &population = network.populations[size_t(p)];
  const runtime::IntegerNeuronFormat &f = population.format;
  const runtime::IntegerNeuronParams &params = population.params;
  size_t n = size_t(population.size);
  auto fail = [&](const std::string &message) {
    error = populationName(network, p) + ": " + message;
    return false;
  };
  if (f.stateBits < 2 || f.stateBits > 64)
    return fail("state_bits " + std::to_string(f.stateBits) + " outside 2..64");
  if (f.fracBits > 64)
    return fail("frac_bits " + std::to_string(f.fracBits) + " above 64");
  if (population.driveBits < 2 || population.driveBits > 64)
    return fail("drive bits " + std::to_string(population.driveBits) +
                " outside 2..64");
  if (f.refractory < 0)
    return fail("negative refractory period");
  if (int(f.rounding) < 0 || int(f.rounding) > 3 || int(f.reset) < 0 ||
      int(f.reset) > 2)
    return fail("unknown rounding or reset mode");
  struct Stage {
    const char *name;
    const std::vector<int64_t> &values;
    bool required;
  };
  const Stage stages[] = {
      {"decay", params.decay, true},
      {"gain", params.gain, true},
      {"bias", params.bias, true},
      {"syn_decay", params.synDecay, f.hasSynapse},
      {"syn_gain", params.synGain, f.hasSynapse},
      {"threshold", params.threshold, f.spiking},
      {"v_reset", params.vReset, f.spiking},
      {"adapt_decay", params.adaptDecay, f.adaptive},
      {"adapt_gain", params.adaptGain, f.adaptive},
      {"v_init", params.vInit, false},
      {"drive offset", population.driveOffset, false},
  };
  for (const Stage &stage : stages)
    if (stage.values.size() != n && (stage.required || !stage.values.empty()))
      return fail(std::string(stage.name) + " has " +
                  std::to_string(stage.values.size()) + " values for " +
                  std::to_string(n) + " neurons");
  return true;
}

bool checkProjection(const manycore::Network &network, size_t index,
                     std::string &error) {
  const manycore::Projection &projection = network.projections[index];
  int populations = int(network.populations.size());
  std::string name = "projection " + std::to_string(index);
  if (projection.source < 0 || projection.source >= populations ||
      projection.target < 0 || projection.target >= populations) {
    error = name + ": population index out of range";
    return false;
  }
  const manycore::Population &source =
      network.populations[size_t(projection.source)];
  const manycore::Population &target =
      network.populations[size_t(projection.target)];
  name += " (" + source.name + " -> " + target.name + ")";
  if (target.isInput) {
    error = name + ": an input population cannot receive synapses";
    return false;
  }
  for (const manycore::Synapse &s : projection.synapses) {
    // Named only on error: this runs once per synapse.
    auto which = [&] {
      return name + ": synapse " + std::to_string(s.pre) + " -> " +
             std::to_string(s.post);
    };
    if (s.pre < 0 || s.pre >= source.size || s.post < 0 ||
        s.post >= target.size) {
      error = which() + " names a neuron outside its population";
      return false;
    }
    if (s.delay < 0 || s.delay > format::kMaxDelay) {
      error = which() + " has delay " + std::to_string(s.delay) +
              ", images hold 0.." + std::to_string(format::kMaxDelay);
      return false;
    }
  }
  return true;
}

} // namespace

bool checkNetwork(const manycore::Network &network, std::string &error) {
  int populations = int(network.populations.size());
  std::vector<int> inputs;
  for (int p = 0; p < populations; ++p) {
    const manycore::Population &population = network.populations[size_t(p)];
    if (population.size < 0) {
      error = populationName(network, p) + ": negative size";
      return false;
    }
    if (population.isInput) {
      if (population.inputIndex < 0) {
        error = populationName(network, p) + ": an input without an index";
        return false;
      }
      if (inputs.size() <= size_t(population.inputIndex))
        inputs.resize(size_t(population.inputIndex) + 1, -1);
      if (inputs[size_t(population.inputIndex)] >= 0) {
        error = populationName(network, p) + ": input " +
                std::to_string(population.inputIndex) + " is also " +
                populationName(network, inputs[size_t(population.inputIndex)]);
        return false;
      }
      inputs[size_t(population.inputIndex)] = p;
    } else if (!checkParams(network, p, error)) {
      return false;
    }
  }
  for (size_t i = 0; i < inputs.size(); ++i)
    if (inputs[i] < 0) {
      error = "network input " + std::to_string(i) + " has no population";
      return false;
    }
  for (size_t j = 0; j < network.projections.size(); ++j)
    if (!checkProjection(network, j, error))
      return false;
  for (size_t o = 0; o < network.outputs.size(); ++o)
    if (network.outputs[o] < 0 || network.outputs[o] >= populations) {
      error = "network output " + std::to_string(o) + " names population " +
              std::to_string(network.outputs[o]) + ", the network has " +
              std::to_string(populations);
      return false;
    }
  return true;
}

bool populationOrder(const manycore::Network &network, std::vector<int> &order,
                     std::string &error) {
  int populations = int(network.populations.size());
  std::vector<char> listed(size_t(populations), 0);
  for (int p : network.updateOrder) {
    if (p < 0 || p >= populations) {
      error = "update order names population " + std::to_string(p) +
              ", the network has " + std::to_string(populations);
      return false;
    }
    if (listed[size_t(p)]) {
      error = "update order lists " + populationName(network, p) + " twice";
      return false;
    }
    listed[size_t(p)] = 1;
  }
  order.clear();
  for (int p = 0; p < populations; ++p) {
    if (listed[size_t(p)])
      continue;
    if (!network.populations[size_t(p)].isInput) {
      error = "update order leaves out " + populationName(network, p);
      return false;
    }
    order.push_back(p);
  }
  order.insert(order.end(), network.updateOrder.begin(),
               network.updateOrder.end());

  std::vector<size_t> position(static_cast<size_t>(populations));
  for (size_t i = 0; i < order.size(); ++i)
    position[size_t(order[i])] = i;
  // A delay-0 synapse is read in the step it is written, so its target must
  // update after its source.
  for (const manycore::Projection &projection : network.projections) {
    if (position[size_t(projection.source)] <
        position[size_t(projection.target)])
      continue;
    for (const manycore::Synapse &s : projection.synapses)
      if (s.delay == 0) {
        error = "a delay-0 synapse goes from " +
                populationName(network, projection.source) + " to " +
                populationName(network, projection.target) +
                ", which does not update after it";
        return false;
      }
  }
  return true;
}

} // namespace snc::spinnaker2
