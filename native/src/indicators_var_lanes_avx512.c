/* Single-series rolling variance / std (k = 1) on AVX-512: eight lanes sliding side by side, one
 * check per lane. Split from indicators.c, whose var_series_fast calls sxn_ind_var_series_lanes only
 * when sxn_isa() is SXN_ISA_AVX512 and SXN_IND_VAR_FAST_MIN_W <= w <= SXN_IND_VAR_LANE_MAX_W. The file
 * is compiled with -mavx512f (CMakeLists.txt gives every source named *_avx512.c that flag), so
 * nothing in it may run on another ISA: that call is its only entry point.
 *
 * Why: the 4-lane prefix scans of var_blk cost about 30 vector operations per 4 outputs, and the
 * correctly rounded vsqrtpd of every output costs as much again; both kept the fast blocks well behind
 * this form (IndicatorsCpuTime, population std(20) on 10^6 points).
 * Here a block of 8 b outputs [j0, j0 + 8 b) is cut into eight runs of b
 * consecutive outputs, lane l sliding plain shifted sums over run l (no shuffles in the recurrence):
 * inputs and outputs cross between the row layout and the lane layout by in-register 8 x 8
 * transposes, and the shifted values go to a small ring from which they leave the window again.
 * Lane l: shift K_l = (x_f + x_l) / 2 (each halved first, so it cannot overflow), x_f and x_l the
 * middle values of the run's first and last windows; start sums of the w values before its run,
 * in four interleaved partial sums (c1 += a, c2 = fma(a, a, c2)) added pairwise, so every term passes
 * at most D = w8 / 4 + 2 roundings (w8 = w rounded up to 8); then per output a = x_new - K, b = x_old - K (from the
 * ring), c1 += a - b, c2 += fma(a, a, -(b b)), M2 = fnmadd(c1 fl(1/w), c1, c2), only min M2 and max S2
 * kept per lane. Error of every M2 against the exact one (u = 2^-53, G = 1.01 widening the first-order
 * terms, mx = the lane's largest S2, Q = the largest exact S2 of its windows, c = ceil(b / w)):
 * start sums E1 <= G u (D + 1) sqrt(w Q), E2 <= G u (D + 2.01) Q; each step adds 2.01 u (|y_new| +
 * |y_old|) + u |S1| to E1 and 4.02 u (y_new^2 + y_old^2) + u S2 to E2, where over the b steps the new
 * (old) values fall into c windows, so sum (y_new^2 + y_old^2) <= 2 c Q and sum (|y_new| + |y_old|) <=
 * 2 c sqrt(w Q); with |S1| <= sqrt(w Q) + E1 and Q <= mx + E2:
 *   E2 <= u (G (D + 2.01) + 8.04 c + b) mx / (1 - u (G (D + 2.01) + 8.04 c)) = k2 mx,
 *   E1 <= u (G (D + 1) + 4.02 c + b) sqrt(w (1 + k2) mx) / (1 - u b),
 *   E  <= E2 + E1 (2 sqrt(w Q) + E1) / w + 2.01 u (sqrt(w Q) + E1)^2 / w + G u mx   (fl(1/w), the fnmadd),
 * of degree one in mx: E <= kappa mx, kappa computed once per (w, b). A lane passes when its sums are
 * finite (NaN and infinities are absorbing), kappa mx (1 + VAR_TAU) <= VAR_TAU min M2 (so every M2 of
 * the lane is within VAR_TAU of the exact one: the guarantee of var_run) and min M2 >= 2^-900 (flat
 * windows never pass, and underflow, at most 2^-1074 per operation, cannot matter); a failing lane's b
 * outputs are recomputed by var_blocks. The variance is fl(M2 fl(1/div)) as elsewhere; the standard
 * deviation is its square root, for half the outputs (a lane's odd steps) by vsqrtpd, for the other
 * half (the FMA pipes are idle while the divider works) by vrsqrt14pd (relative error < 2^-14) refined
 * by the cubic of (1 - r)^(-1/2) = 1 + r/2 + 3r^2/8 + 5r^3/16 (+ 35r^4/128 <= 2^-53.8 dropped),
 * r = 1 - v y^2: within 2^-51 of the correctly rounded root (measured at most 2^-52) instead of half
 * an ulp; both halves together are about 5% faster than either alone. The shift: nothing above
 * depends on which double K is (every term is in the shifted values y = x - K and their sums, and a
 * non-finite K makes the sums non-finite, so the lane fails); but mx / min M2, which decides the
 * check, is 1 + w (mean - K)^2 / M2 at its worst window, so K is best near the middle of the run's
 * window means. The run's middle value alone sits about a window's deviation off that middle; the
 * mean of the first and last windows' middle values is closer on a trending series: on the random
 * walk of the C scratch bench at w = 20 the lanes fail 0.07% (b = 16) / 2.2% (24) / 9.5% (32) with
 * the middle value, 0.002% / 0.17% / 1.8% with this K (a check of degree one in max |S1| as well,
 * kept per step, fails 0.03% / 1.6% / 8.3% with the middle value: the drift from K, not the
 * Cauchy-Schwarz step, dominates the bound, and it costs two operations per step). A failing lane
 * costs about 40 times its lane time (var_blocks redoes it: at b = 16, 0.07% fails cost 3%), so b is
 * the longest run whose fails stay near 0.2%: 16 below w = 20, 24 up to 27, 32 from 28 (fails at
 * w = 33 0.09%, 40 0.04%, 64 0.01%, 80 0.006%; b = 48 fails 0.1-0.2% there and was no faster); with
 * the check forced to pass, b = 32 alone would have been faster still at std(20). The restart costs
 * w8 steps per lane of b outputs, yet up to w = 96 the lanes beat var_blocks (which carries its sums
 * across blocks) and VECTOR (IndicatorsCpuTime; the IndicatorsSeriesVariance family in Indicators);
 * from about w = 128 on they no longer do (w = 200, b = 64, with a ring of 20 KB competing for L1),
 * so longer windows keep var_blocks. A carried, re-centred lane version restarted in 98% of its
 * blocks at w = 20 and 200 and was no faster. */
