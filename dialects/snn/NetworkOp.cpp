//===- NetworkOp.cpp - snn.network and snn.output -------------------------===//

#include "dialects/snn/SNNOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace snc::snn;

RegionKind NetworkOp::getRegionKind(unsigned) { return RegionKind::Graph; }

OutputOp NetworkOp::getOutputOp() {
  return cast<OutputOp>(getBodyBlock()->getTerminator());
}

/// True if the printer keeps `name` as an SSA name unchanged: it does not
/// start with a digit and uses only [A-Za-z0-9_$.-].
static bool survivesAsSSAName(StringRef name) {
  if (name.empty() || llvm::isDigit(name.front()))
    return false;
  return llvm::all_of(name, [](char c) {
    return llvm::isAlnum(c) || c == '_' || c == '$' || c == '.' || c == '-';
  });
}

/// The input names can ride on the SSA names of the body's arguments.
static bool inputNamesAreSSANames(ArrayAttr names) {
  return llvm::all_of(names, [](Attribute name) {
    return survivesAsSSAName(cast<StringAttr>(name).getValue());
  });
}

void NetworkOp::getAsmBlockArgumentNames(Region &region,
                                         OpAsmSetValueNameFn setNameFn) {
  ArrayAttr names = getInputNamesAttr();
  if (!names || !inputNamesAreSSANames(names))
    return;
  for (BlockArgument arg : region.getArguments())
    if (arg.getArgNumber() < names.size())
      setNameFn(arg, cast<StringAttr>(names[arg.getArgNumber()]).getValue());
}

// snn.network @name(%in: T, ...) -> (out: T, ...) attributes {...} { body }
ParseResult NetworkOp::parse(OpAsmParser &parser, OperationState &result) {
  Builder &builder = parser.getBuilder();
  StringAttr symName;
  if (parser.parseSymbolName(symName, SymbolTable::getSymbolAttrName(),
                             result.attributes))
    return failure();

  SmallVector<OpAsmParser::Argument> args;
  if (parser.parseArgumentList(args, OpAsmParser::Delimiter::Paren,
                               /*allowType=*/true))
    return failure();

  SmallVector<Attribute> outputNames;
  SmallVector<Type> outputTypes;
  auto parseOutput = [&]() -> ParseResult {
    std::string name;
    Type type;
    if (parser.parseKeywordOrString(&name) || parser.parseColonType(type))
      return failure();
    outputNames.push_back(builder.getStringAttr(name));
    outputTypes.push_back(type);
    return success();
  };
  llvm::SMLoc attrLoc;
  if (parser.parseArrow() ||
      parser.parseCommaSeparatedList(OpAsmParser::Delimiter::Paren,
                                     parseOutput) ||
      (attrLoc = parser.getCurrentLocation(), false) ||
      parser.parseOptionalAttrDictWithKeyword(result.attributes))
    return failure();
  // The custom syntax bypasses the generated attribute checks.
  Attribute dt = result.attributes.get(getDtAttrName(result.name));
  if (dt && !isa<FloatAttr>(dt))
    return parser.emitError(attrLoc, "'dt' must be a floating-point "
                                     "attribute (seconds)");
  Attribute scheme = result.attributes.get(getSchemeAttrName(result.name));
  if (scheme && !isa<IntegrationSchemeAttr>(scheme))
    return parser.emitError(attrLoc,
                            "'scheme' must be #snn<scheme euler|exact>");

  SmallVector<Attribute> inputNames;
  SmallVector<Type> inputTypes;
  for (OpAsmParser::Argument &arg : args) {
    inputNames.push_back(builder.getStringAttr(arg.ssaName.name.drop_front()));
    inputTypes.push_back(arg.type);
  }
  // Names that are not SSA names are spelled out in the attributes.
  bool explicitNames =
      bool(result.attributes.get(getInputNamesAttrName(result.name)));
  result.addAttribute(
      getFunctionTypeAttrName(result.name),
      TypeAttr::get(builder.getFunctionType(inputTypes, outputTypes)));
  if (!explicitNames)
    result.addAttribute(getInputNamesAttrName(result.name),
                        builder.getArrayAttr(inputNames));
  result.addAttribute(getOutputNamesAttrName(result.name),
                      builder.getArrayAttr(outputNames));

  Region *body = result.addRegion();
  if (parser.parseRegion(*body, args))
    return failure();
  if (body->empty())
    return parser.emitError(parser.getCurrentLocation(),
                            "expected a network body");
  return success();
}

