//===- Manifest.cpp - manifest.json of an image directory -----------------===//
//
// nlohmann/json builds and parses the text. Parsing never throws
// (allow_exceptions = false, and every access checks the type first);
// dumping can throw only on invalid UTF-8 in names, which the replace
// handler prevents, but both ends still catch everything.
//
//===----------------------------------------------------------------------===//

#include "backends/spinnaker2/Manifest.h"

#include <nlohmann/json.hpp>

#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <limits>

namespace snc::spinnaker2 {

using json = nlohmann::ordered_json;

namespace {

std::string hex32(uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof(text), "0x%08" PRIx32, value);
  return text;
}

json intArray(const std::vector<int64_t> &values) {
  json array = json::array();
  for (int64_t value : values)
    array.push_back(value);
  return array;
}

json portJson(const Manifest &manifest, size_t index, const ManifestPort &port,
              bool output) {
  const ManifestPopulation &population =
      manifest.populations[size_t(port.population)];
  json object;
  object["index"] = index;
  object["population"] = port.population;
  object["name"] = population.name;
  if (output) {
    bool spikes = population.spiking || population.input;
    object["kind"] = spikes ? "spikes" : "v";
    object["dtype"] = spikes ? "bool" : "int64";
  }
  object["shape"] = intArray(port.shape);
  object["slices"] = intArray(population.slices);
  object["pes"] = intArray(population.pes);
  return object;
}

json peJson(const Manifest &manifest, const ManifestPe &pe) {
  json object;
  object["index"] = pe.index;
  object["file"] = pe.file;
  object["chip"] = json::array({pe.location.chipX, pe.location.chipY});
  object["qpe"] = pe.location.qpe;
  object["pe_in_qpe"] = pe.location.peInQpe;
  object["population"] = pe.population;
  object["population_name"] = manifest.populations[size_t(pe.population)].name;
  object["slice"] = pe.slice;
  object["lo"] = pe.lo;
  object["hi"] = pe.hi;
  object["neurons"] = pe.hi - pe.lo;
  object["input"] = pe.input;
  object["sends"] = pe.sends;
  object["key"] = {{"base", hex32(pe.keyBase)}, {"mask", hex32(pe.keyMask)}};
  object["ring_depth"] = pe.ringDepth;
  object["key_entries"] = pe.keyEntries;
  object["synapses"] = pe.synapses;
  const PeMemory &m = pe.memory;
  object["memory"] = {{"header", m.header},
                      {"params_state", m.paramsState},
                      {"synaptic_rows", m.synapticRows},
                      {"key_table", m.keyTable},
                      {"ring_buffers", m.ringBuffers},
                      {"total", m.total()},
                      {"budget", manifest.budgetBytes},
                      {"fits", m.total() <= manifest.budgetBytes}};
  return object;
}

json manifestJson(const Manifest &manifest) {
  json root;
  root["format"] = kManifestFormat;
  root["version"] = kManifestVersion;
  // Which backend reads this directory (`snc simulate` dispatches on it).
  root["backend"] = "spinnaker2";
  root["network"] = manifest.network;
  const mapping::Machine &m = manifest.machine;
  root["machine"] = {{"chips_x", m.chipsX},
                     {"chips_y", m.chipsY},
                     {"qpes_x", m.qpesX},
                     {"qpes_y", m.qpesY},
                     {"qpes_per_chip", m.qpesPerChip},
                     {"pes_per_qpe", m.pesPerQpe},
                     {"neurons_per_pe", m.neuronsPerPe},
                     {"memory_bytes_per_pe", m.memoryBytesPerPe},
                     {"router_entries", m.routerEntries},
                     {"pe_budget_bytes", manifest.budgetBytes}};
  const CostModel &c = manifest.cost;
  root["cost_model"] = {
      {"clock_hz", c.clockHz},
      {"dt_seconds", c.dtSeconds},
      {"cycles_per_neuron", c.cyclesPerNeuron},
      {"cycles_per_synaptic_event", c.cyclesPerSynapticEvent},
      {"cycles_per_packet", c.cyclesPerPacket},
      {"note", "cycle counts are estimates, not measurements"}};
  root["latency_shift"] = manifest.latencyShift;
  json order = json::array();
  for (int p : manifest.updateOrder)
    order.push_back(p);
  root["update_order"] = order;

  json populations = json::array();
  for (size_t p = 0; p < manifest.populations.size(); ++p) {
    const ManifestPopulation &population = manifest.populations[p];
    json object;
    object["index"] = p;
    object["name"] = population.name;
    object["size"] = population.size;
    object["input"] = population.input;
    object["input_index"] = population.inputIndex;
    object["spiking"] = population.spiking;
    object["slices"] = intArray(population.slices);
    object["pes"] = intArray(population.pes);
    populations.push_back(object);
  }
  root["populations"] = populations;
  json inputs = json::array(), outputs = json::array();
  for (size_t i = 0; i < manifest.inputs.size(); ++i)
    inputs.push_back(portJson(manifest, i, manifest.inputs[i], false));
  for (size_t o = 0; o < manifest.outputs.size(); ++o)
    outputs.push_back(portJson(manifest, o, manifest.outputs[o], true));
  root["inputs"] = inputs;
  root["outputs"] = outputs;
  root["routes"] = {{"file", manifest.routesFile},
                    {"entries", manifest.routeEntries},
                    {"max_entries_per_chip", manifest.maxRouteEntries},
                    {"table_capacity", m.routerEntries}};

  json pes = json::array();
  int64_t largest = -1, largestBytes = 0;
  json over = json::array();
  for (const ManifestPe &pe : manifest.pes) {
    pes.push_back(peJson(manifest, pe));
    if (pe.memory.total() > largestBytes) {
      largest = pe.index;
      largestBytes = pe.memory.total();
    }
    if (pe.memory.total() > manifest.budgetBytes)
      over.push_back(pe.index);
  }
  root["memory"] = {{"budget_bytes", manifest.budgetBytes},
                    {"largest_pe", largest},
                    {"largest_bytes", largestBytes},
                    {"over_budget_pes", over}};
  root["pes"] = pes;
  return root;
}

/// Typed access to the parsed manifest; the first failure is kept in
/// `error` with the JSON path of the field.
class FieldReader {
public:
  explicit FieldReader(std::string &error) : error(error) {}

