/* Checks sxn_paths_gbm (every ISA body, via SXN_ISA) against an independent path-by-path recomputation
 * from the scalar slots of stochastic.h (sxn_rng_dense, AS241) and sxn_path_exp, bit for bit, for both
 * generators, plain and antithetic paths, path output and every reduction mask, at block edges: path
 * counts around the AVX-512 group widths (32 plain, 64 paired paths; a tail runs as a masked group from a
 * quarter group on, scalar below) and not multiples of 8, odd and even first paths (a pair cut by the
 * block edge), steps 1 and steps that end inside a Philox block, row strides wider than the block and
 * offsets. Buffers are sized exactly (off + (rows - 1) * ld + paths) and every
 * element outside the block is checked untouched. Also sxn_path_exp against the C library's exp (1 ulp)
 * and the reductions of a large block against the lognormal's moments. */
#include "sxn_test.h"
#include "paths.h"
#include <stdint.h>
#include <string.h>

static int same_bits(double a, double b) { return memcmp(&a, &b, 8) == 0; }

/* The normal of slot (lane, t) of the stream. */
static double slot_normal(int32_t gen, uint64_t seed, uint64_t stream, uint64_t lane, int64_t t) {
    const int64_t v = gen == SXN_RNG_PHILOX4X64 ? 4 : 2;
    uint64_t w[4];
    sxn_rng_dense(gen, seed, stream, lane, (uint64_t) (t / v), w);
    return sxn_normal_quantile(sxn_unit_open(w[t % v]));
}

static int rows_of(int32_t what) {
    return what == SXN_PATH_WHAT_PATHS ? -1 : __builtin_popcount((unsigned) what);
}

static void gbm_case(int32_t gen, int32_t anti, int32_t what, int64_t first, int64_t paths, int64_t steps, int64_t ld, int64_t off) {
    const uint64_t seed = 0x243f6a8885a308d3ull ^ (uint64_t) (first * 131 + steps), stream = gen == SXN_RNG_PHILOX4X32 ? 77 : 0xabcdef0123ull;
    const double x0 = 4.6, drift = 0.0004, vol = 0.02;
    const int64_t rows = what == SXN_PATH_WHAT_PATHS ? steps : rows_of(what);
    const int64_t n = off + (rows - 1) * ld + paths;
    double *got = sxn_test_alloc(n), *want = sxn_test_alloc(n);
    for (int64_t k = 0; k < n; k++) got[k] = want[k] = -7.0;
    sxn_paths_gbm(gen, (int64_t) seed, (int64_t) stream, x0, drift, vol, first, paths, steps, anti, what, got, off, ld);
    for (int64_t i = 0; i < paths; i++) {
        const uint64_t p = (uint64_t) (first + i);
        const uint64_t lane = anti ? p >> 1 : p;
        const int mirrored = anti && (p & 1);
        double x = x0, mx = -INFINITY, mn = INFINITY, sum = 0.0;
        for (int64_t t = 0; t < steps; t++) {
            double z = slot_normal(gen, seed, stream, lane, t);
            if (mirrored) z = -z;
            x = x + (drift + vol * z);
            if (what == SXN_PATH_WHAT_PATHS) want[off + t * ld + i] = sxn_path_exp(x);
            mx = x > mx ? x : mx;
            mn = x < mn ? x : mn;
            sum += sxn_path_exp(x);
        }
        if (what == SXN_PATH_WHAT_PATHS) continue;
        int64_t idx = off + i;
        if (what & SXN_PATH_TERMINAL) { want[idx] = sxn_path_exp(x); idx += ld; }
        if (what & SXN_PATH_MAXIMUM) { want[idx] = sxn_path_exp(mx); idx += ld; }
        if (what & SXN_PATH_MINIMUM) { want[idx] = sxn_path_exp(mn); idx += ld; }
        if (what & SXN_PATH_AVERAGE) want[idx] = sum / (double) steps;
    }
    for (int64_t k = 0; k < n; k++) {
        sxn_checks++;
        if (!same_bits(got[k], want[k]) && sxn_failures++ < 20) {
            fprintf(stderr, "FAIL gbm gen %d anti %d what %d first %ld paths %ld steps %ld [%ld]: %.17g vs %.17g\n", gen, anti, what,
                    (long) first, (long) paths, (long) steps, (long) k, got[k], want[k]);
        }
    }
    free(got);
    free(want);
}

