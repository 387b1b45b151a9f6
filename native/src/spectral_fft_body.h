/* Stockham FFT stages and the rolling-entropy loop, included by spectral.c once per ISA body with
 * SXN_FFT_SUFFIX and the vector macros VD, VW, VLOAD, VSTORE, VADD, VSUB, VMUL, VSET1, VREV set (and
 * the matching #pragma GCC target around the include); it #undefs them at its end. The innermost loop of
 * every stage (q < s) is contiguous in input and output, with restrict-qualified split arrays, so GCC
 * vectorises it for the target; no reassociation is needed, so results do not depend on -ffast-math.
 * Layout and formulas mirror dev.sxn.math.spectral.JavaFftKernels exactly. */
#define SXN_CAT2(a, b) a##b
#define SXN_CAT(a, b) SXN_CAT2(a, b)
#define SXN_FN(name) SXN_CAT(name, SXN_FFT_SUFFIX)

static void SXN_FN(radix2_)(int64_t s, int64_t m, const double *restrict xr, const double *restrict xi,
                            double *restrict yr, double *restrict yi, const double *wr, const double *wi) {
    int64_t sm = s * m;
    for (int64_t j = 0; j < m; j++) {
        double w1r = wr[j], w1i = wi[j];
        const double *ar = xr + s * j, *ai = xi + s * j;
        double *o0r = yr + 2 * s * j, *o0i = yi + 2 * s * j;
        for (int64_t q = 0; q < s; q++) {
            double a0r = ar[q], a0i = ai[q], a1r = ar[q + sm], a1i = ai[q + sm];
            o0r[q] = a0r + a1r;
            o0i[q] = a0i + a1i;
            double dr = a0r - a1r, di = a0i - a1i;
            o0r[q + s] = dr * w1r - di * w1i;
            o0i[q + s] = dr * w1i + di * w1r;
        }
    }
}

static void SXN_FN(radix4_)(int64_t s, int64_t m, const double *restrict xr, const double *restrict xi,
                            double *restrict yr, double *restrict yi, const double *wr, const double *wi) {
    int64_t sm = s * m;
    if (s == 1) {
        /* First stage: loop over j instead (contiguous loads, stride-4 stores the compiler interleaves). */
        for (int64_t j = 0; j < m; j++) {
            double w1r = wr[3 * j], w1i = wi[3 * j], w2r = wr[3 * j + 1], w2i = wi[3 * j + 1];
            double w3r = wr[3 * j + 2], w3i = wi[3 * j + 2];
            double a0r = xr[j], a0i = xi[j], a1r = xr[j + m], a1i = xi[j + m];
            double a2r = xr[j + 2 * m], a2i = xi[j + 2 * m], a3r = xr[j + 3 * m], a3i = xi[j + 3 * m];
            double t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
            double t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1r - a3r, t3i = a1i - a3i;
            double b1r = t1r + t3i, b1i = t1i - t3r, b2r = t0r - t2r, b2i = t0i - t2i;
            double b3r = t1r - t3i, b3i = t1i + t3r;
            yr[4 * j] = t0r + t2r;
            yi[4 * j] = t0i + t2i;
            yr[4 * j + 1] = b1r * w1r - b1i * w1i;
            yi[4 * j + 1] = b1r * w1i + b1i * w1r;
            yr[4 * j + 2] = b2r * w2r - b2i * w2i;
            yi[4 * j + 2] = b2r * w2i + b2i * w2r;
            yr[4 * j + 3] = b3r * w3r - b3i * w3i;
            yi[4 * j + 3] = b3r * w3i + b3i * w3r;
        }
        return;
    }
    for (int64_t j = 0; j < m; j++) {
        const double *w = wr + 3 * j, *v = wi + 3 * j;
        double w1r = w[0], w1i = v[0], w2r = w[1], w2i = v[1], w3r = w[2], w3i = v[2];
        const double *ar = xr + s * j, *ai = xi + s * j;
        double *or_ = yr + 4 * s * j, *oi = yi + 4 * s * j;
        for (int64_t q = 0; q < s; q++) {
            double a0r = ar[q], a0i = ai[q];
            double a1r = ar[q + sm], a1i = ai[q + sm];
            double a2r = ar[q + 2 * sm], a2i = ai[q + 2 * sm];
            double a3r = ar[q + 3 * sm], a3i = ai[q + 3 * sm];
            double t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
            double t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1r - a3r, t3i = a1i - a3i;
            or_[q] = t0r + t2r;
            oi[q] = t0i + t2i;
            double b1r = t1r + t3i, b1i = t1i - t3r;
            double b2r = t0r - t2r, b2i = t0i - t2i;
            double b3r = t1r - t3i, b3i = t1i + t3r;
            or_[q + s] = b1r * w1r - b1i * w1i;
            oi[q + s] = b1r * w1i + b1i * w1r;
            or_[q + 2 * s] = b2r * w2r - b2i * w2i;
            oi[q + 2 * s] = b2r * w2i + b2i * w2r;
            or_[q + 3 * s] = b3r * w3r - b3i * w3i;
            oi[q + 3 * s] = b3r * w3i + b3i * w3r;
        }
    }
}

