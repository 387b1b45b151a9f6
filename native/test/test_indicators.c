/* Checks the indicator kernels: (1) the batched SIMD bodies equal the scalar per-asset bodies bit
 * for bit (k = 1 runs the scalar body; the single-series variance is its own algorithm, checked to
 * 1e-12 relative and in (3)), over asset counts around the block width and series with
 * missing values; (2) the scalar bodies against naive formulas (direct window sums, two-pass
 * variances, the plain EMA and RSI recurrences). Buffers are sized exactly (ASan catches any
 * access outside). Run once per ISA body by ctest (SXN_ISA). */
#include "sxn_test.h"
#include "indicators.h"
#include <stdint.h>
#include <string.h>
#include <float.h>

#define CHECK_TRUE(cond, what, idx)                                                            \
    do {                                                                                   \
        sxn_checks++;                                                                      \
        if (!(cond) && sxn_failures++ < 20) fprintf(stderr, "FAIL %s [%ld]\n", what, (long) (idx)); \
    } while (0)

/* The scratch the kernels need: SXN_IND_SCRATCH doubles per asset, allocated exactly (ASan checks the bound). */
static double *st_for(long k) { return sxn_test_alloc(SXN_IND_SCRATCH * k); }

static int same(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

static void fill(double *x, long n, unsigned long long *seed, int gaps) {
    double p = 100;
    for (long i = 0; i < n; i++) {
        p *= 1 + 0.01 * sxn_test_uniform(seed);
        x[i] = p;
    }
    if (gaps && n > 40) {
        x[n / 5] = NAN;
        x[n / 3] = INFINITY;
        for (long i = n / 2; i < n / 2 + 25 && i < n; i++) x[i] = x[n / 2 - 1]; /* a flat run */
    }
}

/* (1) batched == per asset, exactly */
static void batch_vs_scalar(long k, long t, long w) {
    unsigned long long seed = 1000 + k * 7 + t;
    double *x = sxn_test_alloc(k * t), *out = sxn_test_alloc(k * t);
    double *col = sxn_test_alloc(t), *ref = sxn_test_alloc(t), *stk = st_for(k), *st1 = st_for(1);
    for (long a = 0; a < k; a++) {
        fill(col, t, &seed, a % 3 == 1);
        for (long i = 0; i < t; i++) x[i * k + a] = col[i];
    }
    for (int op = 0; op < 5; op++) {
        switch (op) {
            case 0: sxn_indicators_rolling_sum(x, k, t, w, 1.0 / w, out, stk); break;
            case 1: sxn_indicators_rolling_var(x, k, t, w, 0, 0, out, stk); break;
            case 2: sxn_indicators_rolling_var(x, k, t, w < 2 ? 2 : w, 1, 1, out, stk); break;
            case 3: sxn_indicators_ema(x, k, t, w, 2.0 / (w + 1), out, stk); break;
            default: sxn_indicators_rsi(x, k, t, w, out, stk); break;
        }
        for (long a = 0; a < k; a++) {
            for (long i = 0; i < t; i++) col[i] = x[i * k + a];
            switch (op) {
                case 0: sxn_indicators_rolling_sum(col, 1, t, w, 1.0 / w, ref, st1); break;
                case 1: sxn_indicators_rolling_var(col, 1, t, w, 0, 0, ref, st1); break;
                case 2: sxn_indicators_rolling_var(col, 1, t, w < 2 ? 2 : w, 1, 1, ref, st1); break;
                case 3: sxn_indicators_ema(col, 1, t, w, 2.0 / (w + 1), ref, st1); break;
                default: sxn_indicators_rsi(col, 1, t, w, ref, st1); break;
            }
            for (long i = 0; i < t; i++) {
                sxn_checks++;
                /* the single-series variance is a different algorithm (var_series, relative error
                 * <= 2^-40 + 2 ulp; the per-asset body about 512 u): 1e-12 relative there */
                if ((op == 1 || op == 2) && k > 1 && isnan(out[i * k + a]) == isnan(ref[i]) &&
                    (isnan(ref[i]) || fabs(out[i * k + a] - ref[i]) <= 1e-12 * fabs(ref[i])))
                    continue;
                if (!same(out[i * k + a], ref[i]) && sxn_failures++ < 20)
                    fprintf(stderr, "FAIL op %d k=%ld t=%ld w=%ld a=%ld i=%ld: %.17g vs %.17g\n", op, k, t, w, a, i, out[i * k + a], ref[i]);
            }
        }
    }
    free(x); free(out); free(col); free(ref); free(stk); free(st1);
}

/* (2) scalar bodies against naive formulas, on a clean series */
static void naive(long t, long w) {
    unsigned long long seed = 77 + t + w;
    double *x = sxn_test_alloc(t), *out = sxn_test_alloc(t), *st1 = st_for(1);
    fill(x, t, &seed, 0);
    sxn_indicators_rolling_sum(x, 1, t, w, 1.0, out, st1);
    for (long i = w - 1; i < t; i++) {
        double s = 0;
        for (long j = i - w + 1; j <= i; j++) s += x[j];
        SXN_CHECK_CLOSE(out[i], s, 0, 1e-13, "rolling sum", i);
    }
    sxn_indicators_rolling_var(x, 1, t, w, 0, 0, out, st1);
    for (long i = w - 1; i < t; i++) {
        double s = 0, q = 0;
        for (long j = i - w + 1; j <= i; j++) s += x[j];
        for (long j = i - w + 1; j <= i; j++) q += (x[j] - s / w) * (x[j] - s / w);
        SXN_CHECK_CLOSE(out[i], q / w, 1e-12, 1e-10, "rolling var", i);
    }
    sxn_indicators_ema(x, 1, t, w, 2.0 / (w + 1), out, st1);
    double e = 0;
    for (long i = 0; i < w; i++) e += x[i];
    e /= w;
    SXN_CHECK_CLOSE(out[w - 1], e, 0, 1e-15, "ema seed", w - 1);
    for (long i = w; i < t; i++) {
        e += 2.0 / (w + 1) * (x[i] - e);
        SXN_CHECK_CLOSE(out[i], e, 0, 1e-13, "ema", i);
    }
    if (w < t) {
        sxn_indicators_rsi(x, 1, t, w, out, st1);
        double up = 0, dn = 0;
        for (long i = 1; i <= w; i++) {
            double d = x[i] - x[i - 1];
            up += d > 0 ? d : 0;
            dn += d < 0 ? -d : 0;
        }
        up /= w; dn /= w;
        SXN_CHECK_CLOSE(out[w], 100 * up / (up + dn), 0, 1e-13, "rsi seed", w);
        for (long i = w + 1; i < t; i++) {
            double d = x[i] - x[i - 1];
            up += ((d > 0 ? d : 0) - up) / w;
            dn += ((d < 0 ? -d : 0) - dn) / w;
            SXN_CHECK_CLOSE(out[i], 100 * up / (up + dn), 0, 1e-11, "rsi", i);
        }
    }
    free(x); free(out); free(st1);
}

/* (3) single-series variance on a calm stretch after a storm, and on flat runs, against the two-pass */
static void calm_after_storm(long t, long w) {
    unsigned long long seed = 991 + w;
    double *x = sxn_test_alloc(t), *out = sxn_test_alloc(t), *st1 = st_for(1);
    for (long i = 0; i < t; i++) {
        double amp = (i / 300) % 2 == 0 ? 5.0 : 1e-7; /* storms and calms of 300 steps */
        x[i] = (i % 700 > 650) ? 100.0 : 100 + amp * sxn_test_uniform(&seed);
    }
    sxn_indicators_rolling_var(x, 1, t, w, 0, 0, out, st1);
    for (long i = w - 1; i < t; i++) {
        double s = 0, q = 0;
        for (long j = i - w + 1; j <= i; j++) s += x[j];
        for (long j = i - w + 1; j <= i; j++) q += (x[j] - s / w) * (x[j] - s / w);
        SXN_CHECK_CLOSE(out[i], q / w, 1e-26, 1e-11, "calm-after-storm var", i);
    }
    free(x); free(out); free(st1);
}

/* (4) single-series variance fast blocks (w >= 16): a random walk with a storm/calm stretch, a level
 * jump by 2^34, a flat run (exactly 0), NaN and infinities, a very calm stretch, against the two-pass */
static void fast_blocks(long t, long w) {
    unsigned long long seed = 4242 + w;
    double *x = sxn_test_alloc(t), *out = sxn_test_alloc(t), *st1 = st_for(1);
    double p = 100;
    for (long i = 0; i < t; i++) {
        double amp = (i >= 2000 && i < 3000) ? ((i / 37) % 2 == 0 ? 1e-2 : 1e-7) : 3e-3;
        p *= 1 + amp * sxn_test_uniform(&seed);
        x[i] = p;
        if (i >= 4000 && i < 4600) x[i] *= 0x1p34;
        if (i >= 9000 && i < 10000) x[i] = 100 + 1e-9 * (sxn_test_uniform(&seed) + 1);
    }
    for (long i = 6000; i < 6100; i++) x[i] = x[5999];
    x[7000] = NAN;
    x[7500] = INFINITY;
    x[8001] = -INFINITY;
    sxn_indicators_rolling_var(x, 1, t, w, 0, 0, out, st1);
    for (long i = w - 1; i < t; i++) {
        double s = 0, q = 0;
        int bad = 0;
        for (long j = i - w + 1; j <= i; j++) { s += x[j]; bad |= !(fabs(x[j]) <= DBL_MAX); }
        if (bad) {
            CHECK_TRUE(isnan(out[i]), "fast-block var NaN window", i);
            continue;
        }
        for (long j = i - w + 1; j <= i; j++) q += (x[j] - s / w) * (x[j] - s / w);
        if (i >= 6000 + w - 1 && i < 6100) q = 0;
        SXN_CHECK_CLOSE(out[i], q / w, 1e-27 * w, 1e-11, "fast-block var", i);
        if (i >= 6000 + w - 1 && i < 6100) CHECK_TRUE(out[i] == 0, "fast-block flat window exactly 0", i);
    }
    free(x); free(out); free(st1);
}

/* (5) single-series variance and std, eight-lane blocks (AVX-512, 16 <= w <= 96; other bodies take
 * var_blocks on the same data): series lengths around the block span (8 b outputs, b = 16, 24 or 32)
 * and the start (w rounded up to 8), NaN / infinities at lane and block boundaries and inside a
 * lane's start window, a flat run covering whole lanes (exactly 0), a level jump by 2^34 and a
 * storm then a calm inside one block, a flat stretch inside a run (its lane's shift is not the flat
 * value, so its M2 is not exactly 0 there: the check must send the lane to the fallback), against the
 * two-pass (std against its square root) */
static void lane_blocks(long t, long w, int sq, unsigned long long seed, double scale) {
    double *x = sxn_test_alloc(t), *out = sxn_test_alloc(t), *st1 = st_for(1);
    const long b = w < 20 ? 16 : (w < 28 ? 24 : 32), w8 = (w + 7) / 8 * 8, span = 8 * b;
    double p = 100;
    for (long i = 0; i < t; i++) {
        p *= 1 + 3e-3 * sxn_test_uniform(&seed);
        x[i] = p;
    }
    if (scale != 1) { /* tiny (M2 near the 2^-900 floor: those lanes fall back) or huge values */
        for (long i = 0; i < t; i++) x[i] *= scale;
    } else if (seed % 2 == 0) {
        long j0 = w8 + span; /* the second block */
        for (long i = j0 + 2 * b; i < j0 + 4 * b && i < t; i++) x[i] = 0x1p34 * (1 + 1e-3 * sxn_test_uniform(&seed));
        for (long i = j0 + 5 * b - w; i < j0 + 7 * b && i < t; i++) x[i] = 77.25; /* lanes 5, 6 flat */
        for (long i = j0 + 7 * b; i < j0 + 8 * b && i < t; i++)
            x[i] = 100 + ((i - j0 - 7 * b) < b / 2 ? 10.0 : 1e-8) * sxn_test_uniform(&seed);
        long j1 = w8 + 2 * span + 4 * b + 2; /* third block, lane 4: flat over w + 4 values */
        for (long i = j1; i < j1 + w + 4 && i < t; i++) x[i] = 55.5;
    } else {
        long marks[] = {w8, w8 + b, w8 + b - 1, w8 + span, w8 + span - 1, w8 + span + 3 * b - w, w8 + span + 3 * b - w - 1,
                        w8 + 2 * span + 5 * b + 7, t - 1, t - w};
        for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
            if (marks[m] >= 0 && marks[m] < t) x[marks[m]] = m % 3 == 0 ? NAN : (m % 3 == 1 ? INFINITY : -INFINITY);
    }
    sxn_indicators_rolling_var(x, 1, t, w, 0, sq, out, st1);
    for (long i = 0; i < t; i++) {
        if (i < w - 1) {
            CHECK_TRUE(isnan(out[i]), "lane warm-up NaN", i);
            continue;
        }
        double s = 0, q = 0;
        int bad = 0, flat = 1;
        for (long j = i - w + 1; j <= i; j++) {
            s += x[j];
            bad |= !(fabs(x[j]) <= DBL_MAX);
            flat &= x[j] == x[i];
        }
        if (bad) {
            CHECK_TRUE(isnan(out[i]), "lane NaN window", i);
            continue;
        }
        for (long j = i - w + 1; j <= i; j++) q += (x[j] - s / w) * (x[j] - s / w);
        q /= w;
        if (flat) {
            CHECK_TRUE(out[i] == 0, "lane flat window exactly 0", i);
            continue;
        }
        if (sq) SXN_CHECK_CLOSE(out[i], sqrt(q), 1e-14 * scale, 1e-11, "lane std", i);
        else SXN_CHECK_CLOSE(out[i], q, 1e-27 * w * scale * scale, 1e-11, "lane var", i);
    }
    free(x); free(out); free(st1);
}

/* (6) values too large to square (|x| above about 1.3e154, up to 1.2e307 where even a window's sum
 * overflows), single series (every path: per-output bound, fast blocks, AVX-512 lanes) and batches
 * (SIMD bodies and scalar tails): ordinary stretches, huge ones with a NaN and a flat run (exactly 0),
 * ordinary again (the sums must recover), against the two-pass in long double (x87: no overflow
 * below 1e4932); variance +Inf exactly where the true one exceeds DBL_MAX, std finite. */
static void huge_values(long k, long t, long w, int sq) {
    unsigned long long seed = 31337 + k * 131 + w * 7 + sq;
    double *x = sxn_test_alloc(k * t), *out = sxn_test_alloc(k * t), *st = st_for(k);
    for (long a = 0; a < k; a++) {
        double level = 1.75;
        for (long i = 0; i < t; i++) {
            level += 0.01 * sxn_test_uniform(&seed);
            level = level < 1.3 ? 1.3 : (level > 2.2 ? 2.2 : level);
            long part = i * 6 / t;
            const double scales[] = {100, 1e200, 100, 5e306, 1e160, 100};
            x[i * k + a] = (level + 0.15 * sxn_test_uniform(&seed)) * scales[(part + a) % 6];
        }
        x[(t / 6 + 40 + a) * k + a] = NAN;
        for (long i = t / 3 + 10; i < t / 3 + 10 + w + 30; i++) x[i * k + a] = x[(t / 3 + 9) * k + a];
    }
    const int ddof = sq ? 0 : 1;
    sxn_indicators_rolling_var(x, k, t, w, ddof, sq, out, st);
    for (long a = 0; a < k; a++)
        for (long i = 0; i < t; i++) {
            double got = out[i * k + a];
            if (i < w - 1) {
                CHECK_TRUE(isnan(got), "huge warm-up NaN", i);
                continue;
            }
            long double s = 0, q = 0;
            int bad = 0, flat = 1;
            for (long j = i - w + 1; j <= i; j++) {
                double v = x[j * k + a];
                bad |= !(fabs(v) <= DBL_MAX);
                flat &= v == x[i * k + a];
                s += v;
            }
            if (bad) {
                CHECK_TRUE(isnan(got), "huge NaN window", i);
                continue;
            }
            if (flat) {
                CHECK_TRUE(got == 0, "huge flat window exactly 0", i);
                continue;
            }
            long double m = s / w;
            for (long j = i - w + 1; j <= i; j++) q += (x[j * k + a] - m) * (x[j * k + a] - m);
            long double var = q / (w - ddof);
            double want = sq ? (double) sqrtl(var) : (double) var;
            if (isinf(want)) CHECK_TRUE(got == want, "huge var +Inf", i);
            else SXN_CHECK_CLOSE(got, want, 0, 1e-11, sq ? "huge std" : "huge var", i);
        }
    free(x); free(out); free(st);
}

int main(void) {
    calm_after_storm(3000, 2);
    calm_after_storm(3000, 7);
    calm_after_storm(3000, 20);
    calm_after_storm(3000, 70);
    calm_after_storm(3000, 33);
    calm_after_storm(3000, 200);
    long fws[] = {16, 20, 33, 64, 200, 513};
    for (size_t b = 0; b < sizeof fws / sizeof *fws; b++) fast_blocks(11000, fws[b]);
    long lws[] = {16, 17, 19, 20, 23, 24, 27, 28, 31, 33, 39, 40, 41, 63, 64, 95, 96, 97};
    for (size_t b = 0; b < sizeof lws / sizeof *lws; b++) {
        long w = lws[b], w8 = (w + 7) / 8 * 8, span = 8 * (w < 20 ? 16 : (w < 28 ? 24 : 32));
        long ts[] = {w, w + 1, w8, w8 + 1, w8 + span - 1, w8 + span, w8 + span + 1, w8 + 3 * span - 3, w8 + 3 * span,
                     w8 + 3 * span + 5, w8 + 4 * span + 7};
        for (size_t c = 0; c < sizeof ts / sizeof *ts; c++)
            for (int v = 0; v < 4; v++) lane_blocks(ts[c], w, v / 2, 5000 + 13 * b + 3 * c + v, 1.0);
        const double scales[] = {0x1p-440, 0x1p-470, 0x1p+490, 0x1p+490};
        for (int v = 0; v < 4; v++) lane_blocks(w8 + 3 * span + 5, w, v % 2, 6000 + b, scales[v]);
    }
    long ks[] = {1, 2, 15, 16, 17, 31, 33, 48};
    long ws[] = {1, 2, 5, 14};
    for (size_t a = 0; a < sizeof ks / sizeof *ks; a++)
        for (size_t b = 0; b < sizeof ws / sizeof *ws; b++) batch_vs_scalar(ks[a], 150, ws[b]);
    batch_vs_scalar(17, 2100, 30); /* crosses the 1024-step re-summation twice */
    batch_vs_scalar(16, 9, 9);     /* window = whole series */
    long hws[] = {2, 7, 16, 20, 33, 64, 96, 200};
    for (size_t b = 0; b < sizeof hws / sizeof *hws; b++)
        for (int sq = 0; sq < 2; sq++) {
            huge_values(1, 2400, hws[b], sq);
            huge_values(17, 1300, hws[b], sq);
        }
    naive(300, 1);
    naive(300, 10);
    naive(3000, 40);
    printf("isa level %d\n", sxn_isa_level());
    return sxn_test_finish("test_indicators");
}