/* 2 10^4 terminal values of S_0 = 1, mu = 0.05, sigma = 0.2 at T = 1 in 4 steps: mean e^mu within 5
 * standard errors, and the maximum never below the terminal or the minimum. */
static void moments(void) {
    const int64_t n = 20000, steps = 4;
    const double dt = 0.25, sigma = 0.2, mu = 0.05;
    double *r = sxn_test_alloc(3 * n);
    sxn_paths_gbm(SXN_RNG_PHILOX4X64, 11, 5, 0.0, (mu - 0.5 * sigma * sigma) * dt, sigma * sqrt(dt), 0, n, steps, 0,
                  SXN_PATH_TERMINAL | SXN_PATH_MAXIMUM | SXN_PATH_MINIMUM, r, 0, n);
    double mean = 0;
    for (int64_t i = 0; i < n; i++) {
        mean += r[i];
        sxn_checks++;
        if (!(r[n + i] >= r[i] && r[i] >= r[2 * n + i]) && sxn_failures++ < 20) fprintf(stderr, "FAIL extremes [%ld]\n", (long) i);
    }
    mean /= (double) n;
    const double want = exp(mu), sd = want * sqrt(exp(sigma * sigma) - 1);
    SXN_CHECK_CLOSE(mean, want, 5 * sd / sqrt((double) n), 0, "terminal mean", 0);
    free(r);
}

int main(void) {
    /* PathExp against the C library's exp: within 1 ulp over [-745, 709] (an ulp of the subnormals is
     * 2^-1074) and at the clamps. */
    unsigned long long s = 9;
    for (int k = 0; k < 100000; k++) {
        double x = 727.0 * sxn_test_uniform(&s) - 18.0;
        double e = exp(x);
        SXN_CHECK_CLOSE(sxn_path_exp(x), e, 0x1p-1074, 0x1p-52, "path exp", k);
    }
    SXN_CHECK_CLOSE(sxn_path_exp(0.0), 1.0, 0, 0, "exp(0)", 0);
    SXN_CHECK_CLOSE(sxn_path_exp(-800.0), 0.0, 0, 0, "exp underflow", 0);
    sxn_checks++;
    if (!isinf(sxn_path_exp(800.0)) && sxn_failures++ < 20) fprintf(stderr, "FAIL exp overflow\n");
    sxn_checks++;
    if (!isnan(sxn_path_exp(NAN)) && sxn_failures++ < 20) fprintf(stderr, "FAIL exp NaN\n");

    static const int64_t shapes[][5] = {
        /* first, paths, steps, ld, off */
        {0, 1, 1, 1, 0}, {1, 1, 3, 2, 1}, {0, 7, 1, 7, 0}, {3, 31, 5, 33, 2}, {0, 32, 4, 32, 0}, {5, 33, 7, 40, 3},
        {0, 64, 2, 64, 0}, {1, 64, 9, 64, 0}, {2, 65, 6, 70, 1}, {7, 100, 13, 101, 0}, {0, 129, 3, 131, 4}, {1, 130, 1, 130, 0},
        {0, 8, 3, 8, 0}, {1, 17, 3, 17, 1}, {2, 40, 5, 41, 0}, {4294967200LL, 70, 5, 70, 0},
    };
    static const int32_t whats[] = {SXN_PATH_WHAT_PATHS, SXN_PATH_TERMINAL, SXN_PATH_MAXIMUM | SXN_PATH_MINIMUM,
                                    SXN_PATH_AVERAGE, SXN_PATH_TERMINAL | SXN_PATH_MINIMUM | SXN_PATH_AVERAGE,
                                    SXN_PATH_TERMINAL | SXN_PATH_MAXIMUM | SXN_PATH_MINIMUM | SXN_PATH_AVERAGE};
    for (size_t c = 0; c < sizeof shapes / sizeof shapes[0]; c++) {
        for (int32_t gen = 0; gen <= 1; gen++) {
            for (int32_t anti = 0; anti <= 1; anti++) {
                for (size_t w = 0; w < sizeof whats / sizeof whats[0]; w++) {
                    const int64_t *p = shapes[c];
                    /* Philox4x32 lanes end at 2^32; a paired block's lanes are half its paths. */
                    if (gen == SXN_RNG_PHILOX4X32 && !anti && p[0] + p[1] > (1LL << 32)) continue;
                    gbm_case(gen, anti, whats[w], p[0], p[1], p[2], p[3], p[4]);
                }
            }
        }
    }
    moments();
    printf("isa level %d\n", sxn_isa_level());
    return sxn_test_finish("test_paths");
}
