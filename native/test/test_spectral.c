/* Checks the Stockham FFT against a naive O(n^2) DFT for smooth sizes (every radix, every stride,
 * odd stage counts) and the rolling entropy against a naive DFT entropy. Buffers are sized exactly
 * so ASan catches any access outside [0, n). */
#include "sxn_test.h"
#include "spectral.h"
#include <stdint.h>

typedef struct {
    int32_t nst, radix[40], stride[40], off[41];
    double *twr, *twi;
} plan_t;

/* Same construction as FftPlan.java: radix 4s first, then 2, 3s, 5s; twiddles w_L^(r j). */
static void plan_build(plan_t *p, int64_t n) {
    int64_t r = n;
    p->nst = 0;
    while (r % 4 == 0) { p->radix[p->nst++] = 4; r /= 4; }
    if (r % 2 == 0) { p->radix[p->nst++] = 2; r /= 2; }
    while (r % 3 == 0) { p->radix[p->nst++] = 3; r /= 3; }
    while (r % 5 == 0) { p->radix[p->nst++] = 5; r /= 5; }
    int64_t total = 0, s = 1;
    for (int t = 0; t < p->nst; t++) {
        p->stride[t] = (int32_t) s;
        p->off[t] = (int32_t) total;
        total += (n / s / p->radix[t]) * (p->radix[t] - 1);
        s *= p->radix[t];
    }
    p->off[p->nst] = (int32_t) total;
    p->twr = sxn_test_alloc(total);
    p->twi = sxn_test_alloc(total);
    s = 1;
    for (int t = 0; t < p->nst; t++) {
        int64_t len = n / s, rad = p->radix[t], m = len / rad;
        for (int64_t j = 0; j < m; j++)
            for (int64_t q = 1; q < rad; q++) {
                double ang = -2.0 * M_PI * (double) ((q * j) % len) / (double) len;
                p->twr[p->off[t] + j * (rad - 1) + q - 1] = cos(ang);
                p->twi[p->off[t] + j * (rad - 1) + q - 1] = sin(ang);
            }
        s *= rad;
    }
}

static void plan_free(plan_t *p) { free(p->twr); free(p->twi); }

/* The four-step plan of FftPlan.java: Stockham sub-plans of n1 and n2 packed as
 * {nstages, radix..., stride..., tw_off...}, and the inter-step twiddles
 * a[b n1 + k1] = w_n^(8 b k1), c[8 k1 + c] = w_n^(k1 c). */
typedef struct {
    int64_t n1, n2;
    plan_t p1, p2;
    int32_t *m1, *m2;
    double *ar, *ai, *cr, *ci;
} blocked_t;

static int32_t *pack_meta(const plan_t *p) {
    int32_t *m = malloc(sizeof(int32_t) * (size_t) (1 + 3 * p->nst));
    m[0] = p->nst;
    for (int t = 0; t < p->nst; t++) { m[1 + t] = p->radix[t]; m[1 + p->nst + t] = p->stride[t]; m[1 + 2 * p->nst + t] = p->off[t]; }
    return m;
}

static void blocked_build(blocked_t *b, int64_t n1, int64_t n2) {
    int64_t n = n1 * n2;
    b->n1 = n1; b->n2 = n2;
    plan_build(&b->p1, n1);
    plan_build(&b->p2, n2);
    b->m1 = pack_meta(&b->p1);
    b->m2 = pack_meta(&b->p2);
    b->ar = sxn_test_alloc(n / 8); b->ai = sxn_test_alloc(n / 8);
    b->cr = sxn_test_alloc(8 * n1); b->ci = sxn_test_alloc(8 * n1);
    for (int64_t q = 0; q < n2 / 8; q++)
        for (int64_t k = 0; k < n1; k++) {
            double ang = -2.0 * M_PI * (double) ((8 * q * k) % n) / (double) n;
            b->ar[q * n1 + k] = cos(ang); b->ai[q * n1 + k] = sin(ang);
        }
    for (int64_t k = 0; k < n1; k++)
        for (int64_t c = 0; c < 8; c++) {
            double ang = -2.0 * M_PI * (double) ((k * c) % n) / (double) n;
            b->cr[8 * k + c] = cos(ang); b->ci[8 * k + c] = sin(ang);
        }
}

