//===- SFQDialect.h - the sfq dialect ---------------------------*- C++ -*-===//

#ifndef SNC_DIALECTS_SFQ_SFQDIALECT_H
#define SNC_DIALECTS_SFQ_SFQDIALECT_H

#include "mlir/IR/Dialect.h"
#include "mlir/IR/Types.h"

#include "dialects/sfq/SFQDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "dialects/sfq/SFQTypes.h.inc"

#endif // SNC_DIALECTS_SFQ_SFQDIALECT_H
