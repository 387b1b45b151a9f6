/* Batched indicator kernels on the first kb assets (a multiple of SXN_IND_BLOCK) of a time-major
 * batch (x[i * k + a]): time outer, assets inner, so every time step streams one contiguous row; the
 * recurrence state of each asset lives in the caller's scratch st (kb doubles per state variable,
 * L1/L2-resident), and the asset loops are vectorised by GCC (one SIMD lane per asset). Included by
 * indicators.c once per ISA, with IND_ATTR (the target attribute) and IND_NAME(f) (the per-ISA
 * function name) defined; #undef'd at the end. The arithmetic is the Java reference's
 * (JavaIndicatorKernels), operation for operation, with no contraction into FMA (-ffp-contract=off):
 * masked lanes add exact zeros, so the results equal the JAVA kernel's bit for bit. Every access
 * stays inside [0, t) rows x [0, kb) assets, and st holds (number of state variables) * kb doubles. */

IND_ATTR static void IND_NAME(sum_block)(const double *restrict x, int64_t k, int64_t kb, int64_t t, int64_t w,
                                         double scale, double *restrict out, double *restrict st) {
    double *restrict s = st, *restrict c = st + kb, *restrict run = st + 2 * kb;
    const double wd = (double) w;
    for (int64_t j = 0; j < kb; j++) s[j] = c[j] = run[j] = 0.0;
    for (int64_t i = 0; i < t; i++) {
        const double *xi = x + i * k;
        const double *xo = i >= w ? x + (i - w) * k : xi;
        double *oi = out + i * k;
        for (int64_t j = 0; j < kb; j++) {
            double v = xi[j];
            int bad = !(fabs(v) <= DBL_MAX);
            double r1 = run[j] + 1.0; /* computed outside the select: an operation inside one blocks if-conversion */
            double r = bad ? 0.0 : r1;
            double vv = bad ? 0.0 : v;
            double s0 = s[j], c0 = c[j]; /* unconditional loads: a load inside a select needs a masked load */
            double ss = bad ? 0.0 : s0, cc = bad ? 0.0 : c0;
            double sn = ss + vv, bp = sn - ss;
            cc += (ss - (sn - bp)) + (vv - bp);
            ss = sn;
            double ov = -xo[j]; /* loaded unconditionally so the select if-converts (xo is always valid) */
            double o = r > wd ? ov : 0.0;
            sn = ss + o;
            bp = sn - ss;
            cc += (ss - (sn - bp)) + (o - bp);
            ss = sn;
            s[j] = ss;
            c[j] = cc;
            run[j] = r;
            double res = scale * (ss + cc);
            oi[j] = r >= wd ? res : NAN;
        }
    }
}

