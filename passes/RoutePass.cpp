//===- RoutePass.cpp - snn-route ------------------------------------------===//
//
// Gives every slice of each placed nmc.mapping its multicast key and mask
// and writes the compressed router table of every chip the packets use.
//
//===----------------------------------------------------------------------===//

#include "dialects/nmc/NMCOps.h"
#include "passes/MappingInputs.h"
#include "passes/Passes.h"
#include "passes/mapping/KeyAllocation.h"
#include "passes/mapping/Route.h"
#include "passes/mapping/SliceTraffic.h"
#include "passes/mapping/TableCompression.h"

#include "mlir/IR/Builders.h"

namespace snc {
#define GEN_PASS_DEF_SNNROUTE
#include "passes/Passes.h.inc"
} // namespace snc

using namespace mlir;
using namespace snc;

// nmc.router's link bits are mapping::Link's.
static_assert(nmc::kRouterLinks == mapping::kLinks);

namespace {

struct RoutePass : public snc::impl::SnnRouteBase<RoutePass> {
  using SnnRouteBase::SnnRouteBase;

  void runOnOperation() override {
    FailureOr<SmallVector<nmc::MappingOp>> mappings =
        findMappings(getOperation(), "snn-route");
    if (failed(mappings))
      return signalPassFailure();
    for (nmc::MappingOp mapping : *mappings)
      if (failed(route(mapping)))
        return signalPassFailure();
    // Only nmc ops change.
    markAnalysesPreserved<ManycoreAnalysis>();
  }

  LogicalResult route(nmc::MappingOp mapping);
};

/// The nmc.router of one chip's compressed table.
void createRouter(OpBuilder &builder, Location loc,
                  const mapping::CompressionReport &report,
                  const std::vector<mapping::RouterEntry> &table) {
  SmallVector<int64_t> keys, masks, links;
  SmallVector<Attribute> pes;
  for (const mapping::RouterEntry &entry : table) {
    keys.push_back(entry.key);
    masks.push_back(entry.mask);
    links.push_back(entry.route.links);
    std::vector<int> local = entry.route.pes();
    pes.push_back(builder.getDenseI64ArrayAttr(
        SmallVector<int64_t>(local.begin(), local.end())));
  }
  builder.create<nmc::RouterOp>(
      loc, builder.getDenseI64ArrayAttr({report.x, report.y}),
      builder.getDenseI64ArrayAttr(keys), builder.getDenseI64ArrayAttr(masks),
      builder.getDenseI64ArrayAttr(links), builder.getArrayAttr(pes),
      builder.getI64IntegerAttr(report.before));
}

LogicalResult RoutePass::route(nmc::MappingOp mapping) {
  FailureOr<snn::NetworkOp> network = getMappedNetwork(mapping, "snn-route");
  if (failed(network))
    return failure();
  FailureOr<MappingInputs> inputs = loadMappingInputs(
      mapping, *network, getChildAnalysis<ManycoreAnalysis>(*network),
      "snn-route");
  if (failed(inputs))
    return failure();
  FailureOr<mapping::Placement> placement = loadPlacement(*inputs, "snn-route");
  if (failed(placement))
    return failure();
  const mapping::Machine &machine = inputs->machine;
  const mapping::Partition &partition = inputs->partition;
  std::vector<std::vector<int64_t>> destinations = sliceDestinations(*inputs);

  std::string error;
  mapping::KeyAllocation keys;
  mapping::RoutingTables tables;
  std::vector<mapping::CompressionReport> reports;
  if (!mapping::allocateKeys(partition, keys, error) ||
      !mapping::buildRoutingTables(machine, partition, *placement, destinations,
                                   keys, tables, error) ||
      !mapping::compressTables(tables, machine.routerEntries, reports, error))
    return mapping.emitError() << "snn-route: " << error;
  // Compression relies on assumptions about which keys reach a router;
  // check that every slice's packets still reach exactly its destinations.
  if (!mapping::verifyRouting(machine, partition, *placement, destinations,
                              keys, tables, error))
    return mapping.emitError()
           << "snn-route: the compressed tables misroute packets: " << error;

  Builder attrs(mapping.getContext());
  for (auto [slice, range] : llvm::zip_equal(inputs->slices, keys.ofSlice)) {
    slice.setKeyAttr(attrs.getI64IntegerAttr(range.base));
    slice.setMaskAttr(attrs.getI64IntegerAttr(range.mask));
  }
  for (nmc::RouterOp router : llvm::make_early_inc_range(mapping.getRouters()))
    router.erase();
  // Chips whose entries all went to default routing keep an empty router,
  // which records entries_before.
  OpBuilder builder = OpBuilder::atBlockEnd(mapping.getBodyBlock());
  for (const mapping::CompressionReport &report : reports)
    if (report.before > 0 || !tables.byChip[size_t(report.chip)].empty())
      createRouter(builder, mapping.getLoc(), report,
                   tables.byChip[size_t(report.chip)]);
  return success();
}

} // namespace
