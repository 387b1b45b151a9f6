/* Checks sxn_filter_batch_run against a naive one-filter-at-a-time Kalman filter with the joint
 * (not sequential) update and an explicit 2x2 inverse, for every shape n <= 4, m <= 2, N up to 37
 * (every tail of every body) and N = 513, 1100 (several time blocks of 512 filters), 1..3 ticks per
 * call, NaN observations, with and without out; then sxn_filter_batch_run_dt (constant velocity,
 * each filter's own dt) against the same naive filter with F(dt), Q(dt) per filter and tick. */
#include "sxn_test.h"
#include "filter.h"
#include <stdint.h>
#include <string.h>

static int cov(int n, int i, int j) {
    if (i > j) { int t = i; i = j; j = t; }
    return n + i * n - i * (i - 1) / 2 + (j - i);
}

/* Naive filter on one state: x (n), P (n x n full). */
static void naive_step(int n, int m, const double *pp, double *x, double *P, const double *z) {
    const double *F = pp + SXN_FB_F, *Q = pp + SXN_FB_Q;
    double xp[4], T[16], Pn[16];
    for (int i = 0; i < n; i++) { xp[i] = 0; for (int j = 0; j < n; j++) xp[i] += F[i * n + j] * x[j]; }
    for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) { T[i * n + k] = 0; for (int j = 0; j < n; j++) T[i * n + k] += F[i * n + j] * P[j * n + k]; }
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) { Pn[i * n + j] = Q[i * n + j]; for (int k = 0; k < n; k++) Pn[i * n + j] += T[i * n + k] * F[j * n + k]; }
    memcpy(x, xp, sizeof(double) * n);
    memcpy(P, Pn, sizeof(double) * n * n);
    double H[2][4], R[2][2] = {{pp[SXN_FB_R1], pp[SXN_FB_R12]}, {pp[SXN_FB_R12], pp[SXN_FB_R2]}};
    for (int j = 0; j < n; j++) { H[0][j] = pp[SXN_FB_H1 + j]; H[1][j] = pp[SXN_FB_H2 + j]; }
    int rows[2], k = 0;
    for (int a = 0; a < m; a++) if (!isnan(z[a])) rows[k++] = a;
    if (k == 0) return;
    double PHt[4][2], S[2][2], Si[2][2], v[2], K[4][2];
    for (int i = 0; i < n; i++) for (int a = 0; a < k; a++) { PHt[i][a] = 0; for (int j = 0; j < n; j++) PHt[i][a] += P[i * n + j] * H[rows[a]][j]; }
    for (int a = 0; a < k; a++) {
        v[a] = z[rows[a]];
        for (int j = 0; j < n; j++) v[a] -= H[rows[a]][j] * x[j];
        for (int b = 0; b < k; b++) { S[a][b] = R[rows[a]][rows[b]]; for (int j = 0; j < n; j++) S[a][b] += H[rows[a]][j] * PHt[j][b]; }
    }
    if (k == 1) Si[0][0] = 1 / S[0][0];
    else {
        double det = S[0][0] * S[1][1] - S[0][1] * S[1][0];
        Si[0][0] = S[1][1] / det; Si[1][1] = S[0][0] / det; Si[0][1] = -S[0][1] / det; Si[1][0] = -S[1][0] / det;
    }
    for (int i = 0; i < n; i++) for (int a = 0; a < k; a++) { K[i][a] = 0; for (int b = 0; b < k; b++) K[i][a] += PHt[i][b] * Si[b][a]; }
    for (int i = 0; i < n; i++) for (int a = 0; a < k; a++) x[i] += K[i][a] * v[a];
    double Pu[16];
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) { Pu[i * n + j] = P[i * n + j]; for (int a = 0; a < k; a++) Pu[i * n + j] -= K[i][a] * PHt[j][a]; }
    memcpy(P, Pu, sizeof(double) * n * n);
}

