/* The AVX-512F building blocks of the stochastic kernels (Philox blocks of 8 NV lanes, open uniforms,
 * fdlibm's log and AS241 lane-wise), shared by stochastic_avx512.c (the fills) and paths_avx512.c (the
 * path kernels, which draw their own normals). Include it only from a file compiled with -mavx512f
 * (*_avx512.c), whose functions run only after sxn_isa() chose AVX-512. Every function repeats the scalar
 * operations of stochastic.h lane-wise in the same order, branches as blends, so every value is the
 * scalar one bit for bit. */
#ifndef SXN_STOCHASTIC_AVX512_H
#define SXN_STOCHASTIC_AVX512_H

#include "stochastic.h"

#include <immintrin.h>

#define V8 __m512i
#define D8 __m512d

static inline V8 set1(uint64_t v) { return _mm512_set1_epi64((long long) v); }
static inline D8 set1d(double v) { return _mm512_set1_pd(v); }
static inline V8 shr(V8 a, unsigned n) { return _mm512_srli_epi64(a, n); }
static inline V8 shl(V8 a, unsigned n) { return _mm512_slli_epi64(a, n); }
static inline D8 asd(V8 a) { return _mm512_castsi512_pd(a); }
static inline V8 asi(D8 a) { return _mm512_castpd_si512(a); }

/* The high 64 bits of the unsigned product a m, and its low 64 bits in *lo. */
static inline V8 mulhilo64(V8 a, uint64_t m, V8 *lo) {
    const V8 mask = set1(0xFFFFFFFFull), ml = set1(m & 0xFFFFFFFFull), mh = set1(m >> 32);
    V8 ah = shr(a, 32);
    V8 t = _mm512_mul_epu32(a, ml);
    V8 u = _mm512_add_epi64(_mm512_mul_epu32(ah, ml), shr(t, 32));
    V8 w = _mm512_add_epi64(_mm512_mul_epu32(a, mh), _mm512_and_si512(u, mask));
    *lo = _mm512_or_si512(shl(w, 32), _mm512_and_si512(t, mask));
    return _mm512_add_epi64(_mm512_add_epi64(_mm512_mul_epu32(ah, mh), shr(u, 32)), shr(w, 32));
}

/* Independent blocks computed together: a Philox round is a chain of dependent multiplies, so one vector
 * of blocks at a time leaves the multiplier idle for most of its latency. */
#define NV 4

/* Dense block b of lanes lane + 0 .. 8 NV - 1: 64-bit word k of vector j to w[k][j] (k < V). */
static inline void blocks(const sxn_rng_job *job, uint64_t lane, uint64_t b, V8 w[4][NV]) {
    const V8 iota = _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0);
    if (job->generator == SXN_RNG_PHILOX4X64) {
        V8 x0[NV], x1[NV], x2[NV], x3[NV];
        for (int j = 0; j < NV; j++) {
            x0[j] = _mm512_add_epi64(set1(lane + 8 * (uint64_t) j), iota);
            x1[j] = set1(b);
            x2[j] = x3[j] = _mm512_setzero_si512();
        }
        uint64_t k0 = job->seed, k1 = job->stream;
        for (int r = 0; r < SXN_PHILOX_ROUNDS; r++) {
            const V8 key0 = set1(k0), key1 = set1(k1);
            for (int j = 0; j < NV; j++) {
                V8 lo0, lo1;
                V8 hi0 = mulhilo64(x0[j], SXN_PHILOX_M64_0, &lo0), hi1 = mulhilo64(x2[j], SXN_PHILOX_M64_1, &lo1);
                x0[j] = _mm512_xor_si512(_mm512_xor_si512(hi1, x1[j]), key0);
                x1[j] = lo1;
                x2[j] = _mm512_xor_si512(_mm512_xor_si512(hi0, x3[j]), key1);
                x3[j] = lo0;
            }
            k0 += SXN_PHILOX_W64_0;
            k1 += SXN_PHILOX_W64_1;
        }
        for (int j = 0; j < NV; j++) { w[0][j] = x0[j]; w[1][j] = x1[j]; w[2][j] = x2[j]; w[3][j] = x3[j]; }
        return;
    }
    const V8 mask = set1(0xFFFFFFFFull), m0 = set1(SXN_PHILOX_M32_0), m1 = set1(SXN_PHILOX_M32_1);
    V8 x0[NV], x1[NV], x2[NV], x3[NV];
    for (int j = 0; j < NV; j++) {
        x0[j] = _mm512_and_si512(_mm512_add_epi64(set1(lane + 8 * (uint64_t) j), iota), mask);
        x1[j] = set1(b & 0xFFFFFFFFull);
        x2[j] = set1(job->stream & 0xFFFFFFFFull);
        x3[j] = _mm512_setzero_si512();
    }
    uint32_t k0 = (uint32_t) job->seed, k1 = (uint32_t) (job->seed >> 32);
    for (int r = 0; r < SXN_PHILOX_ROUNDS; r++) {
        const V8 key0 = set1(k0), key1 = set1(k1);
        for (int j = 0; j < NV; j++) {
            V8 p0 = _mm512_mul_epu32(x0[j], m0), p1 = _mm512_mul_epu32(x2[j], m1);
            x0[j] = _mm512_xor_si512(_mm512_xor_si512(shr(p1, 32), x1[j]), key0);
            x1[j] = _mm512_and_si512(p1, mask);
            x2[j] = _mm512_xor_si512(_mm512_xor_si512(shr(p0, 32), x3[j]), key1);
            x3[j] = _mm512_and_si512(p0, mask);
        }
        k0 += SXN_PHILOX_W32_0;
        k1 += SXN_PHILOX_W32_1;
    }
    for (int j = 0; j < NV; j++) {
        w[0][j] = _mm512_or_si512(shl(x1[j], 32), x0[j]);
        w[1][j] = _mm512_or_si512(shl(x3[j], 32), x2[j]);
    }
}

