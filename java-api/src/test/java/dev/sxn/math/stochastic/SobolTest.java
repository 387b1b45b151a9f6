package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Sobol properties that hold by construction, plain and Owen-scrambled: fills equal single coordinates and do
 * not depend on how a block is split; every aligned block of 2^m points is a (t,m,s)-net and scrambling keeps
 * each projection's t; scrambling is reproducible per stream, uniform over streams and unbiased with a variance
 * far below plain Monte Carlo's on a smooth integrand.
 */
class SobolTest {
    private static final RandomStream S = RandomStream.philox4x64(20260, 19);

    @Test
    void fillsEqualCoordinatesAndPointsAndDoNotDependOnTheSplit() {
        for (Sobol s : new Sobol[] {Sobol.of(13), Sobol.owenScrambled(13, S), Sobol.owenScrambled(13, RandomStream.philox4x32(5, 6))}) {
            long first = 1000;
            int points = 300;
            double[] whole = new double[13 * points];
            s.uniforms(first, points, 0, 13, whole, 0, points);
            double[] pt = new double[13];
            for (int p = 0; p < points; p++) {
                s.point(first + p, pt, 0);
                for (int j = 0; j < 13; j++) {
                    assertEquals(s.coordinate(first + p, j), whole[j * points + p], s + " i=" + (first + p) + " j=" + j);
                    assertEquals(pt[j], whole[j * points + p]);
                }
            }
            // The same block in pieces: points 0..116 and 117..299, dimensions 0..4 and 5..12, with a wider stride.
            double[] pieces = new double[13 * points];
            for (int[] cut : new int[][] {{0, 117, 0, 5}, {117, 183, 0, 5}, {0, 117, 5, 8}, {117, 183, 5, 8}}) {
                double[] part = new double[cut[3] * (cut[1] + 7) + 2];
                s.uniforms(first + cut[0], cut[1], cut[2], cut[3], part, 2, cut[1] + 7);
                for (int d = 0; d < cut[3]; d++) {
                    System.arraycopy(part, 2 + d * (cut[1] + 7), pieces, (cut[2] + d) * points + cut[0], cut[1]);
                }
            }
            assertArrayEquals(whole, pieces, s.toString());
            assertArrayEquals(whole, s.uniforms(first, points));
        }
    }

    @Test
    void normalsAreTheQuantilesOfTheUniforms() {
        for (Sobol s : new Sobol[] {Sobol.of(7), Sobol.owenScrambled(7, S)}) {
            long first = s.isScrambled() ? 0 : 1;
            double[] u = s.uniforms(first, 512), z = s.normals(first, 512);
            for (int k = 0; k < u.length; k++) {
                assertEquals(NormalQuantile.of(u[k]), z[k]);
                assertTrue(Double.isFinite(z[k]));
            }
        }
    }

    @Test
    void scrambledValuesAreOddMultiplesOfTwoToTheMinus53InTheOpenInterval() {
        Sobol s = Sobol.owenScrambled(40, S);
        double[] u = s.uniforms(0, 4096);
        for (double x : u) {
            assertTrue(x > 0 && x < 1, "value " + x);
            long k = (long) (x * 0x1p53);
            assertEquals(x, k * 0x1p-53);
            assertEquals(1, k & 1, "value " + x);
        }
        Sobol plain = Sobol.of(40);
        for (double x : plain.uniforms(0, 4096)) {
            assertTrue(x >= 0 && x < 1);
            assertEquals(x, (long) (x * 0x1p32) * 0x1p-32);
        }
    }

    @Test
    void aScramblingIsReproduciblePerStreamAndStreamsDiffer() {
        double[] a = Sobol.owenScrambled(9, S).uniforms(77, 256);
        double[] b = Sobol.owenScrambled(9, RandomStream.philox4x64(20260, 19)).uniforms(77, 256);
        double[] c = Sobol.owenScrambled(9, S.withStream(20)).uniforms(77, 256);
        double[] d = Sobol.owenScrambled(9, RandomStream.philox4x64(20261, 19)).uniforms(77, 256);
        assertArrayEquals(a, b);
        int same = 0, sameSeed = 0;
        for (int k = 0; k < a.length; k++) {
            if (a[k] == c[k]) same++;
            if (a[k] == d[k]) sameSeed++;
        }
        assertEquals(0, same);
        assertEquals(0, sameSeed);
        // A scrambling's first dimensions do not depend on how many it has.
        double[] wide = Sobol.owenScrambled(30, S).uniforms(77, 256);
        assertArrayEquals(a, Arrays.copyOf(wide, a.length));
        assertTrue(Sobol.owenScrambled(3, S).isScrambled());
        assertFalse(Sobol.of(3).isScrambled());
    }

    /** floor(x 2^bits), the index of the elementary interval of x at that depth. */
    private static int cell(double x, int bits) {
        return (int) (x * (1L << bits));
    }

    /**
     * Whether points {@code [first, first + 2^m)} of dimensions j, k form a (t,m,2)-net: each of the 2^(m-t) boxes
     * of every shape 2^-a x 2^-b with a + b = m - t holds exactly 2^t points.
     */
    private static boolean isNet(Sobol s, long first, int m, int j, int k, int t) {
        int n = 1 << m;
        double[] x = new double[n], y = new double[n];
        s.uniforms(first, n, j, 1, x, 0, n);
        s.uniforms(first, n, k, 1, y, 0, n);
        int[] count = new int[1 << (m - t)];
        for (int a = 0; a <= m - t; a++) {
            int b = m - t - a;
            Arrays.fill(count, 0);
            for (int p = 0; p < n; p++) count[(cell(x[p], a) << b) | cell(y[p], b)]++;
            for (int c : count) if (c != 1 << t) return false;
        }
        return true;
    }

