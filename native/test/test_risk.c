/* Checks sxn_risk_garch_sums against an independent per-asset recomputation: the summed terms of -log L by a plain
 * loop over the recursion (value to 1e-13 relative), and the gradient against central differences of that value
 * (1e-6 relative), for GARCH and GJR, normal and t, both starts, asset counts below, at and past a block (1, 8, 13),
 * only some assets active (the others' output untouched), and an invalid variance (negative omega: BAD set).
 * sxn_risk_scorecard: every sum bit for bit against a plain per-asset loop, for 1, 5 and 17 assets. */
#include "sxn_test.h"
#include "risk.h"
#include <stdint.h>
#include <string.h>

/* sum_t [log h / 2 + (nu+1)/2 log1p(z^2 / (h (nu-2)))] (t) or sum_t [(log h + z^2/h) / 2] (normal). */
static double ref_value(int flags, const double *y, int64_t n, const double *par, double m1, double m2s, double bc) {
    const int gjr = flags & SXN_GARCH_GJR, student = flags & SXN_GARCH_STUDENT;
    const double mu = par[0], om = par[1], al = par[2], ga = gjr ? par[3] : 0, be = par[gjr ? 4 : 3];
    const double nu = student ? par[gjr ? 5 : 4] : 0;
    double h = (flags & SXN_GARCH_MCI) ? om + (al + be) * (m2s - 2 * mu * m1 + mu * mu) : om + (al * (1 + ga * ga) + be) * bc;
    double s = 0, zp = 0;
    for (int64_t t = 0; t < n; t++) {
        const double z = y[t] - mu;
        if (t > 0) {
            const double e = fabs(zp) - ga * zp;
            h = om + al * e * e + be * h;
        }
        s += student ? 0.5 * log(h) + 0.5 * (nu + 1) * log1p(z * z / (h * (nu - 2))) : 0.5 * (log(h) + z * z / h);
        zp = z;
    }
    return s;
}

static void garch_case(int flags, int64_t k, int64_t n, int every) {
    const int gjr = flags & SXN_GARCH_GJR, student = flags & SXN_GARCH_STUDENT;
    const int p = 4 + (gjr ? 1 : 0) + (student ? 1 : 0);
    double *x = sxn_test_alloc(k * n), *c = sxn_test_alloc(4 * k), *th = sxn_test_alloc(p * k);
    double *out = sxn_test_alloc(SXN_GARCH_ROWS * k), *y = sxn_test_alloc(n);
    uint8_t *act = malloc((size_t) k);
    unsigned long long st = 12345 + (unsigned long long) (k * 7 + n + flags);
    for (int64_t i = 0; i < k * n; i++) x[i] = 1.3 * sxn_test_uniform(&st);
    for (int64_t a = 0; a < k; a++) {
        double s1 = 0, s2 = 0;
        for (int64_t t = 0; t < n; t++) { s1 += x[t * k + a] * 0.8; s2 += x[t * k + a] * 0.8 * x[t * k + a] * 0.8; }
        c[a] = s1 / n; c[k + a] = s2 / n; c[2 * k + a] = 0.8; c[3 * k + a] = 0.9 + 0.01 * (double) a;
        int i = 0;
        th[i++ * k + a] = 0.01 * (double) (a % 3);
        th[i++ * k + a] = 0.05 + 0.001 * (double) a;
        th[i++ * k + a] = 0.08;
        if (gjr) th[i++ * k + a] = 0.1;
        th[i++ * k + a] = 0.85;
        if (student) th[i * k + a] = 5.5;
        act[a] = (uint8_t) (a % every == 0);
    }
    for (int64_t i = 0; i < SXN_GARCH_ROWS * k; i++) out[i] = -7.0;
    sxn_risk_garch_sums(flags, k, n, x, c, th, act, out);
    for (int64_t a = 0; a < k; a++) {
        if (!act[a]) {
            for (int r = 0; r < SXN_GARCH_ROWS; r++) { sxn_checks++; if (out[r * k + a] != -7.0) sxn_failures++; }
            continue;
        }
        double par[6];
        for (int i = 0; i < p; i++) par[i] = th[i * k + a];
        for (int64_t t = 0; t < n; t++) y[t] = x[t * k + a] * 0.8;
        const double v = ref_value(flags, y, n, par, c[a], c[k + a], c[3 * k + a]);
        SXN_CHECK_CLOSE(out[SXN_GARCH_SUM * k + a], v, 0, 1e-13, "value", a);
        SXN_CHECK_CLOSE(out[SXN_GARCH_BAD * k + a], 0, 0, 0, "bad", a);
        const int rows[5] = {SXN_GARCH_G_MU, SXN_GARCH_G_OMEGA, SXN_GARCH_G_ALPHA, SXN_GARCH_G_GAMMA, SXN_GARCH_G_BETA};
        for (int i = 0; i < p - (student ? 1 : 0); i++) {
            const double hstep = 1e-6 * fmax(fabs(par[i]), 1e-2);
            double pp[6], pm[6];
            memcpy(pp, par, sizeof pp); memcpy(pm, par, sizeof pm);
            pp[i] += hstep; pm[i] -= hstep;
            const double fd = (ref_value(flags, y, n, pp, c[a], c[k + a], c[3 * k + a]) - ref_value(flags, y, n, pm, c[a], c[k + a], c[3 * k + a])) / (2 * hstep);
            const int row = gjr || i < 3 ? rows[i] : SXN_GARCH_G_BETA;
            SXN_CHECK_CLOSE(out[row * k + a], fd, 1e-6 * (double) n, 1e-6, "gradient", a * 10 + i);
        }
    }
    /* an invalid variance flags BAD */
    th[1 * k + 0] = -5.0;
    act[0] = 1;
    sxn_risk_garch_sums(flags, k, n, x, c, th, act, out);
    sxn_checks++;
    if (out[SXN_GARCH_BAD * k + 0] == 0) { sxn_failures++; fprintf(stderr, "FAIL bad not set (flags %d)\n", flags); }
    free(x); free(c); free(th); free(out); free(y); free(act);
}

