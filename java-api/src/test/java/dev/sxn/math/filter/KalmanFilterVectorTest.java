package dev.sxn.math.filter;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The general KalmanFilter and its smoother pinned to each accelerated kind of its family (VECTOR) against
 * the same runs pinned to JAVA.
 *
 * <p>Tolerance: 1e-11 relative, with an absolute floor of 1e-11 times the scale of the quantity (the
 * largest |entry| of the JAVA covariances for covariances, of the JAVA means for means; the
 * log-likelihood's own magnitude). FMA and lane-wise summation change rounding per product by an ulp
 * or so; a few dozen steps of n <= 40 states amplify that far less than 1e-11.
 */
class KalmanFilterVectorTest {
    private static final double TOL = 1e-11;

    /** The family's kinds beyond JAVA, from the registry. */
    static Stream<Backend> accelerated() {
        return BackendSupport.accelerated(KernelFamilies.KALMAN);
    }

    /** A random stable model: F = 0.9 I + G / (3 sqrt n), H random, Q and R SPD, correlated. */
    static KalmanModel randomModel(int n, int m, SplittableRandom rnd) {
        double[][] f = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) f[i][j] = (i == j ? 0.9 : 0) + rnd.nextGaussian() / (3 * Math.sqrt(n));
        }
        double[][] h = new double[m][n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) h[i][j] = rnd.nextGaussian();
        return KalmanModel.builder(n, m).transition(f).observation(h).processNoise(spd(n, 0.1, rnd)).observationNoise(spd(m, 0.5, rnd))
                .build();
    }

    static double[][] spd(int k, double ridge, SplittableRandom rnd) {
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) g[i][j] = rnd.nextGaussian() / Math.sqrt(k);
        double[][] a = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double s = i == j ? ridge : 0;
                for (int l = 0; l < k; l++) s += g[i][l] * g[j][l];
                a[i][j] = s;
            }
        }
        for (int i = 0; i < k; i++) for (int j = 0; j < i; j++) a[i][j] = a[j][i];
        return a;
    }

    /** Observations with ~15% missing components and every 7th step all missing. */
    static double[][] observations(int steps, int m, SplittableRandom rnd) {
        double[][] zs = new double[steps][m];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < m; i++) zs[t][i] = t % 7 == 6 || rnd.nextDouble() < 0.15 ? Double.NaN : 3 * rnd.nextGaussian();
        }
        return zs;
    }

    private static double scale(double[] a) {
        double s = 0;
        for (double v : a) if (!Double.isNaN(v)) s = Math.max(s, Math.abs(v));
        return Math.max(s, 1e-300);
    }

    private static void compare(Backend kind, int n, int m, int steps, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        KalmanModel model = randomModel(n, m, rnd);
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) x0[i] = rnd.nextGaussian();
        double[][] p0 = spd(n, 1.0, rnd);
        double[][] zs = observations(steps, m, rnd);
        KalmanResult j = new KalmanFilter(model, x0, p0, Backend.JAVA).filter(zs);
        KalmanResult v = new KalmanFilter(model, x0, p0, kind).filter(zs);
        String at = " (" + kind + ", n = " + n + ", m = " + m + ")";
        double cs = scale(j.covariances());
        double ms = scale(j.means());
        assertClose(j.means(), v.means(), TOL * ms, TOL, "filtered means" + at);
        assertClose(j.covariances(), v.covariances(), TOL * cs, TOL, "filtered covariances" + at);
        assertClose(j.predictedCovariances(), v.predictedCovariances(), TOL * scale(j.predictedCovariances()), TOL,
                "predicted covariances" + at);
        assertClose(j.innovations(), v.innovations(), TOL * scale(j.innovations()), TOL, "innovations" + at);
        assertClose(j.standardized(), v.standardized(), TOL * scale(j.standardized()), TOL, "standardised innovations" + at);
        assertClose(j.logLikelihood(), v.logLikelihood(), TOL * Math.abs(j.logLikelihood()), TOL, "log-likelihood" + at);
        assertEquals(j.observations(), v.observations());
        SmoothedStates sj = KalmanFilter.rtsSmooth(j, Backend.JAVA);
        SmoothedStates sv = KalmanFilter.rtsSmooth(v, kind);
        assertClose(sj.means(), sv.means(), TOL * scale(sj.means()), TOL, "smoothed means" + at);
        assertClose(sj.covariances(), sv.covariances(), TOL * scale(sj.covariances()), TOL, "smoothed covariances" + at);
    }

    @ParameterizedTest
    @MethodSource("accelerated")
    void matchesJavaForEveryShape(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int n = 1; n <= 40; n++) {
            for (int m = 1; m <= 5; m++) compare(kind, n, m, 12, 1000L * n + m);
        }
    }

    @ParameterizedTest
    @MethodSource("accelerated")
    void matchesJavaOverALongerRun(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int n : new int[] {3, 8, 17, 33}) compare(kind, n, 3, 200, 77L + n);
    }

    @ParameterizedTest
    @MethodSource("accelerated")
    void pinnedStepsAgreeAndSingleStepsMatchFilter(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 11;
        int m = 3;
        KalmanModel model = randomModel(n, m, rnd);
        double[][] p0 = spd(n, 1.0, rnd);
        double[][] zs = observations(20, m, rnd);
        KalmanFilter a = new KalmanFilter(model, new double[n], p0, Backend.JAVA);
        KalmanFilter b = new KalmanFilter(model, new double[n], p0, kind);
        for (double[] z : zs) {
            a.predict();
            b.predict();
            KalmanUpdate ua = a.update(z);
            KalmanUpdate ub = b.update(z);
            assertClose(ua.logLikelihood(), ub.logLikelihood(), TOL * Math.max(1, Math.abs(ua.logLikelihood())), TOL, "log-density");
        }
        assertClose(a.state(), b.state(), TOL, TOL, "state after single steps");
        for (int i = 0; i < n; i++) assertClose(a.covariance()[i], b.covariance()[i], TOL, TOL, "covariance row " + i);
    }

    @Test
    void kindsWithoutAKalmanFilterKernelAreRejected() {
        KalmanModel model = KalmanModel.localLevel(1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KalmanFilter(model, new double[] {0}, new double[][] {{1}}, Backend.NATIVE));
        assertTrue(e.getMessage().contains("filter.KalmanFilter has no NATIVE kernel"), e.getMessage());
        assertTrue(String.join("\n", dev.sxn.math.backend.Backends.operations()).contains("filter.KalmanFilter: JAVA, VECTOR"), String.join("\n", dev.sxn.math.backend.Backends.operations()));
    }

    @Test
    void automaticChoiceUsesVectorFromTheCrossoverOn() {
        BackendSupport.assumeAvailable(Backend.VECTOR);
        assumeTrue(Backends.forced().isEmpty(), "a forced backend overrides the automatic choice");
        assumeTrue(System.getProperty("sxn.crossover.filter.KalmanFilter.VECTOR") == null, "crossover overridden");
        for (int n : new int[] {(int) dev.sxn.math.internal.KernelFamilies.KALMAN.crossover(Backend.VECTOR) - 1, (int) dev.sxn.math.internal.KernelFamilies.KALMAN.crossover(Backend.VECTOR)}) {
            SplittableRandom rnd = new SplittableRandom(n);
            KalmanModel model = randomModel(n, 2, rnd);
            double[][] p0 = spd(n, 1.0, rnd);
            double[][] zs = observations(15, 2, rnd);
            Backend expected = n < (int) dev.sxn.math.internal.KernelFamilies.KALMAN.crossover(Backend.VECTOR) ? Backend.JAVA : Backend.VECTOR;
            KalmanResult auto = new KalmanFilter(model, new double[n], p0).filter(zs);
            KalmanResult pinned = new KalmanFilter(model, new double[n], p0, expected).filter(zs);
            assertArrayEquals(pinned.covariances(), auto.covariances(), "n = " + n + " runs on " + expected);
            assertArrayEquals(KalmanFilter.rtsSmooth(pinned, expected).means(), KalmanFilter.rtsSmooth(auto).means(), "smoother, n = " + n);
        }
    }
}
