// Batched Kalman filters for dev.sxn.math.filter.BatchKalman on OpenCL (fp64): one work-item per
// filter, all ticks of a call inside the work-item (the state stays in private memory across ticks).
// Layout and arithmetic as native/src/filter.c: state component c of filter f at c*N + f (n means,
// then the upper triangle of P row by row); observation k of tick t at (t*m + k)*N + f; packed model
// pp: F [0,16) stride n, Q [16,32), h1 [32,36), h2 [36,40), r1 40, r2 41, c 42, r12 43.
// out (when write_out != 0) gets the filtered first component at t*N + f.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

inline int cov_index(int n, int i, int j) {
    return n + i * n - i * (i - 1) / 2 + (j - i);
}

// One scalar update; o = 1 observed, 0 missing (gain 0: the update adds exactly 0).
inline void scalar_update(int n, double *x, double *P, const double *h, double r, double z, double o) {
    double ph[4];
    double s = r, hx = 0.0;
    for (int i = 0; i < n; i++) {
        double acc = 0.0;
        for (int j = 0; j < n; j++) acc = acc + P[i * n + j] * h[j];
        ph[i] = acc;
        s = s + h[i] * acc;
        hx = hx + h[i] * x[i];
    }
    double g = o / s;
    double w = (z - hx) * g;
    for (int i = 0; i < n; i++) x[i] = x[i] + ph[i] * w;
    for (int i = 0; i < n; i++)
        for (int j = i; j < n; j++) {
            double v = P[i * n + j] - ph[i] * ph[j] * g;
            P[i * n + j] = v;
            P[j * n + i] = v;
        }
}

__kernel void batch_kalman(const int n, const int m, __constant double *pp, __global double *st, const long N,
                           __global const double *zs, const long ticks, __global double *out, const int write_out) {
    const long f = (long) get_global_id(0);
    if (f >= N) return;
    double x[4], P[16], xp[4], T[16], Pn[16], h1[4], h2[4], h[4];
    for (int i = 0; i < n; i++) x[i] = st[i * N + f];
    for (int i = 0; i < n; i++)
        for (int j = i; j < n; j++) {
            double v = st[cov_index(n, i, j) * N + f];
            P[i * n + j] = v;
            P[j * n + i] = v;
        }
    for (int j = 0; j < n; j++) { h1[j] = pp[32 + j]; h2[j] = pp[36 + j]; }
    const double c = pp[42];
    for (long t = 0; t < ticks; t++) {
        for (int i = 0; i < n; i++) {
            double acc = 0.0;
            for (int j = 0; j < n; j++) acc = acc + x[j] * pp[i * n + j];
            xp[i] = acc;
        }
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) {
                double acc = 0.0;
                for (int j = 0; j < n; j++) acc = acc + P[j * n + k] * pp[i * n + j];
                T[i * n + k] = acc;
            }
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++) {
                double acc = pp[16 + i * n + j];
                for (int k = 0; k < n; k++) acc = acc + T[i * n + k] * pp[j * n + k];
                Pn[i * n + j] = acc;
                Pn[j * n + i] = acc;
            }
        for (int i = 0; i < n; i++) x[i] = xp[i];
        for (int i = 0; i < n * n; i++) P[i] = Pn[i];
        const long zb = t * m * N + f;
        const double z1 = zs[zb];
        const double o1 = isnan(z1) ? 0.0 : 1.0;
        const double z1z = isnan(z1) ? 0.0 : z1;
        scalar_update(n, x, P, h1, pp[40], z1z, o1);
        if (m == 2) {
            const double z2 = zs[zb + N];
            const double o2 = isnan(z2) ? 0.0 : 1.0;
            const double z2z = isnan(z2) ? 0.0 : z2;
            const double co = o1 * c;
            for (int j = 0; j < n; j++) h[j] = h2[j] - co * pp[32 + j];
            scalar_update(n, x, P, h, pp[41] - co * pp[43], z2z - co * z1z, o2);
        }
        if (write_out) out[t * N + f] = x[0];
    }
    for (int i = 0; i < n; i++) st[i * N + f] = x[i];
    for (int i = 0; i < n; i++)
        for (int j = i; j < n; j++) st[cov_index(n, i, j) * N + f] = P[i * n + j];
}