static void blocked_free(blocked_t *b) {
    plan_free(&b->p1); plan_free(&b->p2);
    free(b->m1); free(b->m2); free(b->ar); free(b->ai); free(b->cr); free(b->ci);
}

static double naive_dft_err(const double *xr, const double *xi, const double *re, const double *im, int64_t n) {
    double err = 0, ref = 0;
    for (int64_t k = 0; k < n; k++) {
        double ar = 0, ai = 0;
        for (int64_t j = 0; j < n; j++) {
            double ang = -2.0 * M_PI * (double) ((j * k) % n) / (double) n, c = cos(ang), s = sin(ang);
            ar += xr[j] * c - xi[j] * s;
            ai += xr[j] * s + xi[j] * c;
        }
        err += (re[k] - ar) * (re[k] - ar) + (im[k] - ai) * (im[k] - ai);
        ref += ar * ar + ai * ai;
    }
    return sqrt(err / ref);
}

/* The blocked transform of n1 x n2 against the naive DFT (small n) or against the Stockham transform
 * of the same input (large n; Stockham itself is checked against the DFT above). */
static void test_blocked(int64_t n1, int64_t n2, int64_t wa, int64_t wb, unsigned long long *seed) {
    int64_t n = n1 * n2, big = wa * n1 > wb * n2 ? wa * n1 : wb * n2;
    blocked_t b;
    blocked_build(&b, n1, n2);
    double *re = sxn_test_alloc(n), *im = sxn_test_alloc(n), *sr = sxn_test_alloc(n + 512), *si = sxn_test_alloc(n + 512);
    double *xr = sxn_test_alloc(n), *xi = sxn_test_alloc(n), *buf = sxn_test_alloc(4 * big + 256);
    for (int64_t i = 0; i < n; i++) { xr[i] = re[i] = sxn_test_uniform(seed); xi[i] = im[i] = sxn_test_uniform(seed); }
    sxn_spectral_fft_blocked(n1, n2, wa, wb, b.m1, b.p1.twr, b.p1.twi, b.m2, b.p2.twr, b.p2.twi, b.ar, b.ai, b.cr, b.ci,
                             re, im, sr, si, 512, buf, 1);
    if (n <= 4096) {
        SXN_CHECK_CLOSE(naive_dft_err(xr, xi, re, im, n), 0, 1e-13 * (double) n, 0, "blocked fft vs dft", n);
    } else {
        plan_t p;
        plan_build(&p, n);
        double *yr = sxn_test_alloc(n), *yi = sxn_test_alloc(n);
        for (int64_t i = 0; i < n; i++) { yr[i] = xr[i]; yi[i] = xi[i]; }
        sxn_spectral_fft(n, p.nst, p.radix, p.stride, p.off, p.twr, p.twi, yr, yi, sr, si, 0, 0);
        double err = 0, ref = 0;
        for (int64_t k = 0; k < n; k++) {
            err += (re[k] - yr[k]) * (re[k] - yr[k]) + (im[k] - yi[k]) * (im[k] - yi[k]);
            ref += yr[k] * yr[k] + yi[k] * yi[k];
        }
        /* both are within a few ulps times log2 n of the exact DFT */
        SXN_CHECK_CLOSE(sqrt(err / ref), 0, 1e-14, 0, "blocked fft vs stockham", n);
        plan_free(&p);
        free(yr); free(yi);
    }
    /* the real FFT of length 2n through the blocked transform (packing fused) */
    double *x = sxn_test_alloc(2 * n), *rtr = sxn_test_alloc(n + 1), *rti = sxn_test_alloc(n + 1);
    double *ore = sxn_test_alloc(n + 1), *oim = sxn_test_alloc(n + 1), *work = sxn_test_alloc(4 * n + 4 * big + 512);
    for (int64_t k = 0; k <= n; k++) { rtr[k] = cos(-M_PI * (double) k / (double) n); rti[k] = sin(-M_PI * (double) k / (double) n); }
    rti[n] = 0;
    for (int64_t i = 0; i < 2 * n; i++) x[i] = sxn_test_uniform(seed);
    sxn_spectral_rfft_blocked(x, n1, n2, wa, wb, b.m1, b.p1.twr, b.p1.twi, b.m2, b.p2.twr, b.p2.twi, b.ar, b.ai, b.cr, b.ci,
                              rtr, rti, 1.0, ore, oim, work, 1);
    plan_t p;
    plan_build(&p, n);
    double *qre = sxn_test_alloc(n + 1), *qim = sxn_test_alloc(n + 1), *work2 = sxn_test_alloc(4 * n + 256);
    sxn_spectral_rfft(x, n, p.nst, p.radix, p.stride, p.off, p.twr, p.twi, rtr, rti, 1.0, qre, qim, work2, 0);
    double err = 0, ref = 0;
    for (int64_t k = 0; k <= n; k++) {
        err += (ore[k] - qre[k]) * (ore[k] - qre[k]) + (oim[k] - qim[k]) * (oim[k] - qim[k]);
        ref += qre[k] * qre[k] + qim[k] * qim[k];
    }
    SXN_CHECK_CLOSE(sqrt(err / ref), 0, 1e-14, 0, "blocked rfft vs stockham rfft", n);
    plan_free(&p);
    free(x); free(rtr); free(rti); free(ore); free(oim); free(work); free(qre); free(qim); free(work2);
    blocked_free(&b);
    free(re); free(im); free(sr); free(si); free(xr); free(xi); free(buf);
}

