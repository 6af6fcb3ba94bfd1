//===- ManycoreAnalysis.cpp - the many-core form as an analysis -----------===//

#include "passes/ManycoreAnalysis.h"
#include "passes/ExtractManycore.h"

using namespace mlir;
using namespace snc;

ManycoreAnalysis::ManycoreAnalysis(Operation *op)
    : network(cast<snn::NetworkOp>(op)) {}

FailureOr<const manycore::Network *> ManycoreAnalysis::getForm() {
  if (!extracted) {
    extracted = true;
    FailureOr<manycore::Network> result = extractManycoreNetwork(network);
    if (succeeded(result))
      form = std::move(*result);
  }
  if (!form)
    return failure();
  return &*form;
}

FailureOr<const mapping::Network *> ManycoreAnalysis::getMappingNetwork() {
  FailureOr<const manycore::Network *> source = getForm();
  if (failed(source))
    return failure();
  if (!mapped)
    mapped = toMappingNetwork(**source);
  return &*mapped;
}
