/* Checks sxn_amm_sweep_zero_fee (every ISA body, via SXN_ISA):
 *  - fixed weights (dynamic = 0) against the G3M closed form V_t = V_0 prod_i (p_t,i / p_0,i)^(w_i), relative 1e-11;
 *  - momentum and anti-momentum sets against a set-by-set recomputation here (array-of-structures, libm log and exp,
 *    the pass of dev.sxn.math.amm.TfmmPool written out directly), relative 1e-11 on every value; the sets' count
 *    runs 1, 3, 8, 17 and 37 (single set, below, at and beyond the vector widths, tails), starts at 0 and past
 *    warm-up chunks, interpolation periods below and equal to the chunk period;
 *  - the value buffer and the scratch are allocated exactly (count x rows, sxn_amm_work_size), so ASan catches
 *    any access past them, and values are checked written everywhere (filled with NaN before the call). */
#include "sxn_test.h"
#include "amm.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

/* A random walk of steps x n positive prices. */
static double *walk(int64_t steps, int64_t n, unsigned long long seed) {
    double *p = sxn_test_alloc(steps * n);
    unsigned long long st = seed;
    for (int64_t i = 0; i < n; i++) p[i] = 10.0 + 90.0 * (0.5 + 0.5 * sxn_test_uniform(&st));
    for (int64_t t = 1; t < steps; t++)
        for (int64_t i = 0; i < n; i++) p[t * n + i] = p[(t - 1) * n + i] * exp(0.002 * sxn_test_uniform(&st));
    return p;
}

static void minimum(double *w, int64_t n, double eps) {
    double max = 1.0 - (double) (n - 1) * eps, others = 0;
    int64_t below = 0;
    int low[16];
    for (int64_t i = 0; i < n; i++) {
        low[i] = w[i] < eps;
        below += low[i];
        w[i] = fmin(fmax(w[i], eps), max);
        if (!low[i]) others += w[i];
    }
    double total = 0, best = -INFINITY;
    int64_t arg = 0;
    for (int64_t i = 0; i < n; i++) {
        if (!low[i]) w[i] = w[i] * (1 - (double) below * eps) / others;
        total += w[i];
        if (w[i] > best) best = w[i], arg = i;
    }
    w[arg] += 1.0 - total;
}

/* One set's value path, straight from the definitions (n <= 16). */
static void reference(const double *p, int64_t n, int64_t start, int64_t rows, int cp, int m, double eps, double maxc, int dynamic,
                      const double *w0, double v0, double lambda, double k, double *v) {
    double ewma[16], a[16], g[16], prev[16], bs[16], df[16], w[16], wold[16], lr[16];
    double G = 1.0 / (1.0 - lambda), B = lambda / pow(1.0 - lambda, 3);
    for (int64_t i = 0; i < n; i++) ewma[i] = p[i], a[i] = 0, prev[i] = w[i] = w0[i], lr[i] = log(w0[i] * v0 / p[start * n + i]);
    int64_t s0 = start / cp;
    for (int64_t c = 1; dynamic && c <= s0; c++) {
        for (int64_t i = 0; i < n; i++) {
            double pc = p[c * cp * n + i];
            ewma[i] += (pc - ewma[i]) / G;
            a[i] = lambda * a[i] + G * (pc - ewma[i]);
            if (fabs(a[i]) < 1e-10) a[i] = 0;
        }
    }
    for (int64_t r = 0; r < rows; r++) {
        memcpy(wold, w, sizeof w);
        if (dynamic && r >= cp) {
            int64_t j = r % cp;
            if (j == 0) {
                const double *pc = p + (s0 + r / cp) * cp * n;
                double sg = 0, t[16], sum = 0, mx = 0;
                for (int64_t i = 0; i < n; i++) {
                    ewma[i] += (pc[i] - ewma[i]) / G;
                    a[i] = lambda * a[i] + G * (pc[i] - ewma[i]);
                    if (fabs(a[i]) < 1e-10) a[i] = 0;
                    g[i] = a[i] / (B * ewma[i]);
                    sg += g[i];
                }
                for (int64_t i = 0; i < n; i++) sum += t[i] = prev[i] + k * (g[i] - sg / n);
                for (int64_t i = 0; i < n; i++) t[i] /= sum;
                minimum(t, n, eps);
                for (int64_t i = 0; i < n; i++) df[i] = (t[i] - prev[i]) / m, mx = fmax(mx, fabs(df[i]));
                for (int64_t i = 0; i < n; i++) {
                    if (mx > maxc) df[i] *= maxc / (mx + 1e-10);
                    bs[i] = prev[i];
                    prev[i] += m * df[i];
                }
            }
            for (int64_t i = 0; i < n; i++) w[i] = bs[i] + (j < m ? j : m) * df[i];
        }
        const double *p1 = p + (start + r) * n, *p0 = p1 - n;
        double val = 0, pterm = 0, wterm = 0;
        if (r > 0) {
            for (int64_t i = 0; i < n; i++) pterm += wold[i] * log(p1[i] / p0[i]), wterm += w[i] * log(w[i] / wold[i]);
            for (int64_t i = 0; i < n; i++) lr[i] += pterm - wterm + log(w[i] / wold[i]) - log(p1[i] / p0[i]);
        }
        for (int64_t i = 0; i < n; i++) val += exp(lr[i]) * p1[i];
        v[r] = val;
    }
}

