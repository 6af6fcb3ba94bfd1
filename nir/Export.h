//===- Export.h - the snn dialect to NIR graphs -----------------*- C++ -*-===//

#ifndef SNC_NIR_EXPORT_H
#define SNC_NIR_EXPORT_H

#include "dialects/snn/SNNOps.h"
#include "nir/NIRModel.h"

namespace snc::nir {

/// Maps a continuous-time network onto a NIR graph (version 0.2 layout,
/// plus `v_reset`, which newer readers use and older ones ignore). Ops
/// without a NIR equivalent get an error diagnostic naming them; what NIR
/// cannot state (reset by subtraction) gets a warning.
mlir::LogicalResult exportNIR(snn::NetworkOp network, File &file);

} // namespace snc::nir

#endif // SNC_NIR_EXPORT_H
