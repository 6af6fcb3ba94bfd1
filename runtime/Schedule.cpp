//===- Schedule.cpp - the order ops are evaluated in within a step --------===//

#include "runtime/Schedule.h"

#include "llvm/ADT/DenseMap.h"

using namespace mlir;

namespace snc::runtime {

Schedule scheduleNetwork(snn::NetworkOp network) {
  Schedule schedule;
  Block *body = network.getBodyBlock();
  enum class Mark { OnStack, Done };
  llvm::DenseMap<Operation *, Mark> marks;

  // Iterative, so deep feed-forward chains cannot overflow the stack.
  struct Frame {
    Operation *op;
    unsigned nextOperand;
  };
  auto visit = [&](Operation *root) {
    if (marks.count(root))
      return;
    SmallVector<Frame> stack{{root, 0}};
    marks[root] = Mark::OnStack;
    while (!stack.empty()) {
      Frame &frame = stack.back();
      if (frame.nextOperand == frame.op->getNumOperands()) {
        marks[frame.op] = Mark::Done;
        schedule.order.push_back(frame.op);
        stack.pop_back();
        continue;
      }
      unsigned index = frame.nextOperand++;
      Operation *producer = frame.op->getOperand(index).getDefiningOp();
      if (!producer || producer->getBlock() != body)
        continue;
      auto it = marks.find(producer);
      if (it == marks.end()) {
        marks[producer] = Mark::OnStack;
        stack.push_back({producer, 0});
      } else if (it->second == Mark::OnStack) {
        schedule.backEdges.insert({frame.op, index});
      }
    }
  };

  for (Value output : network.getOutputOp().getOutputs())
    if (Operation *producer = output.getDefiningOp())
      visit(producer);
  for (Operation &op : body->without_terminator())
    visit(&op);
  return schedule;
}

} // namespace snc::runtime
