// Indicator kernels for dev.sxn.math.indicators (OpenClIndicatorKernels), fp64. Batches are
// time-major (x[i * k + a]); one work-item per asset runs the recurrence through time, so the
// reads of one time step by neighbouring work-items are adjacent (coalesced on a GPU). The
// arithmetic is the Java reference's (JavaIndicatorKernels; native/src/indicators.c mirrors the same
// loops), operation for operation, with contraction off, built without -cl-mad-enable or fast-math.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
// OpenCL C contracts a * b + c into fma by default; the Java reference rounds twice.
#pragma OPENCL FP_CONTRACT OFF

// Shared with the host (one source: IndicatorConstants, passed as -D by OpenClIndicatorKernels; the C
// kernels have the same value in native/src/indicators.h): rolling variances re-sum by two passes at
// every (i + 1) % SXN_IND_RESUM == 0, as every backend does.
#ifndef SXN_IND_RESUM
#error "build with -D SXN_IND_RESUM=... (IndicatorConstants.OPENCL_OPTIONS)"
#endif

inline int fin(double v) { return fabs(v) <= DBL_MAX; }

// The variance (its root when sq) of the window x[p - (w - 1) stride] .. x[p] of finite values too large
// to square: scaled by the power of two 2^-e that brings the largest |value| into [1, 2), the corrected
// two-pass, scaled back by 2^(2e) (+Inf exactly when the variance exceeds DBL_MAX) or 2^e. The
// operations of ScaledVariance.window (the Java reference; native/src/indicators.c sxn_ind_var_scaled)
// in its order; callers return 0 for a flat window first.
double var_scaled(__global const double *x, const long p, const long stride, const long w, const double div,
                  const int sq) {
    const long first = p - (w - 1) * stride;
    double peak = 0;
    for (long j = first; j <= p; j += stride) peak = fabs(x[j]) > peak ? fabs(x[j]) : peak;
    // only ever scaled down (ilogb of 0 is negative as well)
    int e = peak > 0 ? ilogb(peak) : 0;
    if (e < 0) e = 0;
    const double sc = ldexp(1.0, -e);
    double m = 0;
    for (long j = first; j <= p; j += stride) m += x[j] * sc;
    m /= (double) w;
    double q1 = 0, q2 = 0;
    for (long j = first; j <= p; j += stride) {
        double y = x[j] * sc - m;
        q1 += y;
        q2 += y * y;
    }
    double c = q2 - q1 * q1 / (double) w;
    double v = (c > 0 ? c : 0) / div;
    return sq ? ldexp(sqrt(v), e) : ldexp(v, 2 * e);
}

// Rolling sum tiled over time: work-item (a, g) computes asset a's outputs in the time tile
// [g * tile, (g + 1) * tile), so a batch runs k x ceil(t / tile) work-items and a single series is
// no longer one work-item. Each work-item rebuilds its starting state from the data: the finite
// values just before its tile, at most w of them (the JAVA kernel's run counter capped at w, which
// decides the same outputs), summed with the same TwoSum compensation, then runs the JAVA loop.
// Restarting exactly per tile rather than differencing a scanned prefix keeps the error of every
// output that of its own window (a prefix difference would lose log10(prefix / window sum) digits).
// Reference: JavaIndicatorKernels.rollingSumAssets.
__kernel void rolling_sum_tiled(__global const double *x, const long k, const long t, const long w,
                                const double scale, const long tile, __global double *out) {
    const long a = get_global_id(0), c0 = (long) get_global_id(1) * tile;
    if (a >= k || c0 >= t) return;
    const long c1 = min(t, c0 + tile);
    long run = 0;
    for (long j = c0 - 1; j >= 0 && run < w && fin(x[j * k + a]); j--) run++;
    double s = 0, c = 0;
    for (long q = c0 - run; q < c0; q++) {
        double v = x[q * k + a];
        double sn = s + v, bp = sn - s;
        c += (s - (sn - bp)) + (v - bp);
        s = sn;
    }
    for (long i = c0, p = c0 * k + a; i < c1; i++, p += k) {
        double v = x[p];
        if (!fin(v)) { run = 0; s = 0; c = 0; out[p] = NAN; continue; }
        run++;
        double sn = s + v, bp = sn - s;
        c += (s - (sn - bp)) + (v - bp);
        s = sn;
        if (run > w) {
            double o = -x[p - w * k];
            sn = s + o;
            bp = sn - s;
            c += (s - (sn - bp)) + (o - bp);
            s = sn;
        }
        out[p] = run >= w ? scale * (s + c) : NAN;
    }
}

