/* One vector body of the matrix-profile diagonal walk, included by series_mp.c once per vector ISA
 * with these macros set:
 *   MP_SFX (name suffix), MP_TGT (function attributes), MP_VT (vector type), MP_VW (lanes),
 *   MP_LD / MP_ST (unaligned load / store), MP_SET1, MP_SUB, MP_MUL, MP_ZERO() and MP_FMA(a, b, c),
 *   a*b + c fused;
 * and, defined before the include with the same suffix, the two steps whose instructions differ:
 *   col_SFX(r, iv, j, cc, ci)     column bests [j, j + MP_VW) take (r, iv) where r > cc (strict: see
 *                                 the visiting order in series_mp.c),
 *   any_ge_SFX(r0, r1, r2, r3, rb) whether some lane of r0..r3 is >= rb (the row side's slow path).
 * A tile is MP_TILE = 4 MP_VW consecutive diagonals in four vectors, the arithmetic the scalar walk's
 * (diag_scalar) lane for lane, so every body's results are the same bits. The body #undefs its
 * macros at the end; no include guard: included once per ISA on purpose. */

#define MP_CAT2(a, b) a##b
#define MP_CAT(a, b) MP_CAT2(a, b)
#define MP_FN(name) MP_CAT(name, MP_SFX)
#define MP_TILE (4 * MP_VW)

/* Covariances of row i with columns [j, j + MP_VW) from scratch: the exact restart. */
MP_TGT static MP_VT MP_FN(exact_)(const mp_win *a, int64_t i, const mp_win *b, int64_t j, int64_t m) {
    double mx = a->mu[i];
    MP_VT my = MP_LD(b->mu + j), c = MP_ZERO();
    for (int64_t t = 0; t < m; t++) {
        MP_VT dy = MP_SUB(MP_LD(b->x + j + t), my);
        c = MP_FMA(dy, MP_SET1(a->x[i + t] - mx), c);
    }
    return c;
}

/* Diagonals [k0, k0 + MP_TILE) from row 0: the vector rows, then each diagonal's scalar tail. */
MP_TGT static void MP_FN(tile_)(const mp_win *a, const mp_win *b, int64_t m, int64_t period, int64_t k0,
                                double *rc, double *ri, double *cc, double *ci) {
    int64_t vec_end = min64(a->count, b->count - (k0 + MP_TILE - 1));
    if (vec_end < 0) vec_end = 0;
    MP_VT c0 = MP_ZERO(), c1 = c0, c2 = c0, c3 = c0;
    double tmp[MP_TILE];
    for (int64_t i = 0, restart = 0; i < vec_end; i++) {
        int64_t j = i + k0;
        if (i == restart) {
            restart += period;
            c0 = MP_FN(exact_)(a, i, b, j, m);
            c1 = MP_FN(exact_)(a, i, b, j + MP_VW, m);
            c2 = MP_FN(exact_)(a, i, b, j + 2 * MP_VW, m);
            c3 = MP_FN(exact_)(a, i, b, j + 3 * MP_VW, m);
        } else {
            MP_VT fa = MP_SET1(a->df[i]), ga = MP_SET1(a->dg[i]);
            c0 = MP_FMA(MP_LD(b->df + j), ga, MP_FMA(MP_LD(b->dg + j), fa, c0));
            c1 = MP_FMA(MP_LD(b->df + j + MP_VW), ga, MP_FMA(MP_LD(b->dg + j + MP_VW), fa, c1));
            c2 = MP_FMA(MP_LD(b->df + j + 2 * MP_VW), ga, MP_FMA(MP_LD(b->dg + j + 2 * MP_VW), fa, c2));
            c3 = MP_FMA(MP_LD(b->df + j + 3 * MP_VW), ga, MP_FMA(MP_LD(b->dg + j + 3 * MP_VW), fa, c3));
        }
        MP_VT ia = MP_SET1(a->inv[i]);
        MP_VT r0 = MP_MUL(MP_MUL(c0, ia), MP_LD(b->inv + j));
        MP_VT r1 = MP_MUL(MP_MUL(c1, ia), MP_LD(b->inv + j + MP_VW));
        MP_VT r2 = MP_MUL(MP_MUL(c2, ia), MP_LD(b->inv + j + 2 * MP_VW));
        MP_VT r3 = MP_MUL(MP_MUL(c3, ia), MP_LD(b->inv + j + 3 * MP_VW));
        MP_VT iv = MP_SET1((double) i);
        MP_FN(col_)(r0, iv, j, cc, ci);
        MP_FN(col_)(r1, iv, j + MP_VW, cc, ci);
        MP_FN(col_)(r2, iv, j + 2 * MP_VW, cc, ci);
        MP_FN(col_)(r3, iv, j + 3 * MP_VW, cc, ci);
        if (MP_FN(any_ge_)(r0, r1, r2, r3, MP_SET1(rc[i]))) {
            MP_ST(tmp, r0);
            MP_ST(tmp + MP_VW, r1);
            MP_ST(tmp + 2 * MP_VW, r2);
            MP_ST(tmp + 3 * MP_VW, r3);
            row_slow(tmp, MP_TILE, i, j, rc, ri);
        }
    }
    MP_ST(tmp, c0);
    MP_ST(tmp + MP_VW, c1);
    MP_ST(tmp + 2 * MP_VW, c2);
    MP_ST(tmp + 3 * MP_VW, c3);
    for (int d = 0; d < MP_TILE; d++) diag_scalar(a, b, m, period, k0 + d, vec_end, tmp[d], rc, ri, cc, ci);
}

#undef MP_TILE
#undef MP_FN
#undef MP_CAT
#undef MP_CAT2
#undef MP_SFX
#undef MP_TGT
#undef MP_VT
#undef MP_VW
#undef MP_LD
#undef MP_ST
#undef MP_SET1
#undef MP_SUB
#undef MP_MUL
#undef MP_ZERO
#undef MP_FMA