static void SXN_FN(radix3_)(int64_t s, int64_t m, const double *restrict xr, const double *restrict xi,
                            double *restrict yr, double *restrict yi, const double *wr, const double *wi) {
    const double S3 = 0.86602540378443864676; /* sqrt(3) / 2 */
    int64_t sm = s * m;
    for (int64_t j = 0; j < m; j++) {
        double w1r = wr[2 * j], w1i = wi[2 * j], w2r = wr[2 * j + 1], w2i = wi[2 * j + 1];
        const double *ar = xr + s * j, *ai = xi + s * j;
        double *or_ = yr + 3 * s * j, *oi = yi + 3 * s * j;
        for (int64_t q = 0; q < s; q++) {
            double a0r = ar[q], a0i = ai[q];
            double a1r = ar[q + sm], a1i = ai[q + sm];
            double a2r = ar[q + 2 * sm], a2i = ai[q + 2 * sm];
            double t1r = a1r + a2r, t1i = a1i + a2i;
            double t2r = a0r - 0.5 * t1r, t2i = a0i - 0.5 * t1i;
            double dr = S3 * (a1r - a2r), di = S3 * (a1i - a2i);
            or_[q] = a0r + t1r;
            oi[q] = a0i + t1i;
            double b1r = t2r + di, b1i = t2i - dr;
            double b2r = t2r - di, b2i = t2i + dr;
            or_[q + s] = b1r * w1r - b1i * w1i;
            oi[q + s] = b1r * w1i + b1i * w1r;
            or_[q + 2 * s] = b2r * w2r - b2i * w2i;
            oi[q + 2 * s] = b2r * w2i + b2i * w2r;
        }
    }
}

