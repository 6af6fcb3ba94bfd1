//===- PlanAttrs.cpp - the FPGA design plan in the nmc IR -----------------===//

#include "backends/fpga/PlanAttrs.h"

#include "mlir/IR/Builders.h"

using namespace mlir;

namespace snc::fpga {

namespace {
constexpr llvm::StringLiteral kCore = "fpga.core";
constexpr llvm::StringLiteral kLevels = "fpga.levels";
constexpr llvm::StringLiteral kBramHalves = "fpga.bram_halves";
constexpr llvm::StringLiteral kInputQueueMemory = "fpga.input_queue_memory";
constexpr llvm::StringLiteral kPartBlockRams = "fpga.part_block_rams";
constexpr llvm::StringLiteral kSprams = "fpga.sprams";
constexpr llvm::StringLiteral kPartSprams = "fpga.part_sprams";
} // namespace

FailureOr<nmc::MappingOp> findMapping(ModuleOp module, snn::NetworkOp network,
                                      StringRef pass) {
  for (nmc::MappingOp mapping : module.getOps<nmc::MappingOp>())
    if (mapping.getNetwork() == network.getSymName())
      return mapping;
  return network.emitError() << pass << ": @" << network.getSymName()
                             << " has no nmc.mapping (run snn-partition "
                                "for the FPGA target first)";
}

std::vector<nmc::SliceOp> coreSlices(const MappingInputs &inputs,
                                     const manycore::Network &network) {
  std::vector<nmc::SliceOp> cores;
  for (size_t i = 0; i < inputs.slices.size(); ++i) {
    int population = inputs.partition.slices[i].population;
    if (!network.populations[size_t(population)].isInput)
      cores.push_back(inputs.slices[i]);
  }
  return cores;
}

LogicalResult recordPlan(nmc::MappingOp mapping, const MappingInputs &inputs,
                         const manycore::Network &network,
                         const DesignPlan &plan, StringRef pass) {
  std::vector<nmc::SliceOp> cores = coreSlices(inputs, network);
  if (cores.size() != plan.cores.size())
    return mapping.emitError()
           << pass << ": the plan has " << plan.cores.size() << " cores for "
           << cores.size() << " neuron slices";
  Builder builder(mapping.getContext());
  for (nmc::SliceOp slice : mapping.getSlices())
    slice->removeAttr(kCore);
  for (auto [slice, core] : llvm::zip_equal(cores, plan.cores)) {
    if (slice.getPopulation() !=
            network.populations[size_t(core.population)].name ||
        slice.getLoValue() != core.lo || slice.getHiValue() != core.hi)
      return slice.emitError() << pass << ": the plan's core for "
                               << slice.describe() << " runs other neurons";
    SmallVector<NamedAttribute> fields;
    for (const auto &[name, value] : core.fields())
      fields.push_back(
          builder.getNamedAttr(name, builder.getI64IntegerAttr(value)));
    slice->setAttr(kCore, builder.getDictionaryAttr(fields));
  }
  mapping->setAttr(kLevels, builder.getI64IntegerAttr(plan.levels));
  mapping->setAttr(kBramHalves, builder.getI64IntegerAttr(plan.bramHalves));
  mapping->setAttr(kInputQueueMemory,
                   builder.getI64IntegerAttr(int64_t(plan.inputQueueMemory)));
  mapping->setAttr(kPartBlockRams,
                   builder.getI64IntegerAttr(plan.partBlockRams));
  mapping->setAttr(kSprams, builder.getI64IntegerAttr(plan.sprams));
  mapping->setAttr(kPartSprams, builder.getI64IntegerAttr(plan.partSprams));
  return success();
}

FailureOr<DesignPlan> readPlan(nmc::MappingOp mapping,
                               const MappingInputs &inputs,
                               const manycore::Network &network,
                               StringRef pass) {
  DesignPlan plan;
  auto number = [&](StringRef name, int64_t &out) -> LogicalResult {
    auto attr = mapping->getAttrOfType<IntegerAttr>(name);
    if (!attr)
      return mapping.emitError()
             << pass << ": " << mapping.getSymName() << " has no " << name
             << " (run fpga-plan first)";
    out = attr.getInt();
    return success();
  };
  int64_t levels = 0, inputQueue = 0;
  if (failed(number(kLevels, levels)) ||
      failed(number(kInputQueueMemory, inputQueue)) ||
      failed(number(kBramHalves, plan.bramHalves)) ||
      failed(number(kPartBlockRams, plan.partBlockRams)) ||
      failed(number(kSprams, plan.sprams)) ||
      failed(number(kPartSprams, plan.partSprams)))
    return failure();
  if (levels < 1 || levels > (int64_t(1) << 20))
    return mapping.emitError()
           << pass << ": " << kLevels << " " << levels << " is out of range";
  plan.levels = int(levels);
  if (inputQueue < 0 || inputQueue > 3 || inputQueue == 2)
    return mapping.emitError() << pass << ": " << kInputQueueMemory << " "
                               << inputQueue << " is out of range";
  plan.inputQueueMemory = MemoryKind(inputQueue);
  for (nmc::SliceOp slice : coreSlices(inputs, network)) {
    auto dict = slice->getAttrOfType<DictionaryAttr>(kCore);
    if (!dict)
      return slice.emitError() << pass << ": " << slice.describe() << " has no "
                               << kCore << " (run fpga-plan first)";
    std::vector<std::pair<std::string, int64_t>> fields;
    for (NamedAttribute field : dict) {
      auto value = dyn_cast<IntegerAttr>(field.getValue());
      if (!value)
        return slice.emitError()
               << pass << ": " << kCore << " field '" << field.getName()
               << "' of " << slice.describe() << " is not an integer";
      fields.emplace_back(field.getName().str(), value.getInt());
    }
    CorePlan core;
    std::string error;
    if (!CorePlan::fromFields(fields, core, error))
      return slice.emitError() << pass << ": " << kCore << " of "
                               << slice.describe() << ": " << error;
    if (core.population < 0 ||
        size_t(core.population) >= network.populations.size() ||
        network.populations[size_t(core.population)].name !=
            slice.getPopulation() ||
        core.lo != slice.getLoValue() || core.hi != slice.getHiValue())
      return slice.emitError()
             << pass << ": " << kCore << " of " << slice.describe()
             << " plans other neurons than the slice's";
    if (core.level < 0 || core.level >= plan.levels)
      return slice.emitError()
             << pass << ": " << kCore << " of " << slice.describe()
             << " has level " << core.level << ", outside 0.."
             << plan.levels - 1;
    plan.cores.push_back(core);
  }
  std::string error;
  if (!completeSources(network, plan, error))
    return mapping.emitError() << pass << ": " << error;
  return plan;
}

bool hasPlan(nmc::MappingOp mapping) {
  return bool(mapping->getAttrOfType<IntegerAttr>(kLevels));
}

} // namespace snc::fpga
