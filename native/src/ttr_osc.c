/* See ttr_osc.h. Plain C whose inner loops run over the assets of one bar (contiguous), which the compiler may
 * vectorise without changing any asset's operation order. */
#include "ttr_osc.h"

#include <math.h>

/* TtrOps.mean3: the mean of three values rounded once (a double-double sum, the quotient corrected by its residual). */
static inline double mean3(double a, double b, double c) {
    const double s = a + b, bp = s - a;
    double e = (a - (s - bp)) + (b - bp);
    const double u = s + c, bq = u - s;
    e = e + ((s - (u - bq)) + (c - bq));
    const double q = u / 3;
    const double r = fma(-q, 3, u) + e;
    return q + r / 3;
}

static void fill_nan(double *out, int64_t from, int64_t to) {
    for (int64_t i = from; i < to; i++) out[i] = NAN;
}

void sxn_ttr_momentum(const double *x, int64_t k, int64_t t, int64_t n, int32_t type, double *out) {
    const int64_t total = k * t, off = n * k;
    if (type == SXN_TTR_CONTINUOUS) {
        for (int64_t p = 0; p < total; p++) out[p] = log(x[p]);
        /* newest first, so out[p - off] still holds its log */
        for (int64_t p = total - 1; p >= off; p--) out[p] = out[p] - out[p - off];
    } else if (type == SXN_TTR_DISCRETE) {
        for (int64_t p = off; p < total; p++) out[p] = x[p] / x[p - off] - 1;
    } else {
        for (int64_t p = off; p < total; p++) out[p] = x[p] - x[p - off];
    }
    fill_nan(out, 0, off < total ? off : total);
}

void sxn_ttr_wpr(const double *h, const double *l, const double *c, int64_t k, int64_t t, int64_t n, double *out) {
    const int64_t total = k * t, start = (n - 1) * k;
    for (int64_t p = start; p < total; p++) {
        double hi = h[p], lo = l[p];
        for (int64_t j = 1; j < n; j++) {
            const double u = h[p - j * k], d = l[p - j * k];
            hi = u > hi ? u : hi;
            lo = d < lo ? d : lo;
        }
        const double r = (hi - c[p]) / (hi - lo);
        out[p] = isnan(r) ? 0.5 : r;
    }
    fill_nan(out, 0, start < total ? start : total);
}

void sxn_ttr_cci(const double *h, const double *l, const double *c, int64_t k, int64_t t, int64_t n, double coef,
                 double *p, double *s, double *out) {
    const double *x = h;
    if (l != 0) {
        for (int64_t i = 0; i < k * t; i++) p[i] = mean3(h[i], l[i], c[i]);
        x = p;
    }
    const double dn = (double) n;
    for (int64_t a = 0; a < k; a++) s[a] = 0;
    for (int64_t i = 0; i < t; i++) {
        const double *restrict row = x + i * k;
        double *restrict o = out + i * k;
        if (i < n) {
            for (int64_t a = 0; a < k; a++) s[a] = s[a] + row[a];
        } else {
            const double *restrict old = row - n * k;
            for (int64_t a = 0; a < k; a++) s[a] = s[a] + row[a] - old[a];
        }
        if (i < n - 1) {
            fill_nan(o, 0, k);
            continue;
        }
        for (int64_t a = 0; a < k; a++) {
            const double ma = s[a] / dn;
            double dev = fabs(row[a] - ma) / dn;
            for (int64_t j = 1; j < n; j++) dev += fabs(row[a - j * k] - ma) / dn;
            o[a] = (row[a] - ma) / (coef * dev);
        }
    }
}

void sxn_ttr_mfi(const double *h, const double *l, const double *c, const double *v, int64_t k, int64_t t, int64_t n,
                 double *p, double *s, double *s2, double *out) {
    if (t < n + 1) {
        fill_nan(out, 0, k * t);
        return;
    }
    for (int64_t i = 0; i < k * t; i++) p[i] = mean3(h[i], l[i], c[i]);
    for (int64_t a = 0; a < k; a++) s[a] = s2[a] = 0;
    fill_nan(out, 0, n * k);
    for (int64_t i = 1; i < t; i++) {
        const double *restrict x = p + i * k, *restrict prev = x - k, *restrict vol = v + i * k;
        double *restrict o = out + i * k;
        for (int64_t a = 0; a < k; a++) {
            const double mf = x[a] * vol[a];
            double up = s[a] + (x[a] > prev[a] ? mf : 0.0), dn = s2[a] + (x[a] < prev[a] ? mf : 0.0);
            if (i > n) {
                const int64_t q0 = (i - n) * k + a;
                const double mf0 = p[q0] * v[q0];
                up = up - (p[q0] > p[q0 - k] ? mf0 : 0.0);
                dn = dn - (p[q0] < p[q0 - k] ? mf0 : 0.0);
            }
            s[a] = up;
            s2[a] = dn;
            if (i >= n) {
                double val = 100 - (100 / (1 + up / dn));
                if (dn == 0) val = up == 0 ? 50 : 100;
                o[a] = val;
            }
        }
    }
}
