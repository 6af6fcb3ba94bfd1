//===- SNNTraits.h - marker traits of snn ops -------------------*- C++ -*-===//
//
// The C++ side of SNNInterfaces.td's NativeOpTraits: markers without
// methods, queried with op->hasTrait<...>().
//
//===----------------------------------------------------------------------===//

#ifndef SNC_DIALECTS_SNN_SNNTRAITS_H
#define SNC_DIALECTS_SNN_SNNTRAITS_H

#include "mlir/IR/OpDefinition.h"

namespace snc::snn {

/// An exact linear map of its operands (SNNInterfaces.td).
template <typename ConcreteType>
class LinearMap : public mlir::OpTrait::TraitBase<ConcreteType, LinearMap> {};

/// Rewritten by snn-quantize to the target's integer formats.
template <typename ConcreteType>
class Quantizable : public mlir::OpTrait::TraitBase<ConcreteType, Quantizable> {
};

} // namespace snc::snn

#endif // SNC_DIALECTS_SNN_SNNTRAITS_H