  bool failed() const { return !error.empty(); }

  const json *member(const json &object, const char *key,
                     const std::string &where) {
    if (failed())
      return nullptr;
    if (!object.is_object()) {
      fail(where, "expected an object");
      return nullptr;
    }
    auto found = object.find(key);
    if (found == object.end()) {
      fail(where + "." + key, "missing");
      return nullptr;
    }
    return &*found;
  }

  const json *array(const json &object, const char *key,
                    const std::string &where) {
    const json *value = member(object, key, where);
    if (value && !value->is_array()) {
      fail(where + "." + key, "expected an array");
      return nullptr;
    }
    return value;
  }

  int64_t integer(const json &object, const char *key, const std::string &where,
                  int64_t min = 0,
                  int64_t max = std::numeric_limits<int64_t>::max()) {
    const json *value = member(object, key, where);
    if (!value)
      return 0;
    return integerValue(*value, where + "." + key, min, max);
  }

  int64_t integerValue(const json &value, const std::string &where, int64_t min,
                       int64_t max) {
    if (failed())
      return 0;
    int64_t result;
    if (value.is_number_unsigned() &&
        value.get<uint64_t>() <= uint64_t(std::numeric_limits<int64_t>::max()))
      result = int64_t(value.get<uint64_t>());
    else if (value.is_number_integer() && !value.is_number_unsigned())
      result = value.get<int64_t>();
    else {
      fail(where, "expected an integer");
      return 0;
    }
    if (result < min || result > max) {
      fail(where, "expected an integer in [" + std::to_string(min) + ", " +
                      std::to_string(max) + "], got " + std::to_string(result));
      return 0;
    }
    return result;
  }

  double number(const json &object, const char *key, const std::string &where) {
    const json *value = member(object, key, where);
    if (!value)
      return 0;
    if (!value->is_number() || !(value->get<double>() > 0)) {
      fail(where + "." + key, "expected a positive number");
      return 0;
    }
    return value->get<double>();
  }

  bool boolean(const json &object, const char *key, const std::string &where) {
    const json *value = member(object, key, where);
    if (!value)
      return false;
    if (!value->is_boolean()) {
      fail(where + "." + key, "expected true or false");
      return false;
    }
    return value->get<bool>();
  }

  std::string string(const json &object, const char *key,
                     const std::string &where) {
    const json *value = member(object, key, where);
    if (!value)
      return "";
    if (!value->is_string()) {
      fail(where + "." + key, "expected a string");
      return "";
    }
    return value->get<std::string>();
  }

