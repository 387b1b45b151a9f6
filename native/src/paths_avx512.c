/* The AVX-512F body of sxn_paths_gbm (compiled with -mavx512f; reached only after sxn_isa() chose
 * AVX-512). A group is 32 stream lanes, drawn as the fills draw them (stochastic_avx512.h: NV vectors of
 * eight lanes' Philox blocks, AS241 lane-wise): 32 paths, or with antithetic pairs 64 paths, the lanes'
 * normals spread to the pairs by a permutation and the odd paths' signs flipped (exact, as -z is). Each
 * vector of eight consecutive paths keeps its state (x, extremes, sum) in registers through every step,
 * and sxn_path_exp is repeated lane-wise in the same operation order (k read from the bits of
 * x / ln2 + 1.5 2^52, the scaling by two built powers of two), so every value equals the scalar body's,
 * which equals Java's. A pair group starts on an even path: an odd first path runs through the scalar
 * body; the paths after the last whole group run as a group with masked stores, or scalar when few. */
#include "paths.h"
#include "stochastic_avx512.h"

/* Path vectors per group: NV of plain paths, 2 NV of paired ones. */
#define PV_MAX (2 * NV)

static inline D8 exp8(D8 x) {
    /* max/min return their second operand when either is NaN, so a NaN x stays NaN (as Math.max/min do). */
    x = _mm512_min_pd(set1d(SXN_PEXP_HI), _mm512_max_pd(set1d(SXN_PEXP_LO), x));
    const D8 kdm = _mm512_add_pd(_mm512_mul_pd(x, set1d(SXN_PEXP_INV_LN2)), set1d(SXN_PEXP_MAGIC));
    const D8 kd = _mm512_sub_pd(kdm, set1d(SXN_PEXP_MAGIC));
    const V8 k = _mm512_sub_epi64(asi(kdm), set1(sxn_double_bits(SXN_PEXP_MAGIC)));
    const D8 hi = _mm512_sub_pd(x, _mm512_mul_pd(kd, set1d(SXN_PEXP_LN2_HI)));
    const D8 lo = _mm512_mul_pd(kd, set1d(SXN_PEXP_LN2_LO));
    const D8 r = _mm512_sub_pd(hi, lo), t = _mm512_mul_pd(r, r);
    D8 p = _mm512_add_pd(set1d(SXN_PEXP_P4), _mm512_mul_pd(t, set1d(SXN_PEXP_P5)));
    p = _mm512_add_pd(set1d(SXN_PEXP_P3), _mm512_mul_pd(t, p));
    p = _mm512_add_pd(set1d(SXN_PEXP_P2), _mm512_mul_pd(t, p));
    p = _mm512_add_pd(set1d(SXN_PEXP_P1), _mm512_mul_pd(t, p));
    const D8 c = _mm512_sub_pd(r, _mm512_mul_pd(t, p));
    const D8 q = _mm512_div_pd(_mm512_mul_pd(r, c), _mm512_sub_pd(set1d(2.0), c));
    const D8 y = _mm512_sub_pd(set1d(1.0), _mm512_sub_pd(_mm512_sub_pd(lo, q), hi));
    const V8 k1 = _mm512_srai_epi64(k, 1);
    const D8 s1 = asd(shl(_mm512_add_epi64(k1, set1(1023)), 52));
    const D8 s2 = asd(shl(_mm512_add_epi64(_mm512_sub_epi64(k, k1), set1(1023)), 52));
    return _mm512_mul_pd(_mm512_mul_pd(y, s1), s2);
}

/* Store masks of the path vectors of a group of which only the first `valid` paths belong to the block. */
static inline __mmask8 valid_mask(int64_t valid, int q) {
    const int64_t n = valid - 8 * (int64_t) q;
    return n >= 8 ? (__mmask8) 0xFF : n <= 0 ? (__mmask8) 0 : (__mmask8) ((1u << n) - 1);
}

/* One group of pv path vectors from relative path i (on an even absolute path when paired) through every
 * step; only the first `valid` paths are stored (a tail group computes its other lanes and drops them). */