static inline D8 unit_open(V8 w) {
    return _mm512_sub_pd(asd(_mm512_or_si512(shr(w, 12), set1(0x3FF0000000000000ull))), set1d(1.0 - 0x1p-53));
}

static inline D8 unit_closed_open(V8 w) {
    D8 hi = _mm512_sub_pd(asd(_mm512_or_si512(shr(w, 12), set1(0x3FF0000000000000ull))), set1d(1.0));
    V8 bit = _mm512_and_si512(shr(w, 11), set1(1));
    V8 lo = _mm512_and_si512(_mm512_sub_epi64(_mm512_setzero_si512(), bit), set1(sxn_double_bits(0x1p-53)));
    return _mm512_add_pd(hi, asd(lo));
}

static inline D8 horner8(D8 r, const double c[8]) { /* ((c0 r + c1) r + ...) r + c7, c0 the highest degree */
    D8 acc = _mm512_mul_pd(set1d(c[0]), r);
    for (int i = 1; i < 7; i++) acc = _mm512_mul_pd(_mm512_add_pd(acc, set1d(c[i])), r);
    return _mm512_add_pd(acc, set1d(c[7]));
}

static inline D8 fdlog8(D8 x) {
    const V8 bits = asi(x), high = shr(bits, 32);
    const V8 hx = _mm512_and_si512(high, set1(0x000fffff));
    const V8 i = _mm512_and_si512(_mm512_add_epi64(hx, set1(0x95f64)), set1(0x100000));
    const V8 k = _mm512_add_epi64(_mm512_sub_epi64(shr(high, 20), set1(1023)), shr(i, 20));
    const D8 f = _mm512_sub_pd(asd(_mm512_or_si512(shl(_mm512_or_si512(hx, _mm512_xor_si512(i, set1(0x3ff00000))), 32),
                                                   _mm512_and_si512(bits, set1(0xFFFFFFFFull)))), set1d(1.0));
    const D8 dk = _mm512_sub_pd(asd(_mm512_add_epi64(k, set1(sxn_double_bits(0x1p52) + 2048))), set1d(0x1p52 + 2048));
    const D8 dkhi = _mm512_mul_pd(dk, set1d(SXN_LN2_HI)), dklo = _mm512_mul_pd(dk, set1d(SXN_LN2_LO));
    const __mmask8 tiny = _mm512_cmplt_epi64_mask(_mm512_and_si512(_mm512_add_epi64(hx, set1(2)), set1(0x000fffff)), set1(3));
    const __mmask8 band = _mm512_cmpgt_epi64_mask(_mm512_or_si512(_mm512_sub_epi64(hx, set1(0x6147a)), _mm512_sub_epi64(set1(0x6b851), hx)),
                                                   _mm512_setzero_si512());
    D8 rt = _mm512_mul_pd(_mm512_mul_pd(f, f), _mm512_sub_pd(set1d(0.5), _mm512_mul_pd(set1d(SXN_LOG_THIRD), f)));
    D8 res_tiny = _mm512_sub_pd(dkhi, _mm512_sub_pd(_mm512_sub_pd(rt, dklo), f));
    D8 s = _mm512_div_pd(f, _mm512_add_pd(set1d(2.0), f));
    D8 z = _mm512_mul_pd(s, s), w = _mm512_mul_pd(z, z);
    D8 t1 = _mm512_mul_pd(w, _mm512_add_pd(set1d(SXN_LG2), _mm512_mul_pd(w, _mm512_add_pd(set1d(SXN_LG4), _mm512_mul_pd(w, set1d(SXN_LG6))))));
    D8 t2 = _mm512_mul_pd(z, _mm512_add_pd(set1d(SXN_LG1), _mm512_mul_pd(w, _mm512_add_pd(set1d(SXN_LG3),
                          _mm512_mul_pd(w, _mm512_add_pd(set1d(SXN_LG5), _mm512_mul_pd(w, set1d(SXN_LG7))))))));
    D8 r = _mm512_add_pd(t2, t1);
    D8 hfsq = _mm512_mul_pd(_mm512_mul_pd(set1d(0.5), f), f);
    D8 res_band = _mm512_sub_pd(dkhi, _mm512_sub_pd(_mm512_sub_pd(hfsq, _mm512_add_pd(_mm512_mul_pd(s, _mm512_add_pd(hfsq, r)), dklo)), f));
    D8 res_other = _mm512_sub_pd(dkhi, _mm512_sub_pd(_mm512_sub_pd(_mm512_mul_pd(s, _mm512_sub_pd(f, r)), dklo), f));
    return _mm512_mask_blend_pd(tiny, _mm512_mask_blend_pd(band, res_other, res_band), res_tiny);
}