  uint32_t hexKey(const json &object, const char *key,
                  const std::string &where) {
    std::string text = string(object, key, where);
    if (failed())
      return 0;
    char *end = nullptr;
    unsigned long long value =
        text.size() == 10 && text.compare(0, 2, "0x") == 0
            ? std::strtoull(text.c_str() + 2, &end, 16)
            : 0;
    if (!end || *end != '\0' || value > 0xFFFFFFFFull) {
      fail(where + "." + key, "expected a key like \"0x0000ff00\"");
      return 0;
    }
    return uint32_t(value);
  }

  std::vector<int64_t> integers(const json &object, const char *key,
                                const std::string &where, int64_t min,
                                int64_t max) {
    std::vector<int64_t> result;
    const json *values = array(object, key, where);
    if (!values)
      return result;
    for (size_t i = 0; i < values->size() && !failed(); ++i)
      result.push_back(integerValue(
          (*values)[i], where + "." + key + "[" + std::to_string(i) + "]", min,
          max));
    return result;
  }

  void fail(const std::string &where, const std::string &message) {
    if (!failed())
      error = where + ": " + message;
  }

private:
  std::string &error;
};

constexpr int64_t kIntMax = std::numeric_limits<int>::max();

void readMachine(FieldReader &r, const json &root, Manifest &manifest) {
  const json *machine = r.member(root, "machine", "manifest");
  if (!machine)
    return;
  std::string where = "machine";
  mapping::Machine &m = manifest.machine;
  m.chipsX = int(r.integer(*machine, "chips_x", where, 1, 256));
  m.chipsY = int(r.integer(*machine, "chips_y", where, 1, 256));
  m.qpesX = int(r.integer(*machine, "qpes_x", where, 1, 65535));
  m.qpesY = int(r.integer(*machine, "qpes_y", where, 1, 65535));
  m.qpesPerChip = int(r.integer(*machine, "qpes_per_chip", where, 1, 65535));
  m.pesPerQpe = int(r.integer(*machine, "pes_per_qpe", where, 1, 65535));
  m.neuronsPerPe = r.integer(*machine, "neurons_per_pe", where);
  m.memoryBytesPerPe = r.integer(*machine, "memory_bytes_per_pe", where);
  m.routerEntries = r.integer(*machine, "router_entries", where);
  manifest.budgetBytes = r.integer(*machine, "pe_budget_bytes", where);
  if (!r.failed() && m.pes() > (int64_t(1) << 32))
    r.fail(where, "more than 2^32 PEs");
}

void readCost(FieldReader &r, const json &root, Manifest &manifest) {
  const json *cost = r.member(root, "cost_model", "manifest");
  if (!cost)
    return;
  std::string where = "cost_model";
  CostModel &c = manifest.cost;
  c.clockHz = r.number(*cost, "clock_hz", where);
  c.dtSeconds = r.number(*cost, "dt_seconds", where);
  c.cyclesPerNeuron = r.integer(*cost, "cycles_per_neuron", where);
  c.cyclesPerSynapticEvent =
      r.integer(*cost, "cycles_per_synaptic_event", where);
  c.cyclesPerPacket = r.integer(*cost, "cycles_per_packet", where);
}

void readPopulations(FieldReader &r, const json &root, Manifest &manifest) {
  const json *populations = r.array(root, "populations", "manifest");
  if (!populations)
    return;
  for (size_t p = 0; p < populations->size() && !r.failed(); ++p) {
    const json &object = (*populations)[p];
    std::string where = "populations[" + std::to_string(p) + "]";
    ManifestPopulation population;
    if (r.integer(object, "index", where) != int64_t(p))
      r.fail(where + ".index", "expected " + std::to_string(p));
    population.name = r.string(object, "name", where);
    population.size = r.integer(object, "size", where);
    population.input = r.boolean(object, "input", where);
    population.inputIndex =
        int(r.integer(object, "input_index", where, population.input ? 0 : -1,
                      population.input ? kIntMax : -1));
    population.spiking = r.boolean(object, "spiking", where);
    population.slices = r.integers(object, "slices", where, 0, INT64_MAX);
    population.pes = r.integers(object, "pes", where, 0, INT64_MAX);
    manifest.populations.push_back(std::move(population));
  }
}

void readPorts(FieldReader &r, const json &root, const char *key,
               std::vector<ManifestPort> &ports, int populations) {
  const json *array = r.array(root, key, "manifest");
  if (!array)
    return;
  for (size_t i = 0; i < array->size() && !r.failed(); ++i) {
    const json &object = (*array)[i];
    std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    ManifestPort port;
    if (r.integer(object, "index", where) != int64_t(i))
      r.fail(where + ".index", "expected " + std::to_string(i));
    port.population =
        int(r.integer(object, "population", where, 0, populations - 1));
    port.shape = r.integers(object, "shape", where, 0, INT64_MAX);
    ports.push_back(std::move(port));
  }
}

void readPes(FieldReader &r, const json &root, Manifest &manifest) {
  const json *pes = r.array(root, "pes", "manifest");
  if (!pes)
    return;
  const mapping::Machine &m = manifest.machine;
  for (size_t i = 0; i < pes->size() && !r.failed(); ++i) {
    const json &object = (*pes)[i];
    std::string where = "pes[" + std::to_string(i) + "]";
    ManifestPe pe;
    pe.index = r.integer(object, "index", where, 0, m.pes() - 1);
    pe.file = r.string(object, "file", where);
    pe.population = int(r.integer(object, "population", where, 0,
                                  int64_t(manifest.populations.size()) - 1));
    pe.slice = r.integer(object, "slice", where);
    pe.lo = r.integer(object, "lo", where);
    pe.hi = r.integer(object, "hi", where, pe.lo);
    pe.input = r.boolean(object, "input", where);
    pe.sends = r.boolean(object, "sends", where);
    const json *key = r.member(object, "key", where);
    if (key) {
      pe.keyBase = r.hexKey(*key, "base", where + ".key");
      pe.keyMask = r.hexKey(*key, "mask", where + ".key");
    }
    pe.ringDepth = r.integer(object, "ring_depth", where, 1);
    pe.keyEntries = r.integer(object, "key_entries", where);
    pe.synapses = r.integer(object, "synapses", where);
    if (r.failed())
      return;
    pe.location = mapping::locate(m, pe.index);
    if (!manifest.pes.empty() && manifest.pes.back().index >= pe.index)
      r.fail(where + ".index", "PE indices must ascend");
    // The file name is not free: a manifest must not send the reader
    // outside its directory.
    if (pe.file != "pe_" + std::to_string(pe.index) + ".bin")
      r.fail(where + ".file", "expected \"pe_" + std::to_string(pe.index) +
                                  ".bin\", got \"" + pe.file + "\"");
    manifest.pes.push_back(pe);
  }
}

} // namespace

