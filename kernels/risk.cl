// Risk kernels for dev.sxn.math.risk on OpenCL (fp64); scorecard_sums at the end. garch_sums: the time loop of the batched GARCH(1,1) /
// GJR-GARCH(1,1) negative log-likelihood and its gradient (native/src/risk.h describes the layout, the rows and the
// arithmetic; dev.sxn.math.risk.GarchLikelihood is the reference), one asset per work-item: neighbouring items read
// neighbouring values of each time step of the time-major batch. Contraction into fused multiply-adds is off, so
// only the device's log and log1p may differ from Java's in the last bits. The flags and row numbers come from the
// host as -D options (OpenClGarchKernels.OPENCL_OPTIONS).
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#pragma OPENCL FP_CONTRACT OFF

#if !defined(SXN_GARCH_GJR) || !defined(SXN_GARCH_STUDENT) || !defined(SXN_GARCH_MCI) || !defined(SXN_GARCH_SUM) \
    || !defined(SXN_GARCH_SHAPE) || !defined(SXN_GARCH_BAD) || !defined(SXN_GARCH_G_MU) || !defined(SXN_GARCH_G_OMEGA) \
    || !defined(SXN_GARCH_G_ALPHA) || !defined(SXN_GARCH_G_GAMMA) || !defined(SXN_GARCH_G_BETA) || !defined(SXN_SCORE_S1) \
    || !defined(SXN_SCORE_S2) || !defined(SXN_SCORE_EXCESS) || !defined(SXN_SCORE_DOWN) || !defined(SXN_SCORE_GROWTH) \
    || !defined(SXN_SCORE_PEAK) || !defined(SXN_SCORE_MDD)
#error "the host passes the SXN_GARCH_* constants as -D options (OpenClGarchKernels.OPENCL_OPTIONS)"
#endif

__kernel void garch_sums(const int flags, const long k, const long n, __global const double *x, __global const double *c,
                         __global const double *th, __global const double *active, __global double *out) {
    const long a = get_global_id(0);
    if (a >= k || active[a] == 0.0) return;
    const int gjr = (flags & SXN_GARCH_GJR) != 0, student = (flags & SXN_GARCH_STUDENT) != 0;
    const int ib = gjr ? 4 : 3;
    const double mu = th[a], om = th[k + a], al = th[2 * k + a], ga = gjr ? th[3 * k + a] : 0.0, be = th[ib * k + a];
    const double nu = student ? th[(ib + 1) * k + a] : 0.0;
    const double nu2 = nu - 2, nh1 = 0.5 * (nu + 1), nu1 = nu + 1;
    const double m1 = c[a], m2s = c[k + a], inv = c[2 * k + a], bc = c[3 * k + a];
    double ht, d0, d1 = 1, d2, dg, db;
    if ((flags & SXN_GARCH_MCI) != 0) {
        const double m2 = m2s - 2 * mu * m1 + mu * mu;
        ht = om + (al + be) * m2;
        d0 = -2 * (al + be) * (m1 - mu);
        d2 = m2;
        dg = 0;
        db = m2;
    } else {
        const double kk = 1 + ga * ga;
        ht = om + (al * kk + be) * bc;
        d0 = 0;
        d2 = kk * bc;
        dg = 2 * al * ga * bc;
        db = bc;
    }
    double sum = 0, ssh = 0, bad = 0, g0 = 0, g1 = 0, g2 = 0, gg = 0, gb = 0;
    for (long t = 0; t < n; t++) {
        const double z = x[t * k + a] * inv - mu;
        const double h = ht;
        if (!(h > 0) || isinf(h)) bad = 1;
        double dlh, dlz;
        if (student) {
            const double q = z * z / (h * nu2);
            const double l1q = log1p(q);
            sum += 0.5 * log(h) + nh1 * l1q;
            const double r = q / (1 + q);
            dlh = (0.5 - nh1 * r) / h;
            dlz = nu1 * z / ((1 + q) * h * nu2);
            ssh += 0.5 * l1q - nh1 * r / nu2;
        } else {
            const double zh = z * z / h;
            sum += 0.5 * (log(h) + zh);
            dlh = 0.5 * (1 - zh) / h;
            dlz = z / h;
        }
        g0 += dlh * d0;
        g1 += dlh * d1;
        g2 += dlh * d2;
        gg += dlh * dg;
        gb += dlh * db;
        g0 -= dlz;
        const double e = fabs(z) - ga * z;
        const double sg = z > 0 ? 1.0 : (z < 0 ? -1.0 : z);
        ht = om + al * e * e + be * h;
        d0 = -al * 2 * e * (sg - ga) + be * d0;
        d1 = 1 + be * d1;
        d2 = e * e + be * d2;
        dg = -al * 2 * e * z + be * dg;
        db = h + be * db;
    }
    out[SXN_GARCH_SUM * k + a] = sum;
    out[SXN_GARCH_SHAPE * k + a] = ssh;
    out[SXN_GARCH_BAD * k + a] = bad;
    out[SXN_GARCH_G_MU * k + a] = g0;
    out[SXN_GARCH_G_OMEGA * k + a] = g1;
    out[SXN_GARCH_G_ALPHA * k + a] = g2;
    out[SXN_GARCH_G_GAMMA * k + a] = gg;
    out[SXN_GARCH_G_BETA * k + a] = gb;
}

