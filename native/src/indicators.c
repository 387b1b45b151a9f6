/* Technical-indicator kernels for dev.sxn.math.indicators (NativeIndicatorKernels): rolling sum,
 * rolling variance, EMA/Wilder recurrence and RSI on time-major batches (prototypes, shared constants
 * and the argument contract in indicators.h). The first k / SXN_IND_BLOCK * SXN_IND_BLOCK assets run
 * the SIMD bodies of indicators_body.h (time outer, one lane per asset, AVX-512 / AVX2 / SSE2 chosen at
 * run time); the remaining assets, and single series (k = 1), run the scalar bodies below, which are
 * the Java reference's loops (JavaIndicatorKernels; kernels/indicators.cl mirrors them too), except
 * the rolling variance of a single series: var_series_fast / var_series, faster forms with a stated
 * error bound (their AVX-512 eight-lane blocks are in indicators_var_lanes_avx512.c). Non-finite inputs are
 * missing values, with the semantics documented on Indicators. */
#include "indicators_internal.h"

#include <float.h>
#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define IND_ATTR __attribute__((target("avx512f"))) IND_OPT
#define IND_NAME(f) f##_avx512
#include "indicators_body.h"

#define IND_ATTR __attribute__((target("avx2,fma"))) IND_OPT
#define IND_NAME(f) f##_avx2
#include "indicators_body.h"

#define IND_ATTR IND_OPT
#define IND_NAME(f) f##_base
#include "indicators_body.h"

static int is_finite(double v) { return fabs(v) <= DBL_MAX; }

/* The variance (divisor div; its square root when sq) of the window x[p - (w - 1) stride] .. x[p] of
 * finite values too large to square: scaled by the power of two 2^-e that brings the largest |value|
 * into [1, 2), the corrected two-pass, scaled back by 2^(2e) (+Inf exactly when the variance exceeds
 * DBL_MAX) or 2^e. The operations of ScaledVariance.window (the Java reference) in its order, so a
 * window that every backend sends here gets the same bits; callers return 0 for a flat window first. */
double sxn_ind_var_scaled(const double *x, int64_t p, int64_t stride, int64_t w, double div, int sq) {
    const int64_t first = p - (w - 1) * stride;
    double peak = 0;
    for (int64_t j = first; j <= p; j += stride) peak = fabs(x[j]) > peak ? fabs(x[j]) : peak;
    /* only ever scaled down (ilogb of 0 is negative as well) */
    int e = peak > 0 ? ilogb(peak) : 0;
    if (e < 0) e = 0;
    const double sc = ldexp(1.0, -e);
    double m = 0;
    for (int64_t j = first; j <= p; j += stride) m += x[j] * sc;
    m /= (double) w;
    double q1 = 0, q2 = 0;
    for (int64_t j = first; j <= p; j += stride) {
        double y = x[j] * sc - m;
        q1 += y;
        q2 += y * y;
    }
    double c = q2 - q1 * q1 / (double) w;
    double v = (c > 0 ? c : 0) / div;
    return sq ? ldexp(sqrt(v), e) : ldexp(v, 2 * e);
}

/* ---- scalar bodies, one asset (x, out point at it; stride k) ----
 * Mirrors of JavaIndicatorKernels.rollingSumAssets / rollingVarAssets / emaAssets / rsiAssets, the
 * reference (kernels/indicators.cl runs the same loops per work-item). */

static void sum_one(const double *x, int64_t k, int64_t t, int64_t w, double scale, double *out) {
    int64_t run = 0;
    double s = 0, c = 0;
    for (int64_t i = 0, p = 0; i < t; i++, p += k) {
        double v = x[p];
        if (!is_finite(v)) { run = 0; s = 0; c = 0; out[p] = NAN; continue; }
        run++;
        double sn = s + v, bp = sn - s;
        c += (s - (sn - bp)) + (v - bp);
        s = sn;
        if (run > w) {
            double o = -x[p - w * k];
            sn = s + o;
            bp = sn - s;
            c += (s - (sn - bp)) + (o - bp);
            s = sn;
        }
        out[p] = run >= w ? scale * (s + c) : NAN;
    }
}

