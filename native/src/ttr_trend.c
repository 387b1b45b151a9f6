/* See ttr_trend.h. Scalar C over blocks of SXN_TTR_BLOCK assets, the loop over a block's assets innermost (the
 * compiler may vectorise it; each asset's operations stay in the Java order, -ffp-contract=off as the rest of the
 * library). Intermediate series (the estimators' per-bar terms, HMA's inner averages) go to lane-major scratch of
 * t x block from the caller, so the windowed steps read them as TTR's routines read an array. Only libm's log may
 * differ from Java's Math.log in the last bit. */
#include "ttr_trend.h"

#include <math.h>

#define B SXN_TTR_BLOCK

/* Java's Math.max / Math.min (the sign of zero included; no NaN reaches them here). */
static inline double jmax(double a, double b) {
    if (a == 0.0 && b == 0.0) return signbit(a) ? b : a;
    return a >= b ? a : b;
}
static inline double jmin(double a, double b) {
    if (a == 0.0 && b == 0.0) return signbit(a) ? a : b;
    return a <= b ? a : b;
}

static inline int64_t lanes(int64_t k, int64_t a0) { return k - a0 < B ? k - a0 : B; }

/* ---------------------------------------------------------------- ADX */

void sxn_ttr_adx(const double *h, const double *l, const double *c, int64_t k, int64_t t, int32_t n, double *dip,
                 double *din, double *dx, double *adx) {
    const double ratio = 1.0 / n, keep = 1 - ratio;
    for (int64_t a0 = 0; a0 < k; a0 += B) {
        const int64_t m = lanes(k, a0);
        double trs[B], sp[B], sn[B], seed[B], prev[B];
        int started[B], cnt[B];
        for (int64_t j = 0; j < m; j++) {
            trs[j] = sp[j] = sn[j] = seed[j] = 0;
            prev[j] = NAN;
            started[j] = cnt[j] = 0;
            dip[a0 + j] = din[a0 + j] = dx[a0 + j] = adx[a0 + j] = NAN;
        }
        for (int64_t i = 1; i < t; i++) {
            const int64_t p = i * k + a0, q = p - k;
            for (int64_t j = 0; j < m; j++) {
                const double hi = h[p + j], lo = l[p + j], cp = c[q + j];
                const double dh = hi - h[q + j], dl = -(lo - l[q + j]);
                const int none = dh == dl || (dh < 0 && dl < 0);
                const double dmp = none ? 0 : (dh > dl ? dh : 0);
                const double dmn = none ? 0 : (dh < dl ? dl : 0);
                const double tr = jmax(hi, cp) - jmin(lo, cp);
                if (i < n) {
                    trs[j] += tr;
                    sp[j] += dmp;
                    sn[j] += dmn;
                    dip[p + j] = din[p + j] = dx[p + j] = adx[p + j] = NAN;
                    continue;
                }
                trs[j] = tr + trs[j] * (n - 1) / n;
                sp[j] = dmp + sp[j] * (n - 1) / n;
                sn[j] = dmn + sn[j] * (n - 1) / n;
                const double pi = 100 * sp[j] / trs[j], ni = 100 * sn[j] / trs[j];
                const double d = 100 * (fabs(pi - ni) / (pi + ni));
                dip[p + j] = pi;
                din[p + j] = ni;
                dx[p + j] = d;
                /* TTR's EMA of DX starts at the first non-NaN DX */
                double out = NAN;
                if (cnt[j] == n) {
                    out = d * ratio + prev[j] * keep;
                } else {
                    if (d == d) started[j] = 1;
                    if (started[j]) {
                        seed[j] += d / n;
                        if (++cnt[j] == n) out = seed[j];
                    }
                }
                adx[p + j] = out;
                prev[j] = out;
            }
        }
    }
}

/* ---------------------------------------------------------------- windows over lane-major scratch (stride B) */