#include "indicators_internal.h"

#include <float.h>
#include <immintrin.h>
#include <math.h>
#include <stdint.h>

/* Every function here carries IND_OPT: GCC does not inline across differing optimize attributes,
 * and var_tr8 / var_sqrt must inline into var_lanes_avx512's loop. */
#define VAR_LANE_TINY 0x1p-900
#define VAR_LANE_MAX_B 32

static int64_t var_lane_len(int64_t w) { return w < 20 ? 16 : (w < 28 ? 24 : VAR_LANE_MAX_B); }

/* kappa (1 + VAR_TAU) / VAR_TAU of the comment above */
static double var_lane_kappa(int64_t w, int64_t b) {
    const double u = VAR_U, g = 1.01, wd = (double) w, c = (double) ((b + w - 1) / w), bd = (double) b;
    const double dr = (double) ((w + 7) / 8 * 8 / 4 + 2);
    const double l2 = u * (g * (dr + 2.01) + 8.04 * c);
    const double k2 = (l2 + u * bd) / (1 - l2);
    const double sq = sqrt(wd * (1 + k2)), e1 = u * (g * (dr + 1) + 4.02 * c + bd) * sq / (1 - u * bd);
    const double e = k2 + e1 * (2 * sq + e1) / wd + 2.01 * u * (sq + e1) * (sq + e1) / wd + g * u;
    return e * (1 + VAR_TAU) / VAR_TAU;
}