static void var_one(const double *x, int64_t k, int64_t t, int64_t w, double div, int sq, double *out) {
    int64_t run = 0, eq = 0;
    const double wd = (double) w, w3 = 3.0 * wd;
    double kk = 0, s1 = 0, s2 = 0, eb = 0, prev = NAN;
    for (int64_t i = 0, p = 0; i < t; i++, p += k) {
        double v = x[p];
        if (!is_finite(v)) { run = 0; eq = 0; out[p] = NAN; continue; }
        run++;
        eq = v == prev ? eq + 1 : 1;
        prev = v;
        if (run < w) { out[p] = NAN; continue; }
        int two = run == w || (i + 1) % SXN_IND_RESUM == 0;
        if (!two) {
            double yv = v - kk, yo = x[p - w * k] - kk;
            s1 += yv - yo;
            s2 += yv * yv - yo * yo;
            double kn = kk + s1 / wd, d = kn - kk;
            s2 = (s2 - 2 * d * s1) + wd * d * d;
            s1 = s1 - wd * d;
            kk = kn;
            eb += (yv * yv + yo * yo) + w3 * d * d;
            two = eb > 512.0 * s2;
        }
        if (two) {
            double m = 0;
            for (int64_t j = p - (w - 1) * k; j <= p; j += k) m += x[j];
            kk = m / wd;
            s1 = 0;
            s2 = 0;
            for (int64_t j = p - (w - 1) * k; j <= p; j += k) {
                double y = x[j] - kk;
                s1 += y;
                s2 += y * y;
            }
            double kn = kk + s1 / wd, d = kn - kk;
            s2 = (s2 - 2 * d * s1) + wd * d * d;
            s1 = s1 - wd * d;
            kk = kn;
            eb = 0;
        }
        double c = s2 - s1 * s1 / wd;
        if (!is_finite(c)) {
            /* the sums overflowed (values too large to square): this window by the scaled two-pass, and
             * the next step restarts the sums from the data (RollingVarState.update) */
            run = w - 1;
            out[p] = eq >= w ? 0 : sxn_ind_var_scaled(x, p, k, w, div, sq);
            continue;
        }
        double var = eq >= w ? 0 : (c > 0 ? c : 0) / div;
        out[p] = sq ? sqrt(var) : var;
    }
}

/* ---- single series (k = 1) rolling variance: shifted sliding sums with a running error bound ----
 * Per run of finite values: S1 = sum y, S2 = sum y^2 of y = x - K over the window, slid one step at a
 * time (no division, no per-step re-centring: the recurrence's dependency chain is one add), and
 * re-centred every VAR_RECENTRE steps on the newest value K' (taken from the data; d = K' - K exact by
 * Sterbenz, else restart). Every output carries a running (a-posteriori) bound of the rounding error of
 * its M2 = S2 - S1^2 / w (u times the computed sums and the terms' magnitudes, Higham's running error
 * analysis); an output whose bound exceeds VAR_TAU M2 (a calm window after a storm, a flat window) is
 * the two-pass value, and the sums restart exactly once the carried bound exceeds VAR_TAU / 4 of M2.
 * Relative error of each variance: at most VAR_TAU = 2^-40 (9.1e-13) plus two ulps, or the two-pass's.
 * The VECTOR kernel uses the same bound (VectorIndicatorKernels.varAlongTime). */
#define VAR_RECENTRE 8
#define VAR_CHUNK 64

/* M2 of the window ending at x[i] by the corrected two-pass; a window of equal values is exactly 0, a
 * window whose sums overflow NaN. */
static double exact_m2(const double *x, int64_t i, int64_t w) {
    double m = 0, first = x[i - w + 1];
    int flat = 1;
    for (int64_t j = i - w + 1; j <= i; j++) { m += x[j]; flat &= x[j] == first; }
    if (flat) return 0;
    m /= (double) w;
    double q1 = 0, q2 = 0;
    for (int64_t j = i - w + 1; j <= i; j++) { double y = x[j] - m; q1 += y; q2 += y * y; }
    double c = q2 - q1 * q1 / (double) w;
    if (!is_finite(c)) return NAN;
    return c > 0 ? c : 0;
}

/* The output of the window ending at x[i] by exact_m2, or, where its sums overflow (values too large to
 * square), by the scaled two-pass (VectorVarianceRuns.exactOut) */
