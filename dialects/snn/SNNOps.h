//===- SNNOps.h - snn dialect operations ------------------------*- C++ -*-===//

#ifndef SNC_DIALECTS_SNN_SNNOPS_H
#define SNC_DIALECTS_SNN_SNNOPS_H

#include "dialects/snn/SNNDialect.h"
#include "dialects/snn/SNNTraits.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/RegionKindInterface.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "dialects/snn/SNNInterfaces.h.inc"

#define GET_OP_CLASSES
#include "dialects/snn/SNNOps.h.inc"

#endif // SNC_DIALECTS_SNN_SNNOPS_H
