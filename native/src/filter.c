/* Batched Kalman filters (dev.sxn.math.filter.BatchKalman): N independent filters of one model,
 * n <= 4 states, m <= 2 observations, struct-of-arrays state (component c of filter f at c*N + f:
 * the n means, then the upper triangle of P row by row), one filter per SIMD lane.
 *
 * Per tick: predict x = F x, P = F P F' + Q; then one scalar update per observed row, the second row
 * conditioned on the first (R decorrelated, see BatchPlan.java): s = h'Ph + r, g = 1/s (0 where the
 * observation is NaN), x += (P h)(z - h'x) g, P -= (P h)(P h)' g. Same operation order as the Java
 * kernels (JavaBatchKalmanKernels, the reference), no FMA contraction (-ffp-contract=off), so the bodies agree with Java to rounding.
 *
 * The packed model pp (SXN_FB_PACKED doubles, offsets SXN_FB_*) and the argument contract are in
 * filter.h. */
#include "filter.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Filters per time block: a multiple of every vector width; 512 filters of n = 2 are 20 KB of state. */
#define FB_BLOCK 512

#define FB_SUF avx512
#define FB_W 8
#define FB_TARGET __attribute__((target("avx512f")))
#include "filter_batch_body.h"

#define FB_SUF avx2
#define FB_W 4
#define FB_TARGET __attribute__((target("avx2,fma")))
#include "filter_batch_body.h"

#define FB_SUF base
#define FB_W 2
#define FB_TARGET
#include "filter_batch_body.h"

/* One lane: the tail after the last whole vector. */
#define FB_SUF one
#define FB_W 1
#define FB_TARGET
#include "filter_batch_body.h"

SXN_EXPORT void sxn_filter_batch_run(int32_t n, int32_t m, const double *pp, double *state, int64_t N, const double *zs,
                                     int64_t ticks, double *out) {
    if (n < 1 || n > SXN_FB_MAX_N || m < 1 || m > SXN_FB_MAX_M || N <= 0 || ticks <= 0) return;
    int64_t done = SXN_ISA_CALL(sxn_isa(), run, n, m, pp, state, N, zs, ticks, out, 0, N);
    run_one(n, m, pp, state, N, zs, ticks, out, done, N);
}

/* Constant velocity with per-filter step lengths: dts[t*N + f] (finite, >= 0, checked by Java), pp[SXN_FB_CV]
 * the acceleration density; n = 2, m = 1. */
SXN_EXPORT void sxn_filter_batch_run_dt(const double *pp, double *state, int64_t N, const double *zs, const double *dts, int64_t ticks,
                                        double *out) {
    if (N <= 0 || ticks <= 0) return;
    int64_t done = SXN_ISA_CALL(sxn_isa(), runcv, pp, state, N, zs, dts, ticks, out, 0, N);
    runcv_one(pp, state, N, zs, dts, ticks, out, done, N);
}

/* The first i in [0, n) with an infinite a[i], or -1: BatchKalman's argument check (NaN is allowed,
 * infinities are not). Blocks of 8 are OR-reduced without branches so the compiler vectorises them. */
#define FIRST_INF_BODY                                                         \
    int64_t i = 0;                                                             \
    for (; i + 8 <= n; i += 8) {                                               \
        int hit = 0;                                                           \
        for (int k = 0; k < 8; k++) hit |= fabs(a[i + k]) == (double) INFINITY; \
        if (hit) break;                                                        \
    }                                                                          \
    for (; i < n; i++)                                                         \
        if (fabs(a[i]) == (double) INFINITY) return i;                         \
    return -1;

__attribute__((target("avx512f"))) static int64_t first_inf_avx512(const double *a, int64_t n) { FIRST_INF_BODY }
__attribute__((target("avx2"))) static int64_t first_inf_avx2(const double *a, int64_t n) { FIRST_INF_BODY }
static int64_t first_inf_base(const double *a, int64_t n) { FIRST_INF_BODY }

SXN_EXPORT int64_t sxn_filter_first_inf(const double *a, int64_t n) {
    return SXN_ISA_CALL(sxn_isa(), first_inf, a, n);
}
