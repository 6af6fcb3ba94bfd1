//===- TargetAttr.h - the target a network is compiled for ------*- C++ -*-===//
//
// `snn.target` on an snn.network records the target description the
// network is compiled for, whole: a dictionary {name = "...", json = "..."}
// holding the description as canonical JSON. A later tool (snc-opt
// --snn-map on a quantized file, the emitters) thus sees the same
// description whether it was bundled or a custom .json file. IR written
// before carries a bare name (or .json path), which is looked up.
//
// Descriptions are parsed once per process per distinct content: the driver
// registers the one it loaded when it attaches it, and passes reading the
// attribute get that same object back.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_TARGETATTR_H
#define SNC_PASSES_TARGETATTR_H

#include "dialects/snn/SNNOps.h"
#include "targets/TargetDescription.h"

#include <memory>

namespace snc {

using TargetRef = std::shared_ptr<const targets::TargetDescription>;

/// The attribute name, "snn.target".
llvm::StringRef getTargetAttrName();

/// Records `target` on `network` (replacing any earlier snn.target) and
/// registers it, so reading it back costs no parse.
void setNetworkTarget(snn::NetworkOp network,
                      const targets::TargetDescription &target);

/// The target `option` names (a bundled name or a .json path) if it is not
/// empty, else the one `network` records. Emits an error prefixed by `pass`
/// on `network` and fails when there is none or it does not load.
mlir::FailureOr<TargetRef> resolveTarget(snn::NetworkOp network,
                                         llvm::StringRef option,
                                         llvm::StringRef pass);

/// The target `network` records, or null if it records none. Emits an
/// error prefixed by `pass` and fails when the record does not load.
mlir::FailureOr<TargetRef> getNetworkTarget(snn::NetworkOp network,
                                            llvm::StringRef pass);

} // namespace snc

#endif // SNC_PASSES_TARGETATTR_H
