package dev.sxn.math.cli.demo;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.linalg.VectorOps;
import java.util.EnumSet;

/**
 * BLAS-1 on the market: realised variance (sum of squared log returns), mean return (sum), the
 * covariance of each asset's returns with the first asset's (dot), and an equal-weight portfolio
 * return series (axpy, scale).
 */
final class VectorOpsSection implements DemoSection {
    @Override
    public String title() {
        return "linalg.VectorOps: realised variance, covariances, portfolio returns";
    }

    @Override
    public void run(DemoContext ctx) {
        SyntheticMarket m = ctx.market();
        int k = m.assets();
        double[][] r = new double[k][];
        for (int a = 0; a < k; a++) r[a] = m.logReturns(a);
        int n = r[0].length;
        EnumSet<Backend> all = EnumSet.allOf(Backend.class);
        double eps = 0x1p-52;
        // Summation-order tolerance: 2 n eps relative to the sum of |terms|; relative to the result
        // for the positive sums of squares, absolute (scaled) for the signed sums.
        double rtol = 2 * n * eps;

        double[] rv = ctx.acrossBackends("realised variance (sumOfSquares)", all, rtol, 0, kind -> {
            double[] out = new double[k];
            for (int a = 0; a < k; a++) out[a] = VectorOps.sumOfSquares(kind, r[a], 0, n) / n;
            return out;
        });
        ctx.acrossBackends("mean log return (sum)", all, 0, rtol * 0.05, kind -> {
            double[] out = new double[k];
            for (int a = 0; a < k; a++) out[a] = VectorOps.sum(kind, r[a], 0, n) / n;
            return out;
        });
        double[] cov = ctx.acrossBackends("covariance with asset 0 (dot)", all, 0, rtol * 0.05, kind -> {
            double[] out = new double[k];
            for (int a = 0; a < k; a++) out[a] = VectorOps.dot(kind, r[a], 0, r[0], 0, n) / n;
            return out;
        });
        double[] port = ctx.acrossBackends("equal-weight portfolio (axpy+scale)", all, 1e-12, 1e-15, kind -> {
            double[] p = new double[n];
            for (int a = 0; a < k; a++) VectorOps.axpy(kind, 1.0, r[a], 0, p, 0, n);
            VectorOps.scale(kind, 1.0 / k, p, 0, n);
            return p;
        });
        double portVar = VectorOps.sumOfSquares(port) / n;
        double meanVar = 0;
        for (double v : rv) meanVar += v / k;
        ctx.line("%d assets x %d returns: mean realised vol %.4f%%/tick, portfolio %.4f%%/tick (diversification x%.2f)",
                k, n, 100 * Math.sqrt(meanVar), 100 * Math.sqrt(portVar), Math.sqrt(meanVar / portVar));
        double corr1 = k > 1 ? cov[1] / Math.sqrt(rv[0] * rv[1]) : 1;
        ctx.line("return correlation of asset 1 with asset 0 (common factor): %.3f", corr1);
    }
}