static double var_exact(const double *x, int64_t i, int64_t w, double div, double inv_div, int sq) {
    double m2 = exact_m2(x, i, w);
    if (!(m2 <= DBL_MAX)) return sxn_ind_var_scaled(x, i, 1, w, div, sq);
    double var = m2 * inv_div;
    return sq ? sqrt(var) : var;
}

static inline double var_out(const double *x, int64_t i, int64_t w, double s1, double s2, double b1, double b2,
                             double inv_w, double div, int sq) {
    double m2 = s2 - s1 * s1 * inv_w;
    double bound = b2 + (2 * fabs(s1) + b1) * b1 * inv_w + 8 * VAR_U * fabs(s2);
    /* bound - tau M2 <= 0 is bound <= tau M2 for finite values and false where M2 is NaN or infinite
     * (sums that overflowed: an infinite M2 has an infinite bound, and Inf - Inf is NaN) */
    if (!(bound - VAR_TAU * m2 <= 0)) {
        m2 = exact_m2(x, i, w);
        if (!(m2 <= DBL_MAX)) return sxn_ind_var_scaled(x, i, 1, w, div, sq);
    }
    double var = (m2 > 0 ? m2 : 0) / div;
    return sq ? sqrt(var) : var;
}

/* outputs [from, to) of one run of finite values (every window ending there is finite) */
static void var_run(const double *x, int64_t from, int64_t to, int64_t w, double div, int sq, double *out) {
    const double inv_w = 1.0 / (double) w, inv_div = 1.0 / div;
    int64_t j = from;
    while (j < to) {
        double kk = 0;
        for (int64_t q = j - w + 1; q <= j; q++) kk += x[q];
        kk *= inv_w;
        double s1 = 0, s2 = 0, p1 = 0, a1 = 0;
        for (int64_t q = j - w + 1; q <= j; q++) {
            double y = x[q] - kk;
            s1 += y; s2 += y * y; p1 += fabs(s1); a1 += fabs(y);
        }
        /* u times the partial sums (for S2 at most S2, plus the squares' rounding), and the shift's
         * rounding, which perturbs each y by u|y| */
        double r1 = VAR_U * 1.01 * (p1 + 2 * a1) + VAR_U * fabs(s1), r2 = VAR_U * 1.01 * (double) (w + 5) * s2;
        out[j] = var_out(x, j, w, s1, s2, r1, r2, inv_w, div, sq);
        j++;
        int restart = 0;
        sxn_isa_t isa = sxn_isa();
        double c1[VAR_CHUNK], c2[VAR_CHUNK], e1[VAR_CHUNK], e2[VAR_CHUNK];
        int32_t redo[VAR_CHUNK];
        while (j < to && !restart) {
            /* phase 1: the sequential slide, up to VAR_CHUNK outputs */
            int64_t c0 = j, n = 0;
            while (n < VAR_CHUNK && j < to) {
                int64_t end = j + VAR_RECENTRE < to ? j + VAR_RECENTRE : to;
                for (; j < end; j++, n++) {
                    double yv = x[j] - kk, yo = x[j - w] - kk;
                    s1 += yv - yo;
                    s2 += yv * yv - yo * yo;
                    /* each step: the add's rounding u|S|, the terms' (difference, squares) and the shift's */
                    r1 += VAR_U * (fabs(s1) + 3 * (fabs(yv) + fabs(yo)));
                    r2 += VAR_U * (fabs(s2) + 5 * (yv * yv + yo * yo));
                    c1[n] = s1; c2[n] = s2; e1[n] = r1; e2[n] = r2;
                }
                if (j >= to) break;
                double kn = x[j - 1], d = kn - kk;
                if (kn - d != kk) { restart = 1; break; }
                double wd = (double) w * d, g = fabs(2 * d * s1), h = wd * d;
                s2 = s2 - 2 * d * s1 + h;
                s1 = s1 - wd;
                r2 += 3 * VAR_U * (fabs(s2) + g + h);
                r1 += 2 * VAR_U * (fabs(s1) + fabs(wd));
                kk = kn;
                /* restart also when the sums are no longer finite (as in var_out), so they recover after
                 * huge values */
                if (!(r2 + (2 * fabs(s1) + r1) * r1 * inv_w - 0.25 * VAR_TAU * (s2 - s1 * s1 * inv_w) <= 0)) {
                    restart = 1;
                    break;
                }
            }
            /* phase 2: independent per output (SIMD), then the rare two-pass fix-ups */
            SXN_ISA_CALL(isa, var_finish, c1, c2, e1, e2, n, inv_w, inv_div, VAR_TAU, sq, out + c0, redo);
            for (int64_t q = 0; q < n; q++) {
                if (redo[q]) out[c0 + q] = var_exact(x, c0 + q, w, div, inv_div, sq);
            }
        }
    }
}

