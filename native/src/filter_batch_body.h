/* Body of the batched Kalman kernel, included once per ISA by filter.c with (#undef'd at the end)
 *   FB_SUF     name suffix (avx512, avx2, base = SSE2, one = the scalar tail),
 *   FB_W       lanes (doubles per vector),
 *   FB_TARGET  the __attribute__((target(...))) of the ISA, or nothing.
 * GCC vector extensions carry one filter per lane; the per-filter matrices are small arrays of
 * vectors indexed by constants once n and m are constants (the switch in run_), so they live in
 * registers. No include guard: included several times on purpose. */

#define FB_CAT2(a, b) a##b
#define FB_CAT(a, b) FB_CAT2(a, b)
#define FB(name) FB_CAT(name, FB_SUF)

typedef double FB(vd_) __attribute__((vector_size(FB_W * 8)));
typedef long long FB(vl_) __attribute__((vector_size(FB_W * 8)));

FB_TARGET static inline __attribute__((always_inline)) FB(vd_) FB(ld_)(const double *p) {
    FB(vd_) v;
    memcpy(&v, p, sizeof v);
    return v;
}

FB_TARGET static inline __attribute__((always_inline)) void FB(st_)(double *p, FB(vd_) v) {
    memcpy(p, &v, sizeof v);
}

/* One masked scalar update of every lane: row h, variance r, observation z (0 where missing),
 * o = 1 where observed, 0 where missing (then the gain is 0 and the update adds exactly 0). */
FB_TARGET static inline __attribute__((always_inline)) void FB(upd_)(const int n, FB(vd_) *x, FB(vd_) *P, const FB(vd_) *h,
                                                                     FB(vd_) r, FB(vd_) z, FB(vd_) o) {
    FB(vd_) ph[4];
    FB(vd_) s = r, hx = r - r;
    for (int i = 0; i < n; i++) {
        FB(vd_) acc = r - r;
        for (int j = 0; j < n; j++) acc = acc + P[i * n + j] * h[j];
        ph[i] = acc;
        s = s + h[i] * acc;
        hx = hx + h[i] * x[i];
    }
    FB(vd_) g = o / s;
    FB(vd_) w = (z - hx) * g;
    for (int i = 0; i < n; i++) x[i] = x[i] + ph[i] * w;
    for (int i = 0; i < n; i++)
        for (int j = i; j < n; j++) {
            FB(vd_) v = P[i * n + j] - ph[i] * ph[j] * g;
            P[i * n + j] = v;
            P[j * n + i] = v;
        }
}

