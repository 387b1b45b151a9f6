/* Checks sxn_series_mp_diagonals (every ISA body, via SXN_ISA) against a plain scalar loop written
 * here from the specification, for self- and AB-joins, odd sizes, partial diagonal ranges, short
 * restart periods and excluded (NaN inv) windows. The results must be identical: same correlations
 * bit for bit, same indices. Buffers are sized exactly, so ASan catches any out-of-bounds access. */
#include "sxn_test.h"
#include "series.h"
#include <stdint.h>
#include <string.h>

typedef struct { double *x, *mu, *df, *dg, *inv; long count; } win;

static win make(long n, long m, unsigned long long *seed, int constant_from) {
    win w;
    w.count = n - m + 1;
    w.x = sxn_test_alloc(n);
    double v = 10;
    for (long t = 0; t < n; t++) {
        v += sxn_test_uniform(seed);
        w.x[t] = (constant_from >= 0 && t >= constant_from && t < constant_from + 2 * m) ? 3.0 : v;
        if (constant_from == -2) w.x[t] = (double) ((t * 7) % 13); /* periodic: exact ties everywhere */
    }
    w.mu = sxn_test_alloc(w.count); w.df = sxn_test_alloc(w.count);
    w.dg = sxn_test_alloc(w.count); w.inv = sxn_test_alloc(w.count);
    for (long i = 0; i < w.count; i++) {
        double s = 0, ss = 0;
        for (long t = 0; t < m; t++) s += w.x[i + t];
        w.mu[i] = s / m;
        for (long t = 0; t < m; t++) ss += (w.x[i + t] - w.mu[i]) * (w.x[i + t] - w.mu[i]);
        w.inv[i] = ss > 1e-20 ? 1.0 / sqrt(ss) : NAN; /* constant windows are excluded with NaN */
    }
    w.df[0] = w.dg[0] = 0;
    for (long i = 1; i < w.count; i++) {
        w.df[i] = (w.x[i + m - 1] - w.x[i - 1]) * 0.5;
        w.dg[i] = (w.x[i + m - 1] - w.mu[i]) + (w.x[i - 1] - w.mu[i - 1]);
    }
    return w;
}

static void release(win *w) { free(w->x); free(w->mu); free(w->df); free(w->dg); free(w->inv); }

static void reference(const win *a, const win *b, long m, long period, long k_lo, long k_hi,
                      double *rc, double *ri, double *cc, double *ci) {
    for (long k = k_lo; k < k_hi; k++) {
        double c = 0;
        for (long i = 0; i < a->count && i + k < b->count; i++) {
            long j = i + k;
            if (i % period == 0) {
                c = 0;
                for (long t = 0; t < m; t++) c = fma(a->x[i + t] - a->mu[i], b->x[j + t] - b->mu[j], c);
            } else {
                c = fma(a->df[i], b->dg[j], c);
                c = fma(b->df[j], a->dg[i], c);
            }
            double r = c * a->inv[i] * b->inv[j];
            if (r > rc[i] || (r == rc[i] && j < ri[i])) { rc[i] = r; ri[i] = j; }
            if (r > cc[j] || (r == cc[j] && i < ci[j])) { cc[j] = r; ci[j] = i; }
        }
    }
}

static void fill(double *c, double *idx, long n) {
    for (long i = 0; i < n; i++) { c[i] = -INFINITY; idx[i] = -1; }
}

static void check_same(const double *got, const double *want, long n, const char *what) {
    for (long i = 0; i < n; i++) {
        sxn_checks++;
        if (memcmp(&got[i], &want[i], sizeof(double)) != 0 && !(isnan(got[i]) && isnan(want[i]))) {
            if (sxn_failures++ < 20) fprintf(stderr, "FAIL %s [%ld]: got %.17g want %.17g\n", what, i, got[i], want[i]);
        }
    }
}

static int tie_mode = 0;

