/* TTR oscillator kernels of libsxnkernels (ttr_osc.c), called by dev.sxn.math.indicators.NativeTtrOscKernels and by
 * the C harness (test/test_ttr_osc.c). Family indicators.ttr.oscillators: dev.sxn.math.indicators.TtrOscKernels
 * describes the arithmetic; JavaTtrOscKernels is the reference.
 *
 * Every function takes a time-major batch (x[i k + a]: k assets, t bars, every value finite and at most 2^1020 in
 * magnitude, 1 <= n <= t) and writes all k t values of out (NaN in each asset's warm-up). The loops run time outer,
 * assets inner over contiguous rows, in the Java operation order (built with -ffp-contract=off; the typical price's
 * one fused multiply-add is an explicit fma), so the results are Java's bits, except ROC continuous, whose log is
 * libm's. Scratch arrays are the caller's: p holds k t doubles (the typical price), s (and s2) k doubles each. */
#ifndef SXN_TTR_OSC_H
#define SXN_TTR_OSC_H

#include "sxn_dispatch.h"

#include <stdint.h>

/* momentum types (TtrOscKernels.DIFF, DISCRETE, CONTINUOUS) */
#define SXN_TTR_DIFF 0
#define SXN_TTR_DISCRETE 1
#define SXN_TTR_CONTINUOUS 2

/* x[i] - x[i-n], x[i] / x[i-n] - 1 or log x[i] - log x[i-n]; the first n bars NaN. */
SXN_EXPORT void sxn_ttr_momentum(const double *x, int64_t k, int64_t t, int64_t n, int32_t type, double *out);
/* Williams %R: (H - c) / (H - L) over n bars (0.5 for a flat window); the first n - 1 bars NaN. */
SXN_EXPORT void sxn_ttr_wpr(const double *h, const double *l, const double *c, int64_t k, int64_t t, int64_t n, double *out);
/* CCI of the typical price of h, l, c (l and c non-null; p scratch of k t) or of h itself (l, c and p null); s scratch
 * of k. The first n - 1 bars NaN. */
SXN_EXPORT void sxn_ttr_cci(const double *h, const double *l, const double *c, int64_t k, int64_t t, int64_t n, double coef,
                            double *p, double *s, double *out);
/* Money flow index over n bars; p scratch of k t, s and s2 of k. The first n bars NaN (all of them when t < n + 1). */
SXN_EXPORT void sxn_ttr_mfi(const double *h, const double *l, const double *c, const double *v, int64_t k, int64_t t,
                            int64_t n, double *p, double *s, double *s2, double *out);

#endif
