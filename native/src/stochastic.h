/* Counter-based random numbers of libsxnkernels (stochastic.c, stochastic_avx512.c), called by
 * dev.sxn.math.stochastic.NativeRandomKernels and by the C harness (test/test_stochastic.c).
 *
 * Philox4x32-10 and Philox4x64-10 (Random123: Salmon, Moraes, Dror, Shaw, "Parallel Random Numbers: As
 * Easy as 1, 2, 3", SC11 2011), laid out over a (lane, step) grid exactly as the Java side's
 * dev.sxn.math.stochastic.Layout: a lane's step block b = step / V (V = 4 for 4x64, 2 for 4x32) is one
 * block; 4x64: key (seed, stream), counter (lane, b, 0, 0); 4x32: key (seed low, seed high), counter
 * (lane, b, stream, 0), 64-bit words x1:x0 and x3:x2. Word step % V belongs to the step.
 * Uniforms (exact): open (0,1) = bits(1.0 | w >> 12) - (1 - 2^-53) = (2 (w >> 12) + 1) 2^-53;
 * [0,1) = (w >> 11) 2^-53. Normals: Wichura's AS241 of the open uniform, with fdlibm's log, in the Java
 * operation order (no FMA: the library is built with -ffp-contract=off), so every value equals Java's.
 *
 * The constants below are the Java constants' (StochasticConstantsTest). The static inline functions are
 * the scalar reference, for the baseline body, the tails of the SIMD body, and any later C kernel that
 * draws its own numbers from a stream. */
#ifndef SXN_STOCHASTIC_H
#define SXN_STOCHASTIC_H

#include "sxn_dispatch.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* What a fill writes (RngConstants.MODE_*). */
#define SXN_RNG_MODE_BITS 0
#define SXN_RNG_MODE_OPEN 1
#define SXN_RNG_MODE_CLOSED_OPEN 2
#define SXN_RNG_MODE_NORMAL 3
/* Which generator (RngConstants.GEN_*). */
#define SXN_RNG_PHILOX4X32 0
#define SXN_RNG_PHILOX4X64 1

#define SXN_PHILOX_ROUNDS 10
#define SXN_PHILOX_M32_0 0xD2511F53
#define SXN_PHILOX_M32_1 0xCD9E8D57
#define SXN_PHILOX_W32_0 0x9E3779B9
#define SXN_PHILOX_W32_1 0xBB67AE85
#define SXN_PHILOX_M64_0 0xD2E7470EE14C6C93
#define SXN_PHILOX_M64_1 0xCA5A826395121157
#define SXN_PHILOX_W64_0 0x9E3779B97F4A7C15
#define SXN_PHILOX_W64_1 0xBB67AE8584CAA73B

/* fdlibm e_log.c (FdLog). */
#define SXN_LN2_HI 0x1.62e42feep-1
#define SXN_LN2_LO 0x1.a39ef35793c76p-33
#define SXN_LG1 0x1.5555555555593p-1
#define SXN_LG2 0x1.999999997fa04p-2
#define SXN_LG3 0x1.2492494229359p-2
#define SXN_LG4 0x1.c71c51d8e78afp-3
#define SXN_LG5 0x1.7466496cb03dep-3
#define SXN_LG6 0x1.39a09d078c69fp-3
#define SXN_LG7 0x1.2f112df3e5244p-3
#define SXN_LOG_THIRD 0.33333333333333333