static void group(const sxn_gbm_job *job, int pv, int64_t i, int64_t valid) {
    const int64_t v = job->generator == SXN_RNG_PHILOX4X64 ? 4 : 2;
    const int anti = job->antithetic != 0;
    const int paths_only = job->what == SXN_PATH_WHAT_PATHS, avg = (job->what & SXN_PATH_AVERAGE) != 0;
    const sxn_rng_job rng = {.generator = job->generator, .seed = job->seed, .stream = job->stream};
    const D8 drift = set1d(job->drift), vol = set1d(job->vol);
    /* Lanes 0..3 to paths 0..7 of a pair vector (and 4..7 to the next one), odd paths mirrored. */
    const V8 pair_lo = _mm512_set_epi64(3, 3, 2, 2, 1, 1, 0, 0), pair_hi = _mm512_set_epi64(7, 7, 6, 6, 5, 5, 4, 4);
    const V8 odd_sign = _mm512_set_epi64((long long) 0x8000000000000000ull, 0, (long long) 0x8000000000000000ull, 0,
                                         (long long) 0x8000000000000000ull, 0, (long long) 0x8000000000000000ull, 0);
    const uint64_t lane = (uint64_t) (job->first_path + i) >> anti;
    int nq = 0; /* path vectors holding at least one stored path */
    __mmask8 m[PV_MAX];
    for (int q = 0; q < pv; q++) {
        m[q] = valid_mask(valid, q);
        if (m[q]) nq = q + 1;
    }
    V8 w[4][NV];
    D8 x[PV_MAX], mx[PV_MAX], mn[PV_MAX], sum[PV_MAX], z[PV_MAX];
    for (int q = 0; q < pv; q++) {
        x[q] = set1d(job->x0);
        mx[q] = set1d(-INFINITY);
        mn[q] = set1d(INFINITY);
        sum[q] = _mm512_setzero_pd();
    }
    for (int64_t b = 0; b * v < job->steps; b++) {
        blocks(&rng, lane, (uint64_t) b, w);
        const int64_t kend = job->steps - b * v < v ? job->steps - b * v : v;
        for (int64_t k = 0; k < kend; k++) {
            for (int j = 0; j < NV; j++) {
                const D8 n = normal8(unit_open(w[k][j]));
                if (anti) {
                    z[2 * j] = asd(_mm512_xor_si512(asi(_mm512_permutexvar_pd(pair_lo, n)), odd_sign));
                    z[2 * j + 1] = asd(_mm512_xor_si512(asi(_mm512_permutexvar_pd(pair_hi, n)), odd_sign));
                } else {
                    z[j] = n;
                }
            }
            double *row = job->out + job->off + (b * v + k) * job->ld + i;
            for (int q = 0; q < nq; q++) {
                x[q] = _mm512_add_pd(x[q], _mm512_add_pd(drift, _mm512_mul_pd(vol, z[q])));
                if (paths_only) {
                    _mm512_mask_storeu_pd(row + 8 * q, m[q], exp8(x[q]));
                } else {
                    mx[q] = _mm512_max_pd(mx[q], x[q]);
                    mn[q] = _mm512_min_pd(mn[q], x[q]);
                    if (avg) sum[q] = _mm512_add_pd(sum[q], exp8(x[q]));
                }
            }
        }
    }
    if (paths_only) return;
    double *row = job->out + job->off + i;
    if (job->what & SXN_PATH_TERMINAL) {
        for (int q = 0; q < nq; q++) _mm512_mask_storeu_pd(row + 8 * q, m[q], exp8(x[q]));
        row += job->ld;
    }
    if (job->what & SXN_PATH_MAXIMUM) {
        for (int q = 0; q < nq; q++) _mm512_mask_storeu_pd(row + 8 * q, m[q], exp8(mx[q]));
        row += job->ld;
    }
    if (job->what & SXN_PATH_MINIMUM) {
        for (int q = 0; q < nq; q++) _mm512_mask_storeu_pd(row + 8 * q, m[q], exp8(mn[q]));
        row += job->ld;
    }
    if (avg) {
        const D8 steps = set1d((double) job->steps);
        for (int q = 0; q < nq; q++) _mm512_mask_storeu_pd(row + 8 * q, m[q], _mm512_div_pd(sum[q], steps));
    }
}

void sxn_gbm_avx512(const sxn_gbm_job *job) {
    const int anti = job->antithetic != 0;
    const int pv = anti ? 2 * NV : NV;
    const int64_t width = 8 * (int64_t) pv;
    const int64_t head = anti && (job->first_path & 1) ? 1 : 0;
    const int64_t vec_end = head + (job->paths - head) / width * width;
    for (int64_t i = head; i < vec_end; i += width) group(job, pv, i, width);
    sxn_gbm_paths_base(job, 0, head);
    /* The tail: a group whose extra lanes are computed and dropped costs at most four times the stored
     * paths' work, less than the scalar body from a quarter group on; shorter tails run scalar. */
    const int64_t tail = job->paths - vec_end;
    if (tail >= width / 4) group(job, pv, vec_end, tail);
    else sxn_gbm_paths_base(job, vec_end, job->paths);
}