/* All ticks for the FB_W filters starting at f. */
FB_TARGET static inline __attribute__((always_inline)) void FB(chunk_)(const int n, const int m, const double *restrict pp,
                                                                       double *restrict st, int64_t N, int64_t f,
                                                                       const double *restrict zs, int64_t ticks,
                                                                       double *restrict out) {
    FB(vd_) x[4], P[16], xp[4], T[16], Pn[16], h1[4], h2[4];
    const FB(vd_) zero = {0}, one = zero + 1.0;
    for (int i = 0; i < n; i++) x[i] = FB(ld_)(st + i * N + f);
    for (int i = 0; i < n; i++)
        for (int j = i; j < n; j++) {
            FB(vd_) v = FB(ld_)(st + (n + i * n - i * (i - 1) / 2 + (j - i)) * N + f);
            P[i * n + j] = v;
            P[j * n + i] = v;
        }
    for (int j = 0; j < n; j++) {
        h1[j] = zero + pp[SXN_FB_H1 + j];
        h2[j] = zero + pp[SXN_FB_H2 + j];
    }
    const double c = pp[SXN_FB_C];
    for (int64_t t = 0; t < ticks; t++) {
        for (int i = 0; i < n; i++) {
            FB(vd_) acc = zero;
            for (int j = 0; j < n; j++) acc = acc + x[j] * pp[SXN_FB_F + i * n + j];
            xp[i] = acc;
        }
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++) {
                FB(vd_) acc = zero;
                for (int j = 0; j < n; j++) acc = acc + P[j * n + k] * pp[SXN_FB_F + i * n + j];
                T[i * n + k] = acc;
            }
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++) {
                FB(vd_) acc = zero + pp[SXN_FB_Q + i * n + j];
                for (int k = 0; k < n; k++) acc = acc + T[i * n + k] * pp[SXN_FB_F + j * n + k];
                Pn[i * n + j] = acc;
                Pn[j * n + i] = acc;
            }
        for (int i = 0; i < n; i++) x[i] = xp[i];
        for (int i = 0; i < n * n; i++) P[i] = Pn[i];
        const double *zt = zs + t * m * N + f;
        FB(vd_) z1 = FB(ld_)(zt);
        FB(vl_) seen1 = (FB(vl_)) (z1 == z1);
        FB(vd_) o1 = (FB(vd_)) (seen1 & (FB(vl_)) one);
        FB(vd_) z1z = (FB(vd_)) (seen1 & (FB(vl_)) z1);
        FB(upd_)(n, x, P, h1, zero + pp[SXN_FB_R1], z1z, o1);
        if (m == 2) {
            FB(vd_) z2 = FB(ld_)(zt + N);
            FB(vl_) seen2 = (FB(vl_)) (z2 == z2);
            FB(vd_) o2 = (FB(vd_)) (seen2 & (FB(vl_)) one);
            FB(vd_) z2z = (FB(vd_)) (seen2 & (FB(vl_)) z2);
            /* Lanes that saw z1 use z2 given z1: row h2 - c h1, variance r2 - c r12, value z2 - c z1. */
            FB(vd_) co = o1 * c;
            FB(vd_) h[4];
            for (int j = 0; j < n; j++) h[j] = h2[j] - co * pp[SXN_FB_H1 + j];
            FB(upd_)(n, x, P, h, (zero + pp[SXN_FB_R2]) - co * pp[SXN_FB_R12], z2z - co * z1z, o2);
        }
        if (out) FB(st_)(out + t * N + f, x[0]);
    }
    for (int i = 0; i < n; i++) FB(st_)(st + i * N + f, x[i]);
    for (int i = 0; i < n; i++)
        for (int j = i; j < n; j++) FB(st_)(st + (n + i * n - i * (i - 1) / 2 + (j - i)) * N + f, P[i * n + j]);
}

/* Whole vectors of filters [from, to), blocked over time: a block of FB_BLOCK filters (its state
 * stays in L1) goes through every tick before the next block, and within a tick the block's vectors
 * are independent, so their dependency chains (a division each) overlap in the out-of-order core
 * instead of one chain running tick after tick. */
#define FB_CASE(nn, mm)                                                                              \
    case (nn) * 4 + (mm):                                                                            \
        for (int64_t b0 = from; b0 + FB_W <= to; b0 += FB_BLOCK) {                                   \
            int64_t b1 = b0 + FB_BLOCK < to ? b0 + FB_BLOCK : to;                                    \
            for (int64_t t = 0; t < ticks; t++) {                                                    \
                const double *zt = zs + t * (mm) * N;                                                \
                double *ot = out ? out + t * N : NULL;                                               \
                for (f = b0; f + FB_W <= b1; f += FB_W) FB(chunk_)(nn, mm, pp, st, N, f, zt, 1, ot); \
            }                                                                                        \
        }                                                                                            \
        break;

/* Filters [from, to) in whole vectors; returns the first filter not done (the caller's tail). */
FB_TARGET static int64_t FB(run_)(int n, int m, const double *restrict pp, double *restrict st, int64_t N,
                                  const double *restrict zs, int64_t ticks, double *restrict out, int64_t from, int64_t to) {
    int64_t f = from;
    switch (n * 4 + m) {
        FB_CASE(1, 1) FB_CASE(1, 2) FB_CASE(2, 1) FB_CASE(2, 2)
        FB_CASE(3, 1) FB_CASE(3, 2) FB_CASE(4, 1) FB_CASE(4, 2)
        default: break;
    }
    return f;
}

