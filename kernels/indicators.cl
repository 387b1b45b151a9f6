// Indicator kernels for dev.sxn.math.indicators (OpenClIndicatorKernels), fp64. Batches are
// time-major (x[i * k + a]); one work-item per asset runs the recurrence through time, so the
// reads of one time step by neighbouring work-items are adjacent (coalesced on a GPU). The
// arithmetic is the Java reference's, operation for operation, with contraction off, built
// without -cl-mad-enable or fast-math.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
// OpenCL C contracts a * b + c into fma by default; the Java reference rounds twice.
#pragma OPENCL FP_CONTRACT OFF

#define RESUM 1024 // JavaIndicatorKernels.RESUM

inline int fin(double v) { return fabs(v) <= DBL_MAX; }

__kernel void rolling_sum(__global const double *x, const long k, const long t, const long w, const double scale,
                          __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    long run = 0;
    double s = 0, c = 0;
    for (long i = 0, p = a; i < t; i++, p += k) {
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

__kernel void rolling_var(__global const double *x, const long k, const long t, const long w, const int ddof,
                          const int sq, __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    const double div = (double) (w - ddof);
    long run = 0, eq = 0;
    double s = 0, c = 0, mean = 0, m2 = 0, prev = NAN;
    for (long i = 0, p = a; i < t; i++, p += k) {
        double v = x[p];
        if (!fin(v)) { run = 0; eq = 0; s = 0; c = 0; out[p] = NAN; continue; }
        run++;
        eq = v == prev ? eq + 1 : 1;
        prev = v;
        double sn = s + v, bp = sn - s;
        c += (s - (sn - bp)) + (v - bp);
        s = sn;
        double o = 0;
        if (run > w) {
            o = x[p - w * k];
            double no = -o;
            sn = s + no;
            bp = sn - s;
            c += (s - (sn - bp)) + (no - bp);
            s = sn;
        }
        if (run < w) { out[p] = NAN; continue; }
        double old = mean;
        mean = (s + c) / (double) w;
        if (eq >= w) {
            m2 = 0;
        } else if (run == w || (i + 1) % RESUM == 0) {
            double q = 0;
            for (long j = p - (w - 1) * k; j <= p; j += k) {
                double d = x[j] - mean;
                q += d * d;
            }
            m2 = q;
        } else {
            m2 += (v - o) * ((v - mean) + (o - old));
        }
        double var = (m2 > 0 ? m2 : 0) / div;
        out[p] = sq ? sqrt(var) : var;
    }
}

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