static void sweep_case(int64_t n, int64_t count, int64_t start, int64_t rows, int cp, int m, int dynamic, double sign) {
    const int64_t steps = start + rows + 1;
    double *p = walk(steps, n, 1234567ull + (unsigned long long) (n * 100 + count));
    double *w0 = sxn_test_alloc(n), *lr0 = sxn_test_alloc(n), *lambda = sxn_test_alloc(count), *k = sxn_test_alloc(count);
    double ws = 0;
    for (int64_t i = 0; i < n; i++) ws += w0[i] = 1.0 + 0.5 * (double) i;
    for (int64_t i = 0; i < n; i++) w0[i] /= ws;
    const double v0 = 1e6, eps = 0.1 / (double) n, maxc = 3e-4;
    double value0 = 0;
    for (int64_t i = 0; i < n; i++) {
        double r = w0[i] * v0 / p[start * n + i];
        lr0[i] = log(r);
        value0 += r * p[start * n + i];
    }
    for (int64_t s = 0; s < count; s++) {
        lambda[s] = 0.5 + 0.49 * (double) s / (double) count;
        k[s] = sign * (0.5 + 40.0 * (double) (s % 7));
    }
    double *v = sxn_test_alloc(count * rows), *work = sxn_test_alloc(sxn_amm_work_size(n, count)), *want = sxn_test_alloc(rows);
    for (int64_t q = 0; q < count * rows; q++) v[q] = NAN;
    sxn_amm_sweep_zero_fee(p, n, start, rows, cp, m, eps, maxc, dynamic, w0, lr0, value0, lambda, k, count, v, work);
    for (int64_t s = 0; s < count; s++) {
        if (dynamic) {
            reference(p, n, start, rows, cp, m, eps, maxc, 1, w0, v0, lambda[s], k[s], want);
        } else {
            for (int64_t r = 0; r < rows; r++) {
                double prod = v0;
                for (int64_t i = 0; i < n; i++) prod *= pow(p[(start + r) * n + i] / p[start * n + i], w0[i]);
                want[r] = prod;
            }
        }
        for (int64_t r = 0; r < rows; r++) SXN_CHECK_CLOSE(v[s * rows + r], want[r], 0.0, 1e-11, dynamic ? "momentum value" : "fixed value", s * rows + r);
    }
    free(p), free(w0), free(lr0), free(lambda), free(k), free(v), free(work), free(want);
}

int main(void) {
    const int64_t counts[] = {1, 3, 8, 17, 37};
    for (int c = 0; c < 5; c++) {
        sweep_case(2, counts[c], 0, 30 * 24 + 5, 24, 24, 1, 1.0);
        sweep_case(3, counts[c], 48, 20 * 24 + 1, 24, 10, 1, -1.0);
        sweep_case(2, counts[c], 24, 10 * 24, 24, 24, 0, 1.0);
    }
    sweep_case(5, 9, 120, 3 * 60 + 7, 60, 60, 1, 1.0);
    sweep_case(2, 1, 0, 1, 24, 24, 1, 1.0);
    return sxn_test_finish("test_amm");
}
