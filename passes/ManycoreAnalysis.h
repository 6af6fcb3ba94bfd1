//===- ManycoreAnalysis.h - the many-core form as an analysis ---*- C++ -*-===//
//
// Extracting the many-core form of a network is the costliest step of
// mapping (every linear op composed into explicit synapses). This analysis
// of an snn.network extracts it on first use; snn-partition, snn-place,
// snn-route and the emitters, which do not change the network, preserve it,
// so one compile extracts once.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_PASSES_MANYCOREANALYSIS_H
#define SNC_PASSES_MANYCOREANALYSIS_H

#include "dialects/snn/SNNOps.h"
#include "passes/mapping/ManycoreNetwork.h"
#include "passes/mapping/MappingModel.h"

#include "mlir/Pass/AnalysisManager.h"

#include <optional>

namespace snc {

class ManycoreAnalysis {
public:
  explicit ManycoreAnalysis(mlir::Operation *network);

  /// The form of the network, extracted on the first call (which emits the
  /// extraction's diagnostics on failure; later calls fail quietly).
  mlir::FailureOr<const manycore::Network *> getForm();
  /// The partitioner's view of the form.
  mlir::FailureOr<const mapping::Network *> getMappingNetwork();

private:
  snn::NetworkOp network;
  bool extracted = false;
  std::optional<manycore::Network> form;
  std::optional<mapping::Network> mapped;
};

/// The pipeline's ManycoreAnalysis of `network` when `analyses` is set (an
/// emitter running as the compile pipeline's last pass), else one built in
/// `local` (an emitter run on its own).
inline ManycoreAnalysis &
getManycoreAnalysis(mlir::AnalysisManager *analyses, snn::NetworkOp network,
                    std::optional<ManycoreAnalysis> &local) {
  if (analyses)
    return analyses->getChildAnalysis<ManycoreAnalysis>(network);
  return local.emplace(network);
}

} // namespace snc

#endif // SNC_PASSES_MANYCOREANALYSIS_H
