// Batched TTR trend kernels for dev.sxn.math.indicators (family indicators.ttr.trend) on OpenCL (fp64): ADX/DMI, the
// volatility estimators of TTR's volatility(), HMA, ZLEMA, a fixed-weight WMA (ALMA), EVWMA and wilderSum. One asset
// per work-item over the time-major batch (x[i k + a]): neighbouring items read neighbouring values of each bar.
// native/src/ttr_trend.h describes the layout; dev.sxn.math.indicators.TrendKernels the definitions. Each asset is one
// run from bar 0 (the host checked the input finite). Intermediate series that a window reads back (the estimators'
// terms, HMA's inner difference) live in a ring of window rows per asset in `ring` (ring[slot k + a]). Contraction off:
// the Java kernels' operations in their order, so only the device's log may differ from Java's in the last bits.
// The method codes come from the host as -D options (OpenClTrendKernels.OPTIONS).
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#pragma OPENCL FP_CONTRACT OFF

#if !defined(SXN_TTR_CLOSE) || !defined(SXN_TTR_CLOSE_MEAN0) || !defined(SXN_TTR_GARMAN_KLASS) || !defined(SXN_TTR_PARKINSON) \
    || !defined(SXN_TTR_ROGERS_SATCHELL) || !defined(SXN_TTR_GK_YZ) || !defined(SXN_TTR_YANG_ZHANG)
#error "the host passes the SXN_TTR_* method codes as -D options (OpenClTrendKernels.OPTIONS)"
#endif

#define DNAN ((double) NAN)

// Java's Math.max / Math.min (the sign of zero included; no NaN reaches them here).
static double jmax(double a, double b) {
    if (a == 0.0 && b == 0.0) return signbit(a) ? b : a;
    return a >= b ? a : b;
}
static double jmin(double a, double b) {
    if (a == 0.0 && b == 0.0) return signbit(a) ? a : b;
    return a <= b ? a : b;
}

__kernel void ttr_adx(__global const double *h, __global const double *l, __global const double *c, const long k, const long t,
                      const int n, __global double *dip, __global double *din, __global double *dx, __global double *adx) {
    const long a = get_global_id(0);
    if (a >= k) return;
    const double ratio = 1.0 / n, keep = 1 - ratio;
    double trs = 0, sp = 0, sn = 0, seed = 0, prev = DNAN;
    int started = 0, cnt = 0;
    dip[a] = din[a] = dx[a] = adx[a] = DNAN;
    for (long i = 1; i < t; i++) {
        const long p = i * k + a, q = p - k;
        const double hi = h[p], lo = l[p], cp = c[q];
        const double dh = hi - h[q], dl = -(lo - l[q]);
        const int none = dh == dl || (dh < 0 && dl < 0);
        const double dmp = none ? 0 : (dh > dl ? dh : 0);
        const double dmn = none ? 0 : (dh < dl ? dl : 0);
        const double tr = jmax(hi, cp) - jmin(lo, cp);
        if (i < n) {
            trs += tr;
            sp += dmp;
            sn += dmn;
            dip[p] = din[p] = dx[p] = adx[p] = DNAN;
            continue;
        }
        trs = tr + trs * (n - 1) / n;
        sp = dmp + sp * (n - 1) / n;
        sn = dmn + sn * (n - 1) / n;
        const double pi = 100 * sp / trs, ni = 100 * sn / trs;
        const double d = 100 * (fabs(pi - ni) / (pi + ni));
        dip[p] = pi;
        din[p] = ni;
        dx[p] = d;
        double out = DNAN;
        if (cnt == n) {
            out = d * ratio + prev * keep;
        } else {
            if (d == d) started = 1;  // TTR's EMA of DX starts at the first non-NaN DX
            if (started) {
                seed += d / n;
                if (++cnt == n) out = seed;
            }
        }
        adx[p] = out;
        prev = out;
    }
}