static void SXN_FN(radix5_)(int64_t s, int64_t m, const double *restrict xr, const double *restrict xi,
                            double *restrict yr, double *restrict yi, const double *wr, const double *wi,
                            const double *c5) {
    double C51 = c5[0], C52 = c5[1], S51 = c5[2], S52 = c5[3];
    int64_t sm = s * m;
    for (int64_t j = 0; j < m; j++) {
        const double *w = wr + 4 * j, *v = wi + 4 * j;
        double w1r = w[0], w1i = v[0], w2r = w[1], w2i = v[1], w3r = w[2], w3i = v[2], w4r = w[3], w4i = v[3];
        const double *ar = xr + s * j, *ai = xi + s * j;
        double *or_ = yr + 5 * s * j, *oi = yi + 5 * s * j;
        for (int64_t q = 0; q < s; q++) {
            double a0r = ar[q], a0i = ai[q];
            double a1r = ar[q + sm], a1i = ai[q + sm];
            double a2r = ar[q + 2 * sm], a2i = ai[q + 2 * sm];
            double a3r = ar[q + 3 * sm], a3i = ai[q + 3 * sm];
            double a4r = ar[q + 4 * sm], a4i = ai[q + 4 * sm];
            double s14r = a1r + a4r, s14i = a1i + a4i, d14r = a1r - a4r, d14i = a1i - a4i;
            double s23r = a2r + a3r, s23i = a2i + a3i, d23r = a2r - a3r, d23i = a2i - a3i;
            or_[q] = a0r + s14r + s23r;
            oi[q] = a0i + s14i + s23i;
            double p1r = a0r + C51 * s14r + C52 * s23r, p1i = a0i + C51 * s14i + C52 * s23i;
            double q1r = S51 * d14r + S52 * d23r, q1i = S51 * d14i + S52 * d23i;
            double p2r = a0r + C52 * s14r + C51 * s23r, p2i = a0i + C52 * s14i + C51 * s23i;
            double q2r = S52 * d14r - S51 * d23r, q2i = S52 * d14i - S51 * d23i;
            double b1r = p1r + q1i, b1i = p1i - q1r;
            double b4r = p1r - q1i, b4i = p1i + q1r;
            double b2r = p2r + q2i, b2i = p2i - q2r;
            double b3r = p2r - q2i, b3i = p2i + q2r;
            or_[q + s] = b1r * w1r - b1i * w1i;
            oi[q + s] = b1r * w1i + b1i * w1r;
            or_[q + 2 * s] = b2r * w2r - b2i * w2i;
            oi[q + 2 * s] = b2r * w2i + b2i * w2r;
            or_[q + 3 * s] = b3r * w3r - b3i * w3i;
            oi[q + 3 * s] = b3r * w3i + b3i * w3r;
            or_[q + 4 * s] = b4r * w4r - b4i * w4i;
            oi[q + 4 * s] = b4r * w4i + b4i * w4r;
        }
    }
}

/* Explicit SIMD stages for strides that are a multiple of the lane count VW (the ISA's VD type and
 * V* macros are defined by spectral.c before each include): the same arithmetic as the scalar loops,
 * one vector of q at a time. GCC's own vectorisation of the scalar loops lost to the Java Vector API
 * kernel on long transforms (SpectralBench, bench/results/history/spectral.md), so the hot radices are written out. */
static void SXN_FN(vradix4_)(int64_t s, int64_t m, const double *restrict xr, const double *restrict xi,
                             double *restrict yr, double *restrict yi, const double *wr, const double *wi) {
    int64_t sm = s * m;
    for (int64_t j = 0; j < m; j++) {
        VD w1r = VSET1(wr[3 * j]), w1i = VSET1(wi[3 * j]), w2r = VSET1(wr[3 * j + 1]), w2i = VSET1(wi[3 * j + 1]);
        VD w3r = VSET1(wr[3 * j + 2]), w3i = VSET1(wi[3 * j + 2]);
        const double *ar = xr + s * j, *ai = xi + s * j;
        double *or_ = yr + 4 * s * j, *oi = yi + 4 * s * j;
        for (int64_t q = 0; q < s; q += VW) {
            VD a0r = VLOAD(ar + q), a0i = VLOAD(ai + q);
            VD a1r = VLOAD(ar + q + sm), a1i = VLOAD(ai + q + sm);
            VD a2r = VLOAD(ar + q + 2 * sm), a2i = VLOAD(ai + q + 2 * sm);
            VD a3r = VLOAD(ar + q + 3 * sm), a3i = VLOAD(ai + q + 3 * sm);
            VD t0r = VADD(a0r, a2r), t0i = VADD(a0i, a2i), t1r = VSUB(a0r, a2r), t1i = VSUB(a0i, a2i);
            VD t2r = VADD(a1r, a3r), t2i = VADD(a1i, a3i), t3r = VSUB(a1r, a3r), t3i = VSUB(a1i, a3i);
            VSTORE(or_ + q, VADD(t0r, t2r));
            VSTORE(oi + q, VADD(t0i, t2i));
            VD b1r = VADD(t1r, t3i), b1i = VSUB(t1i, t3r);
            VD b2r = VSUB(t0r, t2r), b2i = VSUB(t0i, t2i);
            VD b3r = VSUB(t1r, t3i), b3i = VADD(t1i, t3r);
            VSTORE(or_ + q + s, VSUB(VMUL(b1r, w1r), VMUL(b1i, w1i)));
            VSTORE(oi + q + s, VADD(VMUL(b1r, w1i), VMUL(b1i, w1r)));
            VSTORE(or_ + q + 2 * s, VSUB(VMUL(b2r, w2r), VMUL(b2i, w2i)));
            VSTORE(oi + q + 2 * s, VADD(VMUL(b2r, w2i), VMUL(b2i, w2r)));
            VSTORE(or_ + q + 3 * s, VSUB(VMUL(b3r, w3r), VMUL(b3i, w3i)));
            VSTORE(oi + q + 3 * s, VADD(VMUL(b3r, w3i), VMUL(b3i, w3r)));
        }
    }
}

