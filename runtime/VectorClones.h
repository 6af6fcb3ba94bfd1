//===- VectorClones.h - hot loops compiled for the widest vectors -*- C++
//-*-===//
//
// The interpreter's per-neuron loops are straight element-wise loops. Built
// for baseline x86-64 they vectorize to SSE2 only; SNC_VECTOR_CLONES makes
// GCC compile a function also for x86-64-v3 (AVX2) and x86-64-v4 (AVX-512)
// and pick the clone the CPU supports when the program loads.
//
// Results stay bit-identical across clones: each element still gets the
// same IEEE operations in the same order (vector lanes are independent),
// and -ffp-contract=off keeps a*b+c from fusing into an FMA in every clone.
//
//===----------------------------------------------------------------------===//

#ifndef SNC_RUNTIME_VECTORCLONES_H
#define SNC_RUNTIME_VECTORCLONES_H

// GCC only (Clang cannot clone templates); not under sanitizers, whose
// builds are for checking, not speed.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) &&         \
    !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define SNC_VECTOR_CLONES                                                      \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define SNC_VECTOR_CLONES
#endif

// The loop that follows reads and writes distinct arrays (no element is
// written by one iteration and read by another), so GCC may vectorize it
// without run-time overlap checks, which it gives up on beyond a few arrays.
#if defined(__GNUC__) && !defined(__clang__)
#define SNC_IVDEP _Pragma("GCC ivdep")
#else
#define SNC_IVDEP
#endif

#endif // SNC_RUNTIME_VECTORCLONES_H
