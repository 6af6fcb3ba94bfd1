//===- RoutesFile.h - routes.bin, every chip's router table -----*- C++ -*-===//
//
// The router tables as the routers hold them: per chip, entries of key,
// mask and route (six link bits and one bit per PE of the chip), in
// priority order. Only what the hardware holds is stored; the planning data
// of RoutingTables (arrival directions, default-routed ranges, link counts)
// is not.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_BACKENDS_SPINNAKER2_ROUTESFILE_H
#define SNC_BACKENDS_SPINNAKER2_ROUTESFILE_H

#include "passes/mapping/Route.h"

#include <cstdint>
#include <string>
#include <vector>

namespace snc::spinnaker2 {

/// Encodes `tables` (one table per chip of `machine`). Fails if a route
/// names a PE the chip does not have or a table has more than 2^32 entries.
bool encodeRoutes(const mapping::Machine &machine,
                  const mapping::RoutingTables &tables,
                  std::vector<uint8_t> &bytes, std::string &error);

/// Decodes and checks routes.bin against `machine` (shape, PE count, sizes,
/// checksum). Errors carry no file name.
bool decodeRoutes(const std::vector<uint8_t> &bytes,
                  const mapping::Machine &machine,
                  mapping::RoutingTables &tables, std::string &error);

} // namespace snc::spinnaker2

#endif // SNC_BACKENDS_SPINNAKER2_ROUTESFILE_H
