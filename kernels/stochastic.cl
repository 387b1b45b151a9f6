// Counter-based random numbers for dev.sxn.math.stochastic.Randoms on OpenCL (fp64): Philox4x32-10 and
// Philox4x64-10 (Random123: Salmon, Moraes, Dror, Shaw, SC11 2011) in the layout of
// dev.sxn.math.stochastic.Layout and native/src/stochastic.h, one counter block per work-item. The
// conversions, fdlibm's log and AS241 repeat the Java reference's IEEE operations in its order, with
// contraction into fused multiply-adds switched off, so every value is the JAVA kernel's bit for bit on a
// device whose double arithmetic is IEEE (as OpenCL requires of fp64). The algorithm constants are
// stochastic.h's (StochasticConstantsTest); the mode and generator codes come from the host as -D options.
// The path kernels at the end (gbm_paths) draw their normals with the same functions from the seed alone.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#pragma OPENCL FP_CONTRACT OFF

#if !defined(SXN_RNG_MODE_BITS) || !defined(SXN_RNG_MODE_OPEN) || !defined(SXN_RNG_MODE_CLOSED_OPEN) \
    || !defined(SXN_RNG_MODE_NORMAL) || !defined(SXN_RNG_PHILOX4X32) || !defined(SXN_RNG_PHILOX4X64)
#error "the host passes the SXN_RNG_* codes as -D options (OpenClRandomKernels.OPENCL_OPTIONS)"
#endif

#define SXN_PHILOX_ROUNDS 10
#define SXN_PHILOX_M32_0 0xD2511F53U
#define SXN_PHILOX_M32_1 0xCD9E8D57U
#define SXN_PHILOX_W32_0 0x9E3779B9U
#define SXN_PHILOX_W32_1 0xBB67AE85U
#define SXN_PHILOX_M64_0 0xD2E7470EE14C6C93UL
#define SXN_PHILOX_M64_1 0xCA5A826395121157UL
#define SXN_PHILOX_W64_0 0x9E3779B97F4A7C15UL
#define SXN_PHILOX_W64_1 0xBB67AE8584CAA73BUL
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

// The 64-bit words of dense step block b of lane: 4 (Philox4x64) or 2 (Philox4x32), returned count.
inline int rng_dense(const int gen, const ulong seed, const ulong stream, const ulong lane, const ulong b, ulong w[4]) {
    if (gen == SXN_RNG_PHILOX4X64) {
        ulong x0 = lane, x1 = b, x2 = 0, x3 = 0, k0 = seed, k1 = stream;
        for (int r = 0; r < SXN_PHILOX_ROUNDS; r++) {
            const ulong hi0 = mul_hi(SXN_PHILOX_M64_0, x0), lo0 = SXN_PHILOX_M64_0 * x0;
            const ulong hi1 = mul_hi(SXN_PHILOX_M64_1, x2), lo1 = SXN_PHILOX_M64_1 * x2;
            x0 = hi1 ^ x1 ^ k0;
            x1 = lo1;
            x2 = hi0 ^ x3 ^ k1;
            x3 = lo0;
            k0 += SXN_PHILOX_W64_0;
            k1 += SXN_PHILOX_W64_1;
        }
        w[0] = x0; w[1] = x1; w[2] = x2; w[3] = x3;
        return 4;
    }
    uint x0 = (uint) lane, x1 = (uint) b, x2 = (uint) stream, x3 = 0, k0 = (uint) seed, k1 = (uint) (seed >> 32);
    for (int r = 0; r < SXN_PHILOX_ROUNDS; r++) {
        const uint hi0 = mul_hi(SXN_PHILOX_M32_0, x0), lo0 = SXN_PHILOX_M32_0 * x0;
        const uint hi1 = mul_hi(SXN_PHILOX_M32_1, x2), lo1 = SXN_PHILOX_M32_1 * x2;
        x0 = hi1 ^ x1 ^ k0;
        x1 = lo1;
        x2 = hi0 ^ x3 ^ k1;
        x3 = lo0;
        k0 += SXN_PHILOX_W32_0;
        k1 += SXN_PHILOX_W32_1;
    }
    w[0] = (ulong) x1 << 32 | x0;
    w[1] = (ulong) x3 << 32 | x2;
    return 2;
}

