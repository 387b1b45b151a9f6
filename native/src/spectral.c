/* Spectral kernels: Stockham FFT stages (radix 4, 2, 3, 5) on split re/im arrays, and rolling
 * spectral entropy over many windows in one call (real FFT of even length w as a complex FFT of
 * length w/2 plus the unpacking pass). The Java side (NativeFftKernels, NativeEntropyKernels) builds
 * the plan (radices, strides, twiddles) and checks every argument; C trusts them and touches exactly
 * re/im/scratch [0, n), the plan arrays, x[0, series*length) and out[0, series*count). */
#include "sxn_dispatch.h"

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

static const double C5[4] = {0.30901699437494745, -0.8090169943749473, 0.9510565162951535, 0.5877852522924732};

#define SXN_FFT_SUFFIX base
#include "spectral_fft_body.h"
#undef SXN_FFT_SUFFIX

#pragma GCC push_options
#pragma GCC target("avx2,fma")
#define SXN_FFT_SUFFIX avx2
#include "spectral_fft_body.h"
#undef SXN_FFT_SUFFIX
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f,avx512dq,avx512vl,fma,avx2")
#define SXN_FFT_SUFFIX avx512
#include "spectral_fft_body.h"
#undef SXN_FFT_SUFFIX
#pragma GCC pop_options

static void fft_dispatch(const sxn_fft_plan *p, double *re, double *im, double *sre, double *sim) {
    switch (sxn_isa()) {
        case SXN_ISA_AVX512: fft_avx512(p, re, im, sre, sim); break;
        case SXN_ISA_AVX2: fft_avx2(p, re, im, sre, sim); break;
        default: fft_base(p, re, im, sre, sim); break;
    }
}

/* Unnormalised forward DFT of (re, im)[0, n) in place; n = product of radix[0..nstages). */
SXN_EXPORT void sxn_spectral_fft(int64_t n, int32_t nstages, const int32_t *radix, const int32_t *stride,
                                 const int32_t *tw_off, const double *tw_re, const double *tw_im,
                                 double *re, double *im, double *sre, double *sim) {
    sxn_fft_plan p = {n, nstages, radix, stride, tw_off, tw_re, tw_im, C5};
    fft_dispatch(&p, re, im, sre, sim);
}

/* -sum p ln p over bins [from, bins) of power pw (overwritten); NaN when the total is 0 or not finite. */
static double entropy_of_power(double *pw, int64_t bins, int64_t from) {
    double total = 0;
    for (int64_t k = from; k < bins; k++) total += pw[k];
    if (!(total > 0) || isinf(total)) return NAN;
    double inv = 1.0 / total, h = 0;
    for (int64_t k = from; k < bins; k++) {
        double p = pw[k] * inv;
        if (p > 0) h -= p * log(p);
    }
    return h;
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
    int64_t count = (length - window) / step + 1;
    int64_t bins = h + 1;
    double *zr = work, *zi = work + h, *sr = work + 2 * h, *si = work + 3 * h, *pw = work + 4 * h;
    for (int32_t s = 0; s < series; s++) {
        const double *xs = x + (int64_t) s * length;
        for (int64_t w = 0; w < count; w++) {
            const double *seg = xs + w * step;
            for (int64_t j = 0; j < h; j++) {
                zr[j] = seg[2 * j];
                zi[j] = seg[2 * j + 1];
            }
            fft_dispatch(&p, zr, zi, sr, si);
            /* X_k = E_k + W^k O_k; only |X_k|^2 is needed */
            double z0r = zr[0], z0i = zi[0];
            pw[0] = (z0r + z0i) * (z0r + z0i);
            pw[h] = (z0r - z0i) * (z0r - z0i);
            for (int64_t k = 1; k < h; k++) {
                double ar = zr[k], ai = zi[k], br = zr[h - k], bi = -zi[h - k];
                double er = ar + br, ei = ai + bi, dr = ar - br, di = ai - bi;
                double o_r = di, o_i = -dr;
                double tr = rtw_re[k] * o_r - rtw_im[k] * o_i, ti = rtw_re[k] * o_i + rtw_im[k] * o_r;
                double xr = (er + tr) * 0.5, xi = (ei + ti) * 0.5;
                pw[k] = xr * xr + xi * xi;
            }
            out[(int64_t) s * count + w] = entropy_of_power(pw, bins, keep_dc ? 0 : 1) * log_scale;
        }
    }
}
