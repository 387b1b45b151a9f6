// Batched forward filter of Gaussian hidden Markov models (dev.sxn.math.regime.OpenClRegimeKernels): one
// work-item per lane, time inner; the layout and the operation order of dev.sxn.math.regime.JavaRegimeKernels.step
// (see native/src/regime.h). KMAX and DMAX bound the private arrays; the host passes them
// (OpenClRegimeKernels.KMAX, DMAX) and runs larger models on JAVA.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#pragma OPENCL FP_CONTRACT OFF

#if !defined(KMAX) || !defined(DMAX)
#error "regime.cl needs -D KMAX=... -D DMAX=... from OpenClRegimeKernels"
#endif

__kernel void regime_forward(const long lanes, const long steps, const int k, const int d, const int diagonal,
                             __global const double *params, const long P, __global const double *x, const long X,
                             __global double *filtered, const int with_filtered, __global double *ll) {
    const long l = get_global_id(0);
    if (l >= lanes) return;
    const long pl = P == 1 ? 0 : l, xl = X == 1 ? 0 : l;
    const long oA = k, oMu = k + (long) k * k, oChol = oMu + (long) k * d, oInv = oChol + (long) k * d * d, oLn = oInv + (long) k * d;
    double p[KMAX], pred[KMAX], logb[KMAX], z[DMAX];
    double acc = 0.0;
    for (long t = 0; t < steps; t++) {
        double inc;
        if (t == 0) {
            for (int j = 0; j < k; j++) pred[j] = params[j * P + pl];
        } else {
            for (int j = 0; j < k; j++) pred[j] = 0.0;
            for (int i = 0; i < k; i++) {
                const double pi = p[i];
                if (pi == 0.0) continue;
                for (int j = 0; j < k; j++) pred[j] += pi * params[(oA + (long) i * k + j) * P + pl];
            }
        }
        int missing = 0;
        for (int j = 0; j < d; j++) missing |= isnan(x[(t * d + j) * X + xl]);
        if (missing) {
            for (int s = 0; s < k; s++) p[s] = pred[s];
            inc = 0.0;
        } else {
            for (int s = 0; s < k; s++) {
                double q = 0.0;
                for (int i = 0; i < d; i++) {
                    double v = x[(t * d + i) * X + xl] - params[(oMu + (long) s * d + i) * P + pl];
                    if (!diagonal) {
                        for (int j = 0; j < i; j++) v -= params[(oChol + (long) s * d * d + (long) i * d + j) * P + pl] * z[j];
                    }
                    const double zi = v * params[(oInv + (long) s * d + i) * P + pl];
                    z[i] = zi;
                    q += zi * zi;
                }
                logb[s] = params[(oLn + s) * P + pl] - 0.5 * q;
            }
            double mx = -INFINITY;
            for (int j = 0; j < k; j++) if (pred[j] > 0.0 && logb[j] > mx) mx = logb[j];
            if (mx == -INFINITY) {
                for (int s = 0; s < k; s++) p[s] = pred[s];
                inc = -INFINITY;
            } else {
                double sum = 0.0;
                for (int j = 0; j < k; j++) {
                    const double w = pred[j] > 0.0 ? pred[j] * exp(logb[j] - mx) : 0.0;
                    p[j] = w;
                    sum += w;
                }
                const double inv = 1.0 / sum;
                for (int j = 0; j < k; j++) p[j] *= inv;
                inc = mx + log(sum);
            }
        }
        acc += inc;
        if (with_filtered) for (int j = 0; j < k; j++) filtered[(t * k + j) * lanes + l] = p[j];
    }
    ll[l] = acc;
}