inline double unit_open(const ulong w) { return as_double(0x3FF0000000000000UL | (w >> 12)) - (1.0 - 0x1p-53); }
inline double unit_closed_open(const ulong w) { return (double) (w >> 11) * 0x1p-53; }

// fdlibm's log for finite x >= DBL_MIN (Java's StrictMath.log).
inline double fdlog(const double x) {
    const ulong bits = as_ulong(x);
    int hx = (int) (bits >> 32);
    int k = (hx >> 20) - 1023;
    hx &= 0x000fffff;
    const int i = (hx + 0x95f64) & 0x100000;
    const double f = as_double((ulong) (uint) (hx | (i ^ 0x3ff00000)) << 32 | (bits & 0xFFFFFFFFUL)) - 1.0;
    k += i >> 20;
    const double dk = (double) k;
    if ((0x000fffff & (2 + hx)) < 3) {
        const double r = f * f * (0.5 - SXN_LOG_THIRD * f);
        return dk * SXN_LN2_HI - ((r - dk * SXN_LN2_LO) - f);
    }
    const double s = f / (2.0 + f), z = s * s, w = z * z;
    const double t1 = w * (SXN_LG2 + w * (SXN_LG4 + w * SXN_LG6));
    const double t2 = z * (SXN_LG1 + w * (SXN_LG3 + w * (SXN_LG5 + w * SXN_LG7)));
    const double r = t2 + t1;
    if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
        const double hfsq = 0.5 * f * f;
        return dk * SXN_LN2_HI - ((hfsq - (s * (hfsq + r) + dk * SXN_LN2_LO)) - f);
    }
    return dk * SXN_LN2_HI - ((s * (f - r) - dk * SXN_LN2_LO) - f);
}