bool manifestToJson(const Manifest &manifest, std::string &text,
                    std::string &error) {
  try {
    text = manifestJson(manifest).dump(2, ' ', false,
                                       json::error_handler_t::replace);
    text += '\n';
    return true;
  } catch (const std::exception &e) {
    error = std::string("cannot build the manifest: ") + e.what();
  } catch (...) {
    error = "cannot build the manifest";
  }
  return false;
}

bool manifestFromJson(const std::string &text, Manifest &manifest,
                      std::string &error) {
  try {
    json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) {
      error = "not valid JSON";
      return false;
    }
    std::string message;
    FieldReader r(message);
    if (r.string(root, "format", "manifest") != kManifestFormat && !r.failed())
      r.fail("format", std::string("expected \"") + kManifestFormat + "\"");
    int64_t version = r.integer(root, "version", "manifest");
    if (!r.failed() && version != kManifestVersion)
      r.fail("version", "manifest version " + std::to_string(version) +
                            ", this reader reads " +
                            std::to_string(kManifestVersion));
    manifest.network = r.string(root, "network", "manifest");
    readMachine(r, root, manifest);
    readCost(r, root, manifest);
    manifest.latencyShift =
        r.integer(root, "latency_shift", "manifest", INT64_MIN, INT64_MAX);
    readPopulations(r, root, manifest);
    int populations = int(manifest.populations.size());
    for (int64_t p : r.integers(root, "update_order", "manifest", 0,
                                int64_t(populations) - 1))
      manifest.updateOrder.push_back(int(p));
    readPorts(r, root, "inputs", manifest.inputs, populations);
    readPorts(r, root, "outputs", manifest.outputs, populations);
    const json *routes = r.member(root, "routes", "manifest");
    if (routes) {
      manifest.routesFile = r.string(*routes, "file", "routes");
      manifest.routeEntries = r.integer(*routes, "entries", "routes");
      manifest.maxRouteEntries =
          r.integer(*routes, "max_entries_per_chip", "routes");
      if (!r.failed() && manifest.routesFile != "routes.bin")
        r.fail("routes.file", "expected \"routes.bin\"");
    }
    readPes(r, root, manifest);
    if (r.failed()) {
      error = message;
      return false;
    }
    return true;
  } catch (const std::exception &e) {
    error = std::string("cannot read the manifest: ") + e.what();
  } catch (...) {
    error = "cannot read the manifest";
  }
  return false;
}

} // namespace snc::spinnaker2
