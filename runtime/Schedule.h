//===- Schedule.h - the order ops are evaluated in within a step -*- C++
//-*-===//

#ifndef SNC_RUNTIME_SCHEDULE_H
#define SNC_RUNTIME_SCHEDULE_H

#include "dialects/snn/SNNOps.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

namespace snc::runtime {

/// The per-step evaluation order of a network's body (docs/semantics.md):
/// a depth-first post-order from the outputs (in order), then from every
/// remaining op in block order. An operand whose producer is still on the
/// depth-first stack closes a cycle: it is a back-edge and carries the
/// producer's value from the previous step.
struct Schedule {
  llvm::SmallVector<mlir::Operation *> order;
  /// (consumer op, operand index) of every back-edge.
  llvm::DenseSet<std::pair<mlir::Operation *, unsigned>> backEdges;
};

Schedule scheduleNetwork(snn::NetworkOp network);

} // namespace snc::runtime

#endif // SNC_RUNTIME_SCHEDULE_H
