/* The C harness of ttr_trend.c (under ASan+UBSan in CI): every kernel over k = 1, 5, 8, 19 assets of random
 * positive OHLCV bars, with buffers sized exactly (any access past the batch or the scratch is caught), checked
 *   - asset by asset bit for bit against the same kernel run on that asset alone (k = 1: a block of one lane), so
 *     the block loops and their tails do not mix assets;
 *   - on closed forms: a constant series gives its constant for the moving averages, n times it for wilderSum,
 *     0 for every volatility estimator, and ADX's warm-up (DI from bar n, ADX from bar 2n - 1) is NaN exactly there.
 * dev.sxn.math.indicators.TrendBatchesTest holds every kernel to the Java kernels (bit for bit, logs to 1e-12). */
#include "sxn_test.h"
#include "ttr_trend.h"
#include <stdint.h>
#include <string.h>

#define NB 5 /* open, high, low, close, volume */

static void fill(double **b, int64_t k, int64_t t, unsigned long long seed, int constant) {
    unsigned long long st = seed;
    for (int64_t a = 0; a < k; a++) {
        double p = 60 + 20 * sxn_test_uniform(&st);
        for (int64_t i = 0; i < t; i++) {
            const int64_t q = i * k + a;
            if (constant) {
                b[0][q] = b[1][q] = b[2][q] = b[3][q] = 42.5;
                b[4][q] = 1000;
                continue;
            }
            const double o = p, c = p * (1 + 0.02 * sxn_test_uniform(&st));
            b[0][q] = o;
            b[3][q] = c;
            b[1][q] = (o > c ? o : c) * (1.005 + 0.005 * sxn_test_uniform(&st));
            b[2][q] = (o < c ? o : c) * (0.995 + 0.005 * sxn_test_uniform(&st));
            b[4][q] = 1000 + 500 * sxn_test_uniform(&st);
            p = c;
        }
    }
}

/* column a of the batch x (k assets) into s */
static void column(const double *x, int64_t k, int64_t t, int64_t a, double *s) {
    for (int64_t i = 0; i < t; i++) s[i] = x[i * k + a];
}

static void same_bits(const double *batch, int64_t k, int64_t t, int64_t a, const double *one, const char *what) {
    for (int64_t i = 0; i < t; i++) {
        const double g = batch[i * k + a], w = one[i];
        sxn_checks++;
        if (memcmp(&g, &w, sizeof g) != 0 && sxn_failures++ < 20)
            fprintf(stderr, "FAIL %s asset %ld bar %ld: batch %.17g alone %.17g\n", what, (long) a, (long) i, g, w);
    }
}

/* runs kernel `which` (0..13) on the batch b into out[0..3]; work as the header asks */
static void run(int which, double **b, int64_t k, int64_t t, int32_t n, const double *w, double **out, double *work) {
    if (which < 7) {
        if (sxn_ttr_vol(which, b[0], b[1], b[2], b[3], k, t, n, 260, out[0], work) != 0) {
            sxn_failures++;
            fprintf(stderr, "FAIL sxn_ttr_vol refused method %d\n", which);
        }
        return;
    }
    switch (which) {
    case 7: sxn_ttr_adx(b[1], b[2], b[3], k, t, n, out[0], out[1], out[2], out[3]); break;
    case 8: sxn_ttr_hma(b[3], k, t, n, out[0], work); break;
    case 9: sxn_ttr_zlema(b[3], k, t, n, out[0]); break;
    case 10: sxn_ttr_wma(b[3], k, t, n, w, out[0]); break;
    case 11: sxn_ttr_evwma(b[3], b[4], k, t, n, out[0]); break;
    default: sxn_ttr_wilder(b[3], k, t, n, out[0]); break;
    }
}

static int outs(int which) { return which == 7 ? 4 : 1; }

