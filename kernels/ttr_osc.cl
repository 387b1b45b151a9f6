// TTR oscillator kernels for dev.sxn.math.indicators (OpenClTtrOscKernels), fp64, family indicators.ttr.oscillators.
// Batches are time-major (x[i * k + a]); one work-item per asset runs through time, so the reads of one bar by
// neighbouring work-items are adjacent. The arithmetic is the Java reference's (TtrOscKernels; native/src/ttr_osc.c
// has the same loops), operation for operation, with contraction off; the typical price's one fused multiply-add is
// an explicit fma (correctly rounded in OpenCL C). Only ROC continuous's log is the device's own.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#pragma OPENCL FP_CONTRACT OFF

#if !defined(SXN_TTR_DIFF) || !defined(SXN_TTR_DISCRETE)
#error "the host passes the SXN_TTR_* momentum types as -D options (OpenClTtrOscKernels.OPENCL_OPTIONS)"
#endif

// TtrOps.mean3: the mean of three values rounded once.
static double mean3(double a, double b, double c) {
    const double s = a + b, bp = s - a;
    double e = (a - (s - bp)) + (b - bp);
    const double u = s + c, bq = u - s;
    e = e + ((s - (u - bq)) + (c - bq));
    const double q = u / 3;
    const double r = fma(-q, 3.0, u) + e;
    return q + r / 3;
}

// type SXN_TTR_DIFF: x[i] - x[i-n]; SXN_TTR_DISCRETE: x[i] / x[i-n] - 1; else log x[i] - log x[i-n]. The first n bars NaN.
__kernel void ttr_momentum(__global const double *x, const long k, const long t, const long n, const int type,
                           __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    for (long i = 0; i < t; i++) {
        const long q = i * k + a;
        if (i < n) out[q] = NAN;
        else if (type == SXN_TTR_DIFF) out[q] = x[q] - x[q - n * k];
        else if (type == SXN_TTR_DISCRETE) out[q] = x[q] / x[q - n * k] - 1;
        else out[q] = log(x[q]) - log(x[q - n * k]);
    }
}

// Williams %R over n bars (0.5 for a flat window); the first n - 1 bars NaN.
__kernel void ttr_wpr(__global const double *h, __global const double *l, __global const double *c, const long k,
                      const long t, const long n, __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    for (long i = 0; i < t; i++) {
        const long q = i * k + a;
        if (i < n - 1) {
            out[q] = NAN;
            continue;
        }
        double hi = h[q], lo = l[q];
        for (long j = 1; j < n; j++) {
            const double u = h[q - j * k], d = l[q - j * k];
            if (u > hi) hi = u;
            if (d < lo) lo = d;
        }
        const double r = (hi - c[q]) / (hi - lo);
        out[q] = isnan(r) ? 0.5 : r;
    }
}

// CCI over n bars of the typical price (hlc != 0: each item writes its asset's column of p first) or of h itself.
__kernel void ttr_cci(__global const double *h, __global const double *l, __global const double *c, const int hlc,
                      const long k, const long t, const long n, const double coef, __global double *p,
                      __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    __global const double *x = h;
    if (hlc) {
        for (long i = 0; i < t; i++) p[i * k + a] = mean3(h[i * k + a], l[i * k + a], c[i * k + a]);
        x = p;
    }
    const double dn = (double) n;
    double s = 0;
    for (long i = 0; i < t; i++) {
        const long q = i * k + a;
        s = s + x[q];
        if (i >= n) s = s - x[q - n * k];
        if (i < n - 1) {
            out[q] = NAN;
            continue;
        }
        const double ma = s / dn;
        double dev = fabs(x[q] - ma) / dn;
        for (long j = 1; j < n; j++) dev += fabs(x[q - j * k] - ma) / dn;
        out[q] = (x[q] - ma) / (coef * dev);
    }
}

// Money flow index over n bars; p is scratch for the typical price (each item its own column). The first n bars NaN.
__kernel void ttr_mfi(__global const double *h, __global const double *l, __global const double *c,
                      __global const double *v, const long k, const long t, const long n, __global double *p,
                      __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    for (long i = 0; i < t; i++) {
        p[i * k + a] = mean3(h[i * k + a], l[i * k + a], c[i * k + a]);
        if (i < n || t < n + 1) out[i * k + a] = NAN;
    }
    if (t < n + 1) return;
    double up = 0, dn = 0;
    for (long i = 1; i < t; i++) {
        const long q = i * k + a;
        const double mf = p[q] * v[q];
        up = up + (p[q] > p[q - k] ? mf : 0.0);
        dn = dn + (p[q] < p[q - k] ? mf : 0.0);
        if (i > n) {
            const long q0 = q - n * k;
            const double mf0 = p[q0] * v[q0];
            up = up - (p[q0] > p[q0 - k] ? mf0 : 0.0);
            dn = dn - (p[q0] < p[q0 - k] ? mf0 : 0.0);
        }
        if (i >= n) {
            double val = 100 - (100 / (1 + up / dn));
            if (dn == 0) val = up == 0 ? 50 : 100;
            out[q] = val;
        }
    }
}