IND_ATTR static void IND_NAME(var_block)(const double *restrict x, int64_t k, int64_t kb, int64_t t, int64_t w,
                                         double div, int sq, int64_t resum, double *restrict out, double *restrict st) {
    double *restrict run = st, *restrict eq = st + kb, *restrict prev = st + 2 * kb, *restrict kk = st + 3 * kb;
    double *restrict s1 = st + 4 * kb, *restrict s2 = st + 5 * kb, *restrict eb = st + 6 * kb;
    double *restrict m = st + 7 * kb, *restrict q1 = st + 8 * kb, *restrict q2 = st + 9 * kb, *restrict tp = st + 10 * kb;
    const double wd = (double) w, w3 = 3.0 * wd;
    for (int64_t j = 0; j < kb; j++) {
        run[j] = eq[j] = kk[j] = s1[j] = s2[j] = eb[j] = 0.0;
        prev[j] = NAN;
    }
    for (int64_t i = 0; i < t; i++) {
        const double *xi = x + i * k;
        const double *xo = i >= w ? x + (i - w) * k : xi;
        double *oi = out + i * k;
        int full = 0, two = 0;
        const int restart = (i + 1) % resum == 0;
        for (int64_t j = 0; j < kb; j++) {
            double v = xi[j];
            int bad = !(fabs(v) <= DBL_MAX);
            double r1 = run[j] + 1.0;
            double r = bad ? 0.0 : r1;
            double e1 = eq[j] + 1.0, pv = prev[j];
            eq[j] = bad ? 0.0 : (v == pv ? e1 : 1.0);
            prev[j] = v;
            run[j] = r;
            /* the JAVA kernel's slide and re-centring, for every lane: lanes still warming up compute
             * garbage that the two-pass at run == w overwrites (as in the Java vector kernel) */
            double ov = xo[j], k0 = kk[j];
            double yv = v - k0, yo = ov - k0;
            double b1 = s1[j] + (yv - yo);
            double b2 = s2[j] + (yv * yv - yo * yo);
            double kn = k0 + b1 / wd, d = kn - k0;
            b2 = (b2 - 2 * d * b1) + wd * d * d;
            b1 = b1 - wd * d;
            kk[j] = kn;
            s1[j] = b1;
            s2[j] = b2;
            double e = eb[j] + ((yv * yv + yo * yo) + w3 * d * d);
            eb[j] = e;
            int isfull = r >= wd;
            int t2 = restart ? isfull : (r == wd || (e > 512.0 * b2 && isfull));
            tp[j] = t2 ? 1.0 : 0.0;
            full |= isfull;
            two |= t2;
        }
        if (!full) {
            for (int64_t j = 0; j < kb; j++) oi[j] = NAN;
            continue;
        }
        if (two) {
            /* some lane starts a window, re-sums or lost accuracy: two passes over the window */
            for (int64_t j = 0; j < kb; j++) m[j] = q1[j] = q2[j] = 0.0;
            for (int64_t r = i - (w - 1); r <= i; r++) {
                const double *xr = x + r * k;
                for (int64_t j = 0; j < kb; j++) m[j] += xr[j];
            }
            for (int64_t j = 0; j < kb; j++) m[j] = m[j] / wd;
            for (int64_t r = i - (w - 1); r <= i; r++) {
                const double *xr = x + r * k;
                for (int64_t j = 0; j < kb; j++) {
                    double y = xr[j] - m[j];
                    q1[j] += y;
                    q2[j] += y * y;
                }
            }
            for (int64_t j = 0; j < kb; j++) {
                double kt = m[j], a1 = q1[j], a2 = q2[j];
                double kn = kt + a1 / wd, d = kn - kt;
                a2 = (a2 - 2 * d * a1) + wd * d * d;
                a1 = a1 - wd * d;
                int t2 = tp[j] != 0.0;
                double k0 = kk[j], b1 = s1[j], b2 = s2[j], e = eb[j];
                kk[j] = t2 ? kn : k0;
                s1[j] = t2 ? a1 : b1;
                s2[j] = t2 ? a2 : b2;
                eb[j] = t2 ? 0.0 : e;
            }
        }
        /* the bits of c - c (0 where M2 is finite, a NaN where not) over the full lanes, OR-ed: an
         * integer reduction of a compare does not vectorise on SSE2, this one does on every ISA */
        uint64_t over = 0;
        for (int64_t j = 0; j < kb; j++) {
            double r = run[j], b1 = s1[j], b2 = s2[j];
            double c = b2 - b1 * b1 / wd;
            double var = (c > 0.0 ? c : 0.0) / div;
            var = eq[j] >= wd ? 0.0 : var;
            if (sq) var = sqrt(var);
            oi[j] = r >= wd ? var : NAN;
            double z = r >= wd ? c - c : 0.0;
            uint64_t zb;
            memcpy(&zb, &z, sizeof zb);
            over |= zb;
        }
        if (over) {
            /* some lane's sums overflowed (values too large to square): as RollingVarState.update, that
             * window by the scaled two-pass and a two-pass restart at the next step (run = w - 1) */
            for (int64_t j = 0; j < kb; j++) {
                double b1 = s1[j], c = s2[j] - b1 * b1 / wd;
                if (run[j] >= wd && !(fabs(c) <= DBL_MAX)) {
                    run[j] = wd - 1.0;
                    oi[j] = eq[j] >= wd ? 0.0 : sxn_ind_var_scaled(x + j, i * k, k, w, div, sq);
                }
            }
        }
    }
}

