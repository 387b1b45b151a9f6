/* Spectral kernels: Stockham FFT stages (radix 4, 2, 3, 5) on split re/im arrays, and rolling
 * spectral entropy over many windows in one call (real FFT of even length w as a complex FFT of
 * length w/2 plus the unpacking pass). The Java side (NativeFftKernels, NativeEntropyKernels) builds
 * the plan (radices, strides, twiddles) and checks every argument; C trusts them and touches exactly
 * re/im/scratch [0, n), the plan arrays, x[0, series*length) and out[0, series*count). */
#include "spectral.h"

#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    int64_t n;
    int32_t nstages;
    const int32_t *radix;
    const int32_t *stride;
    const int32_t *tw_off;
    const double *tw_re;
    const double *tw_im;
    const double *c5; /* cos(2pi/5), cos(4pi/5), sin(2pi/5), sin(4pi/5) */
} sxn_fft_plan;

/* The cache-blocked four-step transform of length n1 n2 (see blocked_ in spectral_fft_body.h). */
typedef struct {
    int64_t n1, n2;
    int64_t wa, wb; /* columns per block in step A, rows per block in step B: multiples of 8 dividing n2, n1 */
    sxn_fft_plan p1, p2; /* lengths n1 and n2 */
    const double *tw_a_re, *tw_a_im; /* [b n1 + k1] = w_n^(8 b k1), b < n2 / 8 */
    const double *tw_c_re, *tw_c_im; /* [8 k1 + c] = w_n^(k1 c), c < 8 */
} sxn_fft_blocked;

static const double C5[4] = {0.30901699437494745, -0.8090169943749473, 0.9510565162951535, 0.5877852522924732};

#define VD __m128d
#define VW 2
#define VLOAD _mm_loadu_pd
#define VSTORE _mm_storeu_pd
#define VADD _mm_add_pd
#define VSUB _mm_sub_pd
#define VMUL _mm_mul_pd
#define VSET1 _mm_set1_pd
#define VREV(v) _mm_shuffle_pd((v), (v), 1)
#define SXN_FFT_SUFFIX base
#include "spectral_fft_body.h"

#pragma GCC push_options
#pragma GCC target("avx2,fma")
#define VD __m256d
#define VW 4
#define VLOAD _mm256_loadu_pd
#define VSTORE _mm256_storeu_pd
#define VADD _mm256_add_pd
#define VSUB _mm256_sub_pd
#define VMUL _mm256_mul_pd
#define VSET1 _mm256_set1_pd
#define VREV(v) _mm256_permute4x64_pd((v), 0x1B)
#define SXN_FFT_SUFFIX avx2
#include "spectral_fft_body.h"
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f,avx512dq,avx512vl,fma,avx2")
#define VD __m512d
#define VW 8
#define VLOAD _mm512_loadu_pd
#define VSTORE _mm512_storeu_pd
#define VADD _mm512_add_pd
#define VSUB _mm512_sub_pd
#define VMUL _mm512_mul_pd
#define VSET1 _mm512_set1_pd
#define VREV(v) _mm512_permutexvar_pd(_mm512_set_epi64(0, 1, 2, 3, 4, 5, 6, 7), (v))
#define SXN_FFT_SUFFIX avx512
#include "spectral_fft_body.h"
#pragma GCC pop_options

static int nonfinite_dispatch(const double *a, int64_t n) {
    return SXN_ISA_CALL(sxn_isa(), nonfinite, a, n);
}

static void fft_dispatch(const sxn_fft_plan *p, double *re, double *im, double *sre, double *sim) {
    SXN_ISA_CALL(sxn_isa(), fft, p, re, im, sre, sim);
}

/* The point at most SXN_SPECTRAL_SLACK doubles into scratch whose address is bytes past ref's modulo 4 KiB.
 * Stockham stages load from one pair of arrays and store to the other at the same indices; when the
 * pairs sit at the same address modulo 4 KiB (as equal-sized Java arrays allocated one after another
 * do), every store falsely aliases the following loads and in-cache transforms ran at about half
 * speed. Callers pass scratch with slack doubles to spare (< SXN_SPECTRAL_SLACK: used as given). */
static double *skew_to(double *scratch, int64_t slack, const double *ref, uintptr_t bytes) {
    if (slack < SXN_SPECTRAL_SLACK) return scratch;
    uintptr_t d = (((uintptr_t) ref + bytes) - (uintptr_t) scratch) & 4095u;
    return scratch + d / sizeof(double);
}

/* Unnormalised forward DFT of (re, im)[0, n) in place; n = product of radix[0..nstages). sre/sim
 * hold n + slack doubles (see skew_to). With check set, returns 1 without writing anything when the
 * input holds a NaN or an infinity (the Java side then finds the index for its message); 0 otherwise. */
