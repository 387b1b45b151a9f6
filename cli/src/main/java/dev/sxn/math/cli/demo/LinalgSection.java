package dev.sxn.math.cli.demo;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.linalg.Linalg;
import dev.sxn.math.linalg.SVD;
import dev.sxn.math.linalg.SymmetricEigen;
import java.util.EnumSet;

/**
 * A factor model of the market's returns: PCA by the thin SVD of the centred T x k return matrix (the
 * singular values squared over T - 1 are the covariance's eigenvalues), cross-checked against the
 * symmetric eigen-decomposition of the sample covariance (GEMM), then the share of variance the first
 * factors explain and the exposure of each asset to the market factor.
 */
final class LinalgSection implements DemoSection {
    @Override
    public String title() {
        return "linalg: PCA factor model of the returns (SVD, covariance GEMM, symmetric eigen)";
    }

    @Override
    public void run(DemoContext ctx) {
        SyntheticMarket mk = ctx.market();
        int k = mk.assets();
        int t = mk.logReturns(0).length;
        DMatrix x = DMatrix.zeros(t, k);
        for (int a = 0; a < k; a++) {
            double[] r = mk.logReturns(a);
            double mean = 0;
            for (double v : r) mean += v / t;
            for (int i = 0; i < t; i++) x.data()[i + a * t] = r[i] - mean; // centred, column a = asset a
        }
        EnumSet<Backend> kinds = EnumSet.of(Backend.JAVA, Backend.VECTOR, Backend.NATIVE);
        double eps = Math.ulp(1.0);
        // Singular values of a well-separated spectrum agree to a few hundred eps relative between
        // LAPACK's divide and conquer and the plain-Java algorithm; 1e-10 is a loose, safe bound.
        double[] sv = ctx.acrossBackends("PCA singular values (thin SVD)", kinds, 1e-10, 0,
                kind -> Linalg.svd(kind, x, true).s());
        DMatrix cov = DMatrix.zeros(k, k);
        double[] covData = ctx.acrossBackends("covariance X^T X / (T-1) (gemm)", EnumSet.allOf(Backend.class), 0, 1e-14 * maxAbs(sv) * maxAbs(sv) / (t - 1),
                kind -> Linalg.gemm(kind, 1.0 / (t - 1), x, true, x, false, 0.0, DMatrix.zeros(k, k)).data().clone());
        System.arraycopy(covData, 0, cov.data(), 0, covData.length);
        symmetrise(cov);
        double[] w = ctx.acrossBackends("covariance eigen (eigSymmetric)", kinds, 1e-10, 1e3 * eps * maxAbs(sv) * maxAbs(sv) / (t - 1),
                kind -> Linalg.eigSymmetric(kind, cov).values());
        // PCA two ways: s_i^2 / (T-1) must equal the covariance's eigenvalues (in reverse order).
        double worst = 0;
        for (int i = 0; i < k; i++) {
            double fromSvd = sv[i] * sv[i] / (t - 1);
            worst = Math.max(worst, Math.abs(fromSvd - w[k - 1 - i]) / w[k - 1]);
        }
        if (!(worst < 1e-10)) ctx.fail("SVD and eigen PCA disagree by " + worst + " of the top variance");
        double total = 0;
        for (double s : sv) total += s * s;
        StringBuilder ev = new StringBuilder();
        double cum = 0;
        for (int i = 0; i < Math.min(3, k); i++) {
            cum += sv[i] * sv[i] / total;
            ev.append(String.format(java.util.Locale.ROOT, "%s%.1f%% (cum. %.1f%%)", i == 0 ? "" : ", ", 100 * sv[i] * sv[i] / total, 100 * cum));
        }
        ctx.line("explained variance of the first factors: %s; SVD vs eigen PCA agree to %.1e", ev, worst);
        SVD svd = Linalg.svd(x);
        SymmetricEigen e = Linalg.eigSymmetric(cov);
        double[] loadings = svd.vt().data().clone(); // row 0 of Vt: the market factor's loadings
        StringBuilder lo = new StringBuilder();
        double sign = Math.signum(sum(svd.vt(), k));
        for (int a = 0; a < Math.min(k, 6); a++) {
            lo.append(String.format(java.util.Locale.ROOT, "%s%+.3f", a == 0 ? "" : " ", sign * loadings[a * svd.vt().rows()]));
        }
        ctx.line("market-factor loadings of assets 0..%d: %s; cond(X) = %.1f, rank %d; top eigenvalue %.3e",
                Math.min(k, 6) - 1, lo, svd.cond(), svd.rank(), e.values()[k - 1]);
    }

    private static double sum(DMatrix vt, int k) {
        double s = 0;
        for (int a = 0; a < k; a++) s += vt.data()[a * vt.rows()];
        return s;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) m = Math.max(m, Math.abs(x));
        return m;
    }

    private static void symmetrise(DMatrix c) {
        int n = c.rows();
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) {
                double v = 0.5 * (c.get(i, j) + c.get(j, i));
                c.set(i, j, v);
                c.set(j, i, v);
            }
        }
    }
}
