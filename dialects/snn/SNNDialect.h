//===- SNNDialect.h - the snn dialect ---------------------------*- C++ -*-===//

#ifndef SNC_DIALECTS_SNN_SNNDIALECT_H
#define SNC_DIALECTS_SNN_SNNDIALECT_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/Operation.h"

#include "dialects/snn/SNNDialect.h.inc"
#include "dialects/snn/SNNEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "dialects/snn/SNNAttributes.h.inc"

#endif // SNC_DIALECTS_SNN_SNNDIALECT_H