IND_ATTR static void IND_NAME(ema_block)(const double *restrict x, int64_t k, int64_t kb, int64_t t, int64_t seed,
                                         double alpha, double *restrict out, double *restrict st) {
    double *restrict run = st, *restrict acc = st + kb, *restrict e = st + 2 * kb;
    const double beta = 1.0 - alpha, sd = (double) seed;
    for (int64_t j = 0; j < kb; j++) run[j] = acc[j] = e[j] = 0.0;
    for (int64_t i = 0; i < t; i++) {
        const double *xi = x + i * k;
        double *oi = out + i * k;
        for (int64_t j = 0; j < kb; j++) {
            double v = xi[j];
            int bad = !(fabs(v) <= DBL_MAX);
            double r1 = run[j] + 1.0; /* computed outside the select: an operation inside one blocks if-conversion */
            double r = bad ? 0.0 : r1;
            double vj = bad ? 0.0 : v;
            double an = acc[j] + vj;
            acc[j] = bad ? 0.0 : an;
            double e0 = e[j];
            double rec = vj * alpha + e0 * beta, first = an / sd;
            double ej = r == sd ? first : (r < sd ? e0 : rec);
            e[j] = ej;
            run[j] = r;
            oi[j] = r < sd ? NAN : ej;
        }
    }
}

IND_ATTR static void IND_NAME(rsi_block)(const double *restrict x, int64_t k, int64_t kb, int64_t t, int64_t n,
                                         double *restrict out, double *restrict st) {
    double *restrict run = st, *restrict prev = st + kb, *restrict up = st + 2 * kb, *restrict dn = st + 3 * kb;
    const double nd = (double) n, alpha = 1.0 / nd, beta = 1.0 - alpha;
    for (int64_t j = 0; j < kb; j++) run[j] = prev[j] = up[j] = dn[j] = 0.0;
    for (int64_t i = 0; i < t; i++) {
        const double *xi = x + i * k;
        double *oi = out + i * k;
        for (int64_t j = 0; j < kb; j++) {
            double v = xi[j];
            int bad = !(fabs(v) <= DBL_MAX);
            double r1 = run[j] + 1.0; /* computed outside the select: an operation inside one blocks if-conversion */
            double r = bad ? 0.0 : r1;
            double p0 = prev[j];
            double d = v - p0;
            prev[j] = bad ? p0 : v;
            double nd0 = -d;
            double g = d > 0.0 ? d : 0.0, l = d < 0.0 ? nd0 : 0.0;
            double m = r - 1.0;
            double u0 = up[j], d0 = dn[j];
            double ua = u0 + g, da = d0 + l;
            double us = ua / nd, ds = da / nd, ur = g * alpha + u0 * beta, dr = l * alpha + d0 * beta;
            double u = m < nd ? ua : (m == nd ? us : ur);
            double dd = m < nd ? da : (m == nd ? ds : dr);
            u = r <= 1.0 ? 0.0 : u;
            dd = r <= 1.0 ? 0.0 : dd;
            up[j] = u;
            dn[j] = dd;
            run[j] = r;
            double rsi = 100.0 * u / (u + dd);
            oi[j] = m < nd ? NAN : rsi;
        }
    }
}

/* Second phase of the single-series rolling variance (indicators.c, var_run): from n slid sums S1,
 * S2 and their running error bounds b1, b2, the variances, and redo[i] = 1 where the bound exceeds
 * tau M2 (those outputs are then recomputed by two passes). Independent per output, so it vectorises. */