static void var_series(const double *x, int64_t t, int64_t w, double div, int sq, double *out) {
    int64_t i = 0;
    while (i < t) {
        int64_t r0 = i;
        while (i < t && is_finite(x[i])) i++;
        for (int64_t j = r0; j < i && j < r0 + w - 1; j++) out[j] = NAN;
        if (i - r0 >= w) var_run(x, r0 + w - 1, i, w, div, sq, out);
        if (i < t) out[i++] = NAN;
    }
}

/* ---- single series (k = 1) rolling variance, fast blocks with one error check per block ----
 * The scheme of the VECTOR kernel (VectorIndicatorKernels.varAlongTime / varBlock): blocks of
 * var_block_len(w) outputs, each shifted by a value from its middle, its start sums restarted from the
 * data (4 lanes, a reduction, a scalar tail: summation depth at most D = w / 4 + 10) or, for windows of
 * VAR_CARRY_MIN_W or more, carried from the previous block and re-centred (see var_fast_block),
 * then the per-ISA body var_blk (4-lane prefix scans, no per-output bound). The
 * bound of every output's M2 error, against the exact shifted sums (first-order terms, each widened
 * by G = 1.01): E2 <= u ((D + 3.01) R2 + (log2 4 + 4.01) A + (nv + 1) max S2), A = sum over the
 * block's steps of (q_in + q_out) <= 2 ceil(B / w) Q (Q >= every window's sum of squares, solved
 * for E2), nv = B / 4; E1 <= u ((D + 1) sqrt(w R2) + (log2 4 + 2) sqrt(2 B A) + (nv + 1) max|S1|),
 * |S1| <= sqrt(w Q) + E1; M2 = S2 - (S1 S1) / w (no FMA here: 3.1 u Q for its roundings) is within
 * E = E2 + E1 (2 sqrt(w Q) + E1) / w + 3.1 u Q + u max S2 of the exact M2 (with carried sums, e1
 * and e2 replace the restart's terms). Restarted, E is of degree one and increasing in R2 <= max S2,
 * so E <= kappa(B) max S2 with kappa computed once per block length. A block passes when
 * E (1 + VAR_TAU) <= VAR_TAU min M2 and its sums are finite (NaN and infinities are absorbing); a
 * failing block is retried from a restart if it was carried, then split in halves down to 8 vectors,
 * then the per-output-bound path (var_range). Same guarantee as var_run: relative error at most VAR_TAU plus
 * two ulps, or the two-pass value; flat windows exactly 0. */

/* Fast-block lengths: about w / 2, in [VAR_BLOCK_MIN, VAR_BLOCK_MAX] (VectorIndicatorKernels.varBlockLength
 * mirrors the rule). */
#define VAR_BLOCK_MIN 32
#define VAR_BLOCK_MAX 1024

static int64_t var_block_len(int64_t w) {
    int64_t b = (w / 2 + 3) / 4 * 4;
    return b < VAR_BLOCK_MIN ? VAR_BLOCK_MIN : (b > VAR_BLOCK_MAX ? VAR_BLOCK_MAX : b);
}

/* outputs [from, to) with the missing-value rules, by var_run per run of finite values */
void sxn_ind_var_range(const double *x, int64_t from, int64_t to, int64_t w, double div, int sq, double *out) {
    int64_t i = from - w + 1;
    while (i < to) {
        int64_t r0 = i;
        while (i < to && is_finite(x[i])) i++;
        for (int64_t j = r0 > from ? r0 : from; j < i && j < r0 + w - 1; j++) out[j] = NAN;
        if (i - r0 >= w) var_run(x, r0 + w - 1 > from ? r0 + w - 1 : from, i, w, div, sq, out);
        if (i < to) {
            if (i >= from) out[i] = NAN;
            i++;
        }
    }
}

