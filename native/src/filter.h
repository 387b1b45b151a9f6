/* Batched Kalman filter kernels of libsxnkernels (filter.c, filter_batch_body.h), called by
 * dev.sxn.math.filter.NativeBatchKalmanKernels and by the C harness (test/test_filter.c). */
#ifndef SXN_FILTER_H
#define SXN_FILTER_H

#include "sxn_dispatch.h"

#include <stdint.h>

/* ---- constants shared with Java and OpenCL ----
 * The packed model pp, written by dev.sxn.math.filter.BatchPlan (its constants PACKED, F, Q, H1, H2,
 * R1, R2, C, R12, CV hold the same numbers; FilterConstantsTest reads this header and compares) and
 * passed to kernels/filter.cl as -D options by OpenClBatchKalmanKernels. */
#define SXN_FB_PACKED 45 /* doubles in pp */
#define SXN_FB_F 0       /* F, row-major with stride n, [0, 16) */
#define SXN_FB_Q 16      /* Q, likewise, [16, 32) */
#define SXN_FB_H1 32     /* row 0 of H, [32, 36) */
#define SXN_FB_H2 36     /* row 1 of H, [36, 40) */
#define SXN_FB_R1 40     /* R(0,0) */
#define SXN_FB_R2 41     /* R(1,1) */
#define SXN_FB_C 42      /* R(0,1) / R(0,0): the decorrelation of the second row (BatchPlan) */
#define SXN_FB_R12 43    /* R(0,1) */
#define SXN_FB_CV 44     /* acceleration density of a constant-velocity model */
/* Largest state and observation sizes the bodies handle (BatchKalman refuses larger models). */
#define SXN_FB_MAX_N 4
#define SXN_FB_MAX_M 2

/* N filters of one model, n <= 4 states, m <= 2 observations, struct-of-arrays state (component c of
 * filter f at c*N + f: the n means, then the upper triangle of P row by row), ticks ticks of zs
 * (observation k of tick t at (t*m + k)*N + f, NaN = missing). out (may be NULL) gets the filtered
 * first component at t*N + f. The Java side checks every size: state holds (n + n(n+1)/2) * N
 * doubles, zs ticks*m*N, out ticks*N. */
SXN_EXPORT void sxn_filter_batch_run(int32_t n, int32_t m, const double *pp, double *state, int64_t N, const double *zs,
                                     int64_t ticks, double *out);
/* Constant velocity (n = 2, m = 1) with per-filter step lengths dts[t*N + f] (finite, >= 0). */
SXN_EXPORT void sxn_filter_batch_run_dt(const double *pp, double *state, int64_t N, const double *zs, const double *dts,
                                        int64_t ticks, double *out);
/* The first i in [0, n) with an infinite a[i], or -1 (NaN is allowed, infinities are not). */
SXN_EXPORT int64_t sxn_filter_first_inf(const double *a, int64_t n);

#endif
