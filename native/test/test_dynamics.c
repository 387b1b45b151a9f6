/* Checks sxn_dynamics_advance (whichever ISA body SXN_ISA selects) against a naive one-particle loop
 * written from the Java Scheme documentation, for every shape: d = 1..5 and Henon-Heiles, 1 to 3 stages,
 * friction on and off, centre 0 and not, counts 0..41 (all vector tails) inside a larger stride.
 * Tolerance: after 8 steps, |x - ref| <= 1e-12 (1 + |ref|) (fused multiply-adds round differently). */
#include "sxn_test.h"
#include "dynamics.h"
#include <stdint.h>
#include <string.h>

static void grad(int d, int code, const double *q, double *g, double a, double b, double c) {
    if (code == SXN_DYN_HENON_HEILES) {
        g[0] = q[0] + 2.0 * q[0] * q[1];
        g[1] = q[1] + q[0] * q[0] - q[1] * q[1];
        return;
    }
    double r2 = 0;
    for (int k = 0; k < d; k++) r2 += (q[k] - c) * (q[k] - c);
    for (int k = 0; k < d; k++) g[k] = (a + b * r2) * (q[k] - c);
}

/* One step at a time, unjoined kicks and per-step friction: the scheme before the kick-joining rewrite. */
static void reference(double *q, double *p, int d, int code, int m, const double *kick, const double *drift, double a, double b,
                      double c, double ch, long steps) {
    double g[8];
    for (long s = 0; s < steps; s++) {
        for (int k = 0; k < d; k++) p[k] *= ch;
        grad(d, code, q, g, a, b, c);
        for (int k = 0; k < d; k++) p[k] -= kick[0] * g[k];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) q[k] += drift[j] * p[k];
            grad(d, code, q, g, a, b, c);
            for (int k = 0; k < d; k++) p[k] -= kick[j + 1] * g[k];
        }
        for (int k = 0; k < d; k++) p[k] *= ch;
    }
}

int main(void) {
    unsigned long long seed = 7;
    const double h = 0.01;
    const double w1 = 1.0 / (2.0 - cbrt(2.0)), w0 = -cbrt(2.0) / (2.0 - cbrt(2.0));
    const double kicks[3][4] = {{1.0, 0.0}, {0.5, 0.5}, {w1 / 2, (w1 + w0) / 2, (w0 + w1) / 2, w1 / 2}};
    const double drifts[3][3] = {{1.0}, {1.0}, {w1, w0, w1}};
    const int stages[3] = {1, 1, 3};
    const long steps = 8;
    int zero_count_checked = 0;
    for (int shape = 0; shape < 6; shape++) {
        int code = shape == 5 ? SXN_DYN_HENON_HEILES : SXN_DYN_RADIAL, d = shape == 5 ? 2 : shape + 1;
        for (int scheme = 0; scheme < 3; scheme++)
            for (int fric = 0; fric < 2; fric++)
                for (int centred = 0; centred < 2; centred++)
                    for (long count = 0; count <= 41; count++) {
                        long stride = count + 3, off = 2;
                        double a = 1.3, b = code != SXN_DYN_RADIAL ? 0 : 0.7, c = centred && code == SXN_DYN_RADIAL ? 0.25 : 0.0, gamma = fric ? 0.3 : 0.0;
                        int m = stages[scheme];
                        double params[16];
                        params[0] = a;
                        params[1] = b;
                        params[2] = c;
                        params[3] = (kicks[scheme][m] + kicks[scheme][0]) * h;
                        params[4] = exp(-gamma * h / 2);
                        params[5] = exp(-gamma * h);
                        for (int j = 0; j <= m; j++) params[6 + j] = kicks[scheme][j] * h;
                        for (int j = 0; j < m; j++) params[7 + m + j] = drifts[scheme][j] * h;
                        long len = d * stride;
                        double *q = sxn_test_alloc(len), *p = sxn_test_alloc(len);
                        double *q0 = sxn_test_alloc(len), *p0 = sxn_test_alloc(len);
                        for (long j = 0; j < len; j++) {
                            q[j] = q0[j] = 0.4 * sxn_test_uniform(&seed);
                            p[j] = p0[j] = 0.4 * sxn_test_uniform(&seed);
                        }
                        /* The block starts at particle `off`, so the body must use the stride, not count. */
                        long cnt = count > stride - off ? stride - off : count;
                        int rc = sxn_dynamics_advance(q + off, p + off, cnt, stride, d, code, m, fric, params, steps);
                        SXN_CHECK_CLOSE(rc, 0, 0, 0, "rc", count);
                        double kk[4], dd[3];
                        for (int j = 0; j <= m; j++) kk[j] = kicks[scheme][j] * h;
                        for (int j = 0; j < m; j++) dd[j] = drifts[scheme][j] * h;
                        for (long i = 0; i < stride; i++) {
                            double qi[8], pi[8];
                            for (int k = 0; k < d; k++) {
                                qi[k] = q0[k * stride + i];
                                pi[k] = p0[k * stride + i];
                            }
                            int inside = i >= off && i < off + cnt;
                            if (inside) reference(qi, pi, d, code, m, kk, dd, a, b, c, exp(-gamma * h / 2), steps);
                            for (int k = 0; k < d; k++) {
                                /* Outside the block nothing may change (bitwise). */
                                double tol = inside ? 1e-12 : 0;
                                SXN_CHECK_CLOSE(q[k * stride + i], qi[k], tol, tol, "q", shape * 100000 + count * 100 + i);
                                SXN_CHECK_CLOSE(p[k * stride + i], pi[k], tol, tol, "p", shape * 100000 + count * 100 + i);
                            }
                        }
                        if (count == 0) zero_count_checked++;
                        free(q); free(p); free(q0); free(p0);
                    }
    }
    /* Shapes the library was not built for are refused, not run. */
    double dummy[4] = {0}, params[16] = {0};
    SXN_CHECK_CLOSE(sxn_dynamics_advance(dummy, dummy, 1, 1, 3, 1, 1, 0, params, 1), -1, 0, 0, "henon-heiles d=3 refused", 0);
    SXN_CHECK_CLOSE(sxn_dynamics_advance(dummy, dummy, 1, 1, 2, 0, 9, 0, params, 1), -1, 0, 0, "9 stages refused", 0);
    printf("isa level %d, %d zero-count cases\n", sxn_isa_level(), zero_count_checked);
    return sxn_test_finish("test_dynamics");
}
