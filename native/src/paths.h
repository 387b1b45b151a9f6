/* Path simulations of libsxnkernels (paths.c, paths_avx512.c), called by
 * dev.sxn.math.stochastic.NativePathKernels and by the C harness (test/test_paths.c).
 *
 * Geometric Brownian motion in log space, x_0 = x0, x_{t+1} = x_t + (drift + vol z_t), S_t = exp(x_t),
 * for paths [first_path, first_path + paths) over steps 1..steps. z_t of path p is the AS241 normal of
 * slot (lane, t) of the stream (stochastic.h's layout), lane = p, or with antithetic pairs lane = p / 2 and
 * the odd path of a pair takes -z. The normals are computed here from the seed, never passed in. Every
 * exponential is sxn_path_exp below, dev.sxn.math.stochastic.PathExp's IEEE operations in its order (no
 * libm exp, no FMA: the library is built with -ffp-contract=off), maximum and minimum are taken on x, and
 * sums run in step order, so every value equals the JAVA kernel's bit for bit.
 *
 * Output (what): SXN_PATH_WHAT_PATHS writes S_{t+1} of path first_path + i to out[off + t * ld + i];
 * otherwise what is a mask of the reduction bits below (dev.sxn.math.stochastic.PathReduction.bit()), and
 * the reductions present, in bit order, go to rows 0, 1, ...: out[off + row * ld + i].
 *
 * The constants are the Java constants (PathConstantsTest). */
#ifndef SXN_PATHS_H
#define SXN_PATHS_H

#include "stochastic.h"

#define SXN_PATH_WHAT_PATHS 0
#define SXN_PATH_TERMINAL 1
#define SXN_PATH_MAXIMUM 2
#define SXN_PATH_MINIMUM 4
#define SXN_PATH_AVERAGE 8

/* PathExp: fdlibm 5.3 e_exp.c with the reduction rounded to nearest by the 1.5 2^52 trick. */
#define SXN_PEXP_LO -746.0
#define SXN_PEXP_HI 710.0
#define SXN_PEXP_INV_LN2 1.44269504088896338700e+00
#define SXN_PEXP_LN2_HI 6.93147180369123816490e-01
#define SXN_PEXP_LN2_LO 1.90821492927058770002e-10
#define SXN_PEXP_P1 1.66666666666666019037e-01
#define SXN_PEXP_P2 -2.77777777770155933842e-03
#define SXN_PEXP_P3 6.61375632143793436117e-05
#define SXN_PEXP_P4 -1.65339022054652515390e-06
#define SXN_PEXP_P5 4.13813679705723846039e-08
#define SXN_PEXP_MAGIC 0x1.8p52

/* Simulates the block described above for generator (SXN_RNG_PHILOX4X32/4X64) and stream (seed, stream);
 * antithetic is 0 or 1. Requires paths >= 0, steps >= 1, ld >= paths, out holding every element of the
 * block, and the generator's lane and step limits (all checked by the Java facade). Writes exactly the
 * block's elements and reads none. */
SXN_EXPORT void sxn_paths_gbm(int32_t generator, int64_t seed, int64_t stream, double x0, double drift, double vol,
                              int64_t first_path, int64_t paths, int64_t steps, int32_t antithetic, int32_t what,
                              double *out, int64_t off, int64_t ld);

/* ---- internal: one GBM job, and its per-ISA bodies (paths.c, paths_avx512.c) ---- */
typedef struct {
    int32_t generator, antithetic, what;
    uint64_t seed, stream;
    double x0, drift, vol;
    int64_t first_path, paths, steps, off, ld;
    double *out;
} sxn_gbm_job;

/* Paths [from, to) of the job (relative to first_path), scalar, one stream lane at a time. */
void sxn_gbm_paths_base(const sxn_gbm_job *job, int64_t from, int64_t to);
/* The whole job, AVX-512F (32 lanes of Philox blocks at a time; the rest through the scalar body). */
void sxn_gbm_avx512(const sxn_gbm_job *job);

/* e^x in PathExp's operations: clamp to [LO, HI] (NaN stays NaN), k = rint(x / ln2) by the magic
 * constant, r = (x - k ln2_hi) - k ln2_lo, the fdlibm rational approximation, then scaling by 2^(k >> 1)
 * and 2^(k - (k >> 1)). */
static inline double sxn_path_exp(double x) {
    x = x < SXN_PEXP_LO ? SXN_PEXP_LO : x;
    x = x > SXN_PEXP_HI ? SXN_PEXP_HI : x;
    double kdm = x * SXN_PEXP_INV_LN2 + SXN_PEXP_MAGIC;
    double kd = kdm - SXN_PEXP_MAGIC;
    int64_t k = (int64_t) (sxn_double_bits(kdm) - sxn_double_bits(SXN_PEXP_MAGIC));
    double hi = x - kd * SXN_PEXP_LN2_HI;
    double lo = kd * SXN_PEXP_LN2_LO;
    double r = hi - lo;
    double t = r * r;
    double c = r - t * (SXN_PEXP_P1 + t * (SXN_PEXP_P2 + t * (SXN_PEXP_P3 + t * (SXN_PEXP_P4 + t * SXN_PEXP_P5))));
    double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
    int64_t k1 = k >> 1;
    return y * sxn_bits_double((uint64_t) (k1 + 1023) << 52) * sxn_bits_double((uint64_t) (k - k1 + 1023) << 52);
}

/* Java's Math.max / Math.min for the running extremes of x: a NaN x wins (and once x is NaN it stays NaN,
 * so a NaN extreme is always met by a NaN x). */
static inline double sxn_path_max(double m, double x) { return m >= x ? m : x; }
static inline double sxn_path_min(double m, double x) { return m <= x ? m : x; }

#endif