/* AS241 (NormalQuantile): central A/B, intermediate tail C/D, far tail E/F, highest degree first. */
#define SXN_AS241_A7 2.5090809287301226727e+3
#define SXN_AS241_A6 3.3430575583588128105e+4
#define SXN_AS241_A5 6.7265770927008700853e+4
#define SXN_AS241_A4 4.5921953931549871457e+4
#define SXN_AS241_A3 1.3731693765509461125e+4
#define SXN_AS241_A2 1.9715909503065514427e+3
#define SXN_AS241_A1 1.3314166789178437745e+2
#define SXN_AS241_A0 3.3871328727963666080e+0
#define SXN_AS241_B7 5.2264952788528545610e+3
#define SXN_AS241_B6 2.8729085735721942674e+4
#define SXN_AS241_B5 3.9307895800092710610e+4
#define SXN_AS241_B4 2.1213794301586595867e+4
#define SXN_AS241_B3 5.3941960214247511077e+3
#define SXN_AS241_B2 6.8718700749205790830e+2
#define SXN_AS241_B1 4.2313330701600911252e+1
#define SXN_AS241_C7 7.7454501427834140764e-4
#define SXN_AS241_C6 2.2723844989269184583e-2
#define SXN_AS241_C5 2.4178072517745061177e-1
#define SXN_AS241_C4 1.2704582524523683826e+0
#define SXN_AS241_C3 3.6478483247632045265e+0
#define SXN_AS241_C2 5.7694972214606914055e+0
#define SXN_AS241_C1 4.6303378461565452959e+0
#define SXN_AS241_C0 1.4234371107496835773e+0
#define SXN_AS241_D7 1.0507500716444168432e-9
#define SXN_AS241_D6 5.4759380849953449460e-4
#define SXN_AS241_D5 1.5198666563616457197e-2
#define SXN_AS241_D4 1.4810397642748007459e-1
#define SXN_AS241_D3 6.8976733498510000455e-1
#define SXN_AS241_D2 1.6763848301838038494e+0
#define SXN_AS241_D1 2.0531916266377588219e+0
#define SXN_AS241_E7 2.0103343992922881327e-7
#define SXN_AS241_E6 2.7115555687434875782e-5
#define SXN_AS241_E5 1.2426609473880784386e-3
#define SXN_AS241_E4 2.6532189526576123093e-2
#define SXN_AS241_E3 2.9656057182850489123e-1
#define SXN_AS241_E2 1.7848265399172913358e+0
#define SXN_AS241_E1 5.4637849111641143699e+0
#define SXN_AS241_E0 6.6579046435011037772e+0
#define SXN_AS241_F7 2.0442631033899397856e-15
#define SXN_AS241_F6 1.4215117583164458887e-7
#define SXN_AS241_F5 1.8463183175100546818e-5
#define SXN_AS241_F4 7.8686913114561325910e-4
#define SXN_AS241_F3 1.4875361290850614852e-2
#define SXN_AS241_F2 1.3692988092273580531e-1
#define SXN_AS241_F1 5.9983220655588793769e-1

/* Fills lanes [lane0, lane0 + lanes) x steps [step0, step0 + steps) of stream (generator, seed, stream):
 * (lane0 + i, step0 + r) goes to element off + r * ld + i of out (uint64_t words for SXN_RNG_MODE_BITS,
 * doubles otherwise). Requires lanes, steps >= 0, ld >= lanes, and the generator's index limits (checked
 * by the Java facade). Writes exactly those elements and reads none. */
SXN_EXPORT void sxn_stochastic_fill(int32_t generator, int32_t mode, int64_t seed, int64_t stream, int64_t lane0,
                                    int64_t lanes, int64_t step0, int64_t steps, void *out, int64_t off, int64_t ld);

/* ---- internal: one fill job, and its per-ISA bodies (stochastic.c, stochastic_avx512.c) ---- */
typedef struct {
    int32_t generator, mode;
    uint64_t seed, stream;
    int64_t lane0, lanes, step0, steps, off, ld;
    void *out;
} sxn_rng_job;

/* Lanes [from, to) of the job (relative to lane0), scalar. */
void sxn_rng_fill_lanes_base(const sxn_rng_job *job, int64_t from, int64_t to);
/* The whole job, AVX-512F (8 lanes per vector, the lane tail through the scalar body). */
void sxn_rng_fill_avx512(const sxn_rng_job *job);

/* ---- the scalar reference ---- */

