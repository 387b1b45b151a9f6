/* Path simulations for dev.sxn.math.stochastic.Gbm (see paths.h for the recurrence, the layout and the
 * arithmetic, which is the Java reference's bit for bit). The baseline body takes one stream lane at a
 * time (one path, or the two paths of an antithetic pair, which share the lane's Philox blocks) through
 * every step; the AVX-512 body (paths_avx512.c) runs 32 lanes in vectors. AVX2 machines run the baseline
 * body, as the fills do (Philox4x64's 64-bit products). */
#include "paths.h"

/* One path's running state. */
typedef struct {
    double x, max, min, sum;
} gbm_state;

/* Writes the reductions of what of one finished path to rows 0, 1, ... of column i. */
static void write_reductions(const sxn_gbm_job *job, const gbm_state *s, int64_t i) {
    int64_t idx = job->off + i;
    if (job->what & SXN_PATH_TERMINAL) { job->out[idx] = sxn_path_exp(s->x); idx += job->ld; }
    if (job->what & SXN_PATH_MAXIMUM) { job->out[idx] = sxn_path_exp(s->max); idx += job->ld; }
    if (job->what & SXN_PATH_MINIMUM) { job->out[idx] = sxn_path_exp(s->min); idx += job->ld; }
    if (job->what & SXN_PATH_AVERAGE) job->out[idx] = s->sum / (double) job->steps;
}

void sxn_gbm_paths_base(const sxn_gbm_job *job, int64_t from, int64_t to) {
    if (from >= to) return;
    const int64_t v = job->generator == SXN_RNG_PHILOX4X64 ? 4 : 2;
    const int paths_only = job->what == SXN_PATH_WHAT_PATHS, avg = (job->what & SXN_PATH_AVERAGE) != 0;
    const int shift = job->antithetic ? 1 : 0;
    const uint64_t lane_from = (uint64_t) (job->first_path + from) >> shift, lane_to = (uint64_t) (job->first_path + to - 1) >> shift;
    uint64_t w[4];
    for (uint64_t lane = lane_from; lane <= lane_to; lane++) {
        /* The lane's paths inside [from, to): p0 (and p0 + 1 for a pair), relative to first_path. */
        int64_t p0 = (int64_t) (lane << shift) - job->first_path, p1 = p0 + (shift ? 1 : 0);
        if (p0 < from) p0 = from;
        if (p1 >= to) p1 = to - 1;
        gbm_state st[2];
        for (int64_t p = p0; p <= p1; p++) st[p - p0] = (gbm_state) {job->x0, -INFINITY, INFINITY, 0.0};
        for (int64_t b = 0; b * v < job->steps; b++) {
            sxn_rng_dense(job->generator, job->seed, job->stream, lane, (uint64_t) b, w);
            const int64_t kend = job->steps - b * v < v ? job->steps - b * v : v;
            for (int64_t k = 0; k < kend; k++) {
                const double z = sxn_normal_quantile(sxn_unit_open(w[k]));
                const int64_t t = b * v + k;
                for (int64_t p = p0; p <= p1; p++) {
                    gbm_state *s = &st[p - p0];
                    /* The odd path of a pair takes the mirror of its lane's normal. */
                    const double zp = ((uint64_t) (job->first_path + p) & (uint64_t) shift) ? -z : z;
                    const double x = s->x + (job->drift + job->vol * zp);
                    s->x = x;
                    if (paths_only) {
                        job->out[job->off + t * job->ld + p] = sxn_path_exp(x);
                    } else {
                        s->max = sxn_path_max(s->max, x);
                        s->min = sxn_path_min(s->min, x);
                        if (avg) s->sum += sxn_path_exp(x);
                    }
                }
            }
        }
        if (!paths_only) {
            for (int64_t p = p0; p <= p1; p++) write_reductions(job, &st[p - p0], p);
        }
    }
}

static void gbm_base(const sxn_gbm_job *job) { sxn_gbm_paths_base(job, 0, job->paths); }
static void gbm_avx2(const sxn_gbm_job *job) { gbm_base(job); }
static void gbm_avx512(const sxn_gbm_job *job) { sxn_gbm_avx512(job); }

void sxn_paths_gbm(int32_t generator, int64_t seed, int64_t stream, double x0, double drift, double vol, int64_t first_path,
                   int64_t paths, int64_t steps, int32_t antithetic, int32_t what, double *out, int64_t off, int64_t ld) {
    if (paths <= 0 || steps <= 0) return;
    sxn_gbm_job job = {generator, antithetic != 0, what, (uint64_t) seed, (uint64_t) stream, x0, drift, vol,
                       first_path, paths, steps, off, ld, out};
    SXN_ISA_CALL(sxn_isa(), gbm, &job);
}