static void SXN_FN(vradix2_)(int64_t s, int64_t m, const double *restrict xr, const double *restrict xi,
                             double *restrict yr, double *restrict yi, const double *wr, const double *wi) {
    int64_t sm = s * m;
    for (int64_t j = 0; j < m; j++) {
        VD w1r = VSET1(wr[j]), w1i = VSET1(wi[j]);
        const double *ar = xr + s * j, *ai = xi + s * j;
        double *or_ = yr + 2 * s * j, *oi = yi + 2 * s * j;
        for (int64_t q = 0; q < s; q += VW) {
            VD a0r = VLOAD(ar + q), a0i = VLOAD(ai + q), a1r = VLOAD(ar + q + sm), a1i = VLOAD(ai + q + sm);
            VSTORE(or_ + q, VADD(a0r, a1r));
            VSTORE(oi + q, VADD(a0i, a1i));
            VD dr = VSUB(a0r, a1r), di = VSUB(a0i, a1i);
            VSTORE(or_ + q + s, VSUB(VMUL(dr, w1r), VMUL(di, w1i)));
            VSTORE(oi + q + s, VADD(VMUL(dr, w1i), VMUL(di, w1r)));
        }
    }
}

/* The stages, ping-ponging between (re, im) and (sre, sim); returns 1 when the result ended in
 * (sre, sim) (an odd number of stages), for callers that can read it from there. */
static int SXN_FN(fft_stages_)(const sxn_fft_plan *p, double *re, double *im, double *sre, double *sim) {
    double *xr = re, *xi = im, *yr = sre, *yi = sim;
    for (int32_t t = 0; t < p->nstages; t++) {
        int64_t s = p->stride[t];
        int64_t m = p->n / (s * p->radix[t]);
        const double *wr = p->tw_re + p->tw_off[t], *wi = p->tw_im + p->tw_off[t];
        switch (p->radix[t]) {
            case 4:
                if (s % VW == 0) SXN_FN(vradix4_)(s, m, xr, xi, yr, yi, wr, wi);
                else SXN_FN(radix4_)(s, m, xr, xi, yr, yi, wr, wi);
                break;
            case 2:
                if (s % VW == 0) SXN_FN(vradix2_)(s, m, xr, xi, yr, yi, wr, wi);
                else SXN_FN(radix2_)(s, m, xr, xi, yr, yi, wr, wi);
                break;
            case 3: SXN_FN(radix3_)(s, m, xr, xi, yr, yi, wr, wi); break;
            default: SXN_FN(radix5_)(s, m, xr, xi, yr, yi, wr, wi, p->c5); break;
        }
        double *tr = xr, *ti = xi;
        xr = yr; xi = yi; yr = tr; yi = ti;
    }
    return xr != re;
}

static void SXN_FN(fft_)(const sxn_fft_plan *p, double *re, double *im, double *sre, double *sim) {
    if (SXN_FN(fft_stages_)(p, re, im, sre, sim)) {
        memcpy(re, sre, sizeof(double) * (size_t) p->n);
        memcpy(im, sim, sizeof(double) * (size_t) p->n);
    }
}

static int SXN_FN(any_nan_)(VD acc) {
    double lanes[VW];
    VSTORE(lanes, acc);
    int bad = 0;
    for (int c = 0; c < VW; c++) bad |= lanes[c] != lanes[c];
    return bad;
}

