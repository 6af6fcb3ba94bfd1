//===- ImageReader.cpp - loading an image directory -----------------------===//
//
// Each file is checked on its own (ImageDecode.cpp, RoutesFile.cpp), then
// the files against each other and the manifest: the PEs of a population
// cover it slice by slice, every key table entry names a real source slice
// with its keys and neuron count, and the update order lists every
// population once.
//
//===----------------------------------------------------------------------===//

#include "backends/spinnaker2/ImageDecode.h"
#include "backends/spinnaker2/Images.h"
#include "backends/spinnaker2/Manifest.h"
#include "backends/spinnaker2/RoutesFile.h"
#include "runtime/FileIO.h"

#include <algorithm>
#include <map>

namespace snc::spinnaker2 {

namespace {

int64_t elementsOf(const std::vector<int64_t> &shape) {
  int64_t elements = 1;
  for (int64_t d : shape) {
    if (d != 0 && elements > INT64_MAX / d)
      return -1; // no population is that large
    elements *= d;
  }
  return elements;
}

/// The manifest's own consistency: order, ports, populations.
bool checkManifest(const Manifest &manifest, std::string &error) {
  size_t populations = manifest.populations.size();
  std::vector<char> listed(populations, 0);
  for (int p : manifest.updateOrder) {
    if (listed[size_t(p)]) {
      error = "update_order lists population " + std::to_string(p) + " twice";
      return false;
    }
    listed[size_t(p)] = 1;
  }
  for (size_t p = 0; p < populations; ++p)
    if (!listed[p]) {
      error = "update_order leaves out population " + std::to_string(p);
      return false;
    }
  for (size_t i = 0; i < manifest.inputs.size(); ++i) {
    const ManifestPort &port = manifest.inputs[i];
    const ManifestPopulation &population =
        manifest.populations[size_t(port.population)];
    if (!population.input || population.inputIndex != int(i)) {
      error = "inputs[" + std::to_string(i) + "]: population " +
              std::to_string(port.population) + " is not input " +
              std::to_string(i);
      return false;
    }
  }
  auto checkShape = [&](const ManifestPort &port, const std::string &where) {
    int64_t size = manifest.populations[size_t(port.population)].size;
    if (elementsOf(port.shape) != size) {
      error = where + ".shape: holds " +
              std::to_string(elementsOf(port.shape)) +
              " elements, the population has " + std::to_string(size);
      return false;
    }
    return true;
  };
  for (size_t i = 0; i < manifest.inputs.size(); ++i)
    if (!checkShape(manifest.inputs[i], "inputs[" + std::to_string(i) + "]"))
      return false;
  for (size_t o = 0; o < manifest.outputs.size(); ++o)
    if (!checkShape(manifest.outputs[o], "outputs[" + std::to_string(o) + "]"))
      return false;
  for (size_t p = 0; p < populations; ++p) {
    const ManifestPopulation &population = manifest.populations[p];
    if (population.input &&
        (size_t(population.inputIndex) >= manifest.inputs.size() ||
         manifest.inputs[size_t(population.inputIndex)].population != int(p))) {
      error = "populations[" + std::to_string(p) + "]: input " +
              std::to_string(population.inputIndex) +
              " is not listed in inputs";
      return false;
    }
  }
  return true;
}

/// An image against its manifest entry.
bool checkAgainstManifest(const LoadedPe &pe, const ManifestPe &entry,
                          const Manifest &manifest, std::string &error) {
  const ManifestPopulation &population =
      manifest.populations[size_t(entry.population)];
  if (pe.index != entry.index || pe.population != entry.population ||
      pe.slice != entry.slice || pe.lo != entry.lo || pe.hi != entry.hi ||
      pe.keyBase != entry.keyBase || pe.keyMask != entry.keyMask ||
      pe.input != entry.input || pe.sends != entry.sends ||
      pe.ringDepth != entry.ringDepth ||
      int64_t(pe.keyTable.size()) != entry.keyEntries) {
    error = "the image disagrees with the manifest's entry for PE " +
            std::to_string(entry.index) +
            " (index, population, slice, "
            "neurons, key, flags, ring depth or key entries)";
    return false;
  }
  if (pe.input != population.input ||
      (pe.input && pe.inputIndex != population.inputIndex) ||
      (!pe.input && pe.format.spiking != population.spiking)) {
    error = "the image's neuron kind disagrees with population '" +
            population.name + "'";
    return false;
  }
  return true;
}

/// Populations' PEs in slice order, and key table entries against the
/// slices they name.
bool linkPes(const Manifest &manifest, LoadedMachine &out, std::string &error) {
  std::map<int64_t, size_t> peOfSlice;
  for (size_t i = 0; i < out.pes.size(); ++i) {
    const LoadedPe &pe = out.pes[i];
    if (!peOfSlice.emplace(pe.slice, i).second) {
      error = "slice " + std::to_string(pe.slice) + " is on two PEs";
      return false;
    }
    out.populations[size_t(pe.population)].pes.push_back(i);
  }
  for (size_t p = 0; p < out.populations.size(); ++p) {
    LoadedPopulation &population = out.populations[p];
    std::sort(
        population.pes.begin(), population.pes.end(),
        [&](size_t a, size_t b) { return out.pes[a].lo < out.pes[b].lo; });
    int64_t next = 0;
    std::vector<int64_t> indices;
    for (size_t i : population.pes) {
      if (out.pes[i].lo != next)
        break;
      next = out.pes[i].hi;
      indices.push_back(out.pes[i].index);
    }
    if (next != population.size || indices != manifest.populations[p].pes) {
      error = "the PEs of population '" + population.name +
              "' do not cover its " + std::to_string(population.size) +
              " neurons slice by slice as the manifest lists them";
      return false;
    }
  }
  for (const LoadedPe &pe : out.pes)
    for (const KeyTableEntry &entry : pe.keyTable) {
      auto found = peOfSlice.find(entry.sourceSlice);
      const LoadedPe *source =
          found == peOfSlice.end() ? nullptr : &out.pes[found->second];
      if (!source || source->keyBase != entry.key ||
          source->keyMask != entry.mask ||
          int64_t(entry.rowCount) > source->neurons()) {
        error = "pe_" + std::to_string(pe.index) +
                ".bin: key table entry for slice " +
                std::to_string(entry.sourceSlice) +
                " does not match that slice's keys and neurons";
        return false;
      }
    }
  return true;
}

} // namespace

bool readImages(const std::string &dir, LoadedMachine &out,
                std::string &error) {
  out = LoadedMachine();
  std::string manifestPath = dir + "/manifest.json";
  std::vector<uint8_t> bytes;
  if (!runtime::readWholeFile(manifestPath, bytes, error))
    return false;
  Manifest manifest;
  std::string message;
  if (!manifestFromJson(std::string(bytes.begin(), bytes.end()), manifest,
                        message) ||
      !checkManifest(manifest, message)) {
    error = manifestPath + ": " + message;
    return false;
  }
  out.network = manifest.network;
  out.machine = manifest.machine;
  out.budgetBytes = manifest.budgetBytes;
  out.cost = manifest.cost;
  out.latencyShift = manifest.latencyShift;
  out.updateOrder = manifest.updateOrder;
  for (const ManifestPopulation &population : manifest.populations) {
    LoadedPopulation loaded;
    loaded.name = population.name;
    loaded.size = population.size;
    loaded.input = population.input;
    loaded.inputIndex = population.inputIndex;
    loaded.spiking = population.spiking;
    out.populations.push_back(loaded);
  }
  for (const ManifestPort &port : manifest.inputs)
    out.inputs.push_back({port.population, port.shape});
  for (const ManifestPort &port : manifest.outputs)
    out.outputs.push_back({port.population, port.shape});

  for (const ManifestPe &entry : manifest.pes) {
    std::string path = dir + "/" + entry.file;
    LoadedPe pe;
    if (!runtime::readWholeFile(path, bytes, error))
      return false;
    if (!decodeImage(bytes, out.machine, pe, message) ||
        !checkAgainstManifest(pe, entry, manifest, message)) {
      error = path + ": " + message;
      return false;
    }
    out.pes.push_back(std::move(pe));
  }
  if (!linkPes(manifest, out, message)) {
    error = dir + ": " + message;
    return false;
  }
  for (int p : out.updateOrder)
    for (size_t i : out.populations[size_t(p)].pes)
      out.peOrder.push_back(i);

  std::string routesPath = dir + "/" + manifest.routesFile;
  if (!runtime::readWholeFile(routesPath, bytes, error))
    return false;
  if (!decodeRoutes(bytes, out.machine, out.routes, message)) {
    error = routesPath + ": " + message;
    return false;
  }
  return true;
}

} // namespace snc::spinnaker2