static const double AS_A[8] = {SXN_AS241_A7, SXN_AS241_A6, SXN_AS241_A5, SXN_AS241_A4, SXN_AS241_A3, SXN_AS241_A2, SXN_AS241_A1, SXN_AS241_A0};
static const double AS_B[8] = {SXN_AS241_B7, SXN_AS241_B6, SXN_AS241_B5, SXN_AS241_B4, SXN_AS241_B3, SXN_AS241_B2, SXN_AS241_B1, 1.0};
static const double AS_C[8] = {SXN_AS241_C7, SXN_AS241_C6, SXN_AS241_C5, SXN_AS241_C4, SXN_AS241_C3, SXN_AS241_C2, SXN_AS241_C1, SXN_AS241_C0};
static const double AS_D[8] = {SXN_AS241_D7, SXN_AS241_D6, SXN_AS241_D5, SXN_AS241_D4, SXN_AS241_D3, SXN_AS241_D2, SXN_AS241_D1, 1.0};
static const double AS_E[8] = {SXN_AS241_E7, SXN_AS241_E6, SXN_AS241_E5, SXN_AS241_E4, SXN_AS241_E3, SXN_AS241_E2, SXN_AS241_E1, SXN_AS241_E0};
static const double AS_F[8] = {SXN_AS241_F7, SXN_AS241_F6, SXN_AS241_F5, SXN_AS241_F4, SXN_AS241_F3, SXN_AS241_F2, SXN_AS241_F1, 1.0};

static inline D8 normal8(D8 u) {
    const D8 q = _mm512_sub_pd(u, set1d(0.5));
    const __mmask8 central = _mm512_cmp_pd_mask(asd(_mm512_and_si512(asi(q), set1(0x7FFFFFFFFFFFFFFFull))), set1d(0.425), _CMP_LE_OQ);
    const D8 r = _mm512_sub_pd(set1d(0.180625), _mm512_mul_pd(q, q));
    D8 z = _mm512_div_pd(_mm512_mul_pd(horner8(r, AS_A), q), horner8(r, AS_B));
    if (central == 0xFF) return z;
    const __mmask8 negative = _mm512_cmp_pd_mask(q, _mm512_setzero_pd(), _CMP_LT_OQ);
    D8 t = _mm512_sqrt_pd(_mm512_sub_pd(_mm512_setzero_pd(),
                                         fdlog8(_mm512_mask_blend_pd(negative, _mm512_sub_pd(set1d(1.0), u), u))));
    const __mmask8 near = _mm512_cmp_pd_mask(t, set1d(5.0), _CMP_LE_OQ);
    D8 s = _mm512_sub_pd(t, set1d(1.6));
    D8 x = _mm512_div_pd(horner8(s, AS_C), horner8(s, AS_D));
    if ((__mmask8) (near | central) != 0xFF) {
        D8 e = _mm512_sub_pd(t, set1d(5.0));
        x = _mm512_mask_blend_pd(near, _mm512_div_pd(horner8(e, AS_E), horner8(e, AS_F)), x);
    }
    x = _mm512_mask_blend_pd(negative, x, asd(_mm512_xor_si512(asi(x), set1(0x8000000000000000ull))));
    return _mm512_mask_blend_pd(central, x, z);
}

#endif
