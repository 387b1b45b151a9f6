/* The AVX-512F body of sxn_stochastic_fill (compiled with -mavx512f; reached only after sxn_isa() chose
 * AVX-512). Eight consecutive lanes in the eight 64-bit lanes of a zmm register, one Philox block per
 * lane, NV registers (32 lanes) at a time: Philox4x32 keeps each 32-bit word in a 64-bit lane, where
 * vpmuludq gives the full 32x32 product;
 * Philox4x64's 64x64 -> 128-bit product is put together from four vpmuludq products (AVX-512F has no
 * 64-bit high multiply). The conversions, fdlibm's log and AS241 repeat the scalar operations of
 * stochastic.h lane-wise in the same order, branches as blends, so every value is the scalar one bit for
 * bit; the exponent k becomes a double through the exponent-bits trick (AVX-512F has no 64-bit integer
 * conversion). The lanes left after the last whole vector run through the scalar body. */
#include "stochastic.h"
#include "stochastic_avx512.h"

static inline void store8(const sxn_rng_job *job, V8 w, int64_t idx) {
    switch (job->mode) {
    case SXN_RNG_MODE_BITS: _mm512_storeu_si512((void *) ((uint64_t *) job->out + idx), w); break;
    case SXN_RNG_MODE_OPEN: _mm512_storeu_pd((double *) job->out + idx, unit_open(w)); break;
    case SXN_RNG_MODE_CLOSED_OPEN: _mm512_storeu_pd((double *) job->out + idx, unit_closed_open(w)); break;
    default: _mm512_storeu_pd((double *) job->out + idx, normal8(unit_open(w))); break;
    }
}

void sxn_rng_fill_avx512(const sxn_rng_job *job) {
    const int64_t v = job->generator == SXN_RNG_PHILOX4X64 ? 4 : 2;
    const int64_t end = job->step0 + job->steps;
    const int64_t vec = job->lanes / (8 * NV) * (8 * NV);
    V8 w[4][NV];
    for (int64_t b = job->step0 / v; b * v < end; b++) {
        int64_t first = b * v;
        int64_t w0 = (job->step0 > first ? job->step0 : first) - first;
        int64_t w1 = end - first < v ? end - first : v;
        int64_t row0 = first + w0 - job->step0;
        for (int64_t i = 0; i < vec; i += 8 * NV) {
            blocks(job, (uint64_t) (job->lane0 + i), (uint64_t) b, w);
            int64_t idx = job->off + row0 * job->ld + i;
            for (int64_t k = w0; k < w1; k++, idx += job->ld) {
                for (int j = 0; j < NV; j++) store8(job, w[k][j], idx + 8 * j);
            }
        }
    }
    if (vec < job->lanes) sxn_rng_fill_lanes_base(job, vec, job->lanes);
}
