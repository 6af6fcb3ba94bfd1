//===- Params.h - per-neuron parameter helpers ------------------*- C++ -*-===//
//
// A parameter attribute holds one value (broadcast to every neuron) or one
// value per neuron (or per weight), inline (dense elements) or in a
// dense_resource blob (SynapseArrays.h's WeightArray reads either in
// place). These helpers read, write and check them in one place.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_DIALECTS_SNN_PARAMS_H
#define SNC_DIALECTS_SNN_PARAMS_H

#include "dialects/snn/SynapseArrays.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"
#include "mlir/Support/LogicalResult.h"

#include <vector>

namespace snc::snn {

/// Number of elements of a statically shaped tensor type (1 for scalars).
int64_t numElements(mlir::Type type);

/// Whether `attr` has a parameter's form: inline dense elements or a
/// dense_resource blob (verifyParam checks the blob).
bool isParam(mlir::Attribute attr);

/// All values of parameter `attr` (either form) as doubles, broadcast to
/// `n` when it holds one value.
std::vector<double> paramValues(mlir::Attribute attr, int64_t n);

/// All values of parameter `attr` (either form) as doubles, unbroadcast.
std::vector<double> paramValues(mlir::Attribute attr);

/// Builds an f64 parameter: a splat when all values are equal, else a 1-D
/// tensor holding one value per neuron, in a blob named after `blobName`
/// when it has at least kBlobThreshold (SynapseArrays.h) values.
mlir::ElementsAttr makeParam(mlir::MLIRContext *ctx,
                             llvm::ArrayRef<double> values,
                             llvm::StringRef blobName = "param");

/// A parameter of type `type` (f32, f64 or a signless integer) holding
/// `values` converted to its element type: inline below `threshold`
/// (kBlobThreshold) elements or when all are equal (a splat), else a blob
/// of f32, f64 or i8..i64 named after `blobName` (all inline with
/// INT64_MAX, for comparisons). Writers of weights (the NIR importer,
/// snn-quantize, snc-netgen) use it so large arrays are neither uniqued nor
/// copied.
/// T is double, float, int32_t or int64_t (instantiated in Params.cpp).
template <typename T>
mlir::ElementsAttr
makeParamOfType(mlir::ShapedType type, llvm::ArrayRef<T> values,
                llvm::StringRef blobName, int64_t threshold = kBlobThreshold);

/// The longest delay or refractory period, in steps, that snc accepts:
/// about 105 s at dt = 0.1 ms. Each becomes an allocation (ring buffers,
/// counters), so a corrupt file must not get further than the verifier.
constexpr int64_t kMaxSteps = int64_t(1) << 20;
/// The most values a delay's ring buffer may hold ((steps + 1) x elements).
constexpr int64_t kMaxDelayBufferValues = int64_t(1) << 28;

enum class ParamRange { Any, Positive, NonNegative };

/// Checks that parameter `name` of `op` holds 1 or `n` finite values in
/// `range` and, for a blob, that its data is present, of f32, f64 or
/// i8..i64 and as long as its type says; emits an error on `op` naming the
/// parameter otherwise.
mlir::LogicalResult verifyParam(mlir::Operation *op, llvm::StringRef name,
                                mlir::Attribute attr, int64_t n,
                                ParamRange range = ParamRange::Any);

} // namespace snc::snn

#endif // SNC_DIALECTS_SNN_PARAMS_H