static void test_fft(int64_t n, unsigned long long *seed) {
    plan_t p;
    plan_build(&p, n);
    /* scratch with 512 doubles of slack: the kernel picks skewed start points inside it (ASan checks the bound) */
    double *re = sxn_test_alloc(n), *im = sxn_test_alloc(n), *sr = sxn_test_alloc(n + 512), *si = sxn_test_alloc(n + 512);
    double *xr = sxn_test_alloc(n), *xi = sxn_test_alloc(n);
    for (int64_t i = 0; i < n; i++) { xr[i] = re[i] = sxn_test_uniform(seed); xi[i] = im[i] = sxn_test_uniform(seed); }
    /* the packed-plan entry point on a copy gives the same bits */
    double *cr = sxn_test_alloc(n), *ci = sxn_test_alloc(n);
    {
        int64_t t = p.off[p.nst];
        int32_t *meta = malloc(sizeof(int32_t) * (size_t) (2 + 3 * p.nst));
        double *tw = sxn_test_alloc(2 * t);
        meta[0] = p.nst;
        for (int q = 0; q < p.nst; q++) { meta[1 + q] = p.radix[q]; meta[1 + p.nst + q] = p.stride[q]; }
        for (int q = 0; q <= p.nst; q++) meta[1 + 2 * p.nst + q] = p.off[q];
        for (int64_t q = 0; q < t; q++) { tw[q] = p.twr[q]; tw[t + q] = p.twi[q]; }
        for (int64_t i = 0; i < n; i++) { cr[i] = re[i]; ci[i] = im[i]; }
        sxn_spectral_fft_packed(n, meta, tw, cr, ci, sr, si, 512, 1);
        free(meta); free(tw);
    }
    if (sxn_spectral_fft(n, p.nst, p.radix, p.stride, p.off, p.twr, p.twi, re, im, sr, si, 512, 1) != 0) {
        sxn_failures++;
        fprintf(stderr, "FAIL fft %ld: finite input reported non-finite\n", (long) n);
    }
    /* normwise; the naive DFT itself carries ~n eps error, so the bound is looser than the Java tests' */
    SXN_CHECK_CLOSE(naive_dft_err(xr, xi, re, im, n), 0, 1e-13 * (double) n, 0, "fft normwise", n);
    for (int64_t k = 0; k < n; k++) {
        SXN_CHECK_CLOSE(cr[k], re[k], 0, 0, "fft packed re", k);
        SXN_CHECK_CLOSE(ci[k], im[k], 0, 0, "fft packed im", k);
    }
    free(cr); free(ci);
    plan_free(&p);
    free(re); free(im); free(sr); free(si); free(xr); free(xi);
}

