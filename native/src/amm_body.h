/* The body of sxn_amm_sweep_zero_fee (amm.h), included by amm.c once per ISA with SXN_AMM_SUFFIX set (and the
 * matching #pragma GCC target around the include); it #undefs the suffix at its end. Every per-minute loop runs
 * over the sets with unit stride on restrict-qualified rows of the structure-of-arrays state, and its functions
 * are branch-free inline code (selects, no calls), so GCC vectorises it for the target. The coarse steps are
 * scalar per set and mirror dev.sxn.math.amm.GradientEstimator, WeightRule (momentum) and Guardrails. */
#define SXN_AMM_CAT2(a, b) a##b
#define SXN_AMM_CAT(a, b) SXN_AMM_CAT2(a, b)
#define SXN_AMM_FN(name) SXN_AMM_CAT(name, SXN_AMM_SUFFIX)

/* sxn_fdlog (StrictMath.log, finite x >= DBL_MIN) with its three cases computed and selected, in 64-bit
 * integers only (k converted by the 2^52 trick), so a loop of it vectorises. */
static inline double SXN_AMM_FN(amm_log_)(double x) {
    const uint64_t bits = sxn_double_bits(x);
    const int64_t hx0 = (int64_t) (bits >> 32);
    const int64_t hx = hx0 & 0x000fffff;
    const int64_t i = (hx + 0x95f64) & 0x100000;
    const int64_t k = (hx0 >> 20) - 1023 + (i >> 20);
    const double f = sxn_bits_double((uint64_t) (hx | (i ^ 0x3ff00000)) << 32 | (bits & 0xFFFFFFFFull)) - 1.0;
    const double dk = sxn_bits_double(0x4330000000000000ull + (uint64_t) (k + 2048)) - (0x1p52 + 2048.0);
    const double r1 = f * f * (0.5 - SXN_LOG_THIRD * f);
    const double tiny = dk * SXN_LN2_HI - ((r1 - dk * SXN_LN2_LO) - f);
    const double s = f / (2.0 + f), z = s * s, w = z * z;
    const double t1 = w * (SXN_LG2 + w * (SXN_LG4 + w * SXN_LG6));
    const double t2 = z * (SXN_LG1 + w * (SXN_LG3 + w * (SXN_LG5 + w * SXN_LG7)));
    const double r = t2 + t1;
    const double hfsq = 0.5 * f * f;
    const double mid = dk * SXN_LN2_HI - ((hfsq - (s * (hfsq + r) + dk * SXN_LN2_LO)) - f);
    const double far = dk * SXN_LN2_HI - ((s * (f - r) - dk * SXN_LN2_LO) - f);
    const double general = ((hx - 0x6147a) | (0x6b851 - hx)) > 0 ? mid : far;
    return (0x000fffff & (2 + hx)) < 3 ? tiny : general;
}

/* One estimator step of set s (GradientEstimator.step) on prices p[0 .. n); gradient to g[0 .. n). */
static inline void SXN_AMM_FN(amm_estimate_)(double lambda, const double *p, int64_t n, int64_t count, int64_t s, double *ewma, double *a,
                                              double *g) {
    const double g_inf = 1.0 / (1.0 - lambda);
    const double om = 1.0 - lambda;
    const double sat_b = lambda / (om * om * om);
    for (int64_t i = 0; i < n; i++) {
        const int64_t q = i * count + s;
        const double e = ewma[q] + (p[i] - ewma[q]) / g_inf;
        double ai = lambda * a[q] + g_inf * (p[i] - e);
        if (fabs(ai) < 1e-10) ai = 0.0;
        ewma[q] = e;
        a[q] = ai;
        g[i] = ai / (sat_b * e);
    }
}

/* Guardrails.applyMinimum in place on w[0 .. n). */
static inline void SXN_AMM_FN(amm_minimum_)(double *w, int64_t n, double eps) {
    const double max = 1.0 - (double) (n - 1) * eps;
    int64_t below = 0;
    double others = 0;
    for (int64_t i = 0; i < n; i++) {
        const int low = w[i] < eps;
        if (low) below++;
        double c = w[i] > eps ? w[i] : eps;
        c = c < max ? c : max;
        w[i] = low ? -c : c;
        if (!low) others += c;
    }
    const double remaining = 1 - (double) below * eps;
    double total = 0, best = -INFINITY;
    int64_t arg = 0;
    for (int64_t i = 0; i < n; i++) {
        const double v = w[i] < 0 ? -w[i] : w[i] * remaining / others;
        w[i] = v;
        total += v;
        if (v > best) {
            best = v;
            arg = i;
        }
    }
    w[arg] = w[arg] - total + 1.0;
}

/* One coarse step of set s: estimator, momentum, guardrails; block start and increment into bs / df, the
 * position reached into prev. */