/* Philox4x64-10 of x[0..4) under (k0, k1), in place. */
static inline void sxn_philox4x64(uint64_t x[4], uint64_t k0, uint64_t k1) {
    for (int r = 0; r < SXN_PHILOX_ROUNDS; r++) {
        unsigned __int128 p0 = (unsigned __int128) SXN_PHILOX_M64_0 * x[0];
        unsigned __int128 p1 = (unsigned __int128) SXN_PHILOX_M64_1 * x[2];
        uint64_t y0 = (uint64_t) (p1 >> 64) ^ x[1] ^ k0, y2 = (uint64_t) (p0 >> 64) ^ x[3] ^ k1;
        x[1] = (uint64_t) p1;
        x[3] = (uint64_t) p0;
        x[0] = y0;
        x[2] = y2;
        k0 += SXN_PHILOX_W64_0;
        k1 += SXN_PHILOX_W64_1;
    }
}

/* Philox4x32-10 of x[0..4) under (k0, k1), in place. */
static inline void sxn_philox4x32(uint32_t x[4], uint32_t k0, uint32_t k1) {
    for (int r = 0; r < SXN_PHILOX_ROUNDS; r++) {
        uint64_t p0 = (uint64_t) SXN_PHILOX_M32_0 * x[0], p1 = (uint64_t) SXN_PHILOX_M32_1 * x[2];
        uint32_t y0 = (uint32_t) (p1 >> 32) ^ x[1] ^ k0, y2 = (uint32_t) (p0 >> 32) ^ x[3] ^ k1;
        x[1] = (uint32_t) p1;
        x[3] = (uint32_t) p0;
        x[0] = y0;
        x[2] = y2;
        k0 += SXN_PHILOX_W32_0;
        k1 += SXN_PHILOX_W32_1;
    }
}

/* The 64-bit words of dense step block b of lane (the layout above): 4 (4x64) or 2 (4x32) written to w. */
static inline int sxn_rng_dense(int32_t generator, uint64_t seed, uint64_t stream, uint64_t lane, uint64_t b, uint64_t w[4]) {
    if (generator == SXN_RNG_PHILOX4X64) {
        w[0] = lane; w[1] = b; w[2] = 0; w[3] = 0;
        sxn_philox4x64(w, seed, stream);
        return 4;
    }
    uint32_t x[4] = {(uint32_t) lane, (uint32_t) b, (uint32_t) stream, 0};
    sxn_philox4x32(x, (uint32_t) seed, (uint32_t) (seed >> 32));
    w[0] = (uint64_t) x[1] << 32 | x[0];
    w[1] = (uint64_t) x[3] << 32 | x[2];
    return 2;
}

static inline double sxn_bits_double(uint64_t b) { double d; memcpy(&d, &b, sizeof d); return d; }
static inline uint64_t sxn_double_bits(double d) { uint64_t b; memcpy(&b, &d, sizeof b); return b; }

/* (2 (w >> 12) + 1) 2^-53, in (0, 1). */
static inline double sxn_unit_open(uint64_t w) { return sxn_bits_double(0x3FF0000000000000ull | (w >> 12)) - (1.0 - 0x1p-53); }
/* (w >> 11) 2^-53, in [0, 1). */
static inline double sxn_unit_closed_open(uint64_t w) { return (double) (w >> 11) * 0x1p-53; }

