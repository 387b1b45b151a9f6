package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.stochastic.BrownianBridge.Output;
import dev.sxn.math.testing.Tolerance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Brownian bridge construction: against an independent Python construction (reference/stochastic_bridge.txt,
 * gen_qmc.py's breadth-first queue with the conditional law in its own operation order) to a mixed tolerance
 * |a - b| <= 1e-13 + 1e-13 |b| (the Java side multiplies by weights computed once per grid, the Python side
 * divides per value), the construction order exactly, the terminal value {@code sqrt(T) z_0} bit for bit; the
 * covariance min(s, t) exactly as a linear map (columns of unit inputs, to 1e-12 relative) and by Monte Carlo
 * within 5 standard errors; the batch equal to the single path bit for bit; increments and standardised
 * increments equal to the levels' differences.
 */
class BrownianBridgeTest {
    private record Case(String name, double[] times, double[] z, int[] order, double[] w) {}

    private static double[] doubles(String line) {
        String[] f = line.split(" ");
        double[] x = new double[f.length - 1];
        for (int i = 1; i < f.length; i++) x[i - 1] = Double.parseDouble(f[i]);
        return x;
    }

    private static List<Case> cases() {
        List<String> lines = PhiloxReferenceTest.lines("stochastic_bridge.txt");
        List<Case> out = new ArrayList<>();
        for (int k = 0; k < lines.size(); k += 5) {
            assertTrue(lines.get(k).startsWith("case "));
            String[] order = lines.get(k + 3).split(" ");
            int[] o = new int[order.length - 1];
            for (int i = 1; i < order.length; i++) o[i - 1] = Integer.parseInt(order[i]);
            out.add(new Case(lines.get(k).substring(5), doubles(lines.get(k + 1)), doubles(lines.get(k + 2)), o, doubles(lines.get(k + 4))));
        }
        return out;
    }

    @Test
    void levelsAndOrderMatchTheIndependentConstruction() {
        List<Case> cases = cases();
        assertEquals(7, cases.size());
        for (Case c : cases) {
            BrownianBridge b = BrownianBridge.of(c.times());
            assertArrayEquals(c.order(), b.order(), c.name());
            double[] w = new double[c.w().length + 2];
            b.path(c.z(), 0, w, 2, Output.LEVELS);
            for (int i = 0; i < c.w().length; i++) {
                Tolerance.assertClose(c.w()[i], w[2 + i], 1e-13, 1e-13, c.name() + " W(t_" + (i + 1) + ")");
            }
            int n = c.times().length;
            assertEquals(Math.sqrt(c.times()[n - 1]) * c.z()[0], w[2 + n - 1], 0.0, c.name() + " terminal");
            assertEquals(c.w()[n - 1], w[2 + n - 1], 0.0, c.name() + " terminal against Python");
        }
    }

    @Test
    void uniformGridsBisectDyadically() {
        BrownianBridge b = BrownianBridge.uniform(8, 2.0);
        assertArrayEquals(new int[] {7, 3, 1, 5, 0, 2, 4, 6}, b.order());
        assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2}, b.times());
        assertEquals(0.3, BrownianBridge.uniform(3, 0.3).times()[2], 0.0);
        assertArrayEquals(new int[] {0}, BrownianBridge.uniform(1, 1).order());
        assertArrayEquals(new int[] {4, 1, 0, 2, 3}, BrownianBridge.uniform(5, 1).order());
        assertEquals(8, b.steps());
    }

    /** The bridge is linear, W = B z; with independent standard normals Cov(W) = B B^T, which must be min(t_i, t_j). */
    @Test
    void theLinearMapHasBrownianCovariance() {
        for (double[] times : new double[][] {
                {1}, {0.5, 2}, {0.01, 0.05, 0.3, 0.31, 0.9, 1.7, 3.0}, BrownianBridge.uniform(16, 1).times(),
                BrownianBridge.uniform(37, 4.5).times()}) {
            BrownianBridge b = BrownianBridge.of(times);
            int n = times.length;
            double[][] cols = new double[n][n];
            double[] unit = new double[n];
            for (int r = 0; r < n; r++) {
                unit[r] = 1;
                b.path(unit, 0, cols[r], 0, Output.LEVELS);
                unit[r] = 0;
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double c = 0;
                    for (int r = 0; r < n; r++) c += cols[r][i] * cols[r][j];
                    double want = Math.min(times[i], times[j]);
                    assertEquals(want, c, 1e-12 * times[n - 1], "n=" + n + " cov(" + i + ", " + j + ")");
                }
            }
        }
    }

    /**
     * 2^16 paths from Philox normals on an irregular grid: each sample covariance of the levels within 5 standard
     * errors of min(t_i, t_j) (SE^2 = (t_i t_j + min(t_i, t_j)^2) / N for zero-mean Gaussians), and the
     * standardised increments with mean 0, variance 1 and correlations 0, each within 5 standard errors.
     */
    @Test
    void monteCarloCovarianceIsMinST() {
        double[] times = {0.1, 0.25, 0.3, 0.7, 1.0, 1.6};
        int n = times.length, paths = 1 << 16;
        BrownianBridge b = BrownianBridge.of(times);
        double[] z = Randoms.normals(RandomStream.philox4x64(7, 19), paths, n);
        double[] w = new double[n * paths], e = new double[n * paths];
        b.paths(paths, z, 0, paths, w, 0, paths, Output.LEVELS);
        b.paths(paths, z, 0, paths, e, 0, paths, Output.STANDARD_INCREMENTS);
        for (int i = 0; i < n; i++) {
            double m = 0, me = 0;
            for (int p = 0; p < paths; p++) {
                m += w[i * paths + p];
                me += e[i * paths + p];
            }
            assertEquals(0, m / paths, 5 * Math.sqrt(times[i] / paths), "mean W(t_" + i + ")");
            assertEquals(0, me / paths, 5 * Math.sqrt(1.0 / paths), "mean increment " + i);
            for (int j = 0; j < n; j++) {
                double c = 0, ce = 0;
                for (int p = 0; p < paths; p++) {
                    c += w[i * paths + p] * w[j * paths + p];
                    ce += e[i * paths + p] * e[j * paths + p];
                }
                double want = Math.min(times[i], times[j]);
                assertEquals(want, c / paths, 5 * Math.sqrt((times[i] * times[j] + want * want) / paths), "cov(" + i + ", " + j + ")");
                double wantE = i == j ? 1 : 0;
                assertEquals(wantE, ce / paths, 5 * Math.sqrt((1 + wantE * wantE) / paths), "increment cov(" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void batchesEqualSinglePathsAndOutputsAreConsistent() {
        BrownianBridge b = BrownianBridge.of(0.01, 0.05, 0.3, 0.31, 0.9, 1.7, 3.0, 3.5, 3.75);
        int n = b.steps(), paths = 37, zStride = 40, outStride = 45;
        double[] z = new double[3 + (n - 1) * zStride + paths];
        RandomStream s = RandomStream.philox4x64(3, 4);
        Randoms.normals(s, 0, paths, 0, n, z, 3, zStride, null);
        double[] times = b.times();
        for (Output o : Output.values()) {
            double[] out = new double[5 + (n - 1) * outStride + paths];
            b.paths(paths, z, 3, zStride, out, 5, outStride, o);
            double[] zp = new double[n], level = new double[n], one = new double[n];
            for (int p = 0; p < paths; p++) {
                for (int r = 0; r < n; r++) zp[r] = z[3 + r * zStride + p];
                b.path(zp, 0, one, 0, o);
                b.path(zp, 0, level, 0, Output.LEVELS);
                for (int i = 0; i < n; i++) {
                    assertEquals(one[i], out[5 + i * outStride + p], 0.0, o + " path " + p + " step " + i);
                    double prev = i == 0 ? 0 : level[i - 1];
                    double want = switch (o) {
                        case LEVELS -> level[i];
                        case INCREMENTS -> level[i] - prev;
                        case STANDARD_INCREMENTS -> (level[i] - prev) / Math.sqrt(times[i] - (i == 0 ? 0 : times[i - 1]));
                    };
                    assertEquals(want, one[i], 0.0, o + " path " + p + " step " + i);
                }
            }
        }
        double[] out = {7, 7};
        b.paths(0, z, 0, 0, out, 0, 0, Output.LEVELS);
        assertArrayEquals(new double[] {7, 7}, out);
    }

    /** Scrambled Sobol normals feed the bridge directly (dimension r = the r-th most important normal). */
    @Test
    void sobolNormalsThroughTheBridgeGiveBrownianTerminalMoments() {
        int n = 16, paths = 1 << 12;
        BrownianBridge b = BrownianBridge.uniform(n, 2.0);
        double[] z = Sobol.owenScrambled(n, RandomStream.philox4x64(11, 12)).normals(0, paths);
        double[] w = new double[n * paths];
        b.paths(paths, z, 0, paths, w, 0, paths, Output.LEVELS);
        double m = 0, m2 = 0;
        for (int p = 0; p < paths; p++) {
            double x = w[(n - 1) * paths + p];
            m += x;
            m2 += x * x;
        }
        // W(T) = sqrt(T) z_0 with z_0 from one scrambled net dimension: its moments are far tighter than MC's 1/sqrt(N).
        assertEquals(0, m / paths, 1e-3);
        assertEquals(2.0, m2 / paths, 1e-2);
    }
}
