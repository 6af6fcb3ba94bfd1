//===- NetworkSkeleton.h - the network both generators fill -----*- C++ -*-===//
//-*-===//
//
// Both generators write one snn.network with a spike input "x", a spike
// output "spikes" and dt = 1 ms; this builds it in one place.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_TOOLS_SNC_NETGEN_NETWORKSKELETON_H
#define SNC_TOOLS_SNC_NETGEN_NETWORKSKELETON_H

#include "dialects/snn/SNNOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

namespace snc::netgen {

/// Appends the network `name` (input "x" of `inputType`, output "spikes" of
/// `outputType`) to `module` and leaves `b` at the start of its body.
/// Returns the body's input argument.
inline mlir::Value createNetwork(mlir::OpBuilder &b, mlir::ModuleOp module,
                                 mlir::Location loc, llvm::StringRef name,
                                 mlir::Type inputType, mlir::Type outputType) {
  b.setInsertionPointToEnd(module.getBody());
  auto network = b.create<snn::NetworkOp>(
      loc, name, b.getFunctionType({inputType}, {outputType}),
      b.getStrArrayAttr({"x"}), b.getStrArrayAttr({"spikes"}),
      b.getF64FloatAttr(1e-3), /*scheme=*/nullptr);
  mlir::Block *body = b.createBlock(&network.getBody(), {}, {inputType}, {loc});
  b.setInsertionPointToStart(body);
  return body->getArgument(0);
}

} // namespace snc::netgen

#endif // SNC_TOOLS_SNC_NETGEN_NETWORKSKELETON_H
