/* Symplectic ensemble integration of libsxnkernels (dynamics.c, dynamics_body.h), called by
 * dev.sxn.math.dynamics.NativeDynamicsKernels and by the C harness (test/test_dynamics.c). */
#ifndef SXN_DYNAMICS_H
#define SXN_DYNAMICS_H

#include "sxn_dispatch.h"

#include <stdint.h>

/* ---- constants shared with Java and OpenCL ----
 * The potential codes are dev.sxn.math.dynamics.DynamicsKernels.RADIAL / HENON_HEILES, and the largest d
 * is Dynamics.MAX_ACCELERATED_DIMENSION (DynamicsConstantsTest reads this header and compares);
 * OpenClDynamicsKernels passes the codes to kernels/dynamics.cl as -D options. */
#define SXN_DYN_RADIAL 0       /* V = a r^2 / 2 + b r^4 / 4 around the centre c */
#define SXN_DYN_HENON_HEILES 1 /* 2-D only */
#define SXN_DYN_MAX_D 64       /* the largest dimension (the scalar body's on-stack copies) */
#define SXN_DYN_MAX_STAGES 8   /* the most drift stages of a scheme */

/* Advances count particles by steps steps (see dynamics.c). Coordinate k of particle i is
 * q[k * stride + i] (pointers offset to the block's first particle, stride the ensemble's n).
 *   params = {a, b, c, kick_join, c_half, c_full, kick[0..stages], drift[0..stages-1]}
 * Returns 0, or -1 if stages or d is outside what this library was built for (the Java side checks
 * first). */
SXN_EXPORT int32_t sxn_dynamics_advance(double *q, double *p, int64_t count, int64_t stride, int32_t d, int32_t code,
                                        int32_t stages, int32_t friction, const double *params, int64_t steps);

#endif
