package dev.sxn.math.cli.demo;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.linalg.Linalg;
import dev.sxn.math.linalg.SVD;
import java.util.EnumSet;
import java.util.Locale;

/**
 * Linear algebra, part 2: the randomized SVD of a large factor matrix. A T x 200 matrix of returns
 * (T the first 2000 ticks at most) is built from the market's first 16 assets at most as factors (each column a seeded mix of the centred log returns
 * plus idiosyncratic noise of 1/10 of their scale), so its spectrum has as many large singular values
 * as there are assets and a noise floor below. The randomized SVD (k = assets, oversample 10, two power
 * iterations, seed 7) runs on every backend with the same sketch; its leading values are checked
 * against the full thin SVD, and the products' GEMM on VECTOR against the other backends.
 */
final class LinalgVectorSection implements DemoSection {
    private static final int COLUMNS = 200;
    private static final int MAX_ROWS = 2000; // keeps the section to a few seconds on the plain-Java backend
    private static final int MAX_FACTORS = 16;

    @Override
    public String title() {
        return "linalg: randomized SVD of a large factor matrix (VECTOR/OPENCL GEMM, blocked QR)";
    }

    @Override
    public void run(DemoContext ctx) {
        SyntheticMarket mk = ctx.market();
        int k = Math.min(mk.assets(), MAX_FACTORS);
        int t = Math.min(mk.logReturns(0).length, MAX_ROWS);
        DMatrix f = DMatrix.zeros(t, k);
        double scale = 0;
        for (int a = 0; a < k; a++) {
            double[] r = mk.logReturns(a);
            double mean = 0;
            for (int i = 0; i < t; i++) mean += r[i] / t;
            for (int i = 0; i < t; i++) {
                f.data()[i + a * t] = r[i] - mean;
                scale = Math.max(scale, Math.abs(r[i] - mean));
            }
        }
        DMatrix loadings = DMatrix.random(k, COLUMNS, 11);
        DMatrix x = Linalg.multiply(f, loadings);
        DMatrix noise = DMatrix.random(t, COLUMNS, 12);
        for (int i = 0; i < x.data().length; i++) x.data()[i] += 0.1 * scale * noise.data()[i];
        EnumSet<Backend> kinds = EnumSet.of(Backend.JAVA, Backend.VECTOR, Backend.NATIVE, Backend.OPENCL);
        // Same sketch on every backend: the values differ by rounding in GEMM/QR only.
        double[] rs = ctx.acrossBackends("randomized SVD (k = " + k + ", q = 2)", kinds, 1e-9, 0,
                kind -> Linalg.randomizedSvd(kind, x, k, 10, 2, 7).s());
        SVD full = Linalg.svd(x);
        double worst = 0;
        for (int i = 0; i < k; i++) worst = Math.max(worst, Math.abs(rs[i] - full.s()[i]) / full.s()[i]);
        if (!(worst < 1e-3)) ctx.fail("randomized SVD's leading values are off the full SVD's by " + worst + " relative");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(k, 4); i++) sb.append(String.format(Locale.ROOT, "%s%.4g", i == 0 ? "" : ", ", rs[i]));
        ctx.line("matrix %dx%d: leading singular values %s; noise floor s_%d = %.3g; max relative error vs full SVD %.1e",
                t, COLUMNS, sb, k + 1, full.s()[k], worst);
    }
}
