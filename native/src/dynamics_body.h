/* One ISA body of the dynamics kernels, included by dynamics.c once per ISA with these macros set
 * (and #undef'd at the end of this file):
 *   SFX (name suffix), TGT (function attributes), VT (vector type), W (lanes), LD/ST (unaligned load/store),
 *   SET1, SUB, MUL, FMA(a, b, c) = a*b + c fused, FNMA(a, b, c) = c - a*b fused.
 * A group is U vectors of W consecutive particles; its state lives in registers for all `steps` steps
 * (blocking over time). The operation sequence is the one documented in the Java class Scheme. */

#define DYN_CAT2(a, b) a##b
#define DYN_CAT(a, b) DYN_CAT2(a, b)

TGT static inline __attribute__((always_inline)) void DYN_CAT(grad_, SFX)(const int D, const int code, const int hasc,
                                                                          const VT *q, VT *g, VT a, VT b, VT c) {
    if (code == SXN_DYN_HENON_HEILES) {
        /* gx = x + 2 x y, gy = y + x^2 - y^2 */
        VT x = q[0], y = q[1];
        g[0] = FMA(MUL(SET1(2.0), x), y, x);
        g[1] = FNMA(y, y, FMA(x, x, y));
        return;
    }
    VT yv[SXN_DYN_MAXV];
    for (int k = 0; k < D; k++) yv[k] = hasc ? SUB(q[k], c) : q[k];
    VT r2 = MUL(yv[0], yv[0]);
    for (int k = 1; k < D; k++) r2 = FMA(yv[k], yv[k], r2);
    VT s = FMA(b, r2, a);
    for (int k = 0; k < D; k++) g[k] = MUL(s, yv[k]);
}

TGT static inline __attribute__((always_inline)) void DYN_CAT(group_, SFX)(const int U, const int D, const int code, const int hasc,
        double *restrict qa, double *restrict pa, int64_t stride, const sxn_dyn_params *P, int64_t steps) {
    VT q[3][SXN_DYN_MAXV], p[3][SXN_DYN_MAXV], g[3][SXN_DYN_MAXV]; /* U <= 3 */
    const VT a = SET1(P->a), b = SET1(P->b), c = SET1(P->c);
    const int m = P->stages;
    for (int u = 0; u < U; u++)
        for (int k = 0; k < D; k++) {
            q[u][k] = LD(qa + k * stride + u * W);
            p[u][k] = LD(pa + k * stride + u * W);
        }
    for (int u = 0; u < U; u++) DYN_CAT(grad_, SFX)(D, code, hasc, q[u], g[u], a, b, c);
    if (P->friction) {
        const VT ch = SET1(P->c_half);
        for (int u = 0; u < U; u++)
            for (int k = 0; k < D; k++) p[u][k] = MUL(p[u][k], ch);
    }
    {
        const VT k0 = SET1(P->kick[0]);
        for (int u = 0; u < U; u++)
            for (int k = 0; k < D; k++) p[u][k] = FNMA(k0, g[u][k], p[u][k]);
    }
    for (int64_t s = 0; s < steps; s++) {
        for (int j = 0; j < m; j++) {
            const VT dj = SET1(P->drift[j]);
            for (int u = 0; u < U; u++)
                for (int k = 0; k < D; k++) q[u][k] = FMA(dj, p[u][k], q[u][k]);
            for (int u = 0; u < U; u++) DYN_CAT(grad_, SFX)(D, code, hasc, q[u], g[u], a, b, c);
            if (j < m - 1) {
                const VT kj = SET1(P->kick[j + 1]);
                for (int u = 0; u < U; u++)
                    for (int k = 0; k < D; k++) p[u][k] = FNMA(kj, g[u][k], p[u][k]);
            }
        }
        const VT km = SET1(P->kick[m]);
        if (s < steps - 1) {
            if (P->friction) {
                const VT cf = SET1(P->c_full), k0 = SET1(P->kick[0]);
                for (int u = 0; u < U; u++)
                    for (int k = 0; k < D; k++) p[u][k] = FNMA(k0, g[u][k], MUL(FNMA(km, g[u][k], p[u][k]), cf));
            } else {
                const VT kj = SET1(P->kick_join);
                for (int u = 0; u < U; u++)
                    for (int k = 0; k < D; k++) p[u][k] = FNMA(kj, g[u][k], p[u][k]);
            }
        } else {
            for (int u = 0; u < U; u++)
                for (int k = 0; k < D; k++) p[u][k] = FNMA(km, g[u][k], p[u][k]);
            if (P->friction) {
                const VT ch = SET1(P->c_half);
                for (int u = 0; u < U; u++)
                    for (int k = 0; k < D; k++) p[u][k] = MUL(p[u][k], ch);
            }
        }
    }
    for (int u = 0; u < U; u++)
        for (int k = 0; k < D; k++) {
            ST(qa + k * stride + u * W, q[u][k]);
            ST(pa + k * stride + u * W, p[u][k]);
        }
}

/* Runs groups of UMAX (<= 3) vectors, then of fewer, over particles [0, count); returns how many it did
 * (a multiple of W; the caller finishes the rest with the scalar body). */
#define DYN_SHAPE(D, CODE, HASC)                                                                                     \
    if (UMAX >= 3)                                                                                                 \
        for (; i + 3 * W <= count; i += 3 * W) DYN_CAT(group_, SFX)(3, D, CODE, HASC, q + i, p + i, stride, P, steps); \
    if (UMAX >= 2)                                                                                                 \
        for (; i + 2 * W <= count; i += 2 * W) DYN_CAT(group_, SFX)(2, D, CODE, HASC, q + i, p + i, stride, P, steps); \
    for (; i + W <= count; i += W) DYN_CAT(group_, SFX)(1, D, CODE, HASC, q + i, p + i, stride, P, steps);

TGT static int64_t DYN_CAT(advance_, SFX)(double *q, double *p, int64_t count, int64_t stride, int d, int code,
                                          const sxn_dyn_params *P, int64_t steps) {
    int64_t i = 0;
    const int hasc = P->c != 0.0;
    if (code == SXN_DYN_HENON_HEILES) {
        DYN_SHAPE(2, SXN_DYN_HENON_HEILES, 0)
    } else if (d == 3) {
        if (hasc) { DYN_SHAPE(3, SXN_DYN_RADIAL, 1) } else { DYN_SHAPE(3, SXN_DYN_RADIAL, 0) }
    } else if (d == 2) {
        if (hasc) { DYN_SHAPE(2, SXN_DYN_RADIAL, 1) } else { DYN_SHAPE(2, SXN_DYN_RADIAL, 0) }
    } else if (d == 1) {
        if (hasc) { DYN_SHAPE(1, SXN_DYN_RADIAL, 1) } else { DYN_SHAPE(1, SXN_DYN_RADIAL, 0) }
    } else if (d == 4) {
        if (hasc) { DYN_SHAPE(4, SXN_DYN_RADIAL, 1) } else { DYN_SHAPE(4, SXN_DYN_RADIAL, 0) }
    }
    return i;
}

#undef DYN_SHAPE
#undef DYN_CAT
#undef DYN_CAT2
/* the parameters of this include, so the next ISA defines its own */
#undef SFX
#undef TGT
#undef VT
#undef W
#undef UMAX
#undef LD
#undef ST
#undef SET1
#undef SUB
#undef MUL
#undef FMA
#undef FNMA