static double naive_entropy(const double *x, int64_t w, int keep_dc) {
    int64_t bins = w / 2 + 1;
    double pw[600], tot = 0, h = 0;
    for (int64_t k = keep_dc ? 0 : 1; k < bins; k++) {
        double ar = 0, ai = 0;
        for (int64_t j = 0; j < w; j++) {
            double ang = -2.0 * M_PI * (double) ((j * k) % w) / (double) w;
            ar += x[j] * cos(ang);
            ai += x[j] * sin(ang);
        }
        pw[k] = ar * ar + ai * ai;
        tot += pw[k];
    }
    for (int64_t k = keep_dc ? 0 : 1; k < bins; k++) {
        double p = pw[k] / tot;
        if (p > 0) h -= p * log(p);
    }
    return h;
}

static void test_rolling(int64_t window, int64_t step, int keep_dc, unsigned long long *seed) {
    int32_t series = 2;
    int64_t length = 3 * window + 5, h = window / 2;
    plan_t p;
    plan_build(&p, h);
    double *rtr = sxn_test_alloc(h + 1), *rti = sxn_test_alloc(h + 1);
    for (int64_t k = 0; k <= h; k++) { rtr[k] = cos(-M_PI * (double) k / (double) h); rti[k] = sin(-M_PI * (double) k / (double) h); }
    rti[h] = 0;
    double *x = sxn_test_alloc(series * length);
    for (int64_t i = 0; i < series * length; i++) x[i] = sxn_test_uniform(seed);
    x[length + 2] = NAN; /* second series, first window(s) */
    int64_t count = (length - window) / step + 1;
    double *out = sxn_test_alloc(series * count), *work = sxn_test_alloc(5 * h + 1);
    sxn_spectral_rolling_entropy(x, series, length, window, step, keep_dc, 1.0, h, p.nst, p.radix, p.stride, p.off,
                                 p.twr, p.twi, rtr, rti, work, out);
    for (int32_t s = 0; s < series; s++)
        for (int64_t w = 0; w < count; w++) {
            int64_t start = w * step;
            int has_nan = s == 1 && start <= 2 && 2 < start + window;
            double got = out[s * count + w];
            if (has_nan) {
                sxn_checks++;
                if (!isnan(got)) { sxn_failures++; fprintf(stderr, "FAIL NaN window %ld got %g\n", (long) w, got); }
            } else {
                SXN_CHECK_CLOSE(got, naive_entropy(x + s * length + start, window, keep_dc), 1e-11, 0, "rolling entropy", w);
            }
        }
    plan_free(&p);
    free(rtr); free(rti); free(x); free(out); free(work);
}

