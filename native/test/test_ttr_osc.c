/* Checks the TTR oscillator kernels (ttr_osc.c) against a plain per-asset recomputation in TTR's order (the
 * operations of dev.sxn.math.indicators.TtrOps on one contiguous series: seeded running sums, window scans, the
 * mean deviation around the current mean), bit for bit with NaN equal to NaN, for 1, 5 and 17 assets, windows 1, 3
 * and 14 (n = t too), every type of momentum, HLC and close-only CCI, and MFI with flat windows (a constant price). */
#include "sxn_test.h"
#include "ttr_osc.h"
#include <stdint.h>
#include <string.h>

#define SAME(got, want, what, idx)                                                                    \
    do {                                                                                            \
        double g_ = (got), w_ = (want);                                                             \
        sxn_checks++;                                                                               \
        if (!((isnan(g_) && isnan(w_)) || memcmp(&g_, &w_, sizeof g_) == 0)) {                      \
            if (sxn_failures++ < 20) fprintf(stderr, "FAIL %s [%ld]: got %.17g want %.17g\n", what, (long) (idx), g_, w_); \
        }                                                                                           \
    } while (0)

static double mean3(double a, double b, double c) {
    double s = a + b, bp = s - a, e = (a - (s - bp)) + (b - bp);
    double u = s + c, bq = u - s;
    e += (s - (u - bq)) + (c - bq);
    double q = u / 3;
    return q + (fma(-q, 3, u) + e) / 3;
}

/* one asset's series y (length t) -> o, per indicator */
static void ref_momentum(const double *y, int64_t t, int64_t n, int type, double *o) {
    for (int64_t i = 0; i < t; i++) {
        if (i < n) o[i] = NAN;
        else if (type == SXN_TTR_DIFF) o[i] = y[i] - y[i - n];
        else if (type == SXN_TTR_DISCRETE) o[i] = y[i] / y[i - n] - 1;
        else o[i] = log(y[i]) - log(y[i - n]);
    }
}

static void ref_wpr(const double *h, const double *l, const double *c, int64_t t, int64_t n, double *o) {
    for (int64_t i = 0; i < t; i++) {
        if (i < n - 1) { o[i] = NAN; continue; }
        double hi = h[i], lo = l[i];
        for (int64_t j = 1; j < n; j++) {
            if (h[i - j] > hi) hi = h[i - j];
            if (l[i - j] < lo) lo = l[i - j];
        }
        double r = (hi - c[i]) / (hi - lo);
        o[i] = isnan(r) ? 0.5 : r;
    }
}

static void ref_cci(const double *p, int64_t t, int64_t n, double coef, double *o) {
    double s = 0;
    for (int64_t i = 0; i < t; i++) {
        s = i < n ? s + p[i] : s + p[i] - p[i - n];
        if (i < n - 1) { o[i] = NAN; continue; }
        double ma = s / (double) n, dev = fabs(p[i] - ma) / (double) n;
        for (int64_t j = 1; j < n; j++) dev += fabs(p[i - j] - ma) / (double) n;
        o[i] = (p[i] - ma) / (coef * dev);
    }
}

static void ref_mfi(const double *p, const double *v, int64_t t, int64_t n, double *o) {
    double up = 0, dn = 0;
    for (int64_t i = 0; i < t; i++) o[i] = NAN;
    if (t < n + 1) return;
    for (int64_t i = 1; i < t; i++) {
        double mf = p[i] * v[i];
        up = up + (p[i] > p[i - 1] ? mf : 0.0);
        dn = dn + (p[i] < p[i - 1] ? mf : 0.0);
        if (i > n) {
            double mf0 = p[i - n] * v[i - n];
            up = up - (p[i - n] > p[i - n - 1] ? mf0 : 0.0);
            dn = dn - (p[i - n] < p[i - n - 1] ? mf0 : 0.0);
        }
        if (i >= n) o[i] = dn == 0 ? (up == 0 ? 50 : 100) : 100 - (100 / (1 + up / dn));
    }
}

static void column(const double *x, int64_t k, int64_t t, int64_t a, double *y) {
    for (int64_t i = 0; i < t; i++) y[i] = x[i * k + a];
}

static void check(const double *out, const double *ref, int64_t k, int64_t t, int64_t a, const char *what) {
    for (int64_t i = 0; i < t; i++) SAME(out[i * k + a], ref[i], what, a * 100000 + i);
}

