// The batched zero-fee TFMM pass (dev.sxn.math.amm.OpenClSweepKernels): one work-item per rule parameter set, the
// bout's minutes inner; the definitions and the operation order of native/src/amm.h (dev.sxn.math.amm.TfmmPool's
// pass for the momentum, anti-momentum and fixed rules with linear interpolation and no fees). NMAX bounds the
// private per-asset arrays; the host passes it (OpenClSweepKernels.NMAX) and runs larger pools on JAVA.
// ps: lambda of set s at [s], its effective k at [count + s]; pa: initial weights at [0, n), log reserves at [n, 2n).
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#pragma OPENCL FP_CONTRACT OFF

#ifndef NMAX
#error "amm.cl needs -D NMAX=... from OpenClSweepKernels"
#endif

// One estimator step (GradientEstimator.step) on p[0 .. n).
static void amm_estimate(const double lambda, __global const double *p, const int n, double *ewma, double *a, double *g) {
    const double g_inf = 1.0 / (1.0 - lambda);
    const double om = 1.0 - lambda;
    const double sat_b = lambda / (om * om * om);
    for (int i = 0; i < n; i++) {
        const double e = ewma[i] + (p[i] - ewma[i]) / g_inf;
        double ai = lambda * a[i] + g_inf * (p[i] - e);
        if (fabs(ai) < 1e-10) ai = 0.0;
        ewma[i] = e;
        a[i] = ai;
        g[i] = ai / (sat_b * e);
    }
}

__kernel void amm_sweep_zero_fee(__global const double *prices, const int n, const long start, const long rows, const int cp, const int m,
                                 const double eps, const double max_change, const int dynamic, __global const double *pa,
                                 const double value0, __global const double *ps, const long count, __global double *values) {
    const long s = get_global_id(0);
    if (s >= count) return;
    const double lambda = ps[s], k = ps[count + s];
    double ewma[NMAX], a[NMAX], g[NMAX], prev[NMAX], bs[NMAX], df[NMAX], wc[NMAX], wp[NMAX], lr[NMAX], t[NMAX];
    for (int i = 0; i < n; i++) {
        ewma[i] = prices[i];
        a[i] = 0.0;
        prev[i] = pa[i];
        wc[i] = pa[i];
        bs[i] = pa[i];
        df[i] = 0.0;
        lr[i] = pa[n + i];
    }
    const long start_chunk = start / cp;
    if (dynamic) {
        for (long j = 1; j <= start_chunk; j++) amm_estimate(lambda, prices + j * cp * n, n, ewma, a, g);
    }
    __global double *v = values + s * rows;
    v[0] = value0;
    for (long row = 1; row < rows; row++) {
        for (int i = 0; i < n; i++) wp[i] = wc[i];
        if (dynamic && row >= cp) {
            const long j = row % cp;
            if (j == 0) {
                amm_estimate(lambda, prices + (start_chunk + row / cp) * cp * n, n, ewma, a, g);
                double ks = 0;
                for (int i = 0; i < n; i++) ks += k * g[i];
                const double offset = -ks / ((double) n * k);
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    const double dw = k == 0.0 ? 0.0 : k * (g[i] + offset);
                    t[i] = prev[i] + dw;
                    sum += t[i];
                }
                for (int i = 0; i < n; i++) t[i] = t[i] / sum;
                // Guardrails.applyMinimum: the "below" mark as the sign, as the Java code keeps it
                const double mx = 1.0 - (double) (n - 1) * eps;
                long below = 0;
                double others = 0;
                for (int i = 0; i < n; i++) {
                    const int low = t[i] < eps;
                    if (low) below++;
                    double c = t[i] > eps ? t[i] : eps;
                    c = c < mx ? c : mx;
                    t[i] = low ? -c : c;
                    if (!low) others += c;
                }
                const double remaining = 1 - (double) below * eps;
                double total = 0, best = -INFINITY;
                int arg = 0;
                for (int i = 0; i < n; i++) {
                    const double x = t[i] < 0 ? -t[i] : t[i] * remaining / others;
                    t[i] = x;
                    total += x;
                    if (x > best) {
                        best = x;
                        arg = i;
                    }
                }
                t[arg] = t[arg] - total + 1.0;
                double max_abs = 0;
                for (int i = 0; i < n; i++) {
                    const double d = 1.0 / m * (t[i] - prev[i]);
                    df[i] = d;
                    const double ad = fabs(d);
                    max_abs = (isnan(ad) || !(max_abs >= ad)) ? ad : max_abs;
                }
                if (max_abs > max_change) {
                    const double scale = max_change / (max_abs + 1e-10);
                    for (int i = 0; i < n; i++) df[i] = df[i] * scale;
                }
                for (int i = 0; i < n; i++) {
                    bs[i] = prev[i];
                    prev[i] = prev[i] + df[i] * m;
                }
            }
            if (j == 0 || j <= m) {
                const double tt = (double) (j < m ? j : m);
                for (int i = 0; i < n; i++) wc[i] = df[i] * tt + bs[i];
            }
        }
        __global const double *p1 = prices + (start + row) * n;
        __global const double *p0 = p1 - n;
        double pt = 0, wt = 0;
        for (int i = 0; i < n; i++) {
            const double lp = log(p1[i] / p0[i]);
            const double lw = log(wc[i] / wp[i]);
            pt += wp[i] * lp;
            wt += wc[i] * lw;
            g[i] = lw - lp;
        }
        const double common = pt - wt;
        double value = 0;
        for (int i = 0; i < n; i++) {
            lr[i] = lr[i] + (g[i] + common);
            value += exp(lr[i]) * p1[i];
        }
        v[row] = value;
    }
}