static void test_rfft(int64_t h, unsigned long long *seed) {
    int64_t n = 2 * h;
    plan_t p;
    plan_build(&p, h);
    double *rtr = sxn_test_alloc(h + 1), *rti = sxn_test_alloc(h + 1);
    for (int64_t k = 0; k <= h; k++) { rtr[k] = cos(-M_PI * (double) k / (double) h); rti[k] = sin(-M_PI * (double) k / (double) h); }
    rti[h] = 0;
    double *x = sxn_test_alloc(n), *ore = sxn_test_alloc(h + 1), *oim = sxn_test_alloc(h + 1), *work = sxn_test_alloc(4 * h + 256);
    for (int64_t i = 0; i < n; i++) x[i] = sxn_test_uniform(seed);
    sxn_spectral_rfft(x, h, p.nst, p.radix, p.stride, p.off, p.twr, p.twi, rtr, rti, 0.5, ore, oim, work, 1);
    double err = 0, ref = 0;
    for (int64_t k = 0; k <= h; k++) {
        double ar = 0, ai = 0;
        for (int64_t j = 0; j < n; j++) {
            double ang = -2.0 * M_PI * (double) ((j * k) % n) / (double) n;
            ar += x[j] * cos(ang);
            ai += x[j] * sin(ang);
        }
        ar *= 0.5; ai *= 0.5;
        err += (ore[k] - ar) * (ore[k] - ar) + (oim[k] - ai) * (oim[k] - ai);
        ref += ar * ar + ai * ai;
    }
    SXN_CHECK_CLOSE(sqrt(err / ref), 0, 1e-13 * (double) n, 0, "rfft normwise", n);
    /* the packed-plan entry point gives the same bits */
    {
        int64_t t = p.off[p.nst];
        int32_t *meta = malloc(sizeof(int32_t) * (size_t) (2 + 3 * p.nst));
        double *tw = sxn_test_alloc(2 * t + 2 * (h + 1)), *pre = sxn_test_alloc(h + 1), *pim = sxn_test_alloc(h + 1);
        meta[0] = p.nst;
        for (int q = 0; q < p.nst; q++) { meta[1 + q] = p.radix[q]; meta[1 + p.nst + q] = p.stride[q]; }
        for (int q = 0; q <= p.nst; q++) meta[1 + 2 * p.nst + q] = p.off[q];
        for (int64_t q = 0; q < t; q++) { tw[q] = p.twr[q]; tw[t + q] = p.twi[q]; }
        for (int64_t q = 0; q <= h; q++) { tw[2 * t + q] = rtr[q]; tw[2 * t + h + 1 + q] = rti[q]; }
        sxn_spectral_rfft_packed(x, h, meta, tw, 0.5, pre, pim, work, 1);
        for (int64_t k = 0; k <= h; k++) {
            SXN_CHECK_CLOSE(pre[k], ore[k], 0, 0, "rfft packed re", k);
            SXN_CHECK_CLOSE(pim[k], oim[k], 0, 0, "rfft packed im", k);
        }
        free(meta); free(tw); free(pre); free(pim);
    }
    plan_free(&p);
    free(rtr); free(rti); free(x); free(ore); free(oim); free(work);
}

/* check = 1: a NaN or infinity anywhere (first, middle, last, tail past the vector width) makes every
 * entry point return 1 and leave the caller's arrays as they were. */