static void osc_case(int64_t k, int64_t t, int64_t n, int flat) {
    const int64_t m = k * t;
    double *h = sxn_test_alloc(m), *l = sxn_test_alloc(m), *c = sxn_test_alloc(m), *v = sxn_test_alloc(m);
    double *out = sxn_test_alloc(m), *p = sxn_test_alloc(m), *s = sxn_test_alloc(k), *s2 = sxn_test_alloc(k);
    double *y = sxn_test_alloc(t), *yl = sxn_test_alloc(t), *yc = sxn_test_alloc(t), *yv = sxn_test_alloc(t);
    double *yp = sxn_test_alloc(t), *ref = sxn_test_alloc(t);
    unsigned long long st = 7 + (unsigned long long) (k * 131 + t * 7 + n);
    for (int64_t a = 0; a < k; a++) {
        double price = 50 + 10 * sxn_test_uniform(&st);
        for (int64_t i = 0; i < t; i++) {
            if (!flat) price *= 1 + 0.02 * sxn_test_uniform(&st);
            c[i * k + a] = price;
            h[i * k + a] = flat ? price : price * (1 + 0.01 * fabs(sxn_test_uniform(&st)));
            l[i * k + a] = flat ? price : price * (1 - 0.01 * fabs(sxn_test_uniform(&st)));
            v[i * k + a] = 1000 + 500 * sxn_test_uniform(&st);
        }
    }
    for (int type = 0; type < 3; type++) {
        for (int64_t i = 0; i < m; i++) out[i] = -7.0;
        sxn_ttr_momentum(c, k, t, n, type, out);
        for (int64_t a = 0; a < k; a++) {
            column(c, k, t, a, y);
            ref_momentum(y, t, n, type, ref);
            check(out, ref, k, t, a, "momentum");
        }
    }
    for (int64_t i = 0; i < m; i++) out[i] = -7.0;
    sxn_ttr_wpr(h, l, c, k, t, n, out);
    for (int64_t a = 0; a < k; a++) {
        column(h, k, t, a, y); column(l, k, t, a, yl); column(c, k, t, a, yc);
        ref_wpr(y, yl, yc, t, n, ref);
        check(out, ref, k, t, a, "wpr");
    }
    for (int64_t i = 0; i < m; i++) out[i] = -7.0;
    sxn_ttr_cci(h, l, c, k, t, n, 0.015, p, s, out);
    for (int64_t a = 0; a < k; a++) {
        column(h, k, t, a, y); column(l, k, t, a, yl); column(c, k, t, a, yc);
        for (int64_t i = 0; i < t; i++) yp[i] = mean3(y[i], yl[i], yc[i]);
        ref_cci(yp, t, n, 0.015, ref);
        check(out, ref, k, t, a, "cci");
    }
    for (int64_t i = 0; i < m; i++) out[i] = -7.0;
    sxn_ttr_cci(c, 0, 0, k, t, n, 0.02, 0, s, out);
    for (int64_t a = 0; a < k; a++) {
        column(c, k, t, a, y);
        ref_cci(y, t, n, 0.02, ref);
        check(out, ref, k, t, a, "cci close");
    }
    for (int64_t i = 0; i < m; i++) out[i] = -7.0;
    sxn_ttr_mfi(h, l, c, v, k, t, n, p, s, s2, out);
    for (int64_t a = 0; a < k; a++) {
        column(h, k, t, a, y); column(l, k, t, a, yl); column(c, k, t, a, yc); column(v, k, t, a, yv);
        for (int64_t i = 0; i < t; i++) yp[i] = mean3(y[i], yl[i], yc[i]);
        ref_mfi(yp, yv, t, n, ref);
        check(out, ref, k, t, a, "mfi");
    }
    free(h); free(l); free(c); free(v); free(out); free(p); free(s); free(s2);
    free(y); free(yl); free(yc); free(yv); free(yp); free(ref);
}

int main(void) {
    const int64_t ks[3] = {1, 5, 17}, ns[3] = {1, 3, 14};
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) osc_case(ks[i], 60, ns[j], 0);
        osc_case(ks[i], 14, 14, 0);
        osc_case(ks[i], 40, 5, 1);
    }
    return sxn_test_finish("test_ttr_osc");
}
