// Symplectic integration of particle ensembles (dev.sxn.math.dynamics, OpenCL fp64).
// One work-item per particle, all `steps` steps of a chunk in one launch; the state sits in private
// memory for the chunk. The operation sequence is the one documented in the Java class Scheme;
// multiply-adds are written with fma() so they round like the NATIVE and VECTOR kernels.
// Layout: coordinate k of particle i is q[k * n + i] (coalesced across work-items).
// params = {a, b, c, kickJoin, cHalf, cFull, kick[0..m], drift[0..m-1]}.
#pragma OPENCL EXTENSION cl_khr_fp64 : enable

// Shared with the host, one source each, passed as -D by OpenClDynamicsKernels: the largest d kept in
// private arrays (OpenClDynamicsKernels.MAX_PRIVATE_D; larger d go to advance_global) and the
// Henon-Heiles potential's code (DynamicsKernels.HENON_HEILES, also SXN_DYN_HENON_HEILES in
// native/src/dynamics.h).
#if !defined(SXN_DYN_MAXD) || !defined(SXN_DYN_HENON_HEILES)
#error "build with -D SXN_DYN_MAXD=... -D SXN_DYN_HENON_HEILES=... (OpenClDynamicsKernels.OPENCL_OPTIONS)"
#endif
#define MAXD SXN_DYN_MAXD

// The scheme's coefficients from params (layout above, written by NativeDynamicsKernels.params and
// read the same way by native/src/dynamics.c): potential a, b, centre c, the joined kick kj, the
// friction factors ch, cf, kick[0..m], drift[0..m-1].
#define UNPACK_PARAMS()                                                                                      \
    const double a = params[0], b = params[1], c = params[2], kj = params[3], ch = params[4], cf = params[5]; \
    __constant double *kick = params + 6;                                                                     \
    __constant double *drift = params + 7 + m

inline void grad_radial(const int d, const double *q, double *g, const double a, const double b, const double c) {
    double y[MAXD];
    for (int k = 0; k < d; k++) y[k] = q[k] - c;
    double r2 = y[0] * y[0];
    for (int k = 1; k < d; k++) r2 = fma(y[k], y[k], r2);
    const double s = fma(b, r2, a);
    for (int k = 0; k < d; k++) g[k] = s * y[k];
}

inline void grad_hh(const double *q, double *g) {
    const double x = q[0], y = q[1];
    g[0] = fma(2.0 * x, y, x);
    g[1] = fma(-y, y, fma(x, x, y));
}

// d <= MAXD (the host sends larger d to advance_global).
__kernel void advance(__global double *qg, __global double *pg, const long n, const int d, const int code, const int m,
                      const int friction, __constant double *params, const long steps) {
    const long i = (long) get_global_id(0);
    if (i >= n) return;
    UNPACK_PARAMS();
    double q[MAXD], p[MAXD], g[MAXD];
    for (int k = 0; k < d; k++) {
        q[k] = qg[k * n + i];
        p[k] = pg[k * n + i];
    }
    if (code == SXN_DYN_HENON_HEILES) grad_hh(q, g); else grad_radial(d, q, g, a, b, c);
    if (friction) for (int k = 0; k < d; k++) p[k] *= ch;
    for (int k = 0; k < d; k++) p[k] = fma(-kick[0], g[k], p[k]);
    for (long s = 0; s < steps; s++) {
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) q[k] = fma(drift[j], p[k], q[k]);
            if (code == SXN_DYN_HENON_HEILES) grad_hh(q, g); else grad_radial(d, q, g, a, b, c);
            if (j < m - 1) for (int k = 0; k < d; k++) p[k] = fma(-kick[j + 1], g[k], p[k]);
        }
        if (s < steps - 1) {
            if (friction) {
                for (int k = 0; k < d; k++) p[k] = fma(-kick[0], g[k], fma(-kick[m], g[k], p[k]) * cf);
            } else {
                for (int k = 0; k < d; k++) p[k] = fma(-kj, g[k], p[k]);
            }
        } else {
            for (int k = 0; k < d; k++) p[k] = fma(-kick[m], g[k], p[k]);
            if (friction) for (int k = 0; k < d; k++) p[k] *= ch;
        }
    }
    for (int k = 0; k < d; k++) {
        qg[k * n + i] = q[k];
        pg[k * n + i] = p[k];
    }
}