// scorecard_sums: dev.sxn.math.risk.ScorecardKernels' one pass, one asset per work-item, its operations in its order
// (the SXN_SCORE_* rows: s1, s2, excess, down, growth, peak, maximum drawdown; out[row k + a]).
__kernel void scorecard_sums(__global const double *x, const long k, const long n, const double mar, __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    const double shift = x[a];
    double s1 = 0, s2 = 0, ex = 0, dn = 0, g = 1, pk = 1, md = 0;
    for (long t = 0; t < n; t++) {
        const double r = x[t * k + a];
        const double d = r - shift;
        s1 += d;
        s2 += d * d;
        const double e = r - mar;
        ex += e;
        if (e < 0) dn += e * e;
        g = g * (1 + r);
        if (g > pk) pk = g;
        const double dd = 1 - g / pk;
        if (dd > md) md = dd;
    }
    out[SXN_SCORE_S1 * k + a] = s1;
    out[SXN_SCORE_S2 * k + a] = s2;
    out[SXN_SCORE_EXCESS * k + a] = ex;
    out[SXN_SCORE_DOWN * k + a] = dn;
    out[SXN_SCORE_GROWTH * k + a] = g;
    out[SXN_SCORE_PEAK * k + a] = pk;
    out[SXN_SCORE_MDD * k + a] = md;
}

// rolling_moments: dev.sxn.math.risk.RollingRisk.momentsCore (rolling vol, or Sharpe with rf per period), one asset per
// work-item over the time-major batch, its operations in its order (contraction off), so the bits are Java's.
__kernel void rolling_moments(__global const double *x, const long k, const long n, const long w, const double rf,
                              const double ppy, const int sharpe, __global double *out) {
    const long a = get_global_id(0);
    if (a >= k) return;
    const double annual = sqrt(ppy), dw = (double) w, dw1 = (double) (w - 1);
    double mean = 0, m2 = 0;
    for (long i = 0; i < n; i++) {
        const long p = i * k + a;
        if (i < w - 1) {
            out[p] = NAN;
            continue;
        }
        if ((i - (w - 1)) % w == 0) {
            const long first = (i - w + 1) * k + a;
            mean = 0;
            for (long t = 0; t < w; t++) mean += x[first + t * k];
            mean /= dw;
            m2 = 0;
            for (long t = 0; t < w; t++) {
                const double d = x[first + t * k] - mean;
                m2 += d * d;
            }
        } else {
            const double in = x[p], outgoing = x[p - w * k];
            const double d = in - outgoing, meanNew = mean + d / dw;
            m2 += (in - meanNew + outgoing - mean) * d;
            mean = meanNew;
            if (m2 < 0) m2 = 0;
        }
        const double sd = sqrt(m2 / dw1);
        out[p] = sharpe ? (sd == 0 ? NAN : (mean - rf) / sd * annual) : sd * annual;
    }
}

