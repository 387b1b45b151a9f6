/* Checks sxn_regime_forward against an independent per-lane recomputation in log space (log-sum-exp of
 * log alpha, no scaling) on random 3-state univariate and 2-state bivariate full-covariance models: shared and
 * per-lane parameters, shared and per-lane series, a missing observation, lanes 1, 7 and 33, with and without
 * the filtered output. Probabilities to 1e-12 absolute, log-likelihoods to 1e-12 relative. Buffers exact
 * (ASan catches any access past them). */
#include "sxn_test.h"
#include "regime.h"
#include <math.h>
#include <stdint.h>

#define KMAX 3
#define DMAX 2

static double lse(const double *a, int n) {
    double m = -INFINITY, s = 0.0;
    for (int i = 0; i < n; i++) m = a[i] > m ? a[i] : m;
    for (int i = 0; i < n; i++) s += exp(a[i] - m);
    return m + log(s);
}

/* Model of lane l: pi, A, mu, covariance S (given by its Cholesky L with positive diagonal). */
static void build(unsigned long long *rng, int k, int d, double *prm, int64_t P, int64_t l) {
    const int64_t oA = k, oMu = k + k * k, oChol = oMu + k * d, oInv = oChol + k * d * d, oLn = oInv + k * d;
    double s = 0.0, row[KMAX];
    for (int i = 0; i < k; i++) { row[i] = 1.5 + sxn_test_uniform(rng); s += row[i]; }
    for (int i = 0; i < k; i++) prm[i * P + l] = row[i] / s;
    for (int i = 0; i < k; i++) {
        s = 0.0;
        for (int j = 0; j < k; j++) { row[j] = (i == j ? 8.0 : 1.0) + sxn_test_uniform(rng) * 0.5; s += row[j]; }
        for (int j = 0; j < k; j++) prm[(oA + i * k + j) * P + l] = row[j] / s;
    }
    for (int st = 0; st < k; st++) {
        double logdet = 0.0;
        for (int i = 0; i < d; i++) {
            prm[(oMu + st * d + i) * P + l] = (st - 1) * 1.2 + 0.3 * sxn_test_uniform(rng);
            for (int j = 0; j < d; j++) {
                double v = 0.0;
                if (j < i) v = 0.3 * sxn_test_uniform(rng);
                if (j == i) v = 0.7 + 0.2 * st + 0.1 * sxn_test_uniform(rng);
                prm[(oChol + st * d * d + i * d + j) * P + l] = v;
            }
            const double r = prm[(oChol + st * d * d + i * d + i) * P + l];
            prm[(oInv + st * d + i) * P + l] = 1.0 / r;
            logdet += 2.0 * log(r);
        }
        prm[(oLn + st) * P + l] = -0.5 * (d * log(2.0 * M_PI) + logdet);
    }
}

static double logpdf(const double *prm, int64_t P, int64_t l, int k, int d, int st, const double *xv) {
    const int64_t oMu = k + k * k, oChol = oMu + k * d, oLn = oChol + k * d * d + k * d;
    double z[DMAX], q = 0.0;
    for (int i = 0; i < d; i++) {
        double v = xv[i] - prm[(oMu + st * d + i) * P + l];
        for (int j = 0; j < i; j++) v -= prm[(oChol + st * d * d + i * d + j) * P + l] * z[j];
        z[i] = v / prm[(oChol + st * d * d + i * d + i) * P + l];
        q += z[i] * z[i];
    }
    return prm[(oLn + st) * P + l] - 0.5 * q;
}

static void run_case(int k, int d, int64_t lanes, int shared_params, int shared_x, int with_filtered, unsigned long long seed) {
    unsigned long long rng = seed;
    const int64_t steps = 300, E = (int64_t) k * (2 + k + 2 * d + d * d);
    const int64_t P = shared_params ? 1 : lanes, X = shared_x ? 1 : lanes;
    double *prm = sxn_test_alloc(E * P), *x = sxn_test_alloc(steps * d * X);
    double *filtered = with_filtered ? sxn_test_alloc(steps * k * lanes) : NULL, *ll = sxn_test_alloc(lanes);
    double *work = sxn_test_alloc(k * lanes + 2 * k + d);
    for (int64_t l = 0; l < P; l++) build(&rng, k, d, prm, P, l);
    for (int64_t i = 0; i < steps * d * X; i++) x[i] = 2.0 * sxn_test_uniform(&rng);
    x[(17 * d) * X] = NAN;   /* lane 0 (or the shared series) misses step 17 */
    sxn_regime_forward(lanes, steps, k, d, 0, prm, P, x, X, filtered, ll, work);
    for (int64_t l = 0; l < lanes; l++) {
        const int64_t pl = shared_params ? 0 : l, xl = shared_x ? 0 : l;
        const int64_t oA = k;
        double la[KMAX], nx[KMAX], tmp[KMAX], xv[DMAX];
        for (int64_t t = 0; t < steps; t++) {
            int missing = 0;
            for (int i = 0; i < d; i++) { xv[i] = x[(t * d + i) * X + xl]; missing |= isnan(xv[i]); }
            for (int j = 0; j < k; j++) {
                double pr;
                if (t == 0) pr = log(prm[j * P + pl]);
                else {
                    for (int i = 0; i < k; i++) tmp[i] = la[i] + log(prm[(oA + i * k + j) * P + pl]);
                    pr = lse(tmp, k);
                }
                nx[j] = pr + (missing ? 0.0 : logpdf(prm, P, pl, k, d, j, xv));
            }
            for (int j = 0; j < k; j++) la[j] = nx[j];
            if (filtered) {
                const double c = lse(la, k);
                for (int j = 0; j < k; j++) SXN_CHECK_CLOSE(filtered[(t * k + j) * lanes + l], exp(la[j] - c), 1e-12, 0.0, "filtered", t);
            }
        }
        SXN_CHECK_CLOSE(ll[l], lse(la, k), 0.0, 1e-12, "log-likelihood", l);
    }
    free(prm); free(x); free(filtered); free(ll); free(work);
}

int main(void) {
    const int64_t lanes[] = {1, 7, 33};
    for (int c = 0; c < 3; c++) {
        for (int sp = 0; sp < 2; sp++) {
            for (int sx = 0; sx < 2; sx++) {
                run_case(3, 1, lanes[c], sp, sx, 1, 11 + c);
                run_case(2, 2, lanes[c], sp, sx, (c + sp) % 2, 23 + c);
            }
        }
    }
    return sxn_test_finish("test_regime");
}