static void test_nonfinite(void) {
    const int64_t n1 = 16, n2 = 24, n = n1 * n2, big = 16 * 24;
    blocked_t b;
    blocked_build(&b, n1, n2);
    plan_t p;
    plan_build(&p, n);
    double *re = sxn_test_alloc(n), *im = sxn_test_alloc(n), *sr = sxn_test_alloc(n), *si = sxn_test_alloc(n);
    double *buf = sxn_test_alloc(4 * big + 256), *work = sxn_test_alloc(4 * n + 4 * big + 512);
    double *rtr = sxn_test_alloc(n + 1), *rti = sxn_test_alloc(n + 1), *ore = sxn_test_alloc(n + 1), *oim = sxn_test_alloc(n + 1);
    double *x = sxn_test_alloc(2 * n);
    for (int64_t k = 0; k <= n; k++) { rtr[k] = cos(-M_PI * (double) k / (double) n); rti[k] = sin(-M_PI * (double) k / (double) n); }
    int64_t where[] = {0, 1, n / 2 + 3, n - 1};
    double bad[] = {NAN, INFINITY, -INFINITY};
    for (int w = 0; w < 4; w++)
        for (int v = 0; v < 3; v++)
            for (int part = 0; part < 2; part++) {
                for (int64_t i = 0; i < n; i++) { re[i] = (double) i; im[i] = -(double) i; }
                for (int64_t i = 0; i < 2 * n; i++) x[i] = (double) i;
                (part ? im : re)[where[w]] = bad[v];
                x[2 * where[w] + part] = bad[v];
                for (int64_t k = 0; k <= n; k++) ore[k] = oim[k] = 7.0;
                int r1 = sxn_spectral_fft_blocked(n1, n2, 8, 16, b.m1, b.p1.twr, b.p1.twi, b.m2, b.p2.twr, b.p2.twi, b.ar, b.ai,
                                                  b.cr, b.ci, re, im, sr, si, 0, buf, 1);
                int r2 = sxn_spectral_fft(n, p.nst, p.radix, p.stride, p.off, p.twr, p.twi, re, im, sr, si, 0, 1);
                int r3 = sxn_spectral_rfft_blocked(x, n1, n2, 8, 16, b.m1, b.p1.twr, b.p1.twi, b.m2, b.p2.twr, b.p2.twi, b.ar,
                                                   b.ai, b.cr, b.ci, rtr, rti, 1.0, ore, oim, work, 1);
                int r4 = sxn_spectral_rfft(x, n, p.nst, p.radix, p.stride, p.off, p.twr, p.twi, rtr, rti, 1.0, ore, oim, work, 1);
                int intact = 1;
                for (int64_t i = 0; i < n; i++) {
                    if (i == where[w]) continue;
                    if (re[i] != (double) i || im[i] != -(double) i) intact = 0;
                }
                for (int64_t k = 0; k <= n; k++) if (ore[k] != 7.0 || oim[k] != 7.0) intact = 0;
                sxn_checks++;
                if (!(r1 == 1 && r2 == 1 && r3 == 1 && r4 == 1 && intact)) {
                    sxn_failures++;
                    fprintf(stderr, "FAIL nonfinite at %ld (%g, part %d): %d %d %d %d intact %d\n", (long) where[w], bad[v], part,
                            r1, r2, r3, r4, intact);
                }
            }
    blocked_free(&b);
    plan_free(&p);
    free(re); free(im); free(sr); free(si); free(buf); free(work); free(rtr); free(rti); free(ore); free(oim); free(x);
}

int main(void) {
    test_nonfinite();
    unsigned long long seed = 7;
    int64_t sizes[] = {2, 3, 4, 5, 6, 8, 9, 12, 15, 16, 25, 27, 32, 60, 64, 100, 125, 128, 243, 256, 360, 512, 1000, 1024};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) test_fft(sizes[i], &seed);
    /* blocked four-step: n1, n2 multiples of 8, every radix in the sub-plans, square and not */
    /* {n1, n2, wa, wb} */
    int64_t blocks[][4] = {{8, 8, 8, 8}, {8, 16, 16, 8}, {16, 8, 8, 16}, {8, 24, 8, 8}, {40, 8, 8, 8}, {16, 48, 16, 16},
                           {32, 32, 32, 8}, {64, 64, 16, 32}, {256, 256, 32, 8}, {256, 512, 16, 16}, {256, 768, 8, 8},
                           {120, 200, 40, 24}};
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        test_blocked(blocks[i][0], blocks[i][1], blocks[i][2], blocks[i][3], &seed);
    int64_t halves[] = {1, 2, 3, 4, 5, 8, 12, 16, 32, 60, 64, 128, 512};
    for (size_t i = 0; i < sizeof halves / sizeof halves[0]; i++) test_rfft(halves[i], &seed);
    int64_t windows[] = {2, 4, 6, 16, 30, 64, 100, 256};
    for (size_t i = 0; i < sizeof windows / sizeof windows[0]; i++)
        for (int keep = 0; keep <= 1; keep++) {
            test_rolling(windows[i], 1, keep, &seed);
            test_rolling(windows[i], 7, keep, &seed);
        }
    printf("isa level %d\n", sxn_isa_level());
    return sxn_test_finish("test_spectral");
}