/* sxn_risk_scorecard against the same sums per asset in a plain loop (bit for bit), every element written. */
static void scorecard_case(int64_t k, int64_t n) {
    double *x = sxn_test_alloc(k * n), *out = sxn_test_alloc(SXN_SCORE_ROWS * k);
    unsigned long long st = 99 + (unsigned long long) (k * 31 + n);
    for (int64_t i = 0; i < k * n; i++) x[i] = 0.02 * sxn_test_uniform(&st);
    for (int64_t i = 0; i < SXN_SCORE_ROWS * k; i++) out[i] = -7.0;
    const double mar = 0.0001;
    sxn_risk_scorecard(x, k, n, mar, out);
    for (int64_t a = 0; a < k; a++) {
        double s1 = 0, s2 = 0, ex = 0, dn = 0, g = 1, pk = 1, md = 0;
        for (int64_t t = 0; t < n; t++) {
            const double r = x[t * k + a], d = r - x[a], e = r - mar;
            s1 += d; s2 += d * d; ex += e;
            if (e < 0) dn += e * e;
            g *= 1 + r;
            if (g > pk) pk = g;
            if (1 - g / pk > md) md = 1 - g / pk;
        }
        const double want[SXN_SCORE_ROWS] = {s1, s2, ex, dn, g, pk, md};
        const int rows[SXN_SCORE_ROWS] = {SXN_SCORE_S1, SXN_SCORE_S2, SXN_SCORE_EXCESS, SXN_SCORE_DOWN, SXN_SCORE_GROWTH, SXN_SCORE_PEAK, SXN_SCORE_MDD};
        for (int r = 0; r < SXN_SCORE_ROWS; r++) SXN_CHECK_CLOSE(out[rows[r] * k + a], want[r], 0, 0, "scorecard", a * 10 + r);
    }
    free(x); free(out);
}

int main(void) {
    scorecard_case(1, 1);
    scorecard_case(5, 300);
    scorecard_case(17, 1000);
    const int64_t ks[3] = {1, 8, 13};
    for (int flags = 0; flags < 8; flags++) {
        for (int i = 0; i < 3; i++) {
            garch_case(flags, ks[i], 40, 1);
            garch_case(flags, ks[i], 200, 3);
        }
    }
    return sxn_test_finish("test_risk");
}