// Any d (radial only: Henon-Heiles is 2-D): the state stays in global memory, read and written in place.
// g is scratch of n * d doubles with the same layout.
__kernel void advance_global(__global double *q, __global double *p, __global double *g, const long n, const int d, const int m,
                             const int friction, __constant double *params, const long steps) {
    const long i = (long) get_global_id(0);
    if (i >= n) return;
    UNPACK_PARAMS();
#define GRAD()                                                                      \
    {                                                                               \
        double r2 = (q[i] - c) * (q[i] - c);                                        \
        for (int k = 1; k < d; k++) r2 = fma(q[k * n + i] - c, q[k * n + i] - c, r2); \
        const double sc = fma(b, r2, a);                                            \
        for (int k = 0; k < d; k++) g[k * n + i] = sc * (q[k * n + i] - c);         \
    }
    GRAD()
    if (friction) for (int k = 0; k < d; k++) p[k * n + i] *= ch;
    for (int k = 0; k < d; k++) p[k * n + i] = fma(-kick[0], g[k * n + i], p[k * n + i]);
    for (long s = 0; s < steps; s++) {
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < d; k++) q[k * n + i] = fma(drift[j], p[k * n + i], q[k * n + i]);
            GRAD()
            if (j < m - 1) for (int k = 0; k < d; k++) p[k * n + i] = fma(-kick[j + 1], g[k * n + i], p[k * n + i]);
        }
        if (s < steps - 1) {
            if (friction) {
                for (int k = 0; k < d; k++) p[k * n + i] = fma(-kick[0], g[k * n + i], fma(-kick[m], g[k * n + i], p[k * n + i]) * cf);
            } else {
                for (int k = 0; k < d; k++) p[k * n + i] = fma(-kj, g[k * n + i], p[k * n + i]);
            }
        } else {
            for (int k = 0; k < d; k++) p[k * n + i] = fma(-kick[m], g[k * n + i], p[k * n + i]);
            if (friction) for (int k = 0; k < d; k++) p[k * n + i] *= ch;
        }
    }
#undef GRAD
}

// Radial potential in d = 3 with the state in scalar registers (no private arrays, no loops over d), so a
// CPU driver such as PoCL can vectorise across work-items. Same sequence and roundings as `advance`.
__kernel void advance_radial3(__global double *qg, __global double *pg, const long n, const int m, const int friction,
                              __constant double *params, const long steps) {
    const long i = (long) get_global_id(0);
    if (i >= n) return;
    UNPACK_PARAMS();
    double x = qg[i], y = qg[n + i], z = qg[2 * n + i];
    double u = pg[i], v = pg[n + i], w = pg[2 * n + i];
    double gx, gy, gz;
#define GRAD3()                                                   \
    {                                                             \
        const double yx = x - c, yy = y - c, yz = z - c;          \
        const double s = fma(b, fma(yz, yz, fma(yy, yy, yx * yx)), a); \
        gx = s * yx;                                              \
        gy = s * yy;                                              \
        gz = s * yz;                                              \
    }
    GRAD3()
    if (friction) { u *= ch; v *= ch; w *= ch; }
    u = fma(-kick[0], gx, u); v = fma(-kick[0], gy, v); w = fma(-kick[0], gz, w);
    for (long s = 0; s < steps; s++) {
        for (int j = 0; j < m; j++) {
            const double dj = drift[j];
            x = fma(dj, u, x); y = fma(dj, v, y); z = fma(dj, w, z);
            GRAD3()
            if (j < m - 1) {
                const double kk = -kick[j + 1];
                u = fma(kk, gx, u); v = fma(kk, gy, v); w = fma(kk, gz, w);
            }
        }
        if (s < steps - 1) {
            if (friction) {
                u = fma(-kick[0], gx, fma(-kick[m], gx, u) * cf);
                v = fma(-kick[0], gy, fma(-kick[m], gy, v) * cf);
                w = fma(-kick[0], gz, fma(-kick[m], gz, w) * cf);
            } else {
                u = fma(-kj, gx, u); v = fma(-kj, gy, v); w = fma(-kj, gz, w);
            }
        } else {
            u = fma(-kick[m], gx, u); v = fma(-kick[m], gy, v); w = fma(-kick[m], gz, w);
            if (friction) { u *= ch; v *= ch; w *= ch; }
        }
    }
#undef GRAD3
    qg[i] = x; qg[n + i] = y; qg[2 * n + i] = z;
    pg[i] = u; pg[n + i] = v; pg[2 * n + i] = w;
}