SXN_EXPORT int32_t sxn_spectral_fft(int64_t n, int32_t nstages, const int32_t *radix, const int32_t *stride,
                                    const int32_t *tw_off, const double *tw_re, const double *tw_im,
                                    double *re, double *im, double *sre, double *sim, int64_t slack, int32_t check) {
    if (check && (nonfinite_dispatch(re, n) || nonfinite_dispatch(im, n))) return 1;
    sre = skew_to(sre, slack, re, 1536);
    sim = skew_to(sim, slack, re, 2560);
    sxn_fft_plan p = {n, nstages, radix, stride, tw_off, tw_re, tw_im, C5};
    fft_dispatch(&p, re, im, sre, sim);
    return 0;
}

/* Rolling spectral entropy, window w = 2h even, plan of the complex length h. work holds 5h + 1
 * doubles. A window holding NaN or infinity gives NaN through the transform itself (every bin turns
 * NaN, so the total is not > 0), which is the Java kernel's result too. */
SXN_EXPORT void sxn_spectral_rolling_entropy(const double *x, int32_t series, int64_t length, int64_t window,
                                             int64_t step, int32_t keep_dc, double log_scale,
                                             int64_t h, int32_t nstages, const int32_t *radix, const int32_t *stride,
                                             const int32_t *tw_off, const double *tw_re, const double *tw_im,
                                             const double *rtw_re, const double *rtw_im, double *work, double *out) {
    sxn_fft_plan p = {h, nstages, radix, stride, tw_off, tw_re, tw_im, C5};
    SXN_ISA_CALL(sxn_isa(), rolling, &p, x, series, length, window, step, keep_dc, log_scale, rtw_re, rtw_im, work, out);
}

static void unpack_real(int64_t h, const double *zr, const double *zi, const double *rtw_re, const double *rtw_im,
                        double scale, double *out_re, double *out_im) {
    SXN_ISA_CALL(sxn_isa(), unpack_real, h, zr, zi, rtw_re, rtw_im, scale, out_re, out_im);
}

/* Four arrays of h doubles in work (4h + SXN_SPECTRAL_WORK_PAD doubles), skewed by 512 and 768 bytes against each other:
 * end to end at offsets h, 2h, 3h (powers of two) the stage stores alias the next loads mod 4 KiB, a
 * false store-to-load dependency that costs up to half the speed of a transform in cache. */
static void skewed_quarters(double *work, int64_t h, double **zr, double **zi, double **sr, double **si) {
    *zr = work;
    *zi = work + h + 64;
    *sr = work + 2 * h + 160;
    *si = work + 3 * h + SXN_SPECTRAL_WORK_PAD;
}

/* Real FFT of even length 2h in one call: pack x into z_j = x_2j + i x_2j+1, complex FFT of length h,
 * unpack. work holds 4h + 256 doubles; out_re/out_im hold h + 1. With check set, returns 1 without
 * writing the output when x holds a NaN or an infinity; 0 otherwise. */
SXN_EXPORT int32_t sxn_spectral_rfft(const double *x, int64_t h, int32_t nstages, const int32_t *radix,
                                     const int32_t *stride, const int32_t *tw_off, const double *tw_re,
                                     const double *tw_im, const double *rtw_re, const double *rtw_im, double scale,
                                     double *out_re, double *out_im, double *work, int32_t check) {
    sxn_fft_plan p = {h, nstages, radix, stride, tw_off, tw_re, tw_im, C5};
    double *zr, *zi, *sr, *si;
    skewed_quarters(work, h, &zr, &zi, &sr, &si);
    /* one dispatch for the whole short transform: at n = 64, four separately dispatched steps each
     * cost a few percent of the call (SpectralCpuTime) */
    return SXN_ISA_CALL(sxn_isa(), rfft, &p, x, rtw_re, rtw_im, scale, out_re, out_im, zr, zi, sr, si, check);
}

/* sxn_spectral_fft with the plan in two arrays, laid out as for sxn_spectral_rfft_packed below (the
 * real-FFT twiddles after the stage twiddles are not used here). */
SXN_EXPORT int32_t sxn_spectral_fft_packed(int64_t n, const int32_t *meta, const double *tw, double *re, double *im,
                                           double *sre, double *sim, int64_t slack, int32_t check) {
    int32_t ns = meta[0];
    const int32_t *tw_off = meta + 1 + 2 * ns;
    int64_t t = tw_off[ns];
    return sxn_spectral_fft(n, ns, meta + 1, meta + 1 + ns, tw_off, tw, tw + t, re, im, sre, sim, slack, check);
}

/* sxn_spectral_rfft with the plan in two arrays (FftPlan.packedMeta / packedTw, for short transforms
 * where each array's wrapping on the Java side costs): meta = {nstages, radix[nstages],
 * stride[nstages], tw_off[nstages + 1]}, tw = stage twiddles re | im (tw_off[nstages] each), then the
 * real-FFT twiddles re | im (h + 1 each). */
