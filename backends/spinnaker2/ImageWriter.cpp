//===- ImageWriter.cpp - writing an image directory -----------------------===//
//
// Everything is built and checked in memory first, so a failure writes
// nothing; then the images, routes.bin and finally manifest.json are
// replaced one atomic rename at a time. A reader that starts after the
// manifest's rename sees a complete, consistent directory.
//
//===----------------------------------------------------------------------===//

#include "backends/spinnaker2/ImageWriter.h"
#include "backends/spinnaker2/RoutesFile.h"
#include "runtime/FileIO.h"

#include <cstdio>

#include <filesystem>
#include <set>

namespace snc::spinnaker2 {

namespace {

bool checkOptions(const manycore::Network &network, const ImageOptions &options,
                  std::string &error) {
  const CostModel &c = options.cost;
  if (!(c.clockHz > 0) || !(c.dtSeconds > 0) || c.cyclesPerNeuron < 0 ||
      c.cyclesPerSynapticEvent < 0 || c.cyclesPerPacket < 0 ||
      options.peBudgetBytes < 0) {
    error = "image options: the clock, dt, cycle counts and budget must not "
            "be negative (clock and dt positive)";
    return false;
  }
  auto checkShapes = [&](const std::vector<std::vector<int64_t>> &shapes,
                         const std::vector<int> &populations,
                         const char *what) {
    for (size_t i = 0; i < shapes.size() && i < populations.size(); ++i) {
      if (shapes[i].empty())
        continue;
      int64_t elements = 1;
      for (int64_t d : shapes[i])
        elements = d < 0 || elements < 0 ? -1 : elements * d;
      int64_t size = network.populations[size_t(populations[i])].size;
      if (elements != size) {
        error = std::string("image options: the shape of ") + what + " " +
                std::to_string(i) + " holds " + std::to_string(elements) +
                " elements, its population has " + std::to_string(size);
        return false;
      }
    }
    return true;
  };
  std::vector<int> inputs;
  for (size_t p = 0; p < network.populations.size(); ++p)
    if (network.populations[p].isInput) {
      size_t i = size_t(network.populations[p].inputIndex);
      if (inputs.size() <= i)
        inputs.resize(i + 1);
      inputs[i] = int(p);
    }
  return checkShapes(options.inputShapes, inputs, "input") &&
         checkShapes(options.outputShapes, network.outputs, "output");
}

ManifestPort port(const manycore::Network &network, int population,
                  const std::vector<std::vector<int64_t>> &shapes,
                  size_t index) {
  ManifestPort result;
  result.population = population;
  if (index < shapes.size() && !shapes[index].empty())
    result.shape = shapes[index];
  else
    result.shape = {network.populations[size_t(population)].size};
  return result;
}

Manifest makeManifest(
    const manycore::Network &network, const mapping::Machine &machine,
    const mapping::Partition &partition, const mapping::Placement &placement,
    const mapping::RoutingTables &tables, const ImageOptions &options,
    const std::vector<int> &order, const std::vector<PeImage> &images) {
  Manifest manifest;
  manifest.network = network.name;
  manifest.machine = machine;
  manifest.budgetBytes = options.peBudgetBytes > 0
                             ? options.peBudgetBytes
                             : machine.memoryBytesPerPe + 32768;
  manifest.cost = options.cost;
  manifest.latencyShift = network.latencyShift;
  manifest.updateOrder = order;
  for (const manycore::Population &population : network.populations) {
    ManifestPopulation entry;
    entry.name = population.name;
    entry.size = population.size;
    entry.input = population.isInput;
    entry.inputIndex = population.isInput ? population.inputIndex : -1;
    entry.spiking = !population.isInput && population.format.spiking;
    manifest.populations.push_back(entry);
  }
  // Slices are grouped by population in ascending lo (ImageBuild checks).
  for (size_t s = 0; s < partition.slices.size(); ++s) {
    ManifestPopulation &population =
        manifest.populations[size_t(partition.slices[s].population)];
    population.slices.push_back(int64_t(s));
    population.pes.push_back(placement.peOfSlice[s]);
  }
  for (size_t p = 0; p < network.populations.size(); ++p)
    if (network.populations[p].isInput) {
      size_t i = size_t(network.populations[p].inputIndex);
      if (manifest.inputs.size() <= i)
        manifest.inputs.resize(i + 1);
      manifest.inputs[i] = port(network, int(p), options.inputShapes, i);
    }
  for (size_t o = 0; o < network.outputs.size(); ++o)
    manifest.outputs.push_back(
        port(network, network.outputs[o], options.outputShapes, o));
  manifest.routeEntries = tables.entries();
  manifest.maxRouteEntries = tables.maxEntries();
  for (const PeImage &image : images)
    manifest.pes.push_back(image.info);
  return manifest;
}

/// Removes pe_<n>.bin files of PEs this directory no longer uses, so the
/// directory holds exactly what the manifest lists.
void removeStaleImages(const std::string &dir,
                       const std::set<std::string> &written) {
  // The error_code overloads throughout: a directory we cannot list only
  // leaves stale files behind.
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() < 8 || name.compare(0, 3, "pe_") != 0 ||
        name.compare(name.size() - 4, 4, ".bin") != 0 || written.count(name))
      continue;
    std::string digits = name.substr(3, name.size() - 7);
    std::error_code ignored;
    if (digits.find_first_not_of("0123456789") == std::string::npos)
      std::filesystem::remove(it->path(), ignored);
  }
}