int main(void) {
    unsigned long long seed = 7;
    for (int n = 1; n <= 4; n++) {
        for (int m = 1; m <= 2; m++) {
            double pp[SXN_FB_PACKED] = {0};
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) pp[SXN_FB_F + i * n + j] = (i == j ? 0.9 : 0) + 0.2 * sxn_test_uniform(&seed);
            double A[16];
            for (int i = 0; i < n * n; i++) A[i] = 0.3 * sxn_test_uniform(&seed);
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
                double s = i == j ? 0.05 : 0;
                for (int l = 0; l < n; l++) s += A[i * n + l] * A[j * n + l];
                pp[SXN_FB_Q + i * n + j] = s;
            }
            for (int j = 0; j < n; j++) { pp[SXN_FB_H1 + j] = (j == 0) + 0.3 * sxn_test_uniform(&seed); pp[SXN_FB_H2 + j] = 0.5 * sxn_test_uniform(&seed) + (j == n - 1); }
            pp[SXN_FB_R1] = 1.0 + 0.5 * fabs(sxn_test_uniform(&seed));
            pp[SXN_FB_R2] = m == 2 ? 0.7 : 0;
            pp[SXN_FB_R12] = m == 2 ? 0.3 * sxn_test_uniform(&seed) : 0;
            pp[SXN_FB_C] = pp[SXN_FB_R12] / pp[SXN_FB_R1];
            int comps = n + n * (n + 1) / 2;
            static const long sizes[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 17, 23, 31, 32, 33, 37, 513, 1100};
            for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
                long N = sizes[si];
                int ticks = 1 + (int) (N % 3);
                double *st = sxn_test_alloc(comps * N), *zs = sxn_test_alloc(ticks * m * N), *out = sxn_test_alloc(ticks * N);
                double (*X)[4] = malloc(sizeof(double[4]) * (size_t) N), (*P)[16] = malloc(sizeof(double[16]) * (size_t) N);
                for (long f = 0; f < N; f++) {
                    for (int i = 0; i < n; i++) X[f][i] = st[i * N + f] = sxn_test_uniform(&seed);
                    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) P[f][i * n + j] = (i == j) * (1.0 + f * 0.01) + 0.1;
                    for (int i = 0; i < n; i++) for (int j = i; j < n; j++) st[cov(n, i, j) * N + f] = P[f][i * n + j];
                }
                for (long i = 0; i < ticks * m * N; i++) zs[i] = (i % 7 == 3) ? NAN : 3 * sxn_test_uniform(&seed);
                sxn_filter_batch_run(n, m, pp, st, N, zs, ticks, (N % 2) ? out : NULL);
                for (long f = 0; f < N; f++) {
                    for (int t = 0; t < ticks; t++) {
                        double z[2];
                        for (int a = 0; a < m; a++) z[a] = zs[(t * m + a) * N + f];
                        naive_step(n, m, pp, X[f], P[f], z);
                        if (N % 2) SXN_CHECK_CLOSE(out[t * N + f], X[f][0], 1e-12, 1e-11, "out", f);
                    }
                    for (int i = 0; i < n; i++) SXN_CHECK_CLOSE(st[i * N + f], X[f][i], 1e-12, 1e-11, "x", n * 100 + m * 10 + i);
                    for (int i = 0; i < n; i++) for (int j = i; j < n; j++)
                        SXN_CHECK_CLOSE(st[cov(n, i, j) * N + f], P[f][i * n + j], 1e-12, 1e-11, "P", n * 100 + m * 10 + i * 4 + j);
                }
                free(st); free(zs); free(out); free(X); free(P);
            }
        }
    }
    /* Constant velocity with per-filter dt: the naive filter with F(dt), Q(dt) built per filter and tick. */
    for (size_t si = 0; si < 21; si++) {
        static const long cvsizes[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 17, 23, 31, 32, 33, 37, 513, 1100};
        long N = cvsizes[si];
        int ticks = 1 + (int) (N % 4);
        double pp[SXN_FB_PACKED] = {0};
        const double cv = 0.3;
        pp[SXN_FB_H1] = 1; pp[SXN_FB_H1 + 1] = 0.2; pp[SXN_FB_R1] = 0.5; pp[SXN_FB_CV] = cv;
        double *st = sxn_test_alloc(5 * N), *zs = sxn_test_alloc(ticks * N), *dts = sxn_test_alloc(ticks * N), *out = sxn_test_alloc(ticks * N);
        double (*X)[4] = malloc(sizeof(double[4]) * (size_t) N), (*P)[16] = malloc(sizeof(double[16]) * (size_t) N);
        for (long f = 0; f < N; f++) {
            X[f][0] = st[f] = sxn_test_uniform(&seed);
            X[f][1] = st[N + f] = sxn_test_uniform(&seed);
            P[f][0] = st[2 * N + f] = 1.0 + 0.01 * f; P[f][1] = P[f][2] = st[3 * N + f] = 0.1; P[f][3] = st[4 * N + f] = 0.5;
        }
        for (long i = 0; i < ticks * N; i++) {
            zs[i] = (i % 5 == 2) ? NAN : 2 * sxn_test_uniform(&seed);
            dts[i] = (i % 11 == 4) ? 0.0 : 3 * fabs(sxn_test_uniform(&seed));
        }
        sxn_filter_batch_run_dt(pp, st, N, zs, dts, ticks, (N % 2) ? out : NULL);
        for (long f = 0; f < N; f++) {
            for (int t = 0; t < ticks; t++) {
                double dt = dts[t * N + f], q[SXN_FB_PACKED];
                memcpy(q, pp, sizeof q);
                q[SXN_FB_F] = 1; q[SXN_FB_F + 1] = dt; q[SXN_FB_F + 2] = 0; q[SXN_FB_F + 3] = 1;
                q[SXN_FB_Q] = cv * dt * dt * dt / 3; q[SXN_FB_Q + 1] = q[SXN_FB_Q + 2] = cv * dt * dt / 2; q[SXN_FB_Q + 3] = cv * dt;
                double z = zs[t * N + f];
                naive_step(2, 1, q, X[f], P[f], &z);
                if (N % 2) SXN_CHECK_CLOSE(out[t * N + f], X[f][0], 1e-12, 1e-11, "cv out", f);
            }
            SXN_CHECK_CLOSE(st[f], X[f][0], 1e-12, 1e-11, "cv x0", f);
            SXN_CHECK_CLOSE(st[N + f], X[f][1], 1e-12, 1e-11, "cv x1", f);
            SXN_CHECK_CLOSE(st[2 * N + f], P[f][0], 1e-12, 1e-11, "cv p00", f);
            SXN_CHECK_CLOSE(st[3 * N + f], P[f][1], 1e-12, 1e-11, "cv p01", f);
            SXN_CHECK_CLOSE(st[4 * N + f], P[f][3], 1e-12, 1e-11, "cv p11", f);
        }
        free(st); free(zs); free(dts); free(out); free(X); free(P);
    }
    /* The infinity scan: every length up to 40, an infinity (either sign) at every position or none. */
    for (long n = 0; n <= 40; n++) {
        double *a = sxn_test_alloc(n);
        for (long at = -1; at < n; at++) {
            for (long i = 0; i < n; i++) a[i] = (i % 3 == 1) ? NAN : (double) i;
            if (at >= 0) a[at] = (at % 2) ? INFINITY : -INFINITY;
            SXN_CHECK_CLOSE((double) sxn_filter_first_inf(a, n), (double) at, 0, 0, "first_inf", n * 100 + at);
        }
        free(a);
    }
    printf("isa level %d\n", sxn_isa_level());
    return sxn_test_finish("test_filter");
}