/* The bound E of a block of nb outputs from its start sums' error bounds e1, e2 and the largest S2;
 * *E1, *E2 receive the bounds of its S1, S2 (carried into the next block). */
static double var_bound(int64_t w, int64_t nb, double e1, double e2, double s2max, double inv_w, double *E1, double *E2) {
    const double g = 1.01, u = VAR_U, lev = 2;
    const double nv = (double) (nb / 4), cb = 2.0 * (double) ((nb + w - 1) / w), l2 = g * u * (lev + 4.01) * cb * g;
    double big_e2 = (e2 + g * u * ((lev + 4.01) * cb * g + nv + 1) * s2max) / (1 - l2);
    double q = g * (s2max + big_e2), sqq = sqrt((double) w * q);
    double big_e1 = g * (e1 + g * u * ((lev + 2) * sqrt(2.0 * (double) nb * cb * q * g) + (nv + 1) * sqq));
    *E1 = big_e1;
    *E2 = big_e2;
    return big_e2 + big_e1 * (2 * sqq + big_e1) * inv_w + 3.1 * u * q + u * s2max;
}

/* Sums carried from a passing block to the next (windows of VAR_CARRY_MIN_W or more): the next block
 * re-centres them on its own shift instead of restarting from w values (VectorIndicatorKernels.CARRY_MIN_W
 * mirrors it). */
#define VAR_CARRY_MIN_W 64

/* v with its low 32 significand bits cleared (21 significant bits): differences of two such shifts are
 * exact unless they differ by a factor above 2^31 (checked by TwoSum anyway) */
static double var_shift(double v) {
    uint64_t b;
    memcpy(&b, &v, sizeof b);
    b &= 0xFFFFFFFF00000000ULL;
    memcpy(&v, &b, sizeof v);
    return v;
}

/* one fast block; returns 1 when it passes (outputs final), 0 otherwise (outputs to be overwritten).
 * Start: for long windows the carried sums re-centred on this block's shift (S1' = S1 - w d,
 * S2' = S2 - 2 d S1 + w d^2, bounds growing by 2|d| e1 and the roundings), else a restart. */
static int var_fast_block(const double *x, int64_t j0, int64_t j1, int64_t w, double inv_w, double inv_div, int sq,
                          double *out, double *kappa, var_carry *st, sxn_isa_t isa) {
    const double g = 1.01, u = VAR_U;
    const double k = var_shift(x[(j0 + j1 - w) / 2]);
    double r1 = 0, r2 = 0, e1 = 0, e2 = 0;
    int carried = 0;
    if (w >= VAR_CARRY_MIN_W && st->valid && st->e * (1 + VAR_TAU) <= 0.25 * VAR_TAU * st->m2min) {
        double k0 = st->k, d = k - k0, bb = d - k, err = (k - (d - bb)) + (-k0 - bb);
        if (err == 0) {
            double wd = (double) w * d, t2 = 2 * d * st->c1, h = wd * d, c2m = st->c2 - t2;
            r2 = c2m + h;
            r1 = st->c1 - wd;
            e2 = st->e2 + 2 * fabs(d) * st->e1 + g * u * (fabs(t2) + 2 * fabs(h) + fabs(c2m) + fabs(r2));
            e1 = st->e1 + g * u * (fabs(wd) + fabs(r1));
            carried = 1;
        }
    }
    if (!carried) {
        double l1[4] = {0, 0, 0, 0}, l2[4] = {0, 0, 0, 0}, t1 = 0, t2 = 0;
        int64_t i = j0 - w;
        for (; i + 4 <= j0; i += 4)
            for (int l = 0; l < 4; l++) {
                double a = x[i + l] - k;
                l1[l] += a;
                l2[l] += a * a;
            }
        for (; i < j0; i++) {
            double a = x[i] - k;
            t1 += a;
            t2 += a * a;
        }
        r1 = ((l1[0] + l1[1]) + (l1[2] + l1[3])) + t1;
        r2 = ((l2[0] + l2[1]) + (l2[2] + l2[3])) + t2;
        double dr = (double) w / 4 + 10;
        e2 = g * u * (dr + 3.01) * g * fabs(r2);
        e1 = g * u * (dr + 1) * sqrt((double) w * g * fabs(r2));
    }
    st->valid = 0;
    double res[4];
    SXN_ISA_CALL(isa, var_blk, x, j0, j1, w, k, r1, r2, inv_w, inv_div, sq, out, res);
    if (!(is_finite(r1) && is_finite(r2) && is_finite(res[2]) && is_finite(res[3]))) return 0;
    const int64_t nv = (j1 - j0) / 4;
    double s2max = res[1] > fabs(r2) ? res[1] : fabs(r2), E1, E2;
    if (w < VAR_CARRY_MIN_W) {
        /* restarted, nothing carried on: the bound is increasing in R2 <= max S2 and of degree one in
         * it, so it is at most kappa(nv) max S2, kappa computed once per block length */
        if (kappa[nv] == 0) {
            double dr = (double) w / 4 + 10;
            kappa[nv] = var_bound(w, j1 - j0, g * u * (dr + 1) * sqrt((double) w * g), g * u * (dr + 3.01) * g, 1, inv_w,
                                  &E1, &E2);
        }
        return kappa[nv] * s2max * (1 + VAR_TAU) <= VAR_TAU * res[0];
    }
    double e = var_bound(w, j1 - j0, e1, e2, s2max, inv_w, &E1, &E2);
    if (!(e * (1 + VAR_TAU) <= VAR_TAU * res[0])) return 0;
    st->c1 = res[2];
    st->c2 = res[3];
    st->e1 = E1;
    st->e2 = E2;
    st->k = k;
    st->m2min = res[0];
    st->e = e;
    st->valid = 1;
    return 1;
}

