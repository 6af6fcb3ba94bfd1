//===- TimeStep.h - the default time step -----------------------*- C++ -*-===//
//
// The one default time step of snc, for networks whose file gives none (NIR
// has no time step). Everything after discretization reads dt from the
// network (`dt` on snn.network), never from a default.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_NEURON_TIMESTEP_H
#define SNC_RUNTIME_NEURON_TIMESTEP_H

namespace snc::runtime {

/// Seconds; the step the public NIR exports were made at.
inline constexpr double kDefaultTimeStep = 1e-4;
/// The same, as messages spell it.
inline constexpr const char *kDefaultTimeStepText = "1e-4";

} // namespace snc::runtime

#endif // SNC_RUNTIME_NEURON_TIMESTEP_H