/* Whether a[0, n) holds a NaN or an infinity (v * 0 is NaN exactly for those), vectorised. */
static int SXN_FN(nonfinite_)(const double *a, int64_t n) {
    VD zero = VSET1(0.0), acc = zero;
    int64_t j = 0;
    for (; j + VW <= n; j += VW) acc = VADD(acc, VMUL(VLOAD(a + j), zero));
    double tail = 0.0;
    for (; j < n; j++) tail += a[j] * 0.0;
    return SXN_FN(any_nan_)(acc) || tail != tail;
}

/* w independent transforms of length p->n stored lane-interleaved (element i of lane c at i w + c,
 * w a multiple of 8): the Stockham stages with every stride times w, so even the first stages are
 * whole vectors and no butterfly needs a shuffle. Ping-pongs between (xr, xi) and (yr, yi); returns
 * 1 when the result ended in (yr, yi). */
static int SXN_FN(lanes_fft_)(const sxn_fft_plan *p, int64_t w, double *xr, double *xi, double *yr, double *yi) {
    int in_y = 0;
    for (int32_t t = 0; t < p->nstages; t++) {
        int64_t s = (int64_t) p->stride[t] * w;
        int64_t m = p->n / ((int64_t) p->stride[t] * p->radix[t]);
        const double *wr = p->tw_re + p->tw_off[t], *wi = p->tw_im + p->tw_off[t];
        switch (p->radix[t]) {
            case 4: SXN_FN(vradix4_)(s, m, xr, xi, yr, yi, wr, wi); break;
            case 2: SXN_FN(vradix2_)(s, m, xr, xi, yr, yi, wr, wi); break;
            case 3: SXN_FN(radix3_)(s, m, xr, xi, yr, yi, wr, wi); break;
            default: SXN_FN(radix5_)(s, m, xr, xi, yr, yi, wr, wi, p->c5); break;
        }
        double *tr = xr, *ti = xi;
        xr = yr; xi = yi; yr = tr; yi = ti;
        in_y ^= 1;
    }
    return in_y;
}

/* Cache-blocked (four-step) forward DFT of length n = n1 n2, for sizes whose arrays exceed the L2
 * cache, where each Stockham stage would stream the whole array through memory once (11 passes at
 * 2^22); here the data crosses memory twice. With j = j1 n2 + j2 and k = k1 + n1 k2:
 *   step A, per block of wa columns j2: the length-n1 DFTs over j1 (lanes = columns, in an
 *     L2-sized buffer), times w_n^(j2 k1), into y[k1 n2 + j2] (the scratch arrays);
 *   step B, per block of wb rows k1: the length-n2 DFTs over j2 of those rows (transposed into
 *     lanes on the way in), written to X[k1 + n1 k2], whose wb lanes are contiguous.
 * The twiddle w_n^(j2 k1), j2 = 8 b + c, is tw_a[b n1 + k1] * tw_c[8 k1 + c], both exact-fraction
 * sines and cosines (one rounding more than a direct table of n entries, at 1/8 of its memory
 * traffic). Input: (re, im), or when x is not NULL the real array x read as z_j = x_2j + i x_2j+1
 * (the real FFT's packing, fused into step A). buf holds 4 max(wa n1, wb n2) + 256 doubles. Touches
 * re/im/sre/sim [0, n), x [0, 2n), buf and the plan arrays only. */