IND_ATTR static void IND_NAME(var_finish)(const double *restrict s1, const double *restrict s2, const double *restrict b1,
                                          const double *restrict b2, int64_t n, double inv_w, double inv_div, double tau,
                                          int sq, double *restrict out, int32_t *restrict redo) {
    for (int64_t i = 0; i < n; i++) {
        double m2 = s2[i] - s1[i] * s1[i] * inv_w;
        double bound = b2[i] + (2 * fabs(s1[i]) + b1[i]) * b1[i] * inv_w + 8 * 0x1p-53 * fabs(s2[i]);
        /* bound - tau M2 <= 0: bound <= tau M2 for finite values, false where M2 is NaN or infinite (sums
         * that overflowed: an infinite M2 has an infinite bound), so those are redone too */
        redo[i] = bound - tau * m2 <= 0 ? 0 : 1;
        out[i] = (m2 > 0 ? m2 : 0) * inv_div;
    }
    if (sq)
        for (int64_t i = 0; i < n; i++) out[i] = sqrt(out[i]);
}

/* Fast block of the single-series rolling variance (indicators.c, var_blocks): outputs [j0, j1) of an
 * all-finite stretch (j0 >= w, j1 - j0 a multiple of 4), shifted by k, from the start sums r1, r2 of
 * the window ending at j0 - 1: S1, S2 by 4-lane in-register prefix scans of the window differences,
 * M2 = S2 - S1^2 / w, var = M2 / div (sqrt if sq). No per-output bookkeeping: res[0] = the smallest
 * M2, res[1] = the largest S2, res[2], res[3] = the final S1, S2 (the caller's error check, once per
 * block, decides whether the outputs stand). Reads x[j0 - w, j1), writes out[j0, j1). */
IND_ATTR static void IND_NAME(var_blk)(const double *restrict x, int64_t j0, int64_t j1, int64_t w, double k, double r1,
                                       double r2, double inv_w, double inv_div, int sq, double *restrict out,
                                       double *restrict res) {
    typedef double v4d __attribute__((vector_size(32)));
    typedef long long v4l __attribute__((vector_size(32)));
    const v4d z = {0.0, 0.0, 0.0, 0.0};
    v4d kv = z + k, c1 = z + r1, c2 = z + r2, mn = z + HUGE_VAL, mx = z - HUGE_VAL;
    for (int64_t j = j0; j < j1; j += 4) {
        v4d xa, xb;
        memcpy(&xa, x + j, sizeof xa);
        memcpy(&xb, x + j - w, sizeof xb);
        v4d a = xa - kv, b = xb - kv, qa = a * a, qb = b * b, d1 = a - b, d2 = qa - qb;
        d1 += __builtin_shuffle(d1, z, (v4l){4, 0, 1, 2});
        d2 += __builtin_shuffle(d2, z, (v4l){4, 0, 1, 2});
        d1 += __builtin_shuffle(d1, z, (v4l){4, 5, 0, 1});
        d2 += __builtin_shuffle(d2, z, (v4l){4, 5, 0, 1});
        v4d v1 = c1 + d1, v2 = c2 + d2;
        c1 += __builtin_shuffle(d1, (v4l){3, 3, 3, 3});
        c2 += __builtin_shuffle(d2, (v4l){3, 3, 3, 3});
        v4d m2 = v2 - v1 * v1 * inv_w;
        v4l lt = m2 < mn, gt = v2 > mx;
        mn = (v4d) (((v4l) m2 & lt) | ((v4l) mn & ~lt));
        mx = (v4d) (((v4l) v2 & gt) | ((v4l) mx & ~gt));
        v4d var = m2 * inv_div;
        if (sq)
            for (int l = 0; l < 4; l++) var[l] = sqrt(var[l]);
        memcpy(out + j, &var, sizeof var);
    }
    double m = mn[0], M = mx[0];
    for (int l = 1; l < 4; l++) {
        m = mn[l] < m ? mn[l] : m;
        M = mx[l] > M ? mx[l] : M;
    }
    res[0] = m;
    res[1] = M;
    res[2] = c1[0];
    res[3] = c2[0];
}

/* the parameters of this include, so the next ISA defines its own */
#undef IND_ATTR
#undef IND_NAME
