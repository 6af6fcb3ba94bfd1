//===- TimeStep.h - the default time step -----------------------*- C++ -*-===//
//
// The one default time step of snc, for networks whose file gives none (NIR
// has no time step). Everything after discretization reads dt from the
// network (`dt` on snn.network), never from a default.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_DIALECTS_SNN_TIMESTEP_H
#define SNC_DIALECTS_SNN_TIMESTEP_H

namespace snc::snn {

/// Seconds; the step the public NIR exports were made at.
inline constexpr double kDefaultTimeStep = 1e-4;
/// The same, as messages spell it.
inline constexpr const char *kDefaultTimeStepText = "1e-4";

} // namespace snc::snn

#endif // SNC_DIALECTS_SNN_TIMESTEP_H
