//===- Params.h - per-neuron parameter helpers ------------------*- C++ -*-===//
//
// A parameter attribute holds one value (broadcast to every neuron) or one
// value per neuron. These helpers read and check them in one place.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_DIALECTS_SNN_PARAMS_H
#define SNC_DIALECTS_SNN_PARAMS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Operation.h"
#include "mlir/Support/LogicalResult.h"

#include <vector>

namespace snc::snn {

/// Number of elements of a statically shaped tensor type (1 for scalars).
int64_t numElements(mlir::Type type);

/// All values of `attr` as doubles, broadcast to `n` when it holds one value.
std::vector<double> paramValues(mlir::DenseIntOrFPElementsAttr attr, int64_t n);

/// All values of `attr` as doubles, unbroadcast.
std::vector<double> paramValues(mlir::DenseIntOrFPElementsAttr attr);

/// Builds an f64 parameter: a splat when all values are equal, else a 1-D
/// tensor holding one value per neuron.
mlir::DenseIntOrFPElementsAttr makeParam(mlir::MLIRContext *ctx,
                                         llvm::ArrayRef<double> values);

/// The longest delay or refractory period, in steps, that snc accepts:
/// about 105 s at dt = 0.1 ms. Each becomes an allocation (ring buffers,
/// counters), so a corrupt file must not get further than the verifier.
constexpr int64_t kMaxSteps = int64_t(1) << 20;
/// The most values a delay's ring buffer may hold ((steps + 1) x elements).
constexpr int64_t kMaxDelayBufferValues = int64_t(1) << 28;

enum class ParamRange { Any, Positive, NonNegative };

/// Checks that parameter `name` of `op` holds 1 or `n` finite values in
/// `range`; emits an error on `op` naming the parameter otherwise.
mlir::LogicalResult verifyParam(mlir::Operation *op, llvm::StringRef name,
                                mlir::DenseIntOrFPElementsAttr attr, int64_t n,
                                ParamRange range = ParamRange::Any);

} // namespace snc::snn

#endif // SNC_DIALECTS_SNN_PARAMS_H