// TTR's runSum over w, one step at bar i of a series whose first value is at f: v enters, the value of bar i - w
// (in the same ring slot) leaves; returns the sum, or NaN in the warm-up.
static double sum_step(__global double *ring, long k, long a, long i, long f, int w, double v, double *s) {
    __global double *slot = ring + (i % w) * k + a;
    if (i - f < w) *s += v;
    else *s = *s + v - *slot;
    *slot = v;
    return i - f >= w - 1 ? *s : DNAN;
}

// TTR's runCov(x, x, w, sample = TRUE) at bar i, the window's values in the ring (bar j at slot j % w).
static double cov_at(__global const double *ring, long k, long a, long i, int w) {
    const long from = i - w + 1;
    double mean = ring[(from % w) * k + a] / w;
    for (int q = 1; q < w; q++) mean += ring[((from + q) % w) * k + a] / w;
    double r = 0.0;
    for (int q = 0; q < w; q++) {
        const double d = ring[((i - q) % w) * k + a] - mean;
        r += d * d;
    }
    return r / (double) (w - 1);
}

static double rs_term(__global const double *o, __global const double *h, __global const double *l, __global const double *c, long p) {
    return log(h[p] / c[p]) * log(h[p] / o[p]) + log(l[p] / c[p]) * log(l[p] / o[p]);
}

__kernel void ttr_vol(const int method, __global const double *o, __global const double *h, __global const double *l,
                      __global const double *c, const long k, const long t, const int n, const double ny, __global double *out,
                      __global double *ring) {
    const long a = get_global_id(0);
    if (a >= k) return;
    const double k2 = 2 * log(2.0) - 1;
    __global double *r1 = ring, *r2 = ring + (long) n * k, *r3 = ring + 2 * (long) n * k;
    double s = 0;
    if (method == SXN_TTR_CLOSE || method == SXN_TTR_CLOSE_MEAN0) {
        const int w = n - 1;
        const double sq = sqrt(ny);
        out[a] = DNAN;
        for (long i = 1; i < t; i++) {
            const double v = log(c[i * k + a]) - log(c[(i - 1) * k + a]);
            double res;
            if (method == SXN_TTR_CLOSE) {
                r1[(i % w) * k + a] = v;
                res = i >= w ? sq * sqrt(cov_at(r1, k, a, i, w)) : DNAN;
            } else {
                res = sq * sqrt(sum_step(r1, k, a, i, 1, w, v * v, &s) / (n - 2));
            }
            out[i * k + a] = res;
        }
    } else if (method == SXN_TTR_YANG_ZHANG) {
        const double alpha = 1.34, kk = (alpha - 1) / (alpha + (double) (n + 1) / (n - 1));
        for (long i = 0; i < t; i++) {
            const long p = i * k + a;
            double so = DNAN;
            if (i >= 1) {
                r1[(i % n) * k + a] = log(o[p] / c[p - k]);
                if (i >= n) so = cov_at(r1, k, a, i, n);
            }
            r2[(i % n) * k + a] = log(c[p] / o[p]);
            const double sc = i >= n - 1 ? cov_at(r2, k, a, i, n) : DNAN;
            const double rs = sqrt(ny / n * sum_step(r3, k, a, i, 0, n, rs_term(o, h, l, c, p), &s));
            out[p] = sqrt(ny * so + kk * (ny * sc) + (1 - kk) * (rs * rs));
        }
    } else {
        const long f = method == SXN_TTR_GK_YZ ? 1 : 0;
        const double scale = method == SXN_TTR_PARKINSON ? ny / (4 * n * log(2.0)) : ny / n;
        if (f == 1) out[a] = DNAN;
        for (long i = f; i < t; i++) {
            const long p = i * k + a;
            double v;
            if (method == SXN_TTR_ROGERS_SATCHELL) {
                v = rs_term(o, h, l, c, p);
            } else {
                const double hl = log(h[p] / l[p]);
                if (method == SXN_TTR_PARKINSON) {
                    v = hl * hl;
                } else {
                    const double co = log(c[p] / o[p]);
                    if (method == SXN_TTR_GK_YZ) {
                        const double oc = log(o[p] / c[p - k]);
                        v = oc * oc + 0.5 * (hl * hl) - k2 * (co * co);
                    } else {
                        v = 0.5 * (hl * hl) - k2 * (co * co);
                    }
                }
            }
            out[p] = sqrt(scale * sum_step(r1, k, a, i, f, n, v, &s));
        }
    }
}