void sxn_ind_var_blocks(const double *x, int64_t j0, int64_t j1, int64_t w, double div, double inv_w, double inv_div,
                        int sq, double *out, double *kappa, var_carry *st, sxn_isa_t isa) {
    int was_carried = st->valid;
    if (var_fast_block(x, j0, j1, w, inv_w, inv_div, sq, out, kappa, st, isa)) return;
    if (was_carried && var_fast_block(x, j0, j1, w, inv_w, inv_div, sq, out, kappa, st, isa)) return;
    if (j1 - j0 >= 32) {
        int64_t mid = j0 + (j1 - j0) / 2 / 4 * 4;
        sxn_ind_var_blocks(x, j0, mid, w, div, inv_w, inv_div, sq, out, kappa, st, isa);
        sxn_ind_var_blocks(x, mid, j1, w, div, inv_w, inv_div, sq, out, kappa, st, isa);
    } else {
        sxn_ind_var_range(x, j0, j1, w, div, sq, out);
    }
}


static void var_series_fast(const double *x, int64_t t, int64_t w, double div, int sq, double *out) {
    if (w < SXN_IND_VAR_FAST_MIN_W) {
        var_series(x, t, w, div, sq, out);
        return;
    }
    const double inv_w = 1.0 / (double) w, inv_div = 1.0 / div;
    const int64_t b = var_block_len(w);
    double kappa[VAR_BLOCK_MAX / 4 + 1];
    memset(kappa, 0, sizeof kappa);
    sxn_isa_t isa = sxn_isa();
    var_carry st = {0, 0, 0, 0, 0, 0, 0, 0};
    for (int64_t j = 0; j < w - 1; j++) out[j] = NAN;
    if (isa == SXN_ISA_AVX512 && w <= SXN_IND_VAR_LANE_MAX_W) {
        const int64_t w8 = (w + 7) / 8 * 8 < t ? (w + 7) / 8 * 8 : t;
        sxn_ind_var_range(x, w - 1, w8, w, div, sq, out);
        sxn_ind_var_series_lanes(x, w8, t, w, div, sq, out, kappa, isa);
        return;
    }
    sxn_ind_var_range(x, w - 1, w, w, div, sq, out);
    for (int64_t j = w; j < t;) {
        int64_t end = j + b < t ? j + b : t, vend = j + (end - j) / 4 * 4;
        if (vend > j) sxn_ind_var_blocks(x, j, vend, w, div, inv_w, inv_div, sq, out, kappa, &st, isa);
        if (vend < end) {
            sxn_ind_var_range(x, vend, end, w, div, sq, out);
            st.valid = 0;
        }
        j = end;
    }
}