static int SXN_FN(blocked_)(const sxn_fft_blocked *bp, const double *x, double *re, double *im, double *sre,
                            double *sim, double *buf, int check) {
    int64_t n1 = bp->n1, n2 = bp->n2, wa = bp->wa, wb = bp->wb;
    int64_t big = wa * n1 > wb * n2 ? wa * n1 : wb * n2;
    /* The four lane arrays are skewed against each other by 512 and 768 bytes (mod 4 KiB): laid end to
     * end at power-of-two offsets, every store of a stage aliased the loads of the next butterflies
     * mod 4 KiB (the CPU's store-to-load disambiguation sees a false dependency), which halved the
     * speed of the in-cache transforms. */
    double *br = buf, *bi = buf + big + 64, *tr = buf + 2 * big + 160, *ti = buf + 3 * big + 256;
    /* v * 0 is 0 for finite v and NaN for NaN or infinity: the sum flags any non-finite input while it
     * is loaded anyway (step A reads all of it and writes only the scratch arrays) */
    VD zero = VSET1(0.0), acc = zero;
    for (int64_t col = 0; col < n2; col += wa) {
        if (x) {
            for (int64_t j1 = 0; j1 < n1; j1++) {
                const double *src = x + 2 * (j1 * n2 + col);
                double *dr = br + wa * j1, *di = bi + wa * j1;
                for (int64_t c = 0; c < 2 * wa; c += VW) acc = VADD(acc, VMUL(VLOAD(src + c), zero));
                for (int64_t c = 0; c < wa; c++) {
                    dr[c] = src[2 * c];
                    di[c] = src[2 * c + 1];
                }
            }
        } else {
            for (int64_t j1 = 0; j1 < n1; j1++) {
                for (int64_t c = 0; c < wa; c += VW) {
                    VD vr = VLOAD(re + j1 * n2 + col + c), vi = VLOAD(im + j1 * n2 + col + c);
                    acc = VADD(acc, VADD(VMUL(vr, zero), VMUL(vi, zero)));
                    VSTORE(br + wa * j1 + c, vr);
                    VSTORE(bi + wa * j1 + c, vi);
                }
            }
        }
        int in_t = SXN_FN(lanes_fft_)(&bp->p1, wa, br, bi, tr, ti);
        const double *rr = in_t ? tr : br, *ri = in_t ? ti : bi;
        for (int64_t k1 = 0; k1 < n1; k1++) {
            const double *cr = bp->tw_c_re + 8 * k1, *ci = bp->tw_c_im + 8 * k1;
            double *dr = sre + k1 * n2 + col, *di = sim + k1 * n2 + col;
            for (int64_t c8 = 0; c8 < wa; c8 += 8) {
                int64_t ia = (col + c8) / 8 * n1 + k1;
                VD sr = VSET1(bp->tw_a_re[ia]), si = VSET1(bp->tw_a_im[ia]);
                for (int64_t c = 0; c < 8; c += VW) {
                    VD vcr = VLOAD(cr + c), vci = VLOAD(ci + c);
                    VD wr = VSUB(VMUL(sr, vcr), VMUL(si, vci)), wi = VADD(VMUL(sr, vci), VMUL(si, vcr));
                    VD yr = VLOAD(rr + wa * k1 + c8 + c), yi = VLOAD(ri + wa * k1 + c8 + c);
                    VSTORE(dr + c8 + c, VSUB(VMUL(yr, wr), VMUL(yi, wi)));
                    VSTORE(di + c8 + c, VADD(VMUL(yr, wi), VMUL(yi, wr)));
                }
            }
        }
    }
    if (check && SXN_FN(any_nan_)(acc)) return 1;
    for (int64_t row = 0; row < n1; row += wb) {
        for (int64_t c = 0; c < wb; c++) {
            const double *sr = sre + (row + c) * n2, *si = sim + (row + c) * n2;
            for (int64_t k2 = 0; k2 < n2; k2++) {
                br[wb * k2 + c] = sr[k2];
                bi[wb * k2 + c] = si[k2];
            }
        }
        int in_t = SXN_FN(lanes_fft_)(&bp->p2, wb, br, bi, tr, ti);
        const double *rr = in_t ? tr : br, *ri = in_t ? ti : bi;
        for (int64_t k2 = 0; k2 < n2; k2++) {
            for (int64_t c = 0; c < wb; c += VW) {
                VSTORE(re + row + n1 * k2 + c, VLOAD(rr + wb * k2 + c));
                VSTORE(im + row + n1 * k2 + c, VLOAD(ri + wb * k2 + c));
            }
        }
    }
    return 0;
}

/* X_k = E_k + W^k O_k for k = 0..h, times scale (the Java FftEngine.unpackReal formula), from the
 * complex FFT z of the packed input; in the ISA body so the loop (with its reversed index h - k)
 * is vectorised for the target. */
