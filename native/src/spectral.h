/* Spectral kernels of libsxnkernels (spectral.c, spectral_fft_body.h), called by
 * dev.sxn.math.spectral.NativeFftKernels / NativeEntropyKernels and by the C harness
 * (test/test_spectral.c). The Java side builds the plans (FftPlan: radices, strides, twiddles) and
 * checks every argument; C trusts them. A plan of length n is nstages radices (4, 2, 3 or 5) with
 * product n, per stage its stride and the offset of its twiddles in tw_re / tw_im (tw_off has
 * nstages + 1 entries, the last the total). */
#ifndef SXN_SPECTRAL_H
#define SXN_SPECTRAL_H

#include "sxn_dispatch.h"

#include <stdint.h>

/* ---- constants shared with Java ----
 * dev.sxn.math.spectral.FftEngine.SCRATCH_SLACK and NativeFftKernels.WORK_PAD hold the same numbers
 * (SpectralConstantsTest reads this header and compares). */
/* Scratch doubles past n that let the kernels skew their scratch arrays against the data modulo
 * 4 KiB (spectral.c, skew_to); a caller with less slack gets the scratch used as given. */
#define SXN_SPECTRAL_SLACK 512
/* Doubles past 4 h in the work arrays of the real transforms (four arrays of h, skewed against each
 * other: spectral.c, skewed_quarters), and past 4 max(wa n1, wb n2) in the blocked transform's buffer. */
#define SXN_SPECTRAL_WORK_PAD 256

/* Unnormalised forward DFT of (re, im)[0, n) in place. sre / sim hold n + slack doubles. With check
 * set, returns 1 without writing anything when the input holds a NaN or an infinity; 0 otherwise. */
SXN_EXPORT int32_t sxn_spectral_fft(int64_t n, int32_t nstages, const int32_t *radix, const int32_t *stride,
                                    const int32_t *tw_off, const double *tw_re, const double *tw_im,
                                    double *re, double *im, double *sre, double *sim, int64_t slack, int32_t check);
/* Rolling spectral entropy, window w = 2h even, plan of the complex length h. work holds 5h + 1
 * doubles; out holds series * ((length - window) / step + 1). */
SXN_EXPORT void sxn_spectral_rolling_entropy(const double *x, int32_t series, int64_t length, int64_t window,
                                             int64_t step, int32_t keep_dc, double log_scale,
                                             int64_t h, int32_t nstages, const int32_t *radix, const int32_t *stride,
                                             const int32_t *tw_off, const double *tw_re, const double *tw_im,
                                             const double *rtw_re, const double *rtw_im, double *work, double *out);
/* Real FFT of even length 2h (x holds 2h values): out_re / out_im (h + 1 each) = scale X[0..h]. work
 * holds 4h + SXN_SPECTRAL_WORK_PAD doubles. check as for sxn_spectral_fft (the output is not written
 * when it returns 1). */
SXN_EXPORT int32_t sxn_spectral_rfft(const double *x, int64_t h, int32_t nstages, const int32_t *radix,
                                     const int32_t *stride, const int32_t *tw_off, const double *tw_re,
                                     const double *tw_im, const double *rtw_re, const double *rtw_im, double scale,
                                     double *out_re, double *out_im, double *work, int32_t check);
/* sxn_spectral_fft with the plan packed in two arrays (layout: sxn_spectral_rfft_packed). */
SXN_EXPORT int32_t sxn_spectral_fft_packed(int64_t n, const int32_t *meta, const double *tw, double *re, double *im,
                                           double *sre, double *sim, int64_t slack, int32_t check);
/* sxn_spectral_rfft with the plan packed in two arrays (FftPlan.packedMeta / packedTw): meta =
 * {nstages, radix[nstages], stride[nstages], tw_off[nstages + 1]}, tw = stage twiddles re | im
 * (tw_off[nstages] each), then the real-FFT twiddles re | im (h + 1 each). */
SXN_EXPORT int32_t sxn_spectral_rfft_packed(const double *x, int64_t h, const int32_t *meta, const double *tw,
                                            double scale, double *out_re, double *out_im, double *work, int32_t check);
/* Unnormalised forward DFT of (re, im)[0, n1 n2) in place by the cache-blocked four-step transform
 * (see spectral.c). buf holds 4 max(wa n1, wb n2) + SXN_SPECTRAL_WORK_PAD doubles. */
SXN_EXPORT int32_t sxn_spectral_fft_blocked(int64_t n1, int64_t n2, int64_t wa, int64_t wb, const int32_t *meta1,
                                            const double *tw1_re, const double *tw1_im, const int32_t *meta2,
                                            const double *tw2_re, const double *tw2_im, const double *tw_a_re,
                                            const double *tw_a_im, const double *tw_c_re, const double *tw_c_im,
                                            double *re, double *im, double *sre, double *sim, int64_t slack,
                                            double *buf, int32_t check);
/* sxn_spectral_rfft for h = n1 n2 by the blocked transform. work holds 4h + 4 max(wa n1, wb n2) +
 * 2 SXN_SPECTRAL_WORK_PAD doubles. */
SXN_EXPORT int32_t sxn_spectral_rfft_blocked(const double *x, int64_t n1, int64_t n2, int64_t wa, int64_t wb,
                                             const int32_t *meta1, const double *tw1_re, const double *tw1_im,
                                             const int32_t *meta2, const double *tw2_re, const double *tw2_im,
                                             const double *tw_a_re, const double *tw_a_im, const double *tw_c_re,
                                             const double *tw_c_im, const double *rtw_re, const double *rtw_im,
                                             double scale, double *out_re, double *out_im, double *work, int32_t check);

#endif
