//===- SliceOp.cpp - nmc.slice --------------------------------------------===//

#include "dialects/nmc/NMCOps.h"

#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace snc::nmc;

static ParseResult parseWord(OpAsmParser &parser, IntegerAttr &word) {
  int64_t value;
  if (parser.parseInteger(value))
    return failure();
  word = parser.getBuilder().getI64IntegerAttr(value);
  return success();
}

static ParseResult parseI64(OpAsmParser &parser, OperationState &result,
                            StringRef name) {
  int64_t value;
  if (parser.parseInteger(value))
    return failure();
  result.addAttribute(name, parser.getBuilder().getI64IntegerAttr(value));
  return success();
}

std::string SliceOp::describe() {
  return "slice \"" + getPopulation().str() + "\"[" +
         std::to_string(getIndexAttr().getInt()) + "]";
}

// nmc.slice "pop"[index] neurons [lo, hi) bytes N
//     (unplaced | pe P (chip [x, y])? (qpe Q)?) (key K)? (mask M)? attr-dict
ParseResult SliceOp::parse(OpAsmParser &parser, OperationState &result) {
  Builder &builder = parser.getBuilder();
  OperationName name = result.name;
  std::string population;
  if (parser.parseString(&population) || parser.parseLSquare() ||
      parseI64(parser, result, getIndexAttrName(name)) ||
      parser.parseRSquare() || parser.parseKeyword("neurons") ||
      parser.parseLSquare() || parseI64(parser, result, getLoAttrName(name)) ||
      parser.parseComma() || parseI64(parser, result, getHiAttrName(name)) ||
      parser.parseRParen() || parser.parseKeyword("bytes") ||
      parseI64(parser, result, getMemoryBytesAttrName(name)))
    return failure();
  result.addAttribute(getPopulationAttrName(name),
                      builder.getStringAttr(population));

  if (succeeded(parser.parseOptionalKeyword("unplaced"))) {
    result.addAttribute(getPeAttrName(name), builder.getI64IntegerAttr(-1));
  } else {
    if (parser.parseKeyword("pe", "or 'unplaced'") ||
        parseI64(parser, result, getPeAttrName(name)))
      return failure();
    if (succeeded(parser.parseOptionalKeyword("chip"))) {
      SmallVector<int64_t, 2> chip;
      if (parser.parseCommaSeparatedList(
              OpAsmParser::Delimiter::Square, [&]() -> ParseResult {
                return parser.parseInteger(chip.emplace_back());
              }))
        return failure();
      result.addAttribute(getChipAttrName(name),
                          builder.getDenseI64ArrayAttr(chip));
    }
    if (succeeded(parser.parseOptionalKeyword("qpe")) &&
        parseI64(parser, result, getQpeAttrName(name)))
      return failure();
  }
  IntegerAttr word;
  if (succeeded(parser.parseOptionalKeyword("key"))) {
    if (parseWord(parser, word))
      return failure();
    result.addAttribute(getKeyAttrName(name), word);
  }
  if (succeeded(parser.parseOptionalKeyword("mask"))) {
    if (parseWord(parser, word))
      return failure();
    result.addAttribute(getMaskAttrName(name), word);
  }
  return parser.parseOptionalAttrDict(result.attributes);
}

void SliceOp::print(OpAsmPrinter &p) {
  p << ' ';
  p.printString(getPopulation());
  p << '[' << getIndexAttr().getInt() << "] neurons [" << getLoValue() << ", "
    << getHiValue() << ") bytes " << getMemoryBytesAttr().getInt();
  if (!isPlaced() && getPeValue() == -1) {
    p << " unplaced";
  } else {
    p << " pe " << getPeValue();
    if (std::optional<ArrayRef<int64_t>> chip = getChip()) {
      p << " chip [";
      llvm::interleaveComma(*chip, p);
      p << ']';
    }
    if (IntegerAttr qpe = getQpeAttr())
      p << " qpe " << qpe.getInt();
  }
  if (IntegerAttr key = getKeyAttr()) {
    p << " key ";
    p << formatWord(key.getInt());
  }
  if (IntegerAttr mask = getMaskAttr()) {
    p << " mask ";
    p << formatWord(mask.getInt());
  }
  p.printOptionalAttrDict((*this)->getAttrs(),
                          {getPopulationAttrName(), getIndexAttrName(),
                           getLoAttrName(), getHiAttrName(),
                           getMemoryBytesAttrName(), getPeAttrName(),
                           getChipAttrName(), getQpeAttrName(),
                           getKeyAttrName(), getMaskAttrName()});
}

