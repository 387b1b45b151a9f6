// Batched Kalman filters for dev.sxn.math.filter.BatchKalman on OpenCL (fp64): one work-item per
// filter, all ticks of a call inside the work-item (the state stays in private memory across ticks).
// Layout and arithmetic as JavaBatchKalmanKernels (the reference) and native/src/filter.c: state component c of filter f at c*N + f (n means,
// then the upper triangle of P row by row); observation k of tick t at (t*m + k)*N + f; packed model
// pp at the offsets SXN_FB_* (F stride n, Q, h1, h2, r1, r2, c = r12 / r1, r12, cv).
// out (when write_out != 0) gets the filtered first component at t*N + f.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

// The packed model's layout has one source, BatchPlan's constants, passed as -D by
// OpenClBatchKalmanKernels (native/src/filter.h holds the same numbers for the C kernels).
#if !defined(SXN_FB_F) || !defined(SXN_FB_Q) || !defined(SXN_FB_H1) || !defined(SXN_FB_H2) || !defined(SXN_FB_R1) \
    || !defined(SXN_FB_R2) || !defined(SXN_FB_C) || !defined(SXN_FB_R12) || !defined(SXN_FB_CV)
#error "build with -D SXN_FB_...=... (OpenClBatchKalmanKernels.OPENCL_OPTIONS)"
#endif

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
    for (int j = 0; j < n; j++) { h1[j] = pp[SXN_FB_H1 + j]; h2[j] = pp[SXN_FB_H2 + j]; }
    const double c = pp[SXN_FB_C];
    for (long t = 0; t < ticks; t++) {
        for (int i = 0; i < n; i++) {
            double acc = 0.0;
            for (int j = 0; j < n; j++) acc = acc + x[j] * pp[SXN_FB_F + i * n + j];
            xp[i] = acc;
        }
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) {
                double acc = 0.0;
                for (int j = 0; j < n; j++) acc = acc + P[j * n + k] * pp[SXN_FB_F + i * n + j];
                T[i * n + k] = acc;
            }
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++) {
                double acc = pp[SXN_FB_Q + i * n + j];
                for (int k = 0; k < n; k++) acc = acc + T[i * n + k] * pp[SXN_FB_F + j * n + k];
                Pn[i * n + j] = acc;
                Pn[j * n + i] = acc;
            }
        for (int i = 0; i < n; i++) x[i] = xp[i];
        for (int i = 0; i < n * n; i++) P[i] = Pn[i];
        const long zb = t * m * N + f;
        const double z1 = zs[zb];
        const double o1 = isnan(z1) ? 0.0 : 1.0;
        const double z1z = isnan(z1) ? 0.0 : z1;
        scalar_update(n, x, P, h1, pp[SXN_FB_R1], z1z, o1);
        if (m == 2) {
            const double z2 = zs[zb + N];
            const double o2 = isnan(z2) ? 0.0 : 1.0;
            const double z2z = isnan(z2) ? 0.0 : z2;
            const double co = o1 * c;
            for (int j = 0; j < n; j++) h[j] = h2[j] - co * pp[SXN_FB_H1 + j];
            scalar_update(n, x, P, h, pp[SXN_FB_R2] - co * pp[SXN_FB_R12], z2z - co * z1z, o2);
        }
        if (write_out) out[t * N + f] = x[0];
    }
    for (int i = 0; i < n; i++) st[i * N + f] = x[i];
    for (int i = 0; i < n; i++)
        for (int j = i; j < n; j++) st[cov_index(n, i, j) * N + f] = P[i * n + j];
}

// Constant velocity with each filter's own step length dt[t*N + f] (n = 2, m = 1): F = [[1, dt], [0, 1]],
// Q = cv [[dt^3/3, dt^2/2], [dt^2/2, dt]] with cv = pp[SXN_FB_CV], in the Java kernel's operation order.
__kernel void batch_kalman_cv(__constant double *pp, __global double *st, const long N, __global const double *zs,
                              __global const double *dts, const long ticks, __global double *out, const int write_out) {
    const long f = (long) get_global_id(0);
    if (f >= N) return;
    const double cv = pp[SXN_FB_CV], h0 = pp[SXN_FB_H1], h1 = pp[SXN_FB_H1 + 1], r = pp[SXN_FB_R1];
    double x0 = st[f], x1 = st[N + f], p00 = st[2 * N + f], p01 = st[3 * N + f], p11 = st[4 * N + f];
    for (long t = 0; t < ticks; t++) {
        const double dt = dts[t * N + f];
        const double xp0 = x0 + dt * x1;
        const double t00 = p00 + dt * p01;
        const double t01 = p01 + dt * p11;
        const double n00 = cv * dt * dt * dt / 3.0 + t00 + t01 * dt;
        const double n01 = cv * dt * dt / 2.0 + t01;
        const double n11 = cv * dt + p11;
        const double z = zs[t * N + f];
        const double o = isnan(z) ? 0.0 : 1.0;
        const double zz = isnan(z) ? 0.0 : z;
        const double ph0 = n00 * h0 + n01 * h1;
        const double ph1 = n01 * h0 + n11 * h1;
        const double s = r + h0 * ph0 + h1 * ph1;
        const double hx = h0 * xp0 + h1 * x1;
        const double g = o / s;
        const double w = (zz - hx) * g;
        x0 = xp0 + ph0 * w;
        x1 = x1 + ph1 * w;
        p00 = n00 - ph0 * ph0 * g;
        p01 = n01 - ph0 * ph1 * g;
        p11 = n11 - ph1 * ph1 * g;
        if (write_out) out[t * N + f] = x0;
    }
    st[f] = x0;
    st[N + f] = x1;
    st[2 * N + f] = p00;
    st[3 * N + f] = p01;
    st[4 * N + f] = p11;
}
