package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.linalg.DMatrix;
import org.junit.jupiter.api.Test;

/**
 * Correlated GBM: one asset is {@link Gbm} bit for bit; three assets step by step against a scalar recomputation
 * from the stream's normals and the Cholesky factor (tolerance 4 ulp of the value: the factor product is summed in the
 * same order, the exponential is {@link PathExp} in both); sample correlations of log returns against rho within
 * 4 / sqrt(n); blocks of any size give the same paths.
 */
class GbmCorrelatedTest {
    static final DMatrix RHO = DMatrix.of(new double[][] {{1, 0.6, -0.3}, {0.6, 1, 0.2}, {-0.3, 0.2, 1}});
    static final GbmCorrelated MODEL = GbmCorrelated.of(new double[] {100, 50, 20}, new double[] {0.05, 0.02, -0.01},
            new double[] {0.2, 0.3, 0.15}, RHO);

    @Test
    void oneAssetIsGbmBitForBit() {
        GbmCorrelated one = GbmCorrelated.of(new double[] {100}, new double[] {0.05}, new double[] {0.2}, DMatrix.identity(1));
        RandomStream s = RandomStream.philox4x64(4, 4);
        for (Antithetic a : Antithetic.values()) {
            double[] got = new double[300], want = new double[300];
            one.terminal(s, 0.01, 2, 300, 37, a, got, 0, 300);
            new Gbm(100, 0.05, 0.2).reduce(s, 0.01, 2, 300, 37, a, PathReduction.TERMINAL, want, 0, Backend.JAVA);
            assertArrayEquals(want, got, a.toString());
        }
    }

    @Test
    void stepsAreTheFactorTimesTheStreamsNormals() {
        RandomStream s = RandomStream.philox4x64(6, 1);
        int paths = 70, steps = 25, d = 3;
        double dt = 0.02;
        double[] out = new double[paths * steps * d];
        MODEL.paths(s, dt, 5, paths, steps, Antithetic.NONE, out, 0, paths);
        double[][] l = dev.sxn.math.linalg.Linalg.cholesky(Backend.JAVA, RHO).l().toArray2D();
        double[] mu = {0.05, 0.02, -0.01}, sig = {0.2, 0.3, 0.15}, s0 = {100, 50, 20};
        for (int i = 0; i < paths; i++) {
            double[] x = {StrictMath.log(s0[0]), StrictMath.log(s0[1]), StrictMath.log(s0[2])};
            for (int t = 0; t < steps; t++) {
                double[] z = new double[d];
                for (int j = 0; j < d; j++) z[j] = s.normal(5 + i, (long) t * d + j);
                for (int k = 0; k < d; k++) {
                    double w = 0;
                    for (int j = 0; j <= k; j++) w += l[k][j] * z[j];
                    x[k] = x[k] + ((mu[k] - 0.5 * sig[k] * sig[k]) * dt + sig[k] * Math.sqrt(dt) * w);
                    double want = Math.exp(x[k]);
                    assertEquals(want, out[(t * d + k) * paths + i], 4 * Math.ulp(want), "path " + i + " step " + t + " asset " + k);
                }
            }
        }
    }

    @Test
    void logReturnsHaveTheGivenCorrelation() {
        int n = 100_000;
        double[] st = new double[3 * n];
        MODEL.terminal(RandomStream.philox4x64(8, 8), 0.5, 0, n, 2, Antithetic.NONE, st, 0, n);
        double[][] r = new double[3][n];
        double[] s0 = {100, 50, 20};
        for (int k = 0; k < 3; k++) for (int p = 0; p < n; p++) r[k][p] = Math.log(st[k * n + p] / s0[k]);
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) assertEquals(RHO.get(a, b), corr(r[a], r[b]), 4 / Math.sqrt(n), a + "," + b);
        }
    }

    @Test
    void blocksGiveTheSamePaths() {
        RandomStream s = RandomStream.philox4x32(2, 9);
        double[] whole = new double[3 * 130], a = new double[3 * 65], b = new double[3 * 65];
        MODEL.terminal(s, 0.1, 0, 130, 9, Antithetic.PAIRED, whole, 0, 130);
        MODEL.terminal(s, 0.1, 0, 65, 9, Antithetic.PAIRED, a, 0, 65);
        MODEL.terminal(s, 0.1, 65, 65, 9, Antithetic.PAIRED, b, 0, 65);
        for (int k = 0; k < 3; k++) {
            for (int p = 0; p < 65; p++) {
                assertEquals(whole[k * 130 + p], a[k * 65 + p]);
                assertEquals(whole[k * 130 + 65 + p], b[k * 65 + p]);
            }
        }
    }

    @Test
    void badArgumentsAreNamed() {
        double[] s = {100, 50}, m = {0, 0}, v = {0.2, 0.2};
        assertThrows(IllegalArgumentException.class, () -> GbmCorrelated.of(s, m, v, DMatrix.of(new double[][] {{1, 0.5}, {0.5, 0.9}})));
        assertThrows(IllegalArgumentException.class, () -> GbmCorrelated.of(s, m, v, DMatrix.of(new double[][] {{1, 1.5}, {1.5, 1}})));
        assertThrows(IllegalArgumentException.class, () -> GbmCorrelated.of(s, m, v, DMatrix.identity(3)));
        assertThrows(IllegalArgumentException.class, () -> GbmCorrelated.of(s, new double[] {0}, v, DMatrix.identity(2)));
        assertThrows(IllegalArgumentException.class, () -> GbmCorrelated.withFactor(s, m, v, DMatrix.of(new double[][] {{1, 0}, {0.5, 0.5}})));
        GbmCorrelated g = GbmCorrelated.withFactor(s, m, v, DMatrix.of(new double[][] {{1, 0}, {0.6, 0.8}}));
        assertEquals(2, g.assets());
    }

    static double corr(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