static void SXN_FN(unpack_real_)(int64_t h, const double *restrict zr, const double *restrict zi,
                                 const double *restrict rtw_re, const double *restrict rtw_im, double scale,
                                 double *restrict out_re, double *restrict out_im) {
    double hs = 0.5 * scale, z0r = zr[0], z0i = zi[0];
    out_re[0] = (z0r + z0i) * scale;
    out_im[0] = 0.0;
    out_re[h] = (z0r - z0i) * scale;
    out_im[h] = 0.0;
    int64_t k = 1;
    /* explicit vectors, z_(h-k) read as a reversed vector (GCC's own vectorisation of this loop, with
     * its runtime checks and epilogue, took a quarter of a 64-point real FFT) */
    VD vhs = VSET1(hs);
    for (; k + VW <= h; k += VW) {
        VD ar = VLOAD(zr + k), ai = VLOAD(zi + k);
        VD br = VREV(VLOAD(zr + h - k - VW + 1)), bi = VSUB(VSET1(0.0), VREV(VLOAD(zi + h - k - VW + 1)));
        VD er = VADD(ar, br), ei = VADD(ai, bi), dr = VSUB(ar, br), di = VSUB(ai, bi);
        VD wr = VLOAD(rtw_re + k), wi = VLOAD(rtw_im + k);
        /* o = (di, -dr); t = w o */
        VD tr = VADD(VMUL(wr, di), VMUL(wi, dr)), ti = VSUB(VMUL(wi, di), VMUL(wr, dr));
        VSTORE(out_re + k, VMUL(VADD(er, tr), vhs));
        VSTORE(out_im + k, VMUL(VADD(ei, ti), vhs));
    }
    for (; k < h; k++) {
        double ar = zr[k], ai = zi[k], br = zr[h - k], bi = -zi[h - k];
        double er = ar + br, ei = ai + bi, dr = ar - br, di = ai - bi;
        double o_r = di, o_i = -dr;
        double tr = rtw_re[k] * o_r - rtw_im[k] * o_i, ti = rtw_re[k] * o_i + rtw_im[k] * o_r;
        out_re[k] = (er + tr) * hs;
        out_im[k] = (ei + ti) * hs;
    }
}

/* z_j = x_2j + i x_2j+1, j < h (deinterleaving, vectorised for the target). */
static void SXN_FN(pack_real_)(const double *restrict x, int64_t h, double *restrict zr, double *restrict zi) {
    for (int64_t j = 0; j < h; j++) {
        zr[j] = x[2 * j];
        zi[j] = x[2 * j + 1];
    }
}

/* The whole real FFT of even length 2h through the Stockham stages (sxn_spectral_rfft), in one ISA
 * body: optional finiteness check (returns 1 before writing the output), pack, stages, unpack from
 * wherever the stages left the result. */
static int SXN_FN(rfft_)(const sxn_fft_plan *p, const double *x, const double *rtw_re, const double *rtw_im,
                         double scale, double *out_re, double *out_im, double *zr, double *zi, double *sr, double *si,
                         int check) {
    int64_t h = p->n;
    if (check && SXN_FN(nonfinite_)(x, 2 * h)) return 1;
    SXN_FN(pack_real_)(x, h, zr, zi);
    if (SXN_FN(fft_stages_)(p, zr, zi, sr, si)) SXN_FN(unpack_real_)(h, sr, si, rtw_re, rtw_im, scale, out_re, out_im);
    else SXN_FN(unpack_real_)(h, zr, zi, rtw_re, rtw_im, scale, out_re, out_im);
    return 0;
}

/* p ln p for p in [0, 1], branch-free so the entropy loop vectorises (libm's log is a scalar call and
 * was 2/3 of the time of a window of 256). ln p = e ln 2 + 2 atanh((m - 1) / (m + 1)) with
 * m in [sqrt(1/2), sqrt(2)), |z| <= 0.1716, the series to z^23 (truncation < 1e-18): within a few ulps
 * of log(). p below 2^-1000 (subnormal included) contributes p ln p > -1e-298, taken as 0. */
