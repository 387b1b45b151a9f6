/* Counter-based random numbers for dev.sxn.math.stochastic.Randoms (see stochastic.h for the layout and
 * the arithmetic, which is the Java reference's bit for bit). The baseline body is the scalar reference
 * of stochastic.h, block by block; the AVX-512 body (stochastic_avx512.c) runs eight lanes per vector.
 * AVX2 machines run the baseline body: Philox4x64's 64-bit products would need the same four-product
 * emulation on half the lanes. */
#include "stochastic.h"

void sxn_rng_fill_lanes_base(const sxn_rng_job *job, int64_t from, int64_t to) {
    const int64_t v = job->generator == SXN_RNG_PHILOX4X64 ? 4 : 2;
    const int64_t end = job->step0 + job->steps;
    uint64_t w[4];
    for (int64_t b = job->step0 / v; b * v < end; b++) {
        int64_t first = b * v;
        int64_t w0 = (job->step0 > first ? job->step0 : first) - first;
        int64_t w1 = end - first < v ? end - first : v;
        int64_t row0 = first + w0 - job->step0;
        for (int64_t i = from; i < to; i++) {
            sxn_rng_dense(job->generator, job->seed, job->stream, (uint64_t) (job->lane0 + i), (uint64_t) b, w);
            int64_t idx = job->off + row0 * job->ld + i;
            for (int64_t k = w0; k < w1; k++, idx += job->ld) sxn_rng_store(job->mode, w[k], job->out, idx);
        }
    }
}

static void fill_base(const sxn_rng_job *job) { sxn_rng_fill_lanes_base(job, 0, job->lanes); }
static void fill_avx2(const sxn_rng_job *job) { fill_base(job); }
static void fill_avx512(const sxn_rng_job *job) { sxn_rng_fill_avx512(job); }

void sxn_stochastic_fill(int32_t generator, int32_t mode, int64_t seed, int64_t stream, int64_t lane0, int64_t lanes,
                         int64_t step0, int64_t steps, void *out, int64_t off, int64_t ld) {
    if (lanes <= 0 || steps <= 0) return;
    sxn_rng_job job = {generator, mode, (uint64_t) seed, (uint64_t) stream, lane0, lanes, step0, steps, off, ld, out};
    SXN_ISA_CALL(sxn_isa(), fill, &job);
}