static void rolling_sift(__global double *v, long root, const long end) {
    while (2 * root + 1 < end) {
        long child = 2 * root + 1;
        if (child + 1 < end && v[child] < v[child + 1]) child++;
        if (!(v[root] < v[child])) return;
        const double t = v[root];
        v[root] = v[child];
        v[child] = t;
        root = child;
    }
}

// rolling_historical: RollingRisk.historicalCore's rank window, one asset per work-item, its scratch (the sorted
// distinct values and the sum tree: 2 n + 1 doubles; the ranks and the count tree: 2 n + 1 ints) in global memory at
// the asset's offset. The series is heap-sorted in place (the values are distinct after -0.0 becomes 0.0 or equal,
// so any sort gives the same array); the Fenwick trees add and remove Java's values in Java's order: Java's bits.
__kernel void rolling_historical(__global const double *x, const long k, const long n, const long w, const double alpha,
                                 __global double *var, __global double *es, __global double *dscr, __global int *iscr) {
    const long a = get_global_id(0);
    if (a >= k) return;
    __global double *v = dscr + a * (2 * n + 1), *sums = v + n;
    __global int *ranks = iscr + a * (2 * n + 1), *counts = ranks + n;
    for (long i = 0; i < n; i++) v[i] = x[i * k + a] + 0.0;
    for (long s = n / 2 - 1; s >= 0; s--) rolling_sift(v, s, n);
    for (long e = n - 1; e > 0; e--) {
        const double t = v[0];
        v[0] = v[e];
        v[e] = t;
        rolling_sift(v, 0, e);
    }
    long m = 0;
    for (long i = 0; i < n; i++)
        if (m == 0 || v[i] != v[m - 1]) v[m++] = v[i];
    for (long i = 0; i <= m; i++) {
        counts[i] = 0;
        sums[i] = 0;
    }
    long top = 1;
    while (top <= m / 2) top <<= 1;
    for (long i = 0; i < n; i++) {
        const double xi = x[i * k + a] + 0.0;
        long lo = 0, hi = m - 1;
        while (lo < hi) {
            const long mid = (lo + hi) >> 1;
            if (v[mid] < xi) lo = mid + 1;
            else hi = mid;
        }
        ranks[i] = (int) lo;
    }
    const double h = (double) (w - 1) * alpha;
    const long j = (long) floor(h);
    const double g = h - (double) j;
    for (long i = 0; i < n; i++) {
        const long p = i * k + a;
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1 && i < w) break;
            const int sign = pass == 0 ? 1 : -1;
            const long rank = pass == 0 ? ranks[i] : ranks[i - w];
            const double val = sign * v[rank];
            for (long q = rank + 1; q <= m; q += q & -q) {
                counts[q] += sign;
                sums[q] += val;
            }
        }
        if (i < w - 1) {
            var[p] = NAN;
            es[p] = NAN;
            continue;
        }
        long sel[2];
        for (int s = 0; s < 2; s++) {
            long pos = 0, rem = j + 1 + s;
            for (long step = top; step > 0; step >>= 1) {
                const long next = pos + step;
                if (next <= m && counts[next] < rem) {
                    pos = next;
                    rem -= counts[next];
                }
            }
            sel[s] = pos;
            if (!(g > 0 && j + 1 < w)) break;
        }
        const double xj = v[sel[0]];
        double q = xj;
        long tail = sel[0];
        if (g > 0 && j + 1 < w) {
            const double xk = v[sel[1]];
            q = xj + g * (xk - xj);
            if (q >= xk) tail = sel[1];
        }
        double s = 0;
        long c = 0;
        for (long t = tail + 1; t > 0; t -= t & -t) {
            s += sums[t];
            c += counts[t];
        }
        var[p] = -q;
        es[p] = -s / (double) c;
    }
}