/* r[i] (row i) <- column i of the 8 x 8 matrix of rows r[0..7] */
IND_OPT static inline void var_tr8(__m512d r[8]) {
    __m512d t0 = _mm512_unpacklo_pd(r[0], r[1]), t1 = _mm512_unpackhi_pd(r[0], r[1]);
    __m512d t2 = _mm512_unpacklo_pd(r[2], r[3]), t3 = _mm512_unpackhi_pd(r[2], r[3]);
    __m512d t4 = _mm512_unpacklo_pd(r[4], r[5]), t5 = _mm512_unpackhi_pd(r[4], r[5]);
    __m512d t6 = _mm512_unpacklo_pd(r[6], r[7]), t7 = _mm512_unpackhi_pd(r[6], r[7]);
    __m512d u0 = _mm512_shuffle_f64x2(t0, t2, 0x88), u1 = _mm512_shuffle_f64x2(t1, t3, 0x88);
    __m512d u2 = _mm512_shuffle_f64x2(t0, t2, 0xdd), u3 = _mm512_shuffle_f64x2(t1, t3, 0xdd);
    __m512d u4 = _mm512_shuffle_f64x2(t4, t6, 0x88), u5 = _mm512_shuffle_f64x2(t5, t7, 0x88);
    __m512d u6 = _mm512_shuffle_f64x2(t4, t6, 0xdd), u7 = _mm512_shuffle_f64x2(t5, t7, 0xdd);
    r[0] = _mm512_shuffle_f64x2(u0, u4, 0x88);
    r[1] = _mm512_shuffle_f64x2(u1, u5, 0x88);
    r[2] = _mm512_shuffle_f64x2(u2, u6, 0x88);
    r[3] = _mm512_shuffle_f64x2(u3, u7, 0x88);
    r[4] = _mm512_shuffle_f64x2(u0, u4, 0xdd);
    r[5] = _mm512_shuffle_f64x2(u1, u5, 0xdd);
    r[6] = _mm512_shuffle_f64x2(u2, u6, 0xdd);
    r[7] = _mm512_shuffle_f64x2(u3, u7, 0xdd);
}

/* sqrt(v) for normal finite v > 0, within 2^-51 relative: see the comment above */
IND_OPT static inline __m512d var_sqrt(__m512d v) {
    __m512d y = _mm512_rsqrt14_pd(v), s = _mm512_mul_pd(v, y);
    __m512d r = _mm512_fnmadd_pd(s, y, _mm512_set1_pd(1.0));
    __m512d p = _mm512_fmadd_pd(r, _mm512_set1_pd(5.0 / 16), _mm512_set1_pd(3.0 / 8));
    p = _mm512_fmadd_pd(r, p, _mm512_set1_pd(0.5));
    return _mm512_fmadd_pd(_mm512_mul_pd(s, r), p, s);
}

/* One lane block: outputs [j0, j0 + 8 b) (j0 >= w rounded up to 8, b a multiple of 8, w <=
 * SXN_IND_VAR_LANE_MAX_W); reads x[j0 - that, j0 + 8 b), writes out[j0, j0 + 8 b). Returns the mask of passing
 * lanes (bit l: outputs [j0 + l b, j0 + (l + 1) b) stand). */
