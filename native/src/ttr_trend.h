/* Batched TTR trend kernels of libsxnkernels (ttr_trend.c), called by dev.sxn.math.indicators.NativeTrendKernels and
 * by the C harness (test/test_ttr_trend.c): ADX/DMI, the volatility estimators of TTR's volatility(), and the moving
 * averages HMA, ZLEMA, ALMA (a fixed-weight WMA), EVWMA and wilderSum, over the k assets of a time-major batch
 * (x[i k + a], t bars each), every output in the same layout with NaN in the warm-up. Each asset is one run from
 * bar 0: the caller has checked that every input is finite (and positive for the volatility estimators).
 * dev.sxn.math.indicators.TrendKernels gives the definitions; the operations are the Java kernels', in their order.
 *
 * The volatility method codes are TrendKernels' (TtrTrendConstantsTest holds them equal). */
#ifndef SXN_TTR_TREND_H
#define SXN_TTR_TREND_H

#include "sxn_dispatch.h"

#include <stdint.h>

#define SXN_TTR_CLOSE 0
#define SXN_TTR_CLOSE_MEAN0 1
#define SXN_TTR_GARMAN_KLASS 2
#define SXN_TTR_PARKINSON 3
#define SXN_TTR_ROGERS_SATCHELL 4
#define SXN_TTR_GK_YZ 5
#define SXN_TTR_YANG_ZHANG 6

/* Assets run side by side in blocks: each bar of a block is one contiguous run of the batch. */
#define SXN_TTR_BLOCK 8

/* Scratch doubles sxn_ttr_vol and sxn_ttr_hma need for t bars and window n (lane-major temporaries of a block). */
#define SXN_TTR_WORK(t, n) (4 * (int64_t) (t) * SXN_TTR_BLOCK + (int64_t) (n))

SXN_EXPORT void sxn_ttr_adx(const double *h, const double *l, const double *c, int64_t k, int64_t t, int32_t n, double *dip,
                            double *din, double *dx, double *adx);
/* Returns 0, or -1 for an unknown method (nothing written). work: SXN_TTR_WORK(t, n) doubles. */
SXN_EXPORT int32_t sxn_ttr_vol(int32_t method, const double *o, const double *h, const double *l, const double *c, int64_t k,
                               int64_t t, int32_t n, double ny, double *out, double *work);
SXN_EXPORT void sxn_ttr_hma(const double *x, int64_t k, int64_t t, int32_t n, double *out, double *work);
SXN_EXPORT void sxn_ttr_zlema(const double *x, int64_t k, int64_t t, int32_t n, double *out);
/* TTR's wma with n fixed weights w (oldest first), e.g. ALMA's. */
SXN_EXPORT void sxn_ttr_wma(const double *x, int64_t k, int64_t t, int32_t n, const double *w, double *out);
SXN_EXPORT void sxn_ttr_evwma(const double *p, const double *v, int64_t k, int64_t t, int32_t n, double *out);
SXN_EXPORT void sxn_ttr_wilder(const double *x, int64_t k, int64_t t, int32_t n, double *out);

#endif
