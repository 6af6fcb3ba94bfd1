//===- Emitter.cpp - FPGA design files from the nmc IR --------------------===//
//
// A read-only walk: the cores, their levels and memory sizes come from the
// plan fpga-plan recorded (PlanAttrs.h), the network's synapses from its
// many-core form; Design.h's writeDesign turns them into files.
//
//===----------------------------------------------------------------------===//

#include "backends/fpga/Emitter.h"
#include "backends/fpga/PlanAttrs.h"
#include "passes/ManycoreAnalysis.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <optional>

using namespace mlir;

namespace snc::fpga {

namespace {

constexpr llvm::StringLiteral kPass = "emit-fpga";

/// One line per core: what it runs and the plan's numbers.
void printPlan(const manycore::Network &network, const DesignPlan &plan,
               raw_ostream &os) {
  os << "// plan: cores " << plan.cores.size() << ", levels " << plan.levels
     << ", block RAMs " << blockRamText(plan.bramHalves) << " of "
     << plan.partBlockRams << ", SPRAMs " << plan.sprams << " of "
     << plan.partSprams << "\n";
  for (auto [index, core] : llvm::enumerate(plan.cores))
    os << "// core " << index << ": '"
       << network.populations[size_t(core.population)].name << "' neurons ["
       << core.lo << ", " << core.hi << ") level " << core.level
       << " ring_slots " << core.ringSlots << " acc_bits " << core.accBits
       << " synapse_words " << core.synapseWords << " row_index_words "
       << core.rowIndexWords << " block_rams " << blockRamText(core.bramHalves)
       << " sprams " << core.sprams << " memories row/param/state/ring/synapse "
       << int(core.rowMemory) << int(core.paramMemory) << int(core.stateMemory)
       << int(core.ringMemory) << int(core.synapseMemory) << "\n";
}

/// Prints the text form: the plan, then the design's top.v and manifest,
/// written into a temporary directory that is removed again.
LogicalResult printDesign(snn::NetworkOp network, const manycore::Network &form,
                          const DesignPlan &plan,
                          const targets::TargetDescription &target,
                          raw_ostream &os) {
  printPlan(form, plan, os);
  SmallString<128> dir;
  if (llvm::sys::fs::createUniqueDirectory("snc-emit-fpga", dir))
    return network.emitError() << kPass
                               << ": cannot create a temporary "
                                  "directory";
  std::string summary, error;
  bool written =
      writeDesign(form, plan, target, dir.str().str(), summary, error);
  if (written)
    for (StringRef name : {"top.v", "manifest.json"}) {
      SmallString<128> path(dir);
      llvm::sys::path::append(path, name);
      auto buffer = llvm::MemoryBuffer::getFile(path);
      if (!buffer) {
        error = "the design has no " + name.str();
        written = false;
        break;
      }
      os << "// ----- " << name << " -----\n" << (*buffer)->getBuffer();
      if (!(*buffer)->getBuffer().ends_with("\n"))
        os << "\n";
    }
  llvm::sys::fs::remove_directories(dir);
  if (!written)
    return network.emitError() << kPass << ": " << error;
  return success();
}

} // namespace

LogicalResult emitFPGA(ModuleOp module, snn::NetworkOp network,
                       AnalysisManager *analyses,
                       const backends::EmitOutput &output,
                       raw_ostream &summary) {
  FailureOr<nmc::MappingOp> mapping = findMapping(module, network, kPass);
  if (failed(mapping))
    return failure();
  if (!network.getTimeStep())
    return network.emitError() << kPass << ": @" << network.getSymName()
                               << " is not discretized (no dt)";
  std::optional<ManycoreAnalysis> local;
  ManycoreAnalysis *analysis = &getManycoreAnalysis(analyses, network, local);
  FailureOr<const manycore::Network *> form = analysis->getForm();
  if (failed(form))
    return failure();
  FailureOr<MappingInputs> inputs =
      loadMappingInputs(*mapping, network, *analysis, kPass);
  if (failed(inputs))
    return failure();
  if (!inputs->target->fpga)
    return mapping->emitError() << kPass << ": target '" << inputs->target->name
                                << "' is not an FPGA target";
  FailureOr<DesignPlan> plan = readPlan(*mapping, *inputs, **form, kPass);
  if (failed(plan))
    return failure();

  if (output.text)
    return printDesign(network, **form, *plan, *inputs->target, *output.text);
  std::string cores, error;
  if (!writeDesign(**form, *plan, *inputs->target, output.directory, cores,
                   error))
    return network.emitError() << kPass << ": " << error;
  summary << "compiled '" << network.getSymName() << "' for "
          << inputs->target->name << " into " << output.directory << "\n";
  summary << "  cores      " << plan->cores.size() << " in " << plan->levels
          << " level" << (plan->levels == 1 ? "" : "s") << "\n";
  summary << "  block RAM  " << blockRamText(plan->bramHalves) << " of "
          << plan->partBlockRams << "\n";
  if (plan->sprams)
    summary << "  SPRAM      " << plan->sprams << " of " << plan->partSprams
            << "\n";
  // writeDesign's line per core, indented under the totals.
  for (StringRef line : llvm::split(StringRef(cores).rtrim('\n'), '\n'))
    if (!line.empty())
      summary << "  " << line << "\n";
  return success();
}

} // namespace snc::fpga
