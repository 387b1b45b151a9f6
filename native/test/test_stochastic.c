/* Checks sxn_stochastic_fill (every ISA body, via SXN_ISA) against the scalar reference of stochastic.h
 * element by element, bit for bit, for both generators, every mode, odd shapes (lane counts that leave
 * vector tails, step ranges that start and end inside a block, row strides wider than the block) and
 * lanes that straddle 2^32; and the scalar Philox against Random123's known-answer vectors
 * (tests/kat_vectors of DEShawResearch/random123: philox4x32 10 and philox4x64 10). Buffers are sized
 * exactly (offset + (steps - 1) * ld + lanes), so ASan catches any access outside the block. */
#include "sxn_test.h"
#include "stochastic.h"
#include <stdint.h>
#include <string.h>

static int same_bits(const void *a, const void *b) { return memcmp(a, b, 8) == 0; }

static void kat(void) {
    static const uint32_t c32[3][6] = {{0, 0, 0, 0, 0, 0},
                                       {0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
                                       {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0}};
    static const uint32_t o32[3][4] = {{0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
                                       {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
                                       {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}};
    static const uint64_t c64[3][6] = {{0, 0, 0, 0, 0, 0},
                                       {~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull},
                                       {0x243f6a8885a308d3ull, 0x13198a2e03707344ull, 0xa4093822299f31d0ull, 0x082efa98ec4e6c89ull,
                                        0x452821e638d01377ull, 0xbe5466cf34e90c6cull}};
    static const uint64_t o64[3][4] = {{0x16554d9eca36314cull, 0xdb20fe9d672d0fdcull, 0xd7e772cee186176bull, 0x7e68b68aec7ba23bull},
                                       {0x87b092c3013fe90bull, 0x438c3c67be8d0224ull, 0x9cc7d7c69cd777b6ull, 0xa09caebf594f0ba0ull},
                                       {0xa528f45403e61d95ull, 0x38c72dbd566e9788ull, 0xa5a1610e72fd18b5ull, 0x57bd43b5e52b7fe6ull}};
    for (int v = 0; v < 3; v++) {
        uint32_t x[4] = {c32[v][0], c32[v][1], c32[v][2], c32[v][3]};
        sxn_philox4x32(x, c32[v][4], c32[v][5]);
        uint64_t y[4] = {c64[v][0], c64[v][1], c64[v][2], c64[v][3]};
        sxn_philox4x64(y, c64[v][4], c64[v][5]);
        for (int k = 0; k < 4; k++) {
            SXN_CHECK_CLOSE((double) x[k], (double) o32[v][k], 0, 0, "philox4x32 kat", v * 4 + k);
            sxn_checks++;
            if (y[k] != o64[v][k] && sxn_failures++ < 20) fprintf(stderr, "FAIL philox4x64 kat [%d]\n", v * 4 + k);
        }
    }
}

static void fill_case(int32_t gen, int32_t mode, int64_t lane0, int64_t lanes, int64_t step0, int64_t steps, int64_t ld, int64_t off) {
    int64_t n = lanes > 0 && steps > 0 ? off + (steps - 1) * ld + lanes : 0;
    uint64_t seed = 0x9e3779b97f4a7c15ull ^ (uint64_t) (lane0 * 31 + step0), stream = gen == SXN_RNG_PHILOX4X32 ? 12345 : 0xfeedfacecafebeefull;
    double *got = sxn_test_alloc(n), *want = sxn_test_alloc(n);
    for (int64_t k = 0; k < n; k++) got[k] = want[k] = -7.0;
    sxn_stochastic_fill(gen, mode, (int64_t) seed, (int64_t) stream, lane0, lanes, step0, steps, got, off, ld);
    const int64_t v = gen == SXN_RNG_PHILOX4X64 ? 4 : 2;
    uint64_t w[4];
    for (int64_t r = 0; r < steps; r++) {
        for (int64_t i = 0; i < lanes; i++) {
            int64_t t = step0 + r;
            sxn_rng_dense(gen, seed, stream, (uint64_t) (lane0 + i), (uint64_t) (t / v), w);
            sxn_rng_store(mode, w[t % v], want, off + r * ld + i);
        }
    }
    for (int64_t k = 0; k < n; k++) {
        sxn_checks++;
        if (!same_bits(&got[k], &want[k]) && sxn_failures++ < 20) {
            fprintf(stderr, "FAIL fill gen %d mode %d lanes %ld steps %ld [%ld]: %.17g vs %.17g\n", gen, mode, (long) lanes, (long) steps,
                    (long) k, got[k], want[k]);
        }
    }
    free(got);
    free(want);
}

static void normals_in_range(void) {
    /* A large batch: every normal finite and within AS241's range for the open uniforms, |z| <= 8.3. */
    const int64_t lanes = 1000, steps = 200;
    double *z = sxn_test_alloc(lanes * steps);
    sxn_stochastic_fill(SXN_RNG_PHILOX4X64, SXN_RNG_MODE_NORMAL, 7, 3, 0, lanes, 0, steps, z, 0, lanes);
    double sum = 0, sq = 0;
    for (int64_t k = 0; k < lanes * steps; k++) {
        SXN_CHECK_CLOSE(z[k], 0, 8.3, 0, "normal range", k);
        sum += z[k];
        sq += z[k] * z[k];
    }
    double mean = sum / (lanes * steps), var = sq / (lanes * steps) - mean * mean;
    SXN_CHECK_CLOSE(mean, 0, 0.015, 0, "normal mean (5 standard errors)", 0);
    SXN_CHECK_CLOSE(var, 1, 0.02, 0, "normal variance", 0);
    free(z);
}

int main(void) {
    kat();
    /* fdlibm's log against the C library's: within 1 ulp (they are different correctly-rounded-or-nearly codes). */
    unsigned long long s = 5;
    for (int k = 0; k < 100000; k++) {
        double x = sxn_unit_open((uint64_t) (s = s * 6364136223846793005ULL + 1442695040888963407ULL));
        SXN_CHECK_CLOSE(sxn_fdlog(x), log(x), 0, 0x1p-52, "fdlog", k);
    }
    static const int64_t shapes[][6] = {
        /* lane0, lanes, step0, steps, ld, off */
        {0, 0, 0, 5, 3, 0}, {0, 5, 0, 0, 5, 0}, {0, 1, 0, 1, 1, 0}, {0, 8, 0, 4, 8, 0}, {0, 16, 0, 8, 16, 0},
        {3, 7, 1, 5, 9, 2}, {0, 37, 3, 23, 41, 5}, {4294967290LL, 13, 6, 9, 13, 0}, {2147483643LL, 21, 2, 7, 30, 1},
        {100, 64, 7, 1, 64, 0}, {5, 9, 9, 2, 9, 3}, {0, 103, 0, 17, 103, 0},
    };
    for (size_t c = 0; c < sizeof shapes / sizeof shapes[0]; c++) {
        for (int32_t gen = 0; gen <= 1; gen++) {
            for (int32_t mode = 0; mode <= 3; mode++) {
                const int64_t *p = shapes[c];
                if (gen == SXN_RNG_PHILOX4X32 && p[0] + p[1] > (1LL << 32)) continue;
                fill_case(gen, mode, p[0], p[1], p[2], p[3], p[4], p[5]);
            }
        }
    }
    normals_in_range();
    printf("isa level %d\n", sxn_isa_level());
    return sxn_test_finish("test_stochastic");
}
