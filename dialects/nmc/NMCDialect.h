//===- NMCDialect.h - the nmc dialect ---------------------------*- C++ -*-===//

#ifndef SNC_DIALECTS_NMC_NMCDIALECT_H
#define SNC_DIALECTS_NMC_NMCDIALECT_H

#include "mlir/IR/Dialect.h"

#include "dialects/nmc/NMCDialect.h.inc"

#endif // SNC_DIALECTS_NMC_NMCDIALECT_H