/* Constant velocity with each filter's own step length dt (n = 2, m = 1): F = [[1, dt], [0, 1]],
 * Q = cv [[dt^3/3, dt^2/2], [dt^2/2, dt]] per lane, the products with F's zeros and ones dropped, in
 * the Java kernel's order. One tick for the FB_W filters at f. */
FB_TARGET static inline __attribute__((always_inline)) void FB(chunkcv_)(const double *restrict pp, double *restrict st, int64_t N,
                                                                         int64_t f, const double *restrict zt,
                                                                         const double *restrict dtt, double *restrict ot) {
    const FB(vd_) zero = {0}, one = zero + 1.0;
    const double cv = pp[SXN_FB_CV], h0 = pp[SXN_FB_H1], h1 = pp[SXN_FB_H1 + 1], r = pp[SXN_FB_R1];
    FB(vd_) x0 = FB(ld_)(st + f), x1 = FB(ld_)(st + N + f);
    FB(vd_) p00 = FB(ld_)(st + 2 * N + f), p01 = FB(ld_)(st + 3 * N + f), p11 = FB(ld_)(st + 4 * N + f);
    FB(vd_) dt = FB(ld_)(dtt + f);
    FB(vd_) xp0 = x0 + dt * x1;
    FB(vd_) t00 = p00 + dt * p01;
    FB(vd_) t01 = p01 + dt * p11;
    FB(vd_) n00 = cv * dt * dt * dt / 3.0 + t00 + t01 * dt;
    FB(vd_) n01 = cv * dt * dt / 2.0 + t01;
    FB(vd_) n11 = cv * dt + p11;
    FB(vd_) z = FB(ld_)(zt + f);
    FB(vl_) seen = (FB(vl_)) (z == z);
    FB(vd_) o = (FB(vd_)) (seen & (FB(vl_)) one);
    FB(vd_) zz = (FB(vd_)) (seen & (FB(vl_)) z);
    FB(vd_) ph0 = n00 * h0 + n01 * h1;
    FB(vd_) ph1 = n01 * h0 + n11 * h1;
    FB(vd_) s = r + h0 * ph0 + h1 * ph1;
    FB(vd_) hx = h0 * xp0 + h1 * x1;
    FB(vd_) g = o / s;
    FB(vd_) w = (zz - hx) * g;
    x0 = xp0 + ph0 * w;
    FB(st_)(st + f, x0);
    FB(st_)(st + N + f, x1 + ph1 * w);
    FB(st_)(st + 2 * N + f, n00 - ph0 * ph0 * g);
    FB(st_)(st + 3 * N + f, n01 - ph0 * ph1 * g);
    FB(st_)(st + 4 * N + f, n11 - ph1 * ph1 * g);
    if (ot) FB(st_)(ot + f, x0);
}

/* The constant-velocity run over whole vectors of [from, to), blocked over time; returns the tail start. */
FB_TARGET static int64_t FB(runcv_)(const double *restrict pp, double *restrict st, int64_t N, const double *restrict zs,
                                    const double *restrict dts, int64_t ticks, double *restrict out, int64_t from, int64_t to) {
    int64_t f = from;
    for (int64_t b0 = from; b0 + FB_W <= to; b0 += FB_BLOCK) {
        int64_t b1 = b0 + FB_BLOCK < to ? b0 + FB_BLOCK : to;
        for (int64_t t = 0; t < ticks; t++) {
            double *ot = out ? out + t * N : NULL;
            for (f = b0; f + FB_W <= b1; f += FB_W) FB(chunkcv_)(pp, st, N, f, zs + t * N, dts + t * N, ot);
        }
    }
    return f;
}

#undef FB_CASE
#undef FB
#undef FB_CAT
#undef FB_CAT2
/* the parameters of this include, so the next body defines its own */
#undef FB_SUF
#undef FB_W
#undef FB_TARGET