// Rolling variance tiled over time like rolling_sum_tiled: each work-item rebuilds the run and
// flat-run counters from the data before its tile and starts its first full window with the
// two-pass (as the JAVA kernel does at a run's first window), then runs the JAVA loop; results
// equal the JAVA kernel's within its bound (about 512 u of M2), not bit for bit, since the
// two-passes fall at other steps. Reference: JavaIndicatorKernels.rollingVarAssets.
__kernel void rolling_var_tiled(__global const double *x, const long k, const long t, const long w, const int ddof,
                                const int sq, const long tile, __global double *out) {
    const long a = get_global_id(0), c0 = (long) get_global_id(1) * tile;
    if (a >= k || c0 >= t) return;
    const long c1 = min(t, c0 + tile);
    const double div = (double) (w - ddof), wd = (double) w;
    long run = 0, eq = 0;
    double kk = 0, s1 = 0, s2 = 0, eb = 0, prev = c0 > 0 ? x[(c0 - 1) * k + a] : NAN;
    // The JAVA kernel's counters at c0, capped at w (which decides the same outputs): finite values
    // and equal values just before the tile.
    for (long j = c0 - 1; j >= 0 && run < w && fin(x[j * k + a]); j--) run++;
    for (long j = c0 - 1; j >= 0 && eq < w && fin(x[j * k + a]) && x[j * k + a] == prev; j--) eq++;
    for (long i = c0, p = c0 * k + a; i < c1; i++, p += k) {
        double v = x[p];
        if (!fin(v)) { run = 0; eq = 0; out[p] = NAN; continue; }
        run++;
        eq = v == prev ? eq + 1 : 1;
        prev = v;
        if (run < w) { out[p] = NAN; continue; }
        // A tile's first full window starts from two passes, like a run's first window.
        int two = run == w || (i + 1) % SXN_IND_RESUM == 0 || i == c0;
        if (!two) {
            double yv = v - kk, yo = x[p - w * k] - kk;
            s1 += yv - yo;
            s2 += yv * yv - yo * yo;
            double kn = kk + s1 / wd, d = kn - kk;
            s2 = (s2 - 2 * d * s1) + wd * d * d;
            s1 = s1 - wd * d;
            kk = kn;
            eb += (yv * yv + yo * yo) + 3.0 * wd * d * d;
            two = eb > 512.0 * s2;
        }
        if (two) {
            double m = 0;
            for (long j = p - (w - 1) * k; j <= p; j += k) m += x[j];
            kk = m / wd;
            s1 = 0;
            s2 = 0;
            for (long j = p - (w - 1) * k; j <= p; j += k) {
                double y = x[j] - kk;
                s1 += y;
                s2 += y * y;
            }
            double kn = kk + s1 / wd, d = kn - kk;
            s2 = (s2 - 2 * d * s1) + wd * d * d;
            s1 = s1 - wd * d;
            kk = kn;
            eb = 0;
        }
        double c = s2 - s1 * s1 / wd;
        if (!fin(c)) {
            // The sums overflowed (values too large to square): this window by the scaled two-pass, and
            // the next step restarts the sums from the data (RollingVarState.update).
            run = w - 1;
            out[p] = eq >= w ? 0 : var_scaled(x, p, k, w, div, sq);
            continue;
        }
        double var = eq >= w ? 0 : (c > 0 ? c : 0) / div;
        out[p] = sq ? sqrt(var) : var;
    }
}

// JavaIndicatorKernels.emaAssets, one asset per work-item.
__kernel void ema(__global const double *x, const long k, const long t, const long seed, const double alpha,
                  __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    const double beta = 1 - alpha;
    long run = 0;
    double acc = 0, e = 0;
    for (long i = 0, p = a; i < t; i++, p += k) {
        double v = x[p];
        if (!fin(v)) { run = 0; acc = 0; out[p] = NAN; continue; }
        run++;
        if (run < seed) { acc += v; out[p] = NAN; }
        else if (run == seed) { e = (acc + v) / (double) seed; out[p] = e; }
        else { e = v * alpha + e * beta; out[p] = e; }
    }
}

// JavaIndicatorKernels.rsiAssets, one asset per work-item.
__kernel void rsi(__global const double *x, const long k, const long t, const long n, __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    const double alpha = 1.0 / (double) n, beta = 1 - alpha;
    long run = 0;
    double prev = 0, up = 0, dn = 0;
    for (long i = 0, p = a; i < t; i++, p += k) {
        double v = x[p];
        if (!fin(v)) { run = 0; up = 0; dn = 0; out[p] = NAN; continue; }
        run++;
        double d = v - prev;
        prev = v;
        if (run == 1) { out[p] = NAN; continue; }
        double g = d > 0 ? d : 0, l = d < 0 ? -d : 0;
        long m = run - 1;
        if (m < n) { up += g; dn += l; out[p] = NAN; continue; }
        if (m == n) { up = (up + g) / (double) n; dn = (dn + l) / (double) n; }
        else { up = g * alpha + up * beta; dn = l * alpha + dn * beta; }
        out[p] = 100 * up / (up + dn);
    }
}
