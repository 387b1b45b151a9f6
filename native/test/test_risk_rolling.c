/* Checks sxn_risk_rolling_historical against a brute-force recomputation of every window (the window copied and
 * insertion-sorted, the R type 7 quantile, ES the mean of the values at or below it): VaR bit for bit (the same order
 * statistics and the same interpolation), ES to 1e-12 relative plus 1e-14 absolute (the Fenwick sums add and remove in another order: rounding of the
 * order of steps * eps * max abs x, which a tail mean near 0 shows); ties, -0.0
 * and 0.0 in one series, windows 1, 2, 37 and n, asset counts 1, 8 and 13. sxn_risk_rolling_moments against a
 * two-pass mean and sd per window: Sharpe to 1e-9 relative, vol's sum of squares to 1e-9
 * relative plus 1e-18 absolute (the replace-update's rounding), warm-up NaN. */
#include "sxn_test.h"
#include "risk.h"
#include <stdint.h>
#include <string.h>

static void fill(double *x, int64_t k, int64_t n, unsigned long long seed) {
    unsigned long long st = seed;
    for (int64_t i = 0; i < k * n; i++) {
        const double u = 0.02 * sxn_test_uniform(&st);
        x[i] = (i % k) % 2 == 1 ? round(u * 500) / 500 : u; /* ties and -0.0 in the odd assets */
    }
    if (k * n > 3) x[k] = 0.0;
}

static void historical_case(int64_t k, int64_t n, int64_t w, double alpha) {
    double *x = sxn_test_alloc(k * n), *var = sxn_test_alloc(k * n), *es = sxn_test_alloc(k * n), *win = sxn_test_alloc(w);
    double *ds = sxn_test_alloc(2 * n + 1);
    int32_t *is = malloc(sizeof(int32_t) * (size_t) (2 * n + 1));
    fill(x, k, n, 7 + (unsigned long long) (k * 1000 + w));
    sxn_risk_rolling_historical(x, k, n, w, alpha, var, es, ds, is);
    const double h = (double) (w - 1) * alpha;
    const int64_t j = (int64_t) floor(h);
    const double g = h - (double) j;
    for (int64_t a = 0; a < k; a++) {
        for (int64_t i = 0; i < n; i++) {
            const int64_t p = i * k + a;
            if (i < w - 1) {
                SXN_CHECK_CLOSE(isnan(var[p]) && isnan(es[p]) ? 1.0 : 0.0, 1.0, 0, 0, "warm-up NaN", p);
                continue;
            }
            for (int64_t t = 0; t < w; t++) {
                double v = x[(i - w + 1 + t) * k + a] + 0.0;
                int64_t u = t;
                while (u > 0 && win[u - 1] > v) { win[u] = win[u - 1]; u--; }
                win[u] = v;
            }
            double q = win[j];
            if (g > 0 && j + 1 < w) q = win[j] + g * (win[j + 1] - win[j]);
            double s = 0;
            int64_t c = 0;
            for (int64_t t = 0; t < w; t++) if (win[t] <= q) { s += win[t]; c++; }
            SXN_CHECK_CLOSE(var[p], -q, 0, 0, "VaR", p);
            SXN_CHECK_CLOSE(es[p], -s / (double) c, 1e-14, 1e-12, "ES", p);
        }
    }
    free(x); free(var); free(es); free(win); free(ds); free(is);
}

static void moments_case(int64_t k, int64_t n, int64_t w, int sharpe) {
    double *x = sxn_test_alloc(k * n), *out = sxn_test_alloc(k * n);
    fill(x, k, n, 11 + (unsigned long long) (k * 1000 + w));
    for (int64_t i = 0; i < k * n; i++) x[i] += 0.001;
    const double rf = 0.0001, ppy = 252;
    sxn_risk_rolling_moments(x, k, n, w, rf, ppy, sharpe, out);
    for (int64_t a = 0; a < k; a++) {
        for (int64_t i = 0; i < n; i++) {
            const int64_t p = i * k + a;
            if (i < w - 1) {
                SXN_CHECK_CLOSE(isnan(out[p]) ? 1.0 : 0.0, 1.0, 0, 0, "warm-up NaN", p);
                continue;
            }
            double m = 0, q = 0;
            for (int64_t t = i - w + 1; t <= i; t++) m += x[t * k + a];
            m /= (double) w;
            for (int64_t t = i - w + 1; t <= i; t++) q += (x[t * k + a] - m) * (x[t * k + a] - m);
            const double sd = sqrt(q / (double) (w - 1));
            const double want = sharpe ? (m - rf) / sd * sqrt(ppy) : sd * sqrt(ppy);
            if (sharpe) {
                SXN_CHECK_CLOSE(out[p], want, 1e-12, 1e-9, "Sharpe", p);
            } else {
                /* The sum of squares: its absolute rounding (not sqrt's amplification of it near 0) is the bound. */
                const double got = out[p] / sqrt(ppy);
                SXN_CHECK_CLOSE(got * got * (double) (w - 1), q, 1e-18, 1e-9, "vol", p);
            }
        }
    }
    free(x); free(out);
}

int main(void) {
    const int64_t ks[3] = {1, 8, 13};
    for (int i = 0; i < 3; i++) {
        historical_case(ks[i], 120, 1, 0.05);
        historical_case(ks[i], 120, 2, 0.5);
        historical_case(ks[i], 120, 37, 0.05);
        historical_case(ks[i], 120, 37, 0.01);
        historical_case(ks[i], 120, 120, 0.1);
        moments_case(ks[i], 300, 2, 0);
        moments_case(ks[i], 300, 25, 0);
        moments_case(ks[i], 300, 25, 1);
        moments_case(ks[i], 300, 300, 1);
    }
    return sxn_test_finish("test_risk_rolling");
}
