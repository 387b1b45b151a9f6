/* Checks the batched stream row kernels (stream.c) against the batched array kernels of indicators.c, bit for
 * bit: a batch stepped row by row through sxn_stream_ema / _rsi / _sum gives sxn_indicators_ema / _rsi /
 * _rolling_sum's values at every (row, asset), with missing values (NaN, +-Inf), flat stretches and odd asset
 * counts; the ATR against the true range recomputed here and sxn_indicators_ema (alpha 1/n). Each call
 * reads st_in and writes st_out only (st_in is checked untouched), so a re-run or a peek is exact. Buffers are
 * sized exactly for ASan. */
#include "sxn_test.h"
#include "indicators.h"
#include "stream.h"
#include <string.h>

static int same_bits(double a, double b) { return (isnan(a) && isnan(b)) || memcmp(&a, &b, 8) == 0; }

#define SAME(got, want, what, idx)                                                                      \
    do {                                                                                               \
        sxn_checks++;                                                                                  \
        if (!same_bits((got), (want)) && sxn_failures++ < 20)                                          \
            fprintf(stderr, "FAIL %s [%ld]: got %.17g want %.17g\n", what, (long) (idx), (got), (want)); \
    } while (0)

static void series(double *x, int64_t n, unsigned long long seed) {
    unsigned long long s = seed;
    double p = 100;
    for (int64_t i = 0; i < n; i++) {
        double u = sxn_test_uniform(&s);
        p += sxn_test_uniform(&s);
        x[i] = u > 0.95 ? NAN : u > 0.93 ? INFINITY : (u > 0.8 && i > 0 && isfinite(x[i - 1])) ? x[i - 1] : p;
    }
}

static void run_case(int64_t k, int64_t t, int64_t n) {
    double *x = sxn_test_alloc(k * t), *want = sxn_test_alloc(k * t), *scr = sxn_test_alloc(SXN_IND_SCRATCH * k);
    double *st = sxn_test_alloc(4 * k), *st2 = sxn_test_alloc(4 * k), *copy = sxn_test_alloc(4 * k), *out = sxn_test_alloc(k);
    double *ring = sxn_test_alloc(2 * (n + 1) * k);
    series(x, k * t, 0x9e3779b97f4a7c15ull ^ (unsigned long long) (k * 31 + n));
    /* EMA */
    sxn_indicators_ema(x, k, t, n, 2.0 / (n + 1), want, scr);
    memset(st, 0, sizeof(double) * 3 * k);
    for (int64_t i = 0; i < t; i++) {
        memcpy(copy, st, sizeof(double) * 3 * k);
        sxn_stream_ema(x + i * k, k, st, st2, n, 2.0 / (n + 1), out);
        for (int64_t a = 0; a < 3 * k; a++) SAME(st[a], copy[a], "ema st_in untouched", a);
        for (int64_t a = 0; a < k; a++) SAME(out[a], want[i * k + a], "ema", i * k + a);
        memcpy(st, st2, sizeof(double) * 3 * k);
    }
    /* RSI */
    sxn_indicators_rsi(x, k, t, n, want, scr);
    memset(st, 0, sizeof(double) * 4 * k);
    for (int64_t i = 0; i < t; i++) {
        sxn_stream_rsi(x + i * k, k, st, st2, n, out);
        for (int64_t a = 0; a < k; a++) SAME(out[a], want[i * k + a], "rsi", i * k + a);
        memcpy(st, st2, sizeof(double) * 4 * k);
    }
    /* SMA through the doubled ring of n + 1 rows */
    sxn_indicators_rolling_sum(x, k, t, n, 1.0 / n, want, scr);
    memset(st, 0, sizeof(double) * 3 * k);
    memset(ring, 0, sizeof(double) * 2 * (n + 1) * k);
    for (int64_t i = 0, pos = 0; i < t; i++, pos = pos + 1 == n + 1 ? 0 : pos + 1) {
        memcpy(ring + pos * k, x + i * k, sizeof(double) * k);
        memcpy(ring + (pos + n + 1) * k, x + i * k, sizeof(double) * k);
        sxn_stream_sum(ring, (pos + n + 1) * k, n * k, k, st, st2, n, 1.0 / n, out);
        for (int64_t a = 0; a < k; a++) SAME(out[a], want[i * k + a], "sma", i * k + a);
        memcpy(st, st2, sizeof(double) * 3 * k);
    }
    /* ATR: high = x + 1, low = x - 1, close = x; the true range recomputed here, then the EMA kernel. */
    double *h = sxn_test_alloc(k * t), *l = sxn_test_alloc(k * t), *tr = sxn_test_alloc(k * t);
    for (int64_t j = 0; j < k * t; j++) {
        h[j] = x[j] + 1;
        l[j] = x[j] - 1;
    }
    for (int64_t a = 0; a < k; a++) {
        double pc = NAN;
        for (int64_t i = 0; i < t; i++) {
            const int64_t j = i * k + a;
            const int ok = isfinite(h[j]) && isfinite(l[j]) && isfinite(x[j]);
            tr[j] = ok && isfinite(pc) ? fmax(h[j], pc) - fmin(l[j], pc) : NAN;
            pc = ok ? x[j] : NAN;
        }
    }
    sxn_indicators_ema(tr, k, t, n, 1.0 / n, want, scr);
    for (int64_t a = 0; a < 4 * k; a++) st[a] = a < k ? NAN : 0;
    for (int64_t i = 0; i < t; i++) {
        sxn_stream_atr(h + i * k, l + i * k, x + i * k, k, st, st2, n, out);
        for (int64_t a = 0; a < k; a++) SAME(out[a], want[i * k + a], "atr", i * k + a);
        memcpy(st, st2, sizeof(double) * 4 * k);
    }
    free(h);
    free(l);
    free(tr);
    free(x);
    free(want);
    free(scr);
    free(st);
    free(st2);
    free(copy);
    free(out);
    free(ring);
}

int main(void) {
    const int64_t ks[] = {1, 3, 16, 17, 40};
    const int64_t ns[] = {1, 2, 5, 14};
    for (unsigned i = 0; i < sizeof ks / sizeof ks[0]; i++)
        for (unsigned j = 0; j < sizeof ns / sizeof ns[0]; j++) run_case(ks[i], 300, ns[j]);
    return sxn_test_finish("test_stream");
}
