/* See risk.h. Scalar C over blocks of SXN_GARCH_BLOCK assets: each time step reads one contiguous run of the
 * time-major batch for the block, and the assets' recursions are independent, so the compiler may interleave
 * them. Built with -ffp-contract=off like the rest of the library, so the arithmetic is the Java operation
 * order; only libm's log and log1p may differ from Java's in the last bit. */
#include "risk.h"

#include <math.h>
#include <string.h>

#define B SXN_GARCH_BLOCK

static double signum(double v) { return v > 0 ? 1.0 : (v < 0 ? -1.0 : v); }

static void garch_block(int32_t flags, int64_t k, int64_t n, const double *x, const double *c, const double *th,
                        const uint8_t *active, double *out, int64_t a0, int m) {
    const int gjr = (flags & SXN_GARCH_GJR) != 0, student = (flags & SXN_GARCH_STUDENT) != 0, mci = (flags & SXN_GARCH_MCI) != 0;
    const int ib = gjr ? 4 : 3;
    double mu[B], om[B], al[B], ga[B], be[B], nu2[B], nh1[B], nu1[B], inv[B];
    double ht[B], d0[B], d1[B], d2[B], dg[B], db[B];
    double sum[B], ssh[B], bad[B], g0[B], g1[B], g2[B], gg[B], gb[B];
    int on[B];
    for (int j = 0; j < m; j++) {
        const int64_t a = a0 + j;
        on[j] = active[a] != 0;
        mu[j] = th[a];
        om[j] = th[k + a];
        al[j] = th[2 * k + a];
        ga[j] = gjr ? th[3 * k + a] : 0.0;
        be[j] = th[ib * k + a];
        const double nu = student ? th[(ib + 1) * k + a] : 0.0;
        nu2[j] = nu - 2;
        nh1[j] = 0.5 * (nu + 1);
        nu1[j] = nu + 1;
        inv[j] = c[2 * k + a];
        const double m1 = c[a], m2s = c[k + a], bc = c[3 * k + a];
        if (mci) {
            const double m2 = m2s - 2 * mu[j] * m1 + mu[j] * mu[j];
            ht[j] = om[j] + (al[j] + be[j]) * m2;
            d0[j] = -2 * (al[j] + be[j]) * (m1 - mu[j]);
            d1[j] = 1;
            d2[j] = m2;
            dg[j] = 0;
            db[j] = m2;
        } else {
            const double kk = 1 + ga[j] * ga[j];
            ht[j] = om[j] + (al[j] * kk + be[j]) * bc;
            d0[j] = 0;
            d1[j] = 1;
            d2[j] = kk * bc;
            dg[j] = 2 * al[j] * ga[j] * bc;
            db[j] = bc;
        }
        sum[j] = ssh[j] = bad[j] = g0[j] = g1[j] = g2[j] = gg[j] = gb[j] = 0;
    }
    for (int64_t t = 0; t < n; t++) {
        const double *row = x + t * k + a0;
        for (int j = 0; j < m; j++) {
            if (!on[j]) continue;
            const double z = row[j] * inv[j] - mu[j];
            const double h = ht[j];
            if (!(h > 0) || h == INFINITY) bad[j] = 1;
            double dlh, dlz;
            if (student) {
                const double q = z * z / (h * nu2[j]);
                const double l1q = log1p(q);
                sum[j] += 0.5 * log(h) + nh1[j] * l1q;
                const double r = q / (1 + q);
                dlh = (0.5 - nh1[j] * r) / h;
                dlz = nu1[j] * z / ((1 + q) * h * nu2[j]);
                ssh[j] += 0.5 * l1q - nh1[j] * r / nu2[j];
            } else {
                const double zh = z * z / h;
                sum[j] += 0.5 * (log(h) + zh);
                dlh = 0.5 * (1 - zh) / h;
                dlz = z / h;
            }
            g0[j] += dlh * d0[j];
            g1[j] += dlh * d1[j];
            g2[j] += dlh * d2[j];
            gg[j] += dlh * dg[j];
            gb[j] += dlh * db[j];
            g0[j] -= dlz;
            /* the step to t + 1 (also after the last return, unused) */
            const double e = fabs(z) - ga[j] * z;
            ht[j] = om[j] + al[j] * e * e + be[j] * h;
            d0[j] = -al[j] * 2 * e * (signum(z) - ga[j]) + be[j] * d0[j];
            d1[j] = 1 + be[j] * d1[j];
            d2[j] = e * e + be[j] * d2[j];
            dg[j] = -al[j] * 2 * e * z + be[j] * dg[j];
            db[j] = h + be[j] * db[j];
        }
    }
    for (int j = 0; j < m; j++) {
        if (!on[j]) continue;
        const int64_t a = a0 + j;
        out[SXN_GARCH_SUM * k + a] = sum[j];
        out[SXN_GARCH_SHAPE * k + a] = ssh[j];
        out[SXN_GARCH_BAD * k + a] = bad[j];
        out[SXN_GARCH_G_MU * k + a] = g0[j];
        out[SXN_GARCH_G_OMEGA * k + a] = g1[j];
        out[SXN_GARCH_G_ALPHA * k + a] = g2[j];
        out[SXN_GARCH_G_GAMMA * k + a] = gg[j];
        out[SXN_GARCH_G_BETA * k + a] = gb[j];
    }
}

void sxn_risk_garch_sums(int32_t flags, int64_t k, int64_t n, const double *x, const double *c, const double *th,
                         const uint8_t *active, double *out) {
    for (int64_t a0 = 0; a0 < k; a0 += B) {
        const int m = (int) (k - a0 < B ? k - a0 : B);
        int any = 0;
        for (int j = 0; j < m; j++) any |= active[a0 + j] != 0;
        if (any) garch_block(flags, k, n, x, c, th, active, out, a0, m);
    }
}

void sxn_risk_scorecard(const double *x, int64_t k, int64_t n, double mar, double *out) {
    double *restrict s1 = out + SXN_SCORE_S1 * k, *restrict s2 = out + SXN_SCORE_S2 * k;
    double *restrict ex = out + SXN_SCORE_EXCESS * k, *restrict dn = out + SXN_SCORE_DOWN * k;
    double *restrict gr = out + SXN_SCORE_GROWTH * k, *restrict pk = out + SXN_SCORE_PEAK * k;
    double *restrict md = out + SXN_SCORE_MDD * k;
    for (int64_t a = 0; a < k; a++) {
        s1[a] = s2[a] = ex[a] = dn[a] = md[a] = 0;
        gr[a] = pk[a] = 1;
    }
    for (int64_t t = 0; t < n; t++) {
        const double *restrict row = x + t * k;
        for (int64_t a = 0; a < k; a++) {
            const double r = row[a];
            const double d = r - x[a];
            s1[a] += d;
            s2[a] += d * d;
            const double e = r - mar;
            ex[a] += e;
            dn[a] += e < 0 ? e * e : 0.0;
            const double g = gr[a] * (1 + r);
            gr[a] = g;
            const double p = g > pk[a] ? g : pk[a];
            pk[a] = p;
            const double dd = 1 - g / p;
            md[a] = dd > md[a] ? dd : md[a];
        }
    }
}