/// Fails naming the largest over-budget PE, its bytes and the budget.
bool checkBudget(const Manifest &manifest, std::string &error) {
  const ManifestPe *largest = nullptr;
  int64_t over = 0;
  for (const ManifestPe &pe : manifest.pes)
    if (pe.memory.total() > manifest.budgetBytes) {
      ++over;
      if (!largest || pe.memory.total() > largest->memory.total())
        largest = &pe;
    }
  if (!largest)
    return true;
  const PeMemory &m = largest->memory;
  error = "PE " + std::to_string(largest->index) + " (slice " +
          std::to_string(largest->slice) + " of '" +
          manifest.populations[size_t(largest->population)].name +
          "', neurons [" + std::to_string(largest->lo) + ", " +
          std::to_string(largest->hi) + ")) needs " +
          std::to_string(m.total()) + " bytes, the budget is " +
          std::to_string(manifest.budgetBytes) + " (synaptic rows " +
          std::to_string(m.synapticRows) + ", key table " +
          std::to_string(m.keyTable) + ", neurons " +
          std::to_string(m.paramsState) + ", ring buffers " +
          std::to_string(m.ringBuffers) + "); " + std::to_string(over) +
          " PE(s) exceed the budget";
  return false;
}

} // namespace

bool buildImageFiles(const mapping::MappedNetwork &mapped,
                     const ImageOptions &options, ImageFiles &files,
                     std::string &error) {
  files = ImageFiles();
  const manycore::Network &network = *mapped.network;
  std::vector<int> order;
  if (!checkNetwork(network, error) || !checkOptions(network, options, error) ||
      !populationOrder(network, order, error) ||
      !buildPeImages(network, mapped.machine, mapped.partition,
                     mapped.placement, mapped.keys, mapped.tables, files.images,
                     error))
    return false;
  files.manifest =
      makeManifest(network, mapped.machine, mapped.partition, mapped.placement,
                   mapped.tables, options, order, files.images);
  if (options.overBudgetIsError && !checkBudget(files.manifest, error))
    return false;
  return encodeRoutes(mapped.machine, mapped.tables, files.routes, error) &&
         manifestToJson(files.manifest, files.manifestText, error);
}

bool writeImages(const mapping::MappedNetwork &mapped,
                 const ImageOptions &options, const std::string &outDir,
                 ImageSummary &summary, std::string &error) {
  summary = ImageSummary();
  ImageFiles files;
  if (!buildImageFiles(mapped, options, files, error))
    return false;
  const Manifest &manifest = files.manifest;

  std::error_code ec;
  std::filesystem::create_directories(outDir, ec);
  if (ec) {
    error = outDir + ": cannot create the directory: " + ec.message();
    return false;
  }
  std::set<std::string> written;
  for (const PeImage &image : files.images) {
    if (!runtime::writeFileAtomically(outDir + "/" + image.info.file,
                                      image.bytes, error))
      return false;
    written.insert(image.info.file);
    summary.bytes += int64_t(image.bytes.size());
  }
  std::vector<uint8_t> manifestBytes(files.manifestText.begin(),
                                     files.manifestText.end());
  if (!runtime::writeFileAtomically(outDir + "/" + manifest.routesFile,
                                    files.routes, error) ||
      !runtime::writeFileAtomically(outDir + "/manifest.json", manifestBytes,
                                    error))
    return false;
  removeStaleImages(outDir, written);

  summary.images = int64_t(files.images.size());
  summary.bytes += int64_t(files.routes.size() + manifestBytes.size());
  summary.budgetBytes = manifest.budgetBytes;
  for (const ManifestPe &pe : manifest.pes) {
    int64_t bytes = pe.memory.total();
    if (bytes > summary.largestPeBytes) {
      summary.largestPe = pe.index;
      summary.largestPeBytes = bytes;
    }
    if (bytes > summary.budgetBytes)
      summary.overBudgetPes.push_back(pe.index);
    summary.synapses += pe.synapses;
  }
  summary.routeEntries = mapped.tables.entries();
  return true;
}

namespace {
std::string hex(uint64_t value, int digits) {
  char text[24];
  std::snprintf(text, sizeof text, "0x%0*llx", digits,
                static_cast<unsigned long long>(value));
  return text;
}
} // namespace

std::string printImageFiles(const ImageFiles &files,
                            const mapping::RoutingTables &tables) {
  std::string os = "// manifest.json\n" + files.manifestText;
  os += "// " + files.manifest.routesFile + ": " +
        std::to_string(files.routes.size()) + " bytes\n";
  for (size_t chip = 0; chip < tables.byChip.size(); ++chip)
    for (const mapping::RouterEntry &entry : tables.byChip[chip])
      os += "chip " +
            mapping::chipName(int(chip) % tables.chipsX,
                              int(chip) / tables.chipsX) +
            " key " + hex(entry.key, 8) + " mask " + hex(entry.mask, 8) +
            " route " + entry.route.str() + "\n";
  for (const PeImage &image : files.images) {
    // FNV-1a: tests see that an image changed without its bytes.
    uint64_t hash = 0xcbf29ce484222325ull;
    for (uint8_t byte : image.bytes)
      hash = (hash ^ byte) * 0x100000001b3ull;
    os += "// " + image.info.file + ": " + std::to_string(image.bytes.size()) +
          " bytes, fnv1a " + hex(hash, 16) + "\n";
  }
  return os;
}

} // namespace snc::spinnaker2