LogicalResult SliceOp::verify() {
  MappingOp mapping = getMapping();
  int64_t lo = getLoValue(), hi = getHiValue();
  if (getPopulation().empty())
    return emitOpError() << "needs a population name";
  if (getIndexAttr().getInt() < 0)
    return emitOpError() << "has a negative index";
  if (lo < 0 || lo >= hi)
    return emitOpError() << "needs 0 <= lo < hi, but has neurons [" << lo
                         << ", " << hi << ")";
  int64_t neuronsPerPe = mapping.getNeuronsPerPeAttr().getInt();
  if (hi - lo > neuronsPerPe)
    return emitOpError() << "has " << hi - lo << " neurons, a PE runs at most "
                         << neuronsPerPe;
  int64_t bytes = getMemoryBytesAttr().getInt();
  int64_t memory = mapping.getMemoryBytesPerPeAttr().getInt();
  if (bytes < 0 || bytes > memory)
    return emitOpError() << "needs " << bytes << " bytes, a PE has " << memory;

  int64_t pe = getPeValue();
  if (pe < -1 || pe >= mapping.getMachinePes())
    return emitOpError() << "is on PE " << pe
                         << ", but the machine's PEs are 0.."
                         << mapping.getMachinePes() - 1
                         << " (or -1: not placed)";
  if (pe < 0 && (getChip() || getQpeAttr()))
    return emitOpError() << "names a chip or QPE but no PE";
  // chip and qpe only spell out where PE `pe` is.
  int64_t pesPerChip = mapping.getPesPerChipAttr().getInt();
  int64_t chipsX = mapping.getChipsXAttr().getInt();
  int64_t chipIndex = pe / pesPerChip;
  if (std::optional<ArrayRef<int64_t>> chip = getChip()) {
    int64_t x = chipIndex % chipsX, y = chipIndex / chipsX;
    if (chip->size() != 2 || (*chip)[0] != x || (*chip)[1] != y)
      return emitOpError() << "'chip' must be [" << x << ", " << y
                           << "], the chip of PE " << pe;
  }
  if (IntegerAttr qpe = getQpeAttr()) {
    int64_t expected = pe % pesPerChip / mapping.getPesPerQpeAttr().getInt();
    if (qpe.getInt() != expected)
      return emitOpError() << "'qpe' must be " << expected << ", the QPE of PE "
                           << pe;
  }

  IntegerAttr key = getKeyAttr(), mask = getMaskAttr();
  if (bool(key) != bool(mask))
    return emitOpError() << "needs both 'key' and 'mask', or neither";
  if (!key)
    return success();
  for (IntegerAttr word : {key, mask})
    if (word.getInt() < 0 || word.getInt() > int64_t(UINT32_MAX))
      return emitOpError() << "'key' and 'mask' must be 32-bit words, not "
                           << word.getInt();
  uint32_t k = uint32_t(key.getInt()), m = uint32_t(mask.getInt());
  if (k & ~m)
    return emitOpError() << "'key' " << formatWord(k)
                         << " has bits outside 'mask' " << formatWord(m);
  // Neuron n sends key | n: the mask is ones above zeros, and the zeros must
  // number every neuron.
  uint32_t low = ~m;
  if (low & (low + 1))
    return emitOpError() << "'mask' " << formatWord(m)
                         << " is not ones above zeros";
  uint64_t keys = uint64_t(uint32_t(~m)) + 1;
  if (keys < uint64_t(hi - lo))
    return emitOpError() << "'mask' " << formatWord(m) << " leaves " << keys
                         << " keys for " << hi - lo << " neurons";
  return success();
}