// TTR's wma of the input at bar i (window w, weights w[0..w) oldest first, their sum wtsum).
static double wma_at(__global const double *x, long k, long a, long i, int w, __global const double *wt, double wtsum) {
    const long ni = i - w + 1;
    double num = 0;
    for (int j = 0; j < w; j++) num += x[(ni + j) * k + a] * wt[j];
    return num / wtsum;
}

// HMA: wt holds the linear weights 1..n (the host's), ring q = trunc(sqrt n) rows of 2 WMA(n/2) - WMA(n).
__kernel void ttr_hma(__global const double *x, const long k, const long t, const int n, __global const double *wt,
                      __global double *out, __global double *ring) {
    const long a = get_global_id(0);
    if (a >= k) return;
    const int hw = n / 2, q = (int) sqrt((double) n);
    double sh = 0, sn = 0, sq = 0;
    for (int j = 0; j < hw; j++) sh += wt[j];
    for (int j = 0; j < n; j++) sn += wt[j];
    for (int j = 0; j < q; j++) sq += wt[j];
    for (long i = 0; i < t; i++) {
        double res = DNAN;
        if (i >= n - 1) {
            const double d = 2 * wma_at(x, k, a, i, hw, wt, sh) - wma_at(x, k, a, i, n, wt, sn);
            ring[(i % q) * k + a] = d;
            if (i >= n - 1 + q - 1) {
                const long ni = i - q + 1;
                double num = 0;
                for (int j = 0; j < q; j++) num += ring[((ni + j) % q) * k + a] * wt[j];
                res = num / sq;
            }
        }
        out[i * k + a] = res;
    }
}

__kernel void ttr_wma(__global const double *x, const long k, const long t, const int n, __global const double *wt,
                      __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    double wtsum = 0;
    for (int j = 0; j < n; j++) wtsum += wt[j];
    for (long i = 0; i < t; i++) out[i * k + a] = i >= n - 1 ? wma_at(x, k, a, i, n, wt, wtsum) : DNAN;
}

__kernel void ttr_zlema(__global const double *x, const long k, const long t, const int n, __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    for (long i = 0; i < n - 1 && i < t; i++) out[i * k + a] = DNAN;
    if (n > t) return;
    const double ratio = 2.0 / (n + 1), lag = 1.0 / ratio, wt = fmod(lag, 1.0), w1 = 1.0 - wt, r1 = 1.0 - ratio;
    double seed = 0;
    for (long i = 0; i < n; i++) seed += x[i * k + a] / n;
    out[(n - 1) * k + a] = seed;
    double prev = seed;
    for (long i = n; i < t; i++) {
        const long loc = (long) ((double) i - lag);
        const double value = 2 * x[i * k + a] - (w1 * x[loc * k + a] + wt * x[(loc + 1) * k + a]);
        prev = ratio * value + r1 * prev;
        out[i * k + a] = prev;
    }
}

__kernel void ttr_evwma(__global const double *p, __global const double *v, const long k, const long t, const int n,
                        __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    for (long i = 0; i < n - 1 && i < t; i++) out[i * k + a] = DNAN;
    if (n > t) return;
    double vs = 0;
    for (long i = 0; i < n; i++) vs += v[i * k + a];
    double prev = p[(n - 1) * k + a];
    out[(n - 1) * k + a] = prev;
    for (long i = n; i < t; i++) {
        const long q = i * k + a;
        vs = vs + v[q] - v[q - n * k];
        prev = ((vs - v[q]) * prev + v[q] * p[q]) / vs;
        out[q] = prev;
    }
}

__kernel void ttr_wilder(__global const double *x, const long k, const long t, const int n, __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    double s = 0;
    for (long i = 0; i < n - 1 && i < t; i++) {
        out[i * k + a] = DNAN;
        s += x[i * k + a];
    }
    for (long i = n - 1; i < t; i++) {
        s = x[i * k + a] + s * (n - 1) / n;
        out[i * k + a] = s;
    }
}
