/* Technical-indicator kernels of libsxnkernels (indicators.c, indicators_var_lanes_avx512.c), called by
 * dev.sxn.math.indicators.NativeIndicatorKernels and by the C harness (test/test_indicators.c).
 *
 * Batches are time-major: x[i * k + a], k assets, t samples. The Java side checks every argument
 * first: k >= 1, t >= 0, 1 <= w <= t (seed, n likewise), both arrays hold k * t doubles, and st holds
 * SXN_IND_SCRATCH * k doubles of scratch for the per-asset recurrence state. */
#ifndef SXN_INDICATORS_H
#define SXN_INDICATORS_H

#include "sxn_dispatch.h"

#include <stdint.h>

/* ---- constants shared with Java and OpenCL ----
 * One value each. dev.sxn.math.indicators.IndicatorConstants holds the same numbers (its test,
 * IndicatorConstantsTest, reads this header and compares), and OpenClIndicatorKernels passes them to
 * kernels/indicators.cl as -D options, so C, OpenCL and Java cannot drift apart. */

/* Rolling variances re-compute their sliding sums by two passes at every (i + 1) % RESUM == 0, so the
 * drift of the sums is bounded by RESUM steps (JavaIndicatorKernels.rollingVar, the reference). */
#define SXN_IND_RESUM 1024
/* Doubles of per-asset recurrence state the caller passes as st, per asset (the rolling variance
 * keeps 11 state variables per asset, the other kernels fewer). */
#define SXN_IND_SCRATCH 11
/* The windows the single-series variance runs as eight-lane blocks on AVX-512: from
 * SXN_IND_VAR_FAST_MIN_W (shorter windows take the per-output-bound path) to SXN_IND_VAR_LANE_MAX_W
 * (longer windows keep the carried blocks); Indicators chooses NATIVE for exactly these windows. */
#define SXN_IND_VAR_FAST_MIN_W 16
#define SXN_IND_VAR_LANE_MAX_W 96
/* The single-series variance's guarantee (NATIVE and VECTOR): every variance within TAU (relative, of
 * the window's M2) plus two ulps of the exact one, or the two-pass value. */
#define SXN_IND_VAR_TAU 0x1p-40

/* Assets per SIMD block of the batched bodies (indicators_body.h): the first k / B * B assets run
 * them, the rest the scalar per-asset loops. */
#define SXN_IND_BLOCK 16

/* out[i] = scale * (sum of the w values ending at i), NaN inside the warm-up and after a non-finite. */
SXN_EXPORT void sxn_indicators_rolling_sum(const double *x, int64_t k, int64_t t, int64_t w, double scale, double *out,
                                           double *st);
/* Rolling variance with divisor w - ddof (its square root when sq != 0). */
SXN_EXPORT void sxn_indicators_rolling_var(const double *x, int64_t k, int64_t t, int64_t w, int32_t ddof, int32_t sq,
                                           double *out, double *st);
/* EMA seeded by the mean of the first seed values of each run, then e = v alpha + e (1 - alpha). */
SXN_EXPORT void sxn_indicators_ema(const double *x, int64_t k, int64_t t, int64_t seed, double alpha, double *out,
                                   double *st);
/* Wilder's RSI of period n. */
SXN_EXPORT void sxn_indicators_rsi(const double *x, int64_t k, int64_t t, int64_t n, double *out, double *st);

#endif