    private static int tValue(Sobol s, long first, int m, int j, int k) {
        int t = 0;
        while (!isNet(s, first, m, j, k, t)) t++;
        return t;
    }

    @Test
    void theFirstTwoDimensionsAreA0m2NetPlainAndScrambled() {
        for (Sobol s : new Sobol[] {Sobol.of(2), Sobol.owenScrambled(2, S), Sobol.owenScrambled(2, S.withStream(3))}) {
            for (int m : new int[] {1, 4, 10}) {
                for (long block : new long[] {0, 5, 1234}) {
                    assertTrue(isNet(s, block << m, m, 0, 1, 0), s + " m=" + m + " block " + block);
                }
            }
        }
    }

    @Test
    void everyDimensionIsA0m1NetPlainAndScrambled() {
        int m = 12, n = 1 << m;
        for (Sobol s : new Sobol[] {Sobol.of(50), Sobol.owenScrambled(50, S)}) {
            double[] u = s.uniforms(3L << m, n);
            for (int j = 0; j < 50; j++) {
                boolean[] seen = new boolean[n];
                for (int p = 0; p < n; p++) seen[cell(u[j * n + p], m)] = true;
                for (int c = 0; c < n; c++) assertTrue(seen[c], s + " dimension " + j + " misses interval " + c);
            }
        }
    }

    @Test
    void scramblingKeepsTheTValueOfEveryPairOfTheFirstEightDimensions() {
        int m = 10;
        Sobol plain = Sobol.of(8), scrambled = Sobol.owenScrambled(8, S);
        for (int j = 0; j < 8; j++) {
            for (int k = j + 1; k < 8; k++) {
                int t = tValue(plain, 0, m, j, k);
                assertTrue(t < m, "pair " + j + "," + k);
                assertTrue(isNet(scrambled, 0, m, j, k, t), "scrambled pair " + j + "," + k + " is not a (" + t + "," + m + ",2)-net");
                assertTrue(isNet(scrambled, 7L << m, m, j, k, t), "scrambled pair " + j + "," + k + ", block 7");
            }
        }
    }

    /**
     * Each scrambled point is uniform over scramblings: coordinate 0 of point 0 (the origin unscrambled) over 4096
     * streams, in 16 equal bins: Pearson's chi-square with 15 degrees of freedom stays below 37.7, its 0.999
     * quantile (the streams are fixed, so the test is deterministic; a bias towards any part of the interval would
     * fail it).
     */
    @Test
    void aScrambledPointIsUniformOverStreams() {
        for (int dim : new int[] {0, 1, 7}) {
            for (long index : new long[] {0, 1, 1000}) {
                int[] bins = new int[16];
                int streams = 4096;
                for (int r = 0; r < streams; r++) bins[cell(Sobol.owenScrambled(dim + 1, S.withStream(1000 + r)).coordinate(index, dim), 4)]++;
                double chi2 = 0, e = streams / 16.0;
                for (int b : bins) chi2 += (b - e) * (b - e) / e;
                assertTrue(chi2 < 37.7, "dim " + dim + " index " + index + ": chi2 " + chi2 + " bins " + Arrays.toString(bins));
            }
        }
    }

    /**
     * The smooth integrand f(x) = exp(sum_j x_j / d), d = 5, whose integral is
     * (d (e^{1/d} - 1))^d and variance E f^2 - I^2 with E f^2 = (d/2 (e^{2/d} - 1))^d. Over R = 64 independent
     * scramblings of n = 2^10 points: the mean of the R estimates is within 4 of its standard errors of the
     * integral (unbiased), and their sample variance is below Var(f) / n / 10^4, a ten-thousandth of plain
     * Monte Carlo's with the same n (Owen-scrambled nets on smooth integrands: variance O(n^-3 log^(d-1) n)).
     */
    @Test
    void scrambledEstimatesAreUnbiasedWithFarLessVarianceThanMonteCarlo() {
        int d = 5, n = 1 << 10, reps = 64;
        double integral = Math.pow(d * Math.expm1(1.0 / d), d);
        double varF = Math.pow(d / 2.0 * Math.expm1(2.0 / d), d) - integral * integral;
        double[] est = new double[reps];
        double[] u = new double[d * n];
        for (int r = 0; r < reps; r++) {
            Sobol.owenScrambled(d, S.withStream(500 + r)).uniforms(0, n, 0, d, u, 0, n);
            double sum = 0;
            for (int p = 0; p < n; p++) {
                double e = 0;
                for (int j = 0; j < d; j++) e += u[j * n + p];
                sum += Math.exp(e / d);
            }
            est[r] = sum / n;
        }
        double mean = Arrays.stream(est).average().orElseThrow();
        double var = 0;
        for (double e : est) var += (e - mean) * (e - mean);
        var /= reps - 1;
        double se = Math.sqrt(var / reps);
        assertTrue(Math.abs(mean - integral) <= 4 * se, "mean " + mean + " integral " + integral + " se " + se);
        double mcVar = varF / n;
        assertTrue(var > 0 && var < mcVar / 1e4, "RQMC variance " + var + " vs Monte Carlo " + mcVar);
    }
}