IND_OPT static unsigned var_lanes_avx512(const double *x, int64_t j0, int64_t w, int64_t b, double inv_w,
                                            double inv_div, int sq, double kap, double *out) {
    const int64_t w8 = (w + 7) / 8 * 8;
    const __m512d z = _mm512_setzero_pd(), iw = _mm512_set1_pd(inv_w), idv = _mm512_set1_pd(inv_div);
    __m512d ring[SXN_IND_VAR_LANE_MAX_W + 8 + VAR_LANE_MAX_B];
    double kl[8];
    /* the middle values of the run's first and last windows, halved first (no overflow) */
    for (int l = 0; l < 8; l++) kl[l] = 0.5 * x[j0 + l * b - w / 2] + 0.5 * x[j0 + l * b + b - 1 - w / 2];
    const __m512d K = _mm512_loadu_pd(kl);
    __m512d p1[4] = {z, z, z, z}, p2[4] = {z, z, z, z};
    for (int64_t s = -w8; s < 0; s += 8) {
        __m512d r[8];
        for (int l = 0; l < 8; l++) r[l] = _mm512_loadu_pd(x + j0 + l * b + s);
        var_tr8(r);
        for (int i = 0; i < 8; i++) {
            __m512d a = s + i < -w ? z : _mm512_sub_pd(r[i], K);
            ring[s + i + w8] = a;
            p1[i & 3] = _mm512_add_pd(p1[i & 3], a);
            p2[i & 3] = _mm512_fmadd_pd(a, a, p2[i & 3]);
        }
    }
    __m512d c1 = _mm512_add_pd(_mm512_add_pd(p1[0], p1[1]), _mm512_add_pd(p1[2], p1[3]));
    __m512d c2 = _mm512_add_pd(_mm512_add_pd(p2[0], p2[1]), _mm512_add_pd(p2[2], p2[3]));
    __m512d mn = _mm512_set1_pd(HUGE_VAL), mx = c2;
    for (int64_t s = 0; s < b; s += 8) {
        __m512d r[8];
        for (int l = 0; l < 8; l++) r[l] = _mm512_loadu_pd(x + j0 + l * b + s);
        var_tr8(r);
        for (int i = 0; i < 8; i++) {
            __m512d a = _mm512_sub_pd(r[i], K), o = ring[s + i - w + w8];
            ring[s + i + w8] = a;
            c1 = _mm512_add_pd(c1, _mm512_sub_pd(a, o));
            c2 = _mm512_add_pd(c2, _mm512_fmsub_pd(a, a, _mm512_mul_pd(o, o)));
            __m512d m2 = _mm512_fnmadd_pd(_mm512_mul_pd(c1, iw), c1, c2);
            mn = _mm512_min_pd(mn, m2);
            mx = _mm512_max_pd(mx, c2);
            r[i] = _mm512_mul_pd(m2, idv);
            /* the divider and the FMA pipes share the roots: odd steps by vsqrtpd (correctly
             * rounded), even steps by var_sqrt; garbage only in lanes that fail */
            if (sq) r[i] = i & 1 ? _mm512_sqrt_pd(r[i]) : var_sqrt(r[i]);
        }
        var_tr8(r);
        for (int l = 0; l < 8; l++) _mm512_storeu_pd(out + j0 + l * b + s, r[l]);
    }
    const __m512d big = _mm512_set1_pd(DBL_MAX);
    __mmask8 ok = _mm512_cmp_pd_mask(_mm512_abs_pd(c1), big, _CMP_LE_OQ);
    ok &= _mm512_cmp_pd_mask(_mm512_abs_pd(c2), big, _CMP_LE_OQ);
    ok &= _mm512_cmp_pd_mask(mx, big, _CMP_LE_OQ);
    ok &= _mm512_cmp_pd_mask(_mm512_mul_pd(mx, _mm512_set1_pd(kap)), mn, _CMP_LE_OQ);
    ok &= _mm512_cmp_pd_mask(mn, _mm512_set1_pd(VAR_LANE_TINY), _CMP_GE_OQ);
    return ok;
}

/* outputs [from, t) by lane blocks, failing lanes and the tail by var_blocks (from >= w rounded up to 8) */
void sxn_ind_var_series_lanes(const double *x, int64_t from, int64_t t, int64_t w, double div, int sq, double *out,
                              double *kappa, sxn_isa_t isa) {
    const double inv_w = 1.0 / (double) w, inv_div = 1.0 / div;
    const int64_t b = var_lane_len(w), span = 8 * b;
    const double kap = var_lane_kappa(w, b);
    var_carry st = {0, 0, 0, 0, 0, 0, 0, 0};
    int64_t j = from;
    for (; j + span <= t; j += span) {
        unsigned ok = var_lanes_avx512(x, j, w, b, inv_w, inv_div, sq, kap, out);
        if (ok == 0xFF) continue;
        for (int l = 0; l < 8; l++)
            if (!(ok >> l & 1)) {
                st.valid = 0;
                sxn_ind_var_blocks(x, j + l * b, j + (l + 1) * b, w, div, inv_w, inv_div, sq, out, kappa, &st, isa);
            }
    }
    const int64_t vend = j + (t - j) / 4 * 4;
    st.valid = 0;
    if (vend > j) sxn_ind_var_blocks(x, j, vend, w, div, inv_w, inv_div, sq, out, kappa, &st, isa);
    if (vend < t) sxn_ind_var_range(x, vend, t, w, div, sq, out);
}
