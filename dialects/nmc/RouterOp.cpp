//===- RouterOp.cpp - nmc.router ------------------------------------------===//

#include "dialects/nmc/NMCOps.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace snc::nmc;

// nmc.router chip [x, y] entries_before N [
//   key K mask M links [E, N] pes [1, 2], ...
// ] attr-dict
ParseResult RouterOp::parse(OpAsmParser &parser, OperationState &result) {
  Builder &builder = parser.getBuilder();
  OperationName name = result.name;
  SmallVector<int64_t, 2> chip;
  int64_t entriesBefore;
  auto parseInt = [&](SmallVectorImpl<int64_t> &into) {
    return [&]() -> ParseResult {
      return parser.parseInteger(into.emplace_back());
    };
  };
  if (parser.parseKeyword("chip") ||
      parser.parseCommaSeparatedList(OpAsmParser::Delimiter::Square,
                                     parseInt(chip)) ||
      parser.parseKeyword("entries_before") ||
      parser.parseInteger(entriesBefore))
    return failure();

  SmallVector<int64_t> keys, masks, links;
  SmallVector<Attribute> pes;
  auto parseEntry = [&]() -> ParseResult {
    int64_t key, mask, linkBits = 0;
    SmallVector<int64_t> local;
    if (parser.parseKeyword("key") || parser.parseInteger(key) ||
        parser.parseKeyword("mask") || parser.parseInteger(mask) ||
        parser.parseKeyword("links"))
      return failure();
    auto parseLink = [&]() -> ParseResult {
      llvm::SMLoc loc = parser.getCurrentLocation();
      StringRef link;
      if (parser.parseKeyword(&link))
        return failure();
      for (int i = 0; i < kRouterLinks; ++i)
        if (link == getLinkName(i)) {
          linkBits |= int64_t(1) << i;
          return success();
        }
      return parser.emitError(loc)
             << "unknown link '" << link << "' (expected E, NE, N, W, SW or S)";
    };
    if (parser.parseCommaSeparatedList(OpAsmParser::Delimiter::Square,
                                       parseLink) ||
        parser.parseKeyword("pes") ||
        parser.parseCommaSeparatedList(OpAsmParser::Delimiter::Square,
                                       parseInt(local)))
      return failure();
    keys.push_back(key);
    masks.push_back(mask);
    links.push_back(linkBits);
    pes.push_back(builder.getDenseI64ArrayAttr(local));
    return success();
  };
  if (parser.parseCommaSeparatedList(OpAsmParser::Delimiter::Square,
                                     parseEntry) ||
      parser.parseOptionalAttrDict(result.attributes))
    return failure();
  result.addAttribute(getChipAttrName(name),
                      builder.getDenseI64ArrayAttr(chip));
  result.addAttribute(getEntriesBeforeAttrName(name),
                      builder.getI64IntegerAttr(entriesBefore));
  result.addAttribute(getKeysAttrName(name),
                      builder.getDenseI64ArrayAttr(keys));
  result.addAttribute(getMasksAttrName(name),
                      builder.getDenseI64ArrayAttr(masks));
  result.addAttribute(getLinksAttrName(name),
                      builder.getDenseI64ArrayAttr(links));
  result.addAttribute(getPesAttrName(name), builder.getArrayAttr(pes));
  return success();
}

void RouterOp::print(OpAsmPrinter &p) {
  p << " chip [";
  llvm::interleaveComma(getChip(), p);
  p << "] entries_before " << getEntriesBeforeAttr().getInt() << " [";
  // One entry per line: tests check entries one at a time. The custom form
  // is only printed for verified ops, so the arrays have equal lengths.
  p.increaseIndent();
  size_t entries = getNumEntries();
  for (size_t i = 0; i < entries; ++i) {
    p.printNewline();
    p << "key ";
    p << formatWord(getKeys()[i]);
    p << " mask ";
    p << formatWord(getMasks()[i]);
    p << " links [";
    bool first = true;
    for (int link = 0; link < kRouterLinks; ++link) {
      if (!(getLinks()[i] & (int64_t(1) << link)))
        continue;
      p << (first ? "" : ", ") << getLinkName(link);
      first = false;
    }
    p << "] pes [";
    llvm::interleaveComma(cast<DenseI64ArrayAttr>(getPes()[i]).asArrayRef(), p);
    p << ']';
    if (i + 1 < entries)
      p << ',';
  }
  p.decreaseIndent();
  if (entries)
    p.printNewline();
  p << ']';
  p.printOptionalAttrDict((*this)->getAttrs(),
                          {getChipAttrName(), getEntriesBeforeAttrName(),
                           getKeysAttrName(), getMasksAttrName(),
                           getLinksAttrName(), getPesAttrName()});
}

LogicalResult RouterOp::verify() {
  MappingOp mapping = getMapping();
  ArrayRef<int64_t> chip = getChip();
  int64_t chipsX = mapping.getChipsXAttr().getInt();
  int64_t chipsY = mapping.getChipsYAttr().getInt();
  if (chip.size() != 2)
    return emitOpError() << "'chip' must be [x, y]";
  if (chip[0] < 0 || chip[0] >= chipsX || chip[1] < 0 || chip[1] >= chipsY)
    return emitOpError() << "is on chip (" << chip[0] << ", " << chip[1]
                         << "), outside the " << chipsX << " x " << chipsY
                         << " mesh";
  size_t entries = getNumEntries();
  if (getMasks().size() != entries || getLinks().size() != entries ||
      getPes().size() != entries)
    return emitOpError() << "has " << entries << " keys, " << getMasks().size()
                         << " masks, " << getLinks().size() << " link sets and "
                         << getPes().size()
                         << " PE sets; each entry needs one of each";
  if (getEntriesBeforeAttr().getInt() < 0)
    return emitOpError() << "'entries_before' must not be negative";
  int64_t capacity = mapping.getRouterEntriesAttr().getInt();
  if (capacity > 0 && int64_t(entries) > capacity)
    return emitOpError() << "has " << entries << " entries, the table holds "
                         << capacity;

  int64_t pesPerChip = mapping.getPesPerChipAttr().getInt();
  for (size_t i = 0; i < entries; ++i) {
    int64_t key = getKeys()[i], mask = getMasks()[i], links = getLinks()[i];
    if (key < 0 || key > int64_t(UINT32_MAX) || mask < 0 ||
        mask > int64_t(UINT32_MAX))
      return emitOpError() << "entry " << i
                           << ": key and mask must be 32-bit words";
    if (key & ~mask)
      return emitOpError() << "entry " << i << ": key " << formatWord(key)
                           << " has bits outside its mask " << formatWord(mask);
    if (links < 0 || links >= (int64_t(1) << kRouterLinks))
      return emitOpError() << "entry " << i << ": links " << links
                           << " is not a set of the " << kRouterLinks
                           << " links";
    ArrayRef<int64_t> local = cast<DenseI64ArrayAttr>(getPes()[i]).asArrayRef();
    for (size_t k = 0; k < local.size(); ++k) {
      if (local[k] < 0 || local[k] >= pesPerChip)
        return emitOpError()
               << "entry " << i << ": PE " << local[k]
               << " is not on the chip (0.." << pesPerChip - 1 << ")";
      if (k && local[k] <= local[k - 1])
        return emitOpError()
               << "entry " << i << ": PEs must be ascending and distinct";
    }
    // A packet matching an empty route would be dropped.
    if (links == 0 && local.empty())
      return emitOpError() << "entry " << i << " routes nowhere";
  }
  return success();
}