static void run(long na, long nb, long m, long period, int self, long k_lo, long k_hi, unsigned long long *seed) {
    win a = make(na, m, seed, tie_mode ? -2 : (int) (na / 3));
    win b = self ? a : make(nb, m, seed, tie_mode ? -2 : -1);
    double *rc = sxn_test_alloc(a.count), *ri = sxn_test_alloc(a.count), *cc = sxn_test_alloc(b.count), *ci = sxn_test_alloc(b.count);
    double *rc2 = sxn_test_alloc(a.count), *ri2 = sxn_test_alloc(a.count), *cc2 = sxn_test_alloc(b.count), *ci2 = sxn_test_alloc(b.count);
    fill(rc, ri, a.count); fill(cc, ci, b.count); fill(rc2, ri2, a.count); fill(cc2, ci2, b.count);
    if (k_hi > b.count) k_hi = b.count;
    if (k_lo > k_hi) k_lo = k_hi;
    sxn_series_mp_diagonals(a.x, a.mu, a.df, a.dg, a.inv, a.count, b.x, b.mu, b.df, b.dg, b.inv, b.count,
                            m, period, k_lo, k_hi, rc, ri, cc, ci);
    reference(&a, &b, m, period, k_lo, k_hi, rc2, ri2, cc2, ci2);
    check_same(rc, rc2, a.count, "row corr");
    check_same(ri, ri2, a.count, "row idx");
    check_same(cc, cc2, b.count, "col corr");
    check_same(ci, ci2, b.count, "col idx");
    free(rc); free(ri); free(cc); free(ci); free(rc2); free(ri2); free(cc2); free(ci2);
    release(&a);
    if (!self) release(&b);
}

/* The scale invariance MatrixProfile relies on (it brings a series of extreme magnitude into [1, 2) by a
 * power of two before the search): windows whose x, mu, df, dg are multiplied by 2^e and inv by 2^-e
 * give the same correlations and indices, bit for bit, in every body (every product and sum of the walk
 * is then scaled exactly). */
static void scaled_windows(long n, long m, long period, int e, unsigned long long *seed) {
    win a = make(n, m, seed, (int) (n / 3)), s = a;
    s.x = sxn_test_alloc(n); s.mu = sxn_test_alloc(a.count); s.df = sxn_test_alloc(a.count);
    s.dg = sxn_test_alloc(a.count); s.inv = sxn_test_alloc(a.count);
    for (long t = 0; t < n; t++) s.x[t] = ldexp(a.x[t], e);
    for (long i = 0; i < a.count; i++) {
        s.mu[i] = ldexp(a.mu[i], e);
        s.df[i] = ldexp(a.df[i], e);
        s.dg[i] = ldexp(a.dg[i], e);
        s.inv[i] = ldexp(a.inv[i], -e);
    }
    double *r[8];
    for (int q = 0; q < 8; q++) r[q] = sxn_test_alloc(a.count);
    fill(r[0], r[1], a.count); fill(r[2], r[3], a.count); fill(r[4], r[5], a.count); fill(r[6], r[7], a.count);
    sxn_series_mp_diagonals(a.x, a.mu, a.df, a.dg, a.inv, a.count, a.x, a.mu, a.df, a.dg, a.inv, a.count,
                            m, period, 2, a.count, r[0], r[1], r[2], r[3]);
    sxn_series_mp_diagonals(s.x, s.mu, s.df, s.dg, s.inv, s.count, s.x, s.mu, s.df, s.dg, s.inv, s.count,
                            m, period, 2, s.count, r[4], r[5], r[6], r[7]);
    check_same(r[4], r[0], a.count, "scaled row corr");
    check_same(r[5], r[1], a.count, "scaled row idx");
    check_same(r[6], r[2], a.count, "scaled col corr");
    check_same(r[7], r[3], a.count, "scaled col idx");
    for (int q = 0; q < 8; q++) free(r[q]);
    release(&a);
    release(&s);
}

int main(void) {
    unsigned long long seed = 7;
    run(300, 300, 16, 1024, 1, 5, 1000, &seed);   /* self-join, exclusion zone 4 */
    run(517, 517, 9, 37, 1, 3, 1000, &seed);      /* short restart period */
    run(8, 8, 4, 1024, 1, 2, 5, &seed);           /* tiny */
    run(1001, 1001, 64, 100, 1, 17, 1000, &seed); /* m larger than a tile */
    run(400, 233, 12, 50, 0, 0, 1000, &seed);     /* AB upper part */
    run(233, 400, 12, 50, 0, 1, 1000, &seed);     /* AB, more columns than rows */
    run(150, 150, 5, 7, 1, 40, 77, &seed);        /* a middle slice of diagonals */
    run(70, 70, 4, 1024, 1, 0, 70, &seed);        /* diagonal 0 included */
    scaled_windows(700, 12, 100, 300, &seed);
    scaled_windows(700, 12, 1024, -300, &seed);
    tie_mode = 1;                                 /* exact ties: the lowest-index rule must hold */
    run(400, 400, 8, 1, 1, 3, 1000, &seed);
    run(300, 211, 6, 1, 0, 0, 1000, &seed);
    run(211, 300, 6, 1, 0, 1, 1000, &seed);
    printf("isa level %d\n", sxn_isa_level());
    return sxn_test_finish("test_series");
}