void NetworkOp::print(OpAsmPrinter &p) {
  p << ' ';
  p.printSymbolName(getSymName());
  p << '(';
  llvm::interleaveComma(getBodyBlock()->getArguments(), p,
                        [&](BlockArgument arg) { p.printRegionArgument(arg); });
  p << ") -> (";
  FunctionType type = getFunctionType();
  for (unsigned i = 0, e = type.getNumResults(); i < e; ++i) {
    if (i)
      p << ", ";
    p.printKeywordOrString(cast<StringAttr>(getOutputNames()[i]).getValue());
    p << ": " << type.getResult(i);
  }
  p << ')';
  SmallVector<StringRef> elided{getSymNameAttrName(), getFunctionTypeAttrName(),
                                getOutputNamesAttrName()};
  if (inputNamesAreSSANames(getInputNames()))
    elided.push_back(getInputNamesAttrName());
  p.printOptionalAttrDictWithKeyword((*this)->getAttrs(), elided);
  p << ' ';
  p.printRegion(getBody(), /*printEntryBlockArgs=*/false,
                /*printBlockTerminators=*/true);
}

static LogicalResult verifyNames(NetworkOp op, ArrayAttr names, size_t expected,
                                 StringRef what) {
  if (names.size() != expected)
    return op.emitOpError() << "has " << names.size() << " " << what
                            << " names for " << expected << " " << what << "s";
  llvm::StringSet<> seen;
  for (Attribute attr : names) {
    StringRef name = cast<StringAttr>(attr).getValue();
    if (name.empty())
      return op.emitOpError() << "has an empty " << what << " name";
    if (!seen.insert(name).second)
      return op.emitOpError()
             << "has two " << what << "s named '" << name << "'";
  }
  return success();
}

static bool isStaticTensor(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.hasStaticShape();
}

LogicalResult NetworkOp::verify() {
  FunctionType type = getFunctionType();
  if (failed(
          verifyNames(*this, getInputNames(), type.getNumInputs(), "input")) ||
      failed(
          verifyNames(*this, getOutputNames(), type.getNumResults(), "output")))
    return failure();
  for (Type t : llvm::concat<const Type>(type.getInputs(), type.getResults()))
    if (!isStaticTensor(t))
      return emitOpError() << "inputs and outputs must be statically shaped "
                              "tensors, but found "
                           << t;
  if (std::optional<double> dt = getTimeStep(); dt && !(*dt > 0))
    return emitOpError() << "'dt' must be positive, but is " << *dt;
  if (getScheme() && !getDt())
    return emitOpError() << "has an integration 'scheme' but no 'dt'";
  return success();
}

/// True for ops whose meaning depends on a time step they do not carry.
static bool isContinuousTime(Operation *op) {
  auto timed = dyn_cast<TimeStepOpInterface>(op);
  return timed && timed.needsTimeStep();
}

LogicalResult NetworkOp::verifyRegions() {
  Block *block = getBodyBlock();
  if (block->getArgumentTypes() != getFunctionType().getInputs())
    return emitOpError("body arguments do not match the network's inputs");
  if (!isDiscretized())
    return success();
  for (Operation &op : block->without_terminator())
    if (isContinuousTime(&op))
      return op.emitOpError()
             << "is continuous-time, but the network is discretized (dt = "
             << *getTimeStep() << ")";
  return success();
}

LogicalResult OutputOp::verify() {
  auto network = cast<NetworkOp>((*this)->getParentOp());
  ArrayRef<Type> expected = network.getFunctionType().getResults();
  if (getOutputs().getTypes() != TypeRange(expected)) {
    InFlightDiagnostic diag = emitOpError()
                              << "operand types do not match the network's "
                                 "outputs: expected (";
    llvm::interleaveComma(expected, diag);
    diag << ")";
    return diag;
  }
  return success();
}