static void ema_one(const double *x, int64_t k, int64_t t, int64_t seed, double alpha, double *out) {
    const double beta = 1 - alpha;
    int64_t run = 0;
    double acc = 0, e = 0;
    for (int64_t i = 0, p = 0; i < t; i++, p += k) {
        double v = x[p];
        if (!is_finite(v)) { run = 0; acc = 0; out[p] = NAN; continue; }
        run++;
        if (run < seed) { acc += v; out[p] = NAN; }
        else if (run == seed) { e = (acc + v) / (double) seed; out[p] = e; }
        else { e = v * alpha + e * beta; out[p] = e; }
    }
}

static void rsi_one(const double *x, int64_t k, int64_t t, int64_t n, double *out) {
    const double alpha = 1.0 / (double) n, beta = 1 - alpha;
    int64_t run = 0;
    double prev = 0, up = 0, dn = 0;
    for (int64_t i = 0, p = 0; i < t; i++, p += k) {
        double v = x[p];
        if (!is_finite(v)) { run = 0; up = 0; dn = 0; out[p] = NAN; continue; }
        run++;
        double d = v - prev;
        prev = v;
        if (run == 1) { out[p] = NAN; continue; }
        double g = d > 0 ? d : 0, l = d < 0 ? -d : 0;
        int64_t m = run - 1;
        if (m < n) { up += g; dn += l; out[p] = NAN; continue; }
        if (m == n) { up = (up + g) / (double) n; dn = (dn + l) / (double) n; }
        else { up = g * alpha + up * beta; dn = l * alpha + dn * beta; }
        out[p] = 100 * up / (up + dn);
    }
}

/* ---- exported entry points ----
 * st is the caller's scratch for the per-asset recurrence state: SXN_IND_SCRATCH * k doubles
 * (the rolling variance uses 11 state variables per asset, the others fewer). */

SXN_EXPORT void sxn_indicators_rolling_sum(const double *x, int64_t k, int64_t t, int64_t w, double scale, double *out,
                                           double *st) {
    int64_t a;
    sxn_isa_t isa = sxn_isa();
    const int64_t kb = k / SXN_IND_BLOCK * SXN_IND_BLOCK;
    if (kb > 0) {
        SXN_ISA_CALL(isa, sum_block, x, k, kb, t, w, scale, out, st);
    }
    for (a = kb; a < k; a++) sum_one(x + a, k, t, w, scale, out + a);
}

SXN_EXPORT void sxn_indicators_rolling_var(const double *x, int64_t k, int64_t t, int64_t w, int32_t ddof, int32_t sq,
                                           double *out, double *st) {
    const double div = (double) (w - ddof);
    int64_t a;
    sxn_isa_t isa = sxn_isa();
    const int64_t kb = k / SXN_IND_BLOCK * SXN_IND_BLOCK;
    if (kb > 0) {
        SXN_ISA_CALL(isa, var_block, x, k, kb, t, w, div, sq, SXN_IND_RESUM, out, st);
    }
    if (k == 1) { var_series_fast(x, t, w, div, sq, out); return; }
    for (a = kb; a < k; a++) var_one(x + a, k, t, w, div, sq, out + a);
}

SXN_EXPORT void sxn_indicators_ema(const double *x, int64_t k, int64_t t, int64_t seed, double alpha, double *out,
                                   double *st) {
    int64_t a;
    sxn_isa_t isa = sxn_isa();
    const int64_t kb = k / SXN_IND_BLOCK * SXN_IND_BLOCK;
    if (kb > 0) {
        SXN_ISA_CALL(isa, ema_block, x, k, kb, t, seed, alpha, out, st);
    }
    for (a = kb; a < k; a++) ema_one(x + a, k, t, seed, alpha, out + a);
}

SXN_EXPORT void sxn_indicators_rsi(const double *x, int64_t k, int64_t t, int64_t n, double *out, double *st) {
    int64_t a;
    sxn_isa_t isa = sxn_isa();
    const int64_t kb = k / SXN_IND_BLOCK * SXN_IND_BLOCK;
    if (kb > 0) {
        SXN_ISA_CALL(isa, rsi_block, x, k, kb, t, n, out, st);
    }
    for (a = kb; a < k; a++) rsi_one(x + a, k, t, n, out + a);
}