static inline double SXN_FN(plogp_)(double p) {
    uint64_t b;
    memcpy(&b, &p, sizeof b);
    /* the biased exponent as a double without an int64 -> double conversion (none in AVX2):
     * 2^52 + k has k in its low mantissa bits */
    uint64_t eb = (b >> 52) | 0x4330000000000000ULL;
    double e;
    memcpy(&e, &eb, sizeof e);
    e -= 4503599627370496.0 + 1023.0;
    uint64_t mb = (b & 0x000FFFFFFFFFFFFFULL) | 0x3FF0000000000000ULL;
    double m;
    memcpy(&m, &mb, sizeof m);
    int big = m > 1.4142135623730951;
    m = big ? m * 0.5 : m;
    e = big ? e + 1.0 : e;
    double z = (m - 1.0) / (m + 1.0), z2 = z * z;
    double s = 2.0 / 23;
    s = s * z2 + 2.0 / 21; s = s * z2 + 2.0 / 19; s = s * z2 + 2.0 / 17; s = s * z2 + 2.0 / 15;
    s = s * z2 + 2.0 / 13; s = s * z2 + 2.0 / 11; s = s * z2 + 2.0 / 9; s = s * z2 + 2.0 / 7;
    s = s * z2 + 2.0 / 5; s = s * z2 + 2.0 / 3; s = s * z2 + 2.0;
    double lnp = e * 0.69314718055994530942 + s * z;
    return p > 0x1p-1000 ? p * lnp : 0.0;
}

/* -sum p ln p over bins [from, bins) of power pw (overwritten with p ln p, a loop without a reduction
 * so it vectorises; the sum runs after it, in bin order); NaN when the total is 0 or not finite. */
static double SXN_FN(entropy_of_power_)(double *restrict pw, int64_t bins, int64_t from) {
    double total = 0;
    for (int64_t k = from; k < bins; k++) total += pw[k];
    if (!(total > 0) || isinf(total)) return NAN;
    double inv = 1.0 / total, h = 0;
    for (int64_t k = from; k < bins; k++) pw[k] = SXN_FN(plogp_)(pw[k] * inv);
    for (int64_t k = from; k < bins; k++) h -= pw[k];
    return h;
}

static void SXN_FN(rolling_)(const sxn_fft_plan *p, const double *x, int32_t series, int64_t length, int64_t window,
                             int64_t step, int32_t keep_dc, double log_scale, const double *rtw_re, const double *rtw_im,
                             double *work, double *out) {
    int64_t h = p->n;
    int64_t count = (length - window) / step + 1;
    int64_t bins = h + 1;
    double *zr = work, *zi = work + h, *sr = work + 2 * h, *si = work + 3 * h, *pw = work + 4 * h;
    for (int32_t s = 0; s < series; s++) {
        const double *xs = x + (int64_t) s * length;
        for (int64_t w = 0; w < count; w++) {
            const double *seg = xs + w * step;
            for (int64_t j = 0; j < h; j++) {
                zr[j] = seg[2 * j];
                zi[j] = seg[2 * j + 1];
            }
            SXN_FN(fft_)(p, zr, zi, sr, si);
            /* X_k = E_k + W^k O_k; only |X_k|^2 is needed */
            double z0r = zr[0], z0i = zi[0];
            pw[0] = (z0r + z0i) * (z0r + z0i);
            pw[h] = (z0r - z0i) * (z0r - z0i);
            for (int64_t k = 1; k < h; k++) {
                double ar = zr[k], ai = zi[k], br = zr[h - k], bi = -zi[h - k];
                double er = ar + br, ei = ai + bi, dr = ar - br, di = ai - bi;
                double o_r = di, o_i = -dr;
                double tr = rtw_re[k] * o_r - rtw_im[k] * o_i, ti = rtw_re[k] * o_i + rtw_im[k] * o_r;
                double xr = (er + tr) * 0.5, xi = (ei + ti) * 0.5;
                pw[k] = xr * xr + xi * xi;
            }
            out[(int64_t) s * count + w] = SXN_FN(entropy_of_power_)(pw, bins, keep_dc ? 0 : 1) * log_scale;
        }
    }
}

#undef SXN_FN
#undef SXN_CAT
#undef SXN_CAT2
/* the parameters of this include, so the next ISA defines its own */
#undef SXN_FFT_SUFFIX
#undef VD
#undef VW
#undef VLOAD
#undef VSTORE
#undef VADD
#undef VSUB
#undef VMUL
#undef VSET1
#undef VREV
