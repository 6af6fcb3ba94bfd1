//===- TargetAttr.cpp - the target a network is compiled for --------------===//

#include "passes/TargetAttr.h"
#include "targets/SchemaValidator.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/StringMap.h"

#include <mutex>

using namespace mlir;
using namespace snc;

namespace {

/// Parsed descriptions by canonical JSON; passes may run on several
/// networks at once.
struct TargetCache {
  std::mutex mutex;
  llvm::StringMap<TargetRef> byContent;

  TargetRef insert(const targets::TargetDescription &target) {
    std::lock_guard<std::mutex> lock(mutex);
    TargetRef &slot = byContent[target.canonicalJSON];
    if (!slot)
      slot = std::make_shared<const targets::TargetDescription>(target);
    return slot;
  }
  TargetRef find(StringRef json) {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = byContent.find(json);
    return it == byContent.end() ? nullptr : it->second;
  }
};

TargetCache &cache() {
  static TargetCache instance;
  return instance;
}

FailureOr<TargetRef> load(snn::NetworkOp network, StringRef nameOrPath,
                          StringRef pass) {
  targets::TargetDescription target;
  std::string error;
  if (!targets::loadTarget(nameOrPath, targets::getDefaultRegistryOptions(),
                           target, error))
    return network.emitError() << pass << ": " << error;
  return cache().insert(target);
}

/// A description recorded as JSON, parsed on first sight.
FailureOr<TargetRef> fromJSON(snn::NetworkOp network, StringRef name,
                              StringRef json, StringRef pass) {
  if (TargetRef known = cache().find(json))
    return known;
  std::string error;
  const targets::SchemaValidator *validator =
      targets::getBundledTargetValidator(error);
  targets::TargetDescription target;
  std::string where =
      ("snn.target '" + name + "' of @" + network.getSymName()).str();
  if (!validator ||
      !targets::parseTarget(json, where, *validator, target, error))
    return network.emitError() << pass << ": " << error;
  return cache().insert(target);
}

} // namespace

StringRef snc::getTargetAttrName() { return "snn.target"; }

void snc::setNetworkTarget(snn::NetworkOp network,
                           const targets::TargetDescription &target) {
  cache().insert(target);
  Builder builder(network.getContext());
  network->setAttr(
      getTargetAttrName(),
      builder.getDictionaryAttr(
          {builder.getNamedAttr("json",
                                builder.getStringAttr(target.canonicalJSON)),
           builder.getNamedAttr("name", builder.getStringAttr(target.name))}));
}

FailureOr<TargetRef> snc::getNetworkTarget(snn::NetworkOp network,
                                           StringRef pass) {
  Attribute attr = network->getAttr(getTargetAttrName());
  if (!attr)
    return TargetRef();
  if (auto name = dyn_cast<StringAttr>(attr))
    return load(network, name.getValue(), pass);
  auto dict = dyn_cast<DictionaryAttr>(attr);
  auto json = dict ? dict.getAs<StringAttr>("json") : StringAttr();
  auto name = dict ? dict.getAs<StringAttr>("name") : StringAttr();
  if (!json || !name)
    return network.emitError()
           << pass << ": snn.target must be a target name or {name = \"...\", "
           << "json = \"...\"}, not " << attr;
  return fromJSON(network, name.getValue(), json.getValue(), pass);
}

FailureOr<TargetRef> snc::resolveTarget(snn::NetworkOp network,
                                        StringRef option, StringRef pass) {
  if (!option.empty())
    return load(network, option, pass);
  FailureOr<TargetRef> recorded = getNetworkTarget(network, pass);
  if (failed(recorded))
    return failure();
  if (!*recorded)
    return network.emitError()
           << pass
           << ": no target given (target=<name or .json>) and the network "
              "records none (snn.target)";
  return recorded;
}
