/* Batched forward filter of Gaussian hidden Markov models (regime.c), called by
 * dev.sxn.math.regime.NativeRegimeKernels and by the C harness (test/test_regime.c).
 *
 * lanes independent filters, lane index fastest everywhere (RegimeKernels' layout):
 *   params  E = k (2 + k + 2d + d^2) entries, entry-major, each param_lanes wide (1 = shared):
 *           pi (k) | A row-major (k^2) | mu (k d) | lower Cholesky row-major (k d^2) | 1 / diag (k d) | log normaliser (k)
 *   x       x[(t d + j) x_lanes + l] (x_lanes 1 = one series shared by all lanes)
 *   filtered filtered[(t k + s) lanes + l], or NULL
 *   ll      ll[l], the log-likelihood of lane l
 *   work    k lanes + 2 k + d doubles
 * Each lane runs the Java step (dev.sxn.math.regime.JavaRegimeKernels.step) in its operation order: predict
 * p A (or pi at t = 0), missing when any component is NaN (predict only), Gaussian log densities by forward
 * substitution, weights shifted by the largest log density of a reached state, normalised. Built with
 * -ffp-contract=off; exp and log are the C library's (within an ulp of Java's). */
#ifndef SXN_REGIME_H
#define SXN_REGIME_H

#include "sxn_dispatch.h"
#include <stdint.h>

SXN_EXPORT void sxn_regime_forward(int64_t lanes, int64_t steps, int32_t k, int32_t d, int32_t diagonal, const double *params,
                                   int64_t param_lanes, const double *x, int64_t x_lanes, double *filtered, double *ll, double *work);

#endif