/* TTR's runSum over n of x from its first value at f. */
static void run_sum(const double *x, int64_t m, int64_t f, int64_t n, int64_t t, double *o) {
    const int64_t first = f + n - 1;
    for (int64_t i = 0; i < first && i < t; i++)
        for (int64_t j = 0; j < m; j++) o[i * B + j] = NAN;
    if (first >= t) return;
    double s[B];
    for (int64_t j = 0; j < m; j++) s[j] = 0;
    for (int64_t i = f; i <= first; i++)
        for (int64_t j = 0; j < m; j++) s[j] += x[i * B + j];
    for (int64_t j = 0; j < m; j++) o[first * B + j] = s[j];
    for (int64_t i = first + 1; i < t; i++)
        for (int64_t j = 0; j < m; j++) o[i * B + j] = o[(i - 1) * B + j] + x[i * B + j] - x[(i - n) * B + j];
}

/* TTR's runCov(x, x, n, sample = TRUE) from x's first value at f. */
static void run_cov(const double *x, int64_t m, int64_t f, int64_t n, int64_t t, double *o) {
    const int64_t first = f + n - 1;
    for (int64_t i = 0; i < first && i < t; i++)
        for (int64_t j = 0; j < m; j++) o[i * B + j] = NAN;
    const double denom = (double) (n - 1);
    for (int64_t i = first; i < t; i++) {
        const int64_t from = i - n + 1;
        double mean[B], r[B];
        for (int64_t j = 0; j < m; j++) {
            mean[j] = x[from * B + j] / n;
            r[j] = 0.0;
        }
        for (int64_t q = 1; q < n; q++)
            for (int64_t j = 0; j < m; j++) mean[j] += x[(from + q) * B + j] / n;
        for (int64_t q = 0; q < n; q++)
            for (int64_t j = 0; j < m; j++) {
                const double d = x[(i - q) * B + j] - mean[j];
                r[j] += d * d;
            }
        for (int64_t j = 0; j < m; j++) o[i * B + j] = r[j] / denom;
    }
}

/* TTR's wma of x (stride xs) from its first value at f with weights w[0..n), into o (stride os). */
static void wma(const double *x, int64_t xs, int64_t m, int64_t f, const double *w, int64_t n, int64_t t, double *o,
                int64_t os) {
    const int64_t first = f + n - 1;
    for (int64_t i = 0; i < first && i < t; i++)
        for (int64_t j = 0; j < m; j++) o[i * os + j] = NAN;
    double wtsum = 0;
    for (int64_t q = 0; q < n; q++) wtsum += w[q];
    for (int64_t i = first; i < t; i++) {
        const int64_t ni = i - n + 1;
        double num[B];
        for (int64_t j = 0; j < m; j++) num[j] = 0;
        for (int64_t q = 0; q < n; q++)
            for (int64_t j = 0; j < m; j++) num[j] += x[(ni + q) * xs + j] * w[q];
        for (int64_t j = 0; j < m; j++) o[i * os + j] = num[j] / wtsum;
    }
}

/* ---------------------------------------------------------------- volatility */

/* Rogers-Satchell of the block into dst (stride ds): a and r are scratch. */
static void rogers_satchell(const double *o, const double *h, const double *l, const double *c, int64_t k, int64_t m,
                            int64_t t, int64_t n, double ny, double *a, double *r, double *dst, int64_t ds) {
    for (int64_t i = 0; i < t; i++)
        for (int64_t j = 0; j < m; j++) {
            const int64_t p = i * k + j;
            a[i * B + j] = log(h[p] / c[p]) * log(h[p] / o[p]) + log(l[p] / c[p]) * log(l[p] / o[p]);
        }
    run_sum(a, m, 0, n, t, r);
    const double scale = ny / n;
    for (int64_t i = 0; i < t; i++)
        for (int64_t j = 0; j < m; j++) dst[i * ds + j] = sqrt(scale * r[i * B + j]);
}