/* fdlibm's log for finite x >= DBL_MIN (equal to Java's StrictMath.log). */
static inline double sxn_fdlog(double x) {
    uint64_t bits = sxn_double_bits(x);
    int32_t hx = (int32_t) (bits >> 32);
    int32_t k = (hx >> 20) - 1023;
    hx &= 0x000fffff;
    int32_t i = (hx + 0x95f64) & 0x100000;
    double f = sxn_bits_double((uint64_t) (uint32_t) (hx | (i ^ 0x3ff00000)) << 32 | (bits & 0xFFFFFFFFull)) - 1.0;
    k += i >> 20;
    double dk = (double) k;
    if ((0x000fffff & (2 + hx)) < 3) {
        double r = f * f * (0.5 - SXN_LOG_THIRD * f);
        return dk * SXN_LN2_HI - ((r - dk * SXN_LN2_LO) - f);
    }
    double s = f / (2.0 + f), z = s * s, w = z * z;
    double t1 = w * (SXN_LG2 + w * (SXN_LG4 + w * SXN_LG6));
    double t2 = z * (SXN_LG1 + w * (SXN_LG3 + w * (SXN_LG5 + w * SXN_LG7)));
    double r = t2 + t1;
    if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
        double hfsq = 0.5 * f * f;
        return dk * SXN_LN2_HI - ((hfsq - (s * (hfsq + r) + dk * SXN_LN2_LO)) - f);
    }
    return dk * SXN_LN2_HI - ((s * (f - r) - dk * SXN_LN2_LO) - f);
}

/* AS241 standard normal quantile of u in (0, 1). */
static inline double sxn_normal_quantile(double u) {
    double q = u - 0.5;
    if (fabs(q) <= 0.425) {
        double r = 0.180625 - q * q;
        double num = (((((((SXN_AS241_A7 * r + SXN_AS241_A6) * r + SXN_AS241_A5) * r + SXN_AS241_A4) * r + SXN_AS241_A3) * r
                        + SXN_AS241_A2) * r + SXN_AS241_A1) * r + SXN_AS241_A0) * q;
        double den = ((((((SXN_AS241_B7 * r + SXN_AS241_B6) * r + SXN_AS241_B5) * r + SXN_AS241_B4) * r + SXN_AS241_B3) * r
                       + SXN_AS241_B2) * r + SXN_AS241_B1) * r + 1.0;
        return num / den;
    }
    double r = sqrt(-sxn_fdlog(q < 0 ? u : 1.0 - u)), x;
    if (r <= 5.0) {
        r = r - 1.6;
        x = (((((((SXN_AS241_C7 * r + SXN_AS241_C6) * r + SXN_AS241_C5) * r + SXN_AS241_C4) * r + SXN_AS241_C3) * r + SXN_AS241_C2) * r
              + SXN_AS241_C1) * r + SXN_AS241_C0)
            / (((((((SXN_AS241_D7 * r + SXN_AS241_D6) * r + SXN_AS241_D5) * r + SXN_AS241_D4) * r + SXN_AS241_D3) * r + SXN_AS241_D2) * r
                + SXN_AS241_D1) * r + 1.0);
    } else {
        r = r - 5.0;
        x = (((((((SXN_AS241_E7 * r + SXN_AS241_E6) * r + SXN_AS241_E5) * r + SXN_AS241_E4) * r + SXN_AS241_E3) * r + SXN_AS241_E2) * r
              + SXN_AS241_E1) * r + SXN_AS241_E0)
            / (((((((SXN_AS241_F7 * r + SXN_AS241_F6) * r + SXN_AS241_F5) * r + SXN_AS241_F4) * r + SXN_AS241_F3) * r + SXN_AS241_F2) * r
                + SXN_AS241_F1) * r + 1.0);
    }
    return q < 0 ? -x : x;
}

/* One word of a fill converted for mode, stored at element idx of out. */
static inline void sxn_rng_store(int32_t mode, uint64_t w, void *out, int64_t idx) {
    switch (mode) {
    case SXN_RNG_MODE_BITS: ((uint64_t *) out)[idx] = w; break;
    case SXN_RNG_MODE_OPEN: ((double *) out)[idx] = sxn_unit_open(w); break;
    case SXN_RNG_MODE_CLOSED_OPEN: ((double *) out)[idx] = sxn_unit_closed_open(w); break;
    default: ((double *) out)[idx] = sxn_normal_quantile(sxn_unit_open(w)); break;
    }
}

#endif