// AS241 standard normal quantile of u in (0, 1).
inline double normal_quantile(const double u) {
    const double q = u - 0.5;
    if (fabs(q) <= 0.425) {
        const double r = 0.180625 - q * q;
        const double num = (((((((SXN_AS241_A7 * r + SXN_AS241_A6) * r + SXN_AS241_A5) * r + SXN_AS241_A4) * r + SXN_AS241_A3) * r
                              + SXN_AS241_A2) * r + SXN_AS241_A1) * r + SXN_AS241_A0) * q;
        const double den = ((((((SXN_AS241_B7 * r + SXN_AS241_B6) * r + SXN_AS241_B5) * r + SXN_AS241_B4) * r + SXN_AS241_B3) * r
                             + SXN_AS241_B2) * r + SXN_AS241_B1) * r + 1.0;
        return num / den;
    }
    double r = sqrt(-fdlog(q < 0 ? u : 1.0 - u)), x;
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

// One work-item per (lane, step block): item id = block index (from the first block of the range) * lanes
// + lane index, so neighbouring items write neighbouring elements of a row. The words of the block inside
// [step0, step0 + steps) go to out[(step - step0) * lanes + lane index] (compact rows; the host copies them
// into the caller's stride), as raw bits or as a double's bits.
__kernel void rng_fill(const int gen, const int mode, const ulong seed, const ulong stream, const long lane0, const long lanes,
                       const long step0, const long steps, const long items, __global ulong *out) {
    const long id = (long) get_global_id(0);
    if (id >= items) return;
    const long v = gen == SXN_RNG_PHILOX4X64 ? 4 : 2;
    const long i = id % lanes;
    const long b = step0 / v + id / lanes;
    const long first = b * v, end = step0 + steps;
    const long w0 = (step0 > first ? step0 : first) - first;
    const long w1 = end - first < v ? end - first : v;
    ulong w[4];
    rng_dense(gen, seed, stream, (ulong) (lane0 + i), (ulong) b, w);
    long idx = (first + w0 - step0) * lanes + i;
    for (long k = w0; k < w1; k++, idx += lanes) {
        const ulong word = w[k];
        out[idx] = mode == SXN_RNG_MODE_BITS ? word
                 : mode == SXN_RNG_MODE_OPEN ? as_ulong(unit_open(word))
                 : mode == SXN_RNG_MODE_CLOSED_OPEN ? as_ulong(unit_closed_open(word))
                 : as_ulong(normal_quantile(unit_open(word)));
    }
}

// ---- path simulations (dev.sxn.math.stochastic.OpenClPathKernels; native/src/paths.h in C)

// The reduction bits (PathReduction.bit()) and PathExp's constants (PathConstantsTest).
#define SXN_PATH_TERMINAL 1
#define SXN_PATH_MAXIMUM 2
#define SXN_PATH_MINIMUM 4
#define SXN_PATH_AVERAGE 8
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

// e^x in PathExp's IEEE operations and order (no built-in exp, whose last bit is the device's): clamp
// (NaN stays NaN), k = rint(x / ln2) by the magic constant, fdlibm's rational approximation of e^r, then
// two normal powers of two.
inline double path_exp(double x) {
    x = x < SXN_PEXP_LO ? SXN_PEXP_LO : x;
    x = x > SXN_PEXP_HI ? SXN_PEXP_HI : x;
    const double kdm = x * SXN_PEXP_INV_LN2 + SXN_PEXP_MAGIC;
    const double kd = kdm - SXN_PEXP_MAGIC;
    const long k = (long) (as_ulong(kdm) - as_ulong(SXN_PEXP_MAGIC));
    const double hi = x - kd * SXN_PEXP_LN2_HI;
    const double lo = kd * SXN_PEXP_LN2_LO;
    const double r = hi - lo;
    const double t = r * r;
    const double c = r - t * (SXN_PEXP_P1 + t * (SXN_PEXP_P2 + t * (SXN_PEXP_P3 + t * (SXN_PEXP_P4 + t * SXN_PEXP_P5))));
    const double y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
    const long k1 = k >> 1;
    return y * as_double((ulong) (k1 + 1023) << 52) * as_double((ulong) (k - k1 + 1023) << 52);
}

// Geometric Brownian motion, one path per work-item: path first + id, lane = path (or path / 2 with
// antithetic pairs, the odd path taking -z), x_{t+1} = x_t + (drift + vol z_t) over steps 1..steps with
// z_t the AS241 normal of slot (lane, t), drawn here from the seed. what = 0 writes exp(x_{t+1}) to
// out[t * paths + id]; otherwise the reductions of the mask, in bit order, go to rows 0, 1, ...:
// out[row * paths + id] (compact rows; the host copies them into the caller's stride). The running
// maximum and minimum are Java's Math.max/min on x (a NaN x wins, and stays), the sum runs in step order.
__kernel void gbm_paths(const int gen, const ulong seed, const ulong stream, const double x0, const double drift,
                        const double vol, const long first, const long paths, const long steps, const int anti,
                        const int what, __global double *out) {
    const long id = (long) get_global_id(0);
    if (id >= paths) return;
    const ulong p = (ulong) (first + id);
    const ulong lane = anti ? p >> 1 : p;
    const int mirrored = anti && (p & 1);
    const long v = gen == SXN_RNG_PHILOX4X64 ? 4 : 2;
    double x = x0, mx = -INFINITY, mn = INFINITY, sum = 0.0;
    ulong w[4];
    for (long b = 0; b * v < steps; b++) {
        rng_dense(gen, seed, stream, lane, (ulong) b, w);
        const long kend = steps - b * v < v ? steps - b * v : v;
        for (long k = 0; k < kend; k++) {
            double z = normal_quantile(unit_open(w[k]));
            if (mirrored) z = -z;
            x = x + (drift + vol * z);
            if (what == 0) {
                out[(b * v + k) * paths + id] = path_exp(x);
            } else {
                mx = mx >= x ? mx : x;
                mn = mn <= x ? mn : x;
                if (what & SXN_PATH_AVERAGE) sum += path_exp(x);
            }
        }
    }
    if (what == 0) return;
    long idx = id;
    if (what & SXN_PATH_TERMINAL) { out[idx] = path_exp(x); idx += paths; }
    if (what & SXN_PATH_MAXIMUM) { out[idx] = path_exp(mx); idx += paths; }
    if (what & SXN_PATH_MINIMUM) { out[idx] = path_exp(mn); idx += paths; }
    if (what & SXN_PATH_AVERAGE) out[idx] = sum / (double) steps;
}