static void per_asset_case(int64_t k, int64_t t, int32_t n) {
    double *b[NB], *one[NB], *out[4], *alone[4], *w = sxn_test_alloc(n), *work = sxn_test_alloc(SXN_TTR_WORK(t, n));
    for (int j = 0; j < NB; j++) {
        b[j] = sxn_test_alloc(k * t);
        one[j] = sxn_test_alloc(t);
    }
    for (int j = 0; j < 4; j++) {
        out[j] = sxn_test_alloc(k * t);
        alone[j] = sxn_test_alloc(t);
    }
    double ws = 0;
    for (int32_t j = 0; j < n; j++) ws += w[j] = 1.0 + j % 3;
    for (int32_t j = 0; j < n; j++) w[j] /= ws;
    fill(b, k, t, 7 + (unsigned long long) (k * 131 + t), 0);
    for (int which = 0; which <= 12; which++) {
        const int32_t nn = which == 0 || which == 1 ? (n < 3 ? 3 : n) : (which == 8 && n < 2 ? 2 : n);
        for (int j = 0; j < 4; j++)
            for (int64_t i = 0; i < k * t; i++) out[j][i] = -7.0;
        run(which, b, k, t, nn, w, out, work);
        for (int64_t a = 0; a < k; a++) {
            for (int j = 0; j < NB; j++) column(b[j], k, t, a, one[j]);
            run(which, one, 1, t, nn, w, alone, work);
            for (int j = 0; j < outs(which); j++) {
                char what[64];
                snprintf(what, sizeof what, "kernel %d output %d n %d", which, j, nn);
                same_bits(out[j], k, t, a, alone[j], what);
            }
        }
    }
    for (int j = 0; j < NB; j++) {
        free(b[j]);
        free(one[j]);
    }
    for (int j = 0; j < 4; j++) {
        free(out[j]);
        free(alone[j]);
    }
    free(w);
    free(work);
}

static void constant_case(int64_t k, int64_t t, int32_t n) {
    double *b[NB], *out[4], *w = sxn_test_alloc(n), *work = sxn_test_alloc(SXN_TTR_WORK(t, n));
    for (int j = 0; j < NB; j++) b[j] = sxn_test_alloc(k * t);
    for (int j = 0; j < 4; j++) out[j] = sxn_test_alloc(k * t);
    for (int32_t j = 0; j < n; j++) w[j] = 1.0 / n;
    fill(b, k, t, 1, 1);
    for (int which = 0; which <= 12; which++) {
        if (which == 7) continue;
        run(which, b, k, t, n, w, out, work);
        const int64_t q = (int64_t) sqrt((double) n);
        /* first defined bar of each kernel */
        int64_t first = n - 1;
        if (which == 0 || which == 1 || which == 5 || which == 6) first = which <= 1 ? n - 1 : n;
        if (which == 8) first = n - 1 + q - 1;
        double want = which < 7 ? 0.0 : 42.5;
        for (int64_t i = 0; i < t; i++) {
            /* wilderSum of a constant c: c + (n - 1) c (n - 1) / n at bar n - 1, then c + prev (n - 1) / n */
            if (which == 12 && i >= first) want = i == first ? 42.5 + 42.5 * (n - 1) * (n - 1) / n : 42.5 + want * (n - 1) / n;
            for (int64_t a = 0; a < k; a++) {
                const double g = out[0][i * k + a];
                if (i < first) {
                    sxn_checks++;
                    if (!isnan(g) && sxn_failures++ < 20) fprintf(stderr, "FAIL kernel %d bar %ld: %.17g in the warm-up\n", which, (long) i, g);
                } else {
                    SXN_CHECK_CLOSE(g, want, 1e-12, 1e-13, "constant", which * 100000 + i);
                }
            }
        }
    }
    /* ADX of a moving series: NaN exactly before bar n (DI) and 2n - 1 (ADX) */
    fill(b, k, t, 3, 0);
    sxn_ttr_adx(b[1], b[2], b[3], k, t, n, out[0], out[1], out[2], out[3]);
    for (int64_t i = 0; i < t; i++)
        for (int64_t a = 0; a < k; a++) {
            sxn_checks += 2;
            if (isnan(out[0][i * k + a]) != (i < n) && sxn_failures++ < 20) fprintf(stderr, "FAIL DI+ warm-up at %ld\n", (long) i);
            if (isnan(out[3][i * k + a]) != (i < 2 * n - 1) && sxn_failures++ < 20) fprintf(stderr, "FAIL ADX warm-up at %ld\n", (long) i);
        }
    for (int j = 0; j < NB; j++) free(b[j]);
    for (int j = 0; j < 4; j++) free(out[j]);
    free(w);
    free(work);
}

int main(void) {
    const int64_t ks[] = {1, 5, 8, 19};
    for (int i = 0; i < 4; i++) {
        per_asset_case(ks[i], 90, 14);
        per_asset_case(ks[i], 40, 3);
        per_asset_case(ks[i], 12, 12);
        constant_case(ks[i], 80, 10);
    }
    return sxn_test_finish("test_ttr_trend");
}