static void SXN_AMM_FN(amm_coarse_)(const double *p, int64_t n, int64_t count, int64_t s, double lambda, double k, double eps, double max_change,
                                     int32_t m, double *ewma, double *a, double *prev, double *bs, double *df, double *g, double *dw,
                                     double *target, double *diff) {
    SXN_AMM_FN(amm_estimate_)(lambda, p, n, count, s, ewma, a, g);
    double ks = 0;
    for (int64_t i = 0; i < n; i++) ks += k * g[i];
    const double offset = -ks / ((double) n * k);
    for (int64_t i = 0; i < n; i++) dw[i] = k == 0.0 ? 0.0 : k * (g[i] + offset);
    double sum = 0;
    for (int64_t i = 0; i < n; i++) {
        target[i] = prev[i * count + s] + dw[i];
        sum += target[i];
    }
    for (int64_t i = 0; i < n; i++) target[i] = target[i] / sum;
    SXN_AMM_FN(amm_minimum_)(target, n, eps);
    double max_abs = 0;
    for (int64_t i = 0; i < n; i++) {
        const double d = 1.0 / m * (target[i] - prev[i * count + s]);
        diff[i] = d;
        const double ad = fabs(d);
        max_abs = (ad != ad || !(max_abs >= ad)) ? ad : max_abs;
    }
    if (max_abs > max_change) {
        const double scale = max_change / (max_abs + 1e-10);
        for (int64_t i = 0; i < n; i++) diff[i] = diff[i] * scale;
    }
    for (int64_t i = 0; i < n; i++) {
        const int64_t q = i * count + s;
        bs[q] = prev[q];
        df[q] = diff[i];
        prev[q] = prev[q] + diff[i] * m;
    }
}

static void SXN_AMM_FN(amm_sweep_)(const double *prices, int64_t n, int64_t start, int64_t rows, int32_t cp, int32_t m, double eps,
                                        double max_change, int32_t dynamic, const double *w0, const double *log_r0, double value0,
                                        const double *lambda, const double *kk, int64_t count, double *values, double *work) {
    const int64_t nc = n * count;
    double *ewma = work, *a = ewma + nc, *prev = a + nc, *bs = prev + nc, *df = bs + nc, *wp = df + nc, *wc = wp + nc, *lr = wc + nc,
           *out = lr + nc, *pt = out + nc, *wt = pt + count, *val = wt + count, *g = val + count, *dw = g + n, *target = dw + n,
           *diff = target + n, *lp = diff + n;
    const int64_t start_chunk = start / cp;
    for (int64_t i = 0; i < n; i++) {
        for (int64_t s = 0; s < count; s++) {
            const int64_t q = i * count + s;
            ewma[q] = prices[i];
            a[q] = 0.0;
            prev[q] = w0[i];
            wc[q] = w0[i];
            bs[q] = w0[i];
            df[q] = 0.0;
            lr[q] = log_r0[i];
        }
    }
    if (dynamic) {
        for (int64_t s = 0; s < count; s++) {
            for (int64_t j = 1; j <= start_chunk; j++) SXN_AMM_FN(amm_estimate_)(lambda[s], prices + j * cp * n, n, count, s, ewma, a, g);
        }
    }
    for (int64_t s = 0; s < count; s++) values[s * rows] = value0;
    for (int64_t row = 1; row < rows; row++) {
        memcpy(wp, wc, sizeof(double) * (size_t) nc);
        if (dynamic && row >= cp) {
            const int64_t j = row % cp;
            if (j == 0) {
                const double *pc = prices + (start_chunk + row / cp) * cp * n;
                for (int64_t s = 0; s < count; s++) {
                    SXN_AMM_FN(amm_coarse_)(pc, n, count, s, lambda[s], kk[s], eps, max_change, m, ewma, a, prev, bs, df, g, dw, target, diff);
                }
            }
            if (j == 0 || j <= m) {
                const double t = (double) (j < m ? j : m);
                for (int64_t i = 0; i < nc; i++) wc[i] = df[i] * t + bs[i];
            }
        }
        const double *p1 = prices + (start + row) * n, *p0 = p1 - n;
        for (int64_t i = 0; i < n; i++) lp[i] = log(p1[i] / p0[i]);
        for (int64_t s = 0; s < count; s++) {
            pt[s] = 0.0;
            wt[s] = 0.0;
            val[s] = 0.0;
        }
        for (int64_t i = 0; i < n; i++) {
            const double *restrict wpi = wp + i * count, *restrict wci = wc + i * count;
            double *restrict oi = out + i * count, *restrict pts = pt, *restrict wts = wt;
            const double lpi = lp[i];
            for (int64_t s = 0; s < count; s++) {
                const double lw = SXN_AMM_FN(amm_log_)(wci[s] / wpi[s]);
                pts[s] += wpi[s] * lpi;
                wts[s] += wci[s] * lw;
                oi[s] = lw - lpi;
            }
        }
        for (int64_t i = 0; i < n; i++) {
            double *restrict lri = lr + i * count, *restrict vals = val;
            const double *restrict oi = out + i * count, *restrict pts = pt, *restrict wts = wt;
            const double pi = p1[i];
            for (int64_t s = 0; s < count; s++) {
                const double l = lri[s] + (oi[s] + (pts[s] - wts[s]));
                lri[s] = l;
                vals[s] += sxn_path_exp(l) * pi;
            }
        }
        for (int64_t s = 0; s < count; s++) values[s * rows + row] = val[s];
    }
}

#undef SXN_AMM_SUFFIX