SXN_EXPORT int32_t sxn_spectral_rfft_packed(const double *x, int64_t h, const int32_t *meta, const double *tw,
                                            double scale, double *out_re, double *out_im, double *work, int32_t check) {
    int32_t ns = meta[0];
    const int32_t *tw_off = meta + 1 + 2 * ns;
    int64_t t = tw_off[ns];
    return sxn_spectral_rfft(x, h, ns, meta + 1, meta + 1 + ns, tw_off, tw, tw + t, tw + 2 * t, tw + 2 * t + h + 1, scale,
                             out_re, out_im, work, check);
}

/* A sub-plan from its packed int description {nstages, radix[nstages], stride[nstages], tw_off[nstages]}. */
static sxn_fft_plan sub_plan(int64_t n, const int32_t *meta, const double *tw_re, const double *tw_im) {
    int32_t ns = meta[0];
    sxn_fft_plan p = {n, ns, meta + 1, meta + 1 + ns, meta + 1 + 2 * ns, tw_re, tw_im, C5};
    return p;
}

static int blocked_dispatch(const sxn_fft_blocked *bp, const double *x, double *re, double *im, double *sre,
                            double *sim, double *buf, int check) {
    return SXN_ISA_CALL(sxn_isa(), blocked, bp, x, re, im, sre, sim, buf, check);
}

/* Unnormalised forward DFT of (re, im)[0, n1 n2) in place by the cache-blocked four-step transform:
 * wa (columns per block of the first pass) a multiple of 8 dividing n2, wb (rows per block of the
 * second) a multiple of 8 dividing n1, meta1/meta2 and tw1/tw2 the Stockham plans of lengths n1 and n2,
 * tw_a (n1 n2 / 8 entries) and tw_c (8 n1) the inter-step twiddles, sre/sim scratch of n1 n2 + slack
 * doubles each (see skew_to), buf 4 max(wa n1, wb n2) + 256 doubles. With check set, returns 1 when the input holds a NaN or
 * an infinity, having written only sre/sim/buf (found during the first pass); 0 otherwise. */
SXN_EXPORT int32_t sxn_spectral_fft_blocked(int64_t n1, int64_t n2, int64_t wa, int64_t wb, const int32_t *meta1, const double *tw1_re,
                                         const double *tw1_im, const int32_t *meta2, const double *tw2_re,
                                         const double *tw2_im, const double *tw_a_re, const double *tw_a_im,
                                         const double *tw_c_re, const double *tw_c_im, double *re, double *im,
                                         double *sre, double *sim, int64_t slack, double *buf, int32_t check) {
    sre = skew_to(sre, slack, re, 1536);
    sim = skew_to(sim, slack, re, 2560);
    sxn_fft_blocked bp = {n1, n2, wa, wb, sub_plan(n1, meta1, tw1_re, tw1_im), sub_plan(n2, meta2, tw2_re, tw2_im),
                          tw_a_re, tw_a_im, tw_c_re, tw_c_im};
    return blocked_dispatch(&bp, NULL, re, im, sre, sim, buf, check);
}

/* sxn_spectral_rfft for h = n1 n2 by the blocked transform, the packing fused into its first pass.
 * work holds 4h + 4 max(wa n1, wb n2) + 512 doubles. check as for sxn_spectral_rfft (the output is
 * not written when it returns 1). */
SXN_EXPORT int32_t sxn_spectral_rfft_blocked(const double *x, int64_t n1, int64_t n2, int64_t wa, int64_t wb,
                                          const int32_t *meta1,
                                          const double *tw1_re, const double *tw1_im, const int32_t *meta2,
                                          const double *tw2_re, const double *tw2_im, const double *tw_a_re,
                                          const double *tw_a_im, const double *tw_c_re, const double *tw_c_im,
                                          const double *rtw_re, const double *rtw_im, double scale, double *out_re,
                                          double *out_im, double *work, int32_t check) {
    int64_t h = n1 * n2;
    sxn_fft_blocked bp = {n1, n2, wa, wb, sub_plan(n1, meta1, tw1_re, tw1_im), sub_plan(n2, meta2, tw2_re, tw2_im),
                          tw_a_re, tw_a_im, tw_c_re, tw_c_im};
    double *zr, *zi, *sr, *si;
    skewed_quarters(work, h, &zr, &zi, &sr, &si);
    if (blocked_dispatch(&bp, x, zr, zi, sr, si, work + 4 * h + SXN_SPECTRAL_WORK_PAD, check)) return 1;
    unpack_real(h, zr, zi, rtw_re, rtw_im, scale, out_re, out_im);
    return 0;
}
