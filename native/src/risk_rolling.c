/* See risk.h (sxn_risk_rolling_*). dev.sxn.math.risk.RollingRisk's algorithms in C, built with -ffp-contract=off
 * like the rest of the library, so every operation is Java's in Java's order and the outputs are JAVA's bits.
 *
 * Moments: blocks of SXN_ROLL_BLOCK assets, time outer, so each step reads one contiguous run of the incoming and of
 * the outgoing row; the restart every w windows falls on the same step for every asset.
 *
 * Historical VaR/ES: the same rank window as RankWindow.java (the series sorted once, Fenwick trees of counts and
 * sums over the ranks of its distinct values), not a sorted window with O(w) memmove: the Fenwick sums add and
 * remove the same values in the same order as JAVA, so ES is JAVA's bits, and a step is O(log m), not O(w). */
#include "risk.h"

#include <math.h>
#include <stdlib.h>

#define SXN_ROLL_BLOCK 8

static void moments_block(const double *x, int64_t k, int64_t n, int64_t w, double rf, double ppy, int sharpe,
                          double *out, int64_t a0, int64_t nb) {
    double mean[SXN_ROLL_BLOCK], m2[SXN_ROLL_BLOCK];
    const double annual = sqrt(ppy), dw = (double) w, dw1 = (double) (w - 1);
    for (int64_t i = 0; i < n; i++) {
        double *o = out + i * k + a0;
        if (i < w - 1) {
            for (int64_t b = 0; b < nb; b++) o[b] = NAN;
            continue;
        }
        if ((i - (w - 1)) % w == 0) {
            const int64_t first = (i - w + 1) * k + a0;
            for (int64_t b = 0; b < nb; b++) {
                double s = 0;
                for (int64_t t = 0; t < w; t++) s += x[first + t * k + b];
                s /= dw;
                double q = 0;
                for (int64_t t = 0; t < w; t++) {
                    const double d = x[first + t * k + b] - s;
                    q += d * d;
                }
                mean[b] = s;
                m2[b] = q;
            }
        } else {
            const double *in = x + i * k + a0, *outgoing = x + (i - w) * k + a0;
            for (int64_t b = 0; b < nb; b++) {
                const double d = in[b] - outgoing[b], meanNew = mean[b] + d / dw;
                m2[b] += (in[b] - meanNew + outgoing[b] - mean[b]) * d;
                mean[b] = meanNew;
                if (m2[b] < 0) m2[b] = 0;
            }
        }
        for (int64_t b = 0; b < nb; b++) {
            const double sd = sqrt(m2[b] / dw1);
            o[b] = sharpe ? (sd == 0 ? NAN : (mean[b] - rf) / sd * annual) : sd * annual;
        }
    }
}

void sxn_risk_rolling_moments(const double *x, int64_t k, int64_t n, int64_t w, double rf, double ppy, int32_t sharpe,
                              double *out) {
    for (int64_t a0 = 0; a0 < k; a0 += SXN_ROLL_BLOCK) {
        const int64_t nb = k - a0 < SXN_ROLL_BLOCK ? k - a0 : SXN_ROLL_BLOCK;
        moments_block(x, k, n, w, rf, ppy, sharpe, out, a0, nb);
    }
}

static int cmp_double(const void *pa, const void *pb) {
    const double a = *(const double *) pa, b = *(const double *) pb;
    return (a > b) - (a < b);
}

/* The index of v among the m distinct ascending values (v is present). */
static int64_t rank_of(const double *v, int64_t m, double x) {
    int64_t lo = 0, hi = m - 1;
    while (lo < hi) {
        const int64_t mid = (lo + hi) >> 1;
        if (v[mid] < x) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static void fen_add(int32_t *counts, double *sums, const double *v, int64_t m, int64_t rank, int sign) {
    const double val = sign * v[rank];
    for (int64_t i = rank + 1; i <= m; i += i & -i) {
        counts[i] += sign;
        sums[i] += val;
    }
}

static int64_t fen_select(const int32_t *counts, int64_t m, int64_t top, int64_t j) {
    int64_t pos = 0, rem = j + 1;
    for (int64_t step = top; step > 0; step >>= 1) {
        const int64_t next = pos + step;
        if (next <= m && counts[next] < rem) {
            pos = next;
            rem -= counts[next];
        }
    }
    return pos;
}

static void historical_one(const double *x, int64_t k, int64_t n, int64_t w, double alpha, double *var, double *es,
                           int64_t a, double *sorted, double *sums, int32_t *ranks, int32_t *counts) {
    /* + 0.0 turns -0.0 into 0.0, as RollingRisk.historicalCore does. */
    for (int64_t i = 0; i < n; i++) sorted[i] = x[a + i * k] + 0.0;
    qsort(sorted, (size_t) n, sizeof(double), cmp_double);
    int64_t m = 0;
    for (int64_t i = 0; i < n; i++)
        if (m == 0 || sorted[i] != sorted[m - 1]) sorted[m++] = sorted[i];
    for (int64_t i = 0; i <= m; i++) {
        counts[i] = 0;
        sums[i] = 0;
    }
    int64_t top = 1;
    while (top <= m / 2) top <<= 1;
    for (int64_t i = 0; i < n; i++) ranks[i] = (int32_t) rank_of(sorted, m, x[a + i * k] + 0.0);
    const double h = (double) (w - 1) * alpha;
    const int64_t j = (int64_t) floor(h);
    const double g = h - (double) j;
    for (int64_t i = 0; i < n; i++) {
        const int64_t p = a + i * k;
        fen_add(counts, sums, sorted, m, ranks[i], 1);
        if (i >= w) fen_add(counts, sums, sorted, m, ranks[i - w], -1);
        if (i < w - 1) {
            var[p] = NAN;
            es[p] = NAN;
            continue;
        }
        const int64_t rj = fen_select(counts, m, top, j);
        const double xj = sorted[rj];
        double q = xj;
        int64_t tail = rj;
        if (g > 0 && j + 1 < w) {
            const int64_t rk = fen_select(counts, m, top, j + 1);
            const double xk = sorted[rk];
            q = xj + g * (xk - xj);
            if (q >= xk) tail = rk;
        }
        double s = 0;
        int64_t c = 0;
        for (int64_t t = tail + 1; t > 0; t -= t & -t) {
            s += sums[t];
            c += counts[t];
        }
        var[p] = -q;
        es[p] = -s / (double) c;
    }
}

void sxn_risk_rolling_historical(const double *x, int64_t k, int64_t n, int64_t w, double alpha, double *var, double *es,
                                 double *dscratch, int32_t *iscratch) {
    double *sorted = dscratch, *sums = dscratch + n;
    int32_t *ranks = iscratch, *counts = iscratch + n;
    for (int64_t a = 0; a < k; a++) historical_one(x, k, n, w, alpha, var, es, a, sorted, sums, ranks, counts);
}