int32_t sxn_ttr_vol(int32_t method, const double *o, const double *h, const double *l, const double *c, int64_t k,
                    int64_t t, int32_t n, double ny, double *out, double *work) {
    if (method < SXN_TTR_CLOSE || method > SXN_TTR_YANG_ZHANG) return -1;
    double *a = work, *r = work + t * B, *so = work + 2 * t * B, *sc = work + 3 * t * B;
    const double k2 = 2 * log(2) - 1;
    for (int64_t a0 = 0; a0 < k; a0 += B) {
        const int64_t m = lanes(k, a0);
        const double *O = o ? o + a0 : 0, *H = h ? h + a0 : 0, *L = l ? l + a0 : 0, *C = c + a0;
        double *dst = out + a0;
        switch (method) {
        case SXN_TTR_CLOSE:
        case SXN_TTR_CLOSE_MEAN0: {
            for (int64_t i = 1; i < t; i++)
                for (int64_t j = 0; j < m; j++) a[i * B + j] = log(C[i * k + j]) - log(C[(i - 1) * k + j]);
            const double sq = sqrt(ny);
            if (method == SXN_TTR_CLOSE) {
                run_cov(a, m, 1, n - 1, t, r);
                for (int64_t i = 0; i < t; i++)
                    for (int64_t j = 0; j < m; j++) dst[i * k + j] = sq * sqrt(r[i * B + j]);
            } else {
                for (int64_t i = 1; i < t; i++)
                    for (int64_t j = 0; j < m; j++) a[i * B + j] = a[i * B + j] * a[i * B + j];
                run_sum(a, m, 1, n - 1, t, r);
                for (int64_t i = 0; i < t; i++)
                    for (int64_t j = 0; j < m; j++) dst[i * k + j] = sq * sqrt(r[i * B + j] / (n - 2));
            }
            break;
        }
        case SXN_TTR_GARMAN_KLASS:
        case SXN_TTR_PARKINSON:
        case SXN_TTR_GK_YZ: {
            const int64_t f = method == SXN_TTR_GK_YZ ? 1 : 0;
            for (int64_t i = f; i < t; i++)
                for (int64_t j = 0; j < m; j++) {
                    const int64_t p = i * k + j;
                    const double hl = log(H[p] / L[p]);
                    double v;
                    if (method == SXN_TTR_PARKINSON) {
                        v = hl * hl;
                    } else {
                        const double co = log(C[p] / O[p]);
                        if (method == SXN_TTR_GK_YZ) {
                            const double oc = log(O[p] / C[p - k]);
                            v = oc * oc + 0.5 * (hl * hl) - k2 * (co * co);
                        } else {
                            v = 0.5 * (hl * hl) - k2 * (co * co);
                        }
                    }
                    a[i * B + j] = v;
                }
            run_sum(a, m, f, n, t, r);
            const double scale = method == SXN_TTR_PARKINSON ? ny / (4 * n * log(2)) : ny / n;
            for (int64_t i = 0; i < t; i++)
                for (int64_t j = 0; j < m; j++) dst[i * k + j] = sqrt(scale * r[i * B + j]);
            break;
        }
        case SXN_TTR_ROGERS_SATCHELL:
            rogers_satchell(O, H, L, C, k, m, t, n, ny, a, r, dst, k);
            break;
        default: { /* SXN_TTR_YANG_ZHANG */
            const double alpha = 1.34, kk = (alpha - 1) / (alpha + (double) (n + 1) / (n - 1));
            for (int64_t i = 1; i < t; i++)
                for (int64_t j = 0; j < m; j++) a[i * B + j] = log(O[i * k + j] / C[(i - 1) * k + j]);
            run_cov(a, m, 1, n, t, so);
            for (int64_t i = 0; i < t; i++)
                for (int64_t j = 0; j < m; j++) a[i * B + j] = log(C[i * k + j] / O[i * k + j]);
            run_cov(a, m, 0, n, t, sc);
            rogers_satchell(O, H, L, C, k, m, t, n, ny, a, r, r, B);
            for (int64_t i = 0; i < t; i++)
                for (int64_t j = 0; j < m; j++) {
                    const double rs = r[i * B + j];
                    dst[i * k + j] = sqrt(ny * so[i * B + j] + kk * (ny * sc[i * B + j]) + (1 - kk) * (rs * rs));
                }
            break;
        }
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- moving averages */

void sxn_ttr_hma(const double *x, int64_t k, int64_t t, int32_t n, double *out, double *work) {
    double *a = work, *b = work + t * B, *w = work + 4 * t * B;
    const int64_t half = n / 2, q = (int64_t) sqrt((double) n);
    for (int64_t j = 0; j < n; j++) w[j] = (double) (j + 1);
    for (int64_t a0 = 0; a0 < k; a0 += B) {
        const int64_t m = lanes(k, a0);
        wma(x + a0, k, m, 0, w, half, t, a, B);
        wma(x + a0, k, m, 0, w, n, t, b, B);
        for (int64_t i = 0; i < t; i++)
            for (int64_t j = 0; j < m; j++) a[i * B + j] = 2 * a[i * B + j] - b[i * B + j];
        wma(a, B, m, n - 1, w, q, t, out + a0, k);
    }
}

void sxn_ttr_wma(const double *x, int64_t k, int64_t t, int32_t n, const double *w, double *out) {
    for (int64_t a0 = 0; a0 < k; a0 += B) wma(x + a0, k, lanes(k, a0), 0, w, n, t, out + a0, k);
}

void sxn_ttr_zlema(const double *x, int64_t k, int64_t t, int32_t n, double *out) {
    for (int64_t i = 0; i < n - 1 && i < t; i++)
        for (int64_t a = 0; a < k; a++) out[i * k + a] = NAN;
    if (n > t) return;
    const double ratio = 2.0 / (n + 1), lag = 1.0 / ratio, wt = fmod(lag, 1.0), w1 = 1.0 - wt, r1 = 1.0 - ratio;
    for (int64_t a = 0; a < k; a++) {
        double seed = 0;
        for (int64_t i = 0; i < n; i++) seed += x[i * k + a] / n;
        out[(n - 1) * k + a] = seed;
    }
    for (int64_t i = n; i < t; i++) {
        const int64_t loc = (int64_t) ((double) i - lag);
        const double *xl = x + loc * k, *xl1 = xl + k, *xi = x + i * k, *prev = out + (i - 1) * k;
        double *o = out + i * k;
        for (int64_t a = 0; a < k; a++) {
            const double value = 2 * xi[a] - (w1 * xl[a] + wt * xl1[a]);
            o[a] = ratio * value + r1 * prev[a];
        }
    }
}

void sxn_ttr_evwma(const double *p, const double *v, int64_t k, int64_t t, int32_t n, double *out) {
    for (int64_t i = 0; i < n - 1 && i < t; i++)
        for (int64_t a = 0; a < k; a++) out[i * k + a] = NAN;
    if (n > t) return;
    for (int64_t a0 = 0; a0 < k; a0 += B) {
        const int64_t m = lanes(k, a0);
        double vs[B];
        for (int64_t j = 0; j < m; j++) vs[j] = 0;
        for (int64_t i = 0; i < n; i++)
            for (int64_t j = 0; j < m; j++) vs[j] += v[i * k + a0 + j];
        for (int64_t j = 0; j < m; j++) out[(n - 1) * k + a0 + j] = p[(n - 1) * k + a0 + j];
        for (int64_t i = n; i < t; i++)
            for (int64_t j = 0; j < m; j++) {
                const int64_t q = i * k + a0 + j;
                vs[j] = vs[j] + v[q] - v[q - n * k];
                out[q] = ((vs[j] - v[q]) * out[q - k] + v[q] * p[q]) / vs[j];
            }
    }
}

void sxn_ttr_wilder(const double *x, int64_t k, int64_t t, int32_t n, double *out) {
    for (int64_t a0 = 0; a0 < k; a0 += B) {
        const int64_t m = lanes(k, a0);
        double s[B];
        for (int64_t j = 0; j < m; j++) s[j] = 0;
        for (int64_t i = 0; i < n - 1 && i < t; i++)
            for (int64_t j = 0; j < m; j++) {
                out[i * k + a0 + j] = NAN;
                s[j] += x[i * k + a0 + j];
            }
        /* the seed (the plain sum of n - 1 values) and every later step are one expression: x + prev (n - 1) / n */
        for (int64_t i = n - 1; i < t; i++)
            for (int64_t j = 0; j < m; j++) {
                s[j] = x[i * k + a0 + j] + s[j] * (n - 1) / n;
                out[i * k + a0 + j] = s[j];
            }
    }
}
