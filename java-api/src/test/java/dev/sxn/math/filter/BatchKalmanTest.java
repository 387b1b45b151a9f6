package dev.sxn.math.filter;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * BatchKalman on every backend: each filter equals a {@link KalmanFilter} run one by one (joint
 * Joseph update against the batch's sequential short-form update: agreement to 1e-9 mixed), and every
 * backend equals the JAVA batch kernel to 1e-12 (same operation order; the lanes differ only where a
 * compiler reorders). Shapes n = 1..4, m = 1..2; sizes with vector tails and several 512-filter time blocks; NaN observations.
 */
class BatchKalmanTest {
    private static final double ONE_BY_ONE_TOL = 1e-9;
    private static final double BACKEND_TOL = 1e-12;

    /** The family's kinds, from the registry (JAVA first). */
    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.BATCH_KALMAN);
    }

    /** The family's kinds beyond JAVA. */
    static Stream<Backend> accelerated() {
        return BackendSupport.accelerated(KernelFamilies.BATCH_KALMAN);
    }

    static Stream<Arguments> cases() {
        int[][] shapes = {{1, 1}, {2, 1}, {2, 2}, {3, 1}, {3, 2}, {4, 2}};
        return kinds().flatMap(b -> Stream.of(shapes).flatMap(s -> Stream.of(1, 7, 67, 1100).map(nf -> Arguments.of(b, s[0], s[1], nf))));
    }

    static KalmanModel randomModel(int n, int m, SplittableRandom rnd) {
        double[][] f = new double[n][n];
        double[][] a = new double[n][n];
        double[][] h = new double[m][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                f[i][j] = (i == j ? 0.95 : 0) + 0.2 * (rnd.nextDouble() - 0.5) + (j == i + 1 ? 1 : 0);
                a[i][j] = 0.3 * (rnd.nextDouble() - 0.5);
            }
        }
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 0.02 : 0;
                for (int l = 0; l < n; l++) s += a[i][l] * a[j][l];
                q[i][j] = s;
            }
        }
        for (int k = 0; k < m; k++) for (int j = 0; j < n; j++) h[k][j] = (j == k ? 1 : 0) + 0.3 * (rnd.nextDouble() - 0.5);
        double[][] r = m == 1 ? new double[][] {{0.8}} : new double[][] {{0.8, 0.25}, {0.25, 0.5}};
        return KalmanModel.builder(n, m).transition(f).observation(h).processNoise(q).observationNoise(r).build();
    }

    @ParameterizedTest(name = "{0} n={1} m={2} N={3}")
    @MethodSource("cases")
    void batchedEqualsOneByOne(Backend backend, int n, int m, int nf) {
        BackendSupport.assumeAvailable(backend);
        SplittableRandom rnd = new SplittableRandom(31L * n + m + 1000L * nf);
        KalmanModel model = randomModel(n, m, rnd);
        double[][] p0 = new double[n][n];
        for (int i = 0; i < n; i++) p0[i][i] = 2;
        BatchKalman batch = new BatchKalman(model, nf, new double[n], p0);
        BatchKalman ref = new BatchKalman(model, nf, new double[n], p0);
        KalmanFilter[] one = new KalmanFilter[nf];
        for (int f = 0; f < nf; f++) {
            double[] x0 = new double[n];
            for (int i = 0; i < n; i++) x0[i] = rnd.nextGaussian();
            double[][] pf = new double[n][n];
            for (int i = 0; i < n; i++) pf[i][i] = 1 + 0.1 * f;
            batch.setState(f, x0, pf);
            ref.setState(f, x0, pf);
            one[f] = new KalmanFilter(model, x0, pf);
        }
        int ticks = 25;
        double[] zs = new double[ticks * m * nf];
        for (int i = 0; i < zs.length; i++) zs[i] = rnd.nextInt(9) == 0 ? Double.NaN : 3 * rnd.nextGaussian();
        double[] z = new double[m * nf];
        for (int t = 0; t < ticks; t++) {
            System.arraycopy(zs, t * m * nf, z, 0, m * nf);
            batch.step(backend, z);
            ref.step(Backend.JAVA, z);
            for (int f = 0; f < nf; f++) {
                double[] zf = new double[m];
                for (int k = 0; k < m; k++) zf[k] = z[k * nf + f];
                one[f].predict();
                one[f].update(zf);
            }
        }
        for (int f = 0; f < nf; f++) {
            assertClose(one[f].state(), batch.state(f), ONE_BY_ONE_TOL, ONE_BY_ONE_TOL, backend + " state of filter " + f);
            assertClose(ref.state(f), batch.state(f), BACKEND_TOL, BACKEND_TOL, backend + " vs JAVA state of filter " + f);
            double[][] pb = batch.covariance(f);
            double[][] pk = one[f].covariance();
            for (int i = 0; i < n; i++) assertClose(pk[i], pb[i], ONE_BY_ONE_TOL, ONE_BY_ONE_TOL, backend + " P row " + i + " of filter " + f);
        }
        // run() over many ticks (blocked over time) equals the same ticks stepped one by one.
        BatchKalman blocked = new BatchKalman(model, nf, new double[n], p0);
        BatchKalman stepped = new BatchKalman(model, nf, new double[n], p0);
        double[] out = new double[ticks * nf];
        blocked.run(backend, zs, 0, ticks, out);
        for (int t = 0; t < ticks; t++) {
            System.arraycopy(zs, t * m * nf, z, 0, m * nf);
            stepped.step(Backend.JAVA, z);
            double[] first = stepped.component(0);
            for (int f = 0; f < nf; f++) assertClose(first[f], out[t * nf + f], BACKEND_TOL, BACKEND_TOL, backend + " out[" + t + "][" + f + "]");
        }
        for (int f = 0; f < nf; f++) assertClose(stepped.state(f), blocked.state(f), BACKEND_TOL, BACKEND_TOL, backend + " run() state " + f);
    }

    static Stream<Arguments> cvCases() {
        return kinds().flatMap(b -> Stream.of(1, 7, 67, 1100).map(nf -> Arguments.of(b, nf)));
    }

    /** Constant velocity with each filter's own irregular dt: every filter vs KalmanFilter.predictDt + update. */
    @ParameterizedTest(name = "{0} N={1}")
    @MethodSource("cvCases")
    void irregularConstantVelocityEqualsOneByOne(Backend backend, int nf) {
        BackendSupport.assumeAvailable(backend);
        KalmanModel cv = KalmanModel.constantVelocity(0.4, 0.3);
        SplittableRandom rnd = new SplittableRandom(77 + nf);
        double[][] p0 = {{1, 0.1}, {0.1, 0.5}};
        BatchKalman batch = new BatchKalman(cv, nf, new double[] {0, 0}, p0);
        BatchKalman ref = new BatchKalman(cv, nf, new double[] {0, 0}, p0);
        KalmanFilter[] one = new KalmanFilter[nf];
        for (int f = 0; f < nf; f++) {
            double[] x0 = {rnd.nextGaussian(), 0.1 * rnd.nextGaussian()};
            batch.setState(f, x0, p0);
            ref.setState(f, x0, p0);
            one[f] = new KalmanFilter(cv, x0, p0);
        }
        int ticks = 20;
        double[] zs = new double[ticks * nf];
        double[] dts = new double[ticks * nf];
        for (int i = 0; i < zs.length; i++) {
            zs[i] = rnd.nextInt(7) == 0 ? Double.NaN : 2 * rnd.nextGaussian();
            dts[i] = rnd.nextInt(10) == 0 ? 0.0 : -Math.log(1 - rnd.nextDouble());
        }
        double[] out = new double[ticks * nf];
        batch.run(backend, zs, 0, dts, 0, ticks, out);
        for (int t = 0; t < ticks; t++) {
            double[] z = java.util.Arrays.copyOfRange(zs, t * nf, (t + 1) * nf);
            double[] dt = java.util.Arrays.copyOfRange(dts, t * nf, (t + 1) * nf);
            ref.run(Backend.JAVA, z, 0, dt, 0, 1, null);
            for (int f = 0; f < nf; f++) {
                one[f].predictDt(dt[f]);
                one[f].update(z[f]);
                assertClose(one[f].state()[0], out[t * nf + f], ONE_BY_ONE_TOL, ONE_BY_ONE_TOL, backend + " out[" + t + "][" + f + "]");
            }
        }
        for (int f = 0; f < nf; f++) {
            assertClose(one[f].state(), batch.state(f), ONE_BY_ONE_TOL, ONE_BY_ONE_TOL, backend + " state of filter " + f);
            assertClose(ref.state(f), batch.state(f), BACKEND_TOL, BACKEND_TOL, backend + " vs JAVA stepped, filter " + f);
            double[][] pb = batch.covariance(f);
            double[][] pk = one[f].covariance();
            for (int i = 0; i < 2; i++) assertClose(pk[i], pb[i], ONE_BY_ONE_TOL, ONE_BY_ONE_TOL, backend + " P row " + i + " of filter " + f);
        }
    }

    /** One large batch (N = 2^18 + 3, local linear trend) per accelerated backend against JAVA. */
    @ParameterizedTest
    @MethodSource("accelerated")
    void largeBatchAgreesWithJava(Backend backend) {
        BackendSupport.assumeAvailable(backend);
        int nf = (1 << 18) + 3;
        KalmanModel model = KalmanModel.localLinearTrend(0.01, 1e-4, 0.5);
        BatchKalman a = new BatchKalman(model, nf, new double[] {100, 0}, new double[][] {{1, 0}, {0, 0.1}});
        BatchKalman b = new BatchKalman(model, nf, new double[] {100, 0}, new double[][] {{1, 0}, {0, 0.1}});
        SplittableRandom rnd = new SplittableRandom(9);
        double[] z = new double[nf];
        for (int t = 0; t < 3; t++) {
            for (int f = 0; f < nf; f++) z[f] = f % 101 == t ? Double.NaN : 100 + 0.01 * f % 7 + rnd.nextGaussian();
            a.step(backend, z);
            b.step(Backend.JAVA, z);
        }
        assertClose(b.component(0), a.component(0), BACKEND_TOL, BACKEND_TOL, backend + " level");
        assertClose(b.component(1), a.component(1), BACKEND_TOL, BACKEND_TOL, backend + " slope");
    }

    /** Each kernel's infinity scan (the argument check) finds the first infinity at every position of odd lengths. */
    @ParameterizedTest
    @MethodSource("kinds")
    void infinityScanFindsTheFirst(Backend backend) {
        BackendSupport.assumeAvailable(backend);
        BatchKalmanKernels k = BatchKalman.kernelFor(backend);
        for (int len : new int[] {0, 1, 7, 31, 33, 70}) {
            double[] a = new double[len + 5];
            for (int at = -1; at < len; at++) {
                for (int i = 0; i < a.length; i++) a[i] = i % 3 == 1 ? Double.NaN : i;
                a[1] = Double.POSITIVE_INFINITY; // before the scanned range
                if (at >= 0) a[3 + at] = at % 2 == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                if (at >= 0 && at + 1 < len) a[3 + at + 1] = Double.POSITIVE_INFINITY;
                assertEquals(at < 0 ? -1 : 3 + at, k.firstInfinite(a, 3, len), backend + " len " + len + " at " + at);
            }
        }
        KalmanModel ll = KalmanModel.localLevel(1, 1);
        BatchKalman b = new BatchKalman(ll, 1000, new double[] {0}, new double[][] {{1}});
        double[] z = new double[1000];
        z[777] = Double.NEGATIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.step(backend, z));
        assertTrue(e.getMessage().contains("z[777] must be finite or NaN"), e.getMessage());
    }

    @Test
    void badArgumentsThrowClearly() {
        KalmanModel ll = KalmanModel.localLevel(1, 1);
        BatchKalman b = new BatchKalman(ll, 4, new double[] {0}, new double[][] {{1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.step(new double[3]));
        assertTrue(e.getMessage().contains("z.length must be >= 4 (m * N), was 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.step(new double[] {0, Double.NEGATIVE_INFINITY, 0, 0}));
        assertTrue(e.getMessage().contains("z[1] must be finite or NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BatchKalman(ll, 0, new double[] {0}, new double[][] {{1}}));
        assertTrue(e.getMessage().contains("filters must be >= 1, was 0"), e.getMessage());
        double[][] i5 = new double[5][5];
        for (int i = 0; i < 5; i++) i5[i][i] = 1;
        KalmanModel big = KalmanModel.builder(5, 1).transition(i5).observation(new double[][] {{1, 0, 0, 0, 0}}).processNoise(i5)
                .observationNoise(new double[][] {{1}}).build();
        e = assertThrows(IllegalArgumentException.class, () -> new BatchKalman(big, 2, new double[5], i5));
        assertTrue(e.getMessage().contains("model must have n <= 4 states (BatchKalman's limit), was n = 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.run(new double[8], 0, 2, new double[7]));
        assertTrue(e.getMessage().contains("out.length must be >= 8 (ticks * N), was 7"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> b.state(4));
        e = assertThrows(IllegalArgumentException.class, () -> b.step(new double[4], new double[4]));
        assertTrue(e.getMessage().contains("model must be a KalmanModel.constantVelocity model (for per-filter step lengths)"), e.getMessage());
        BatchKalman cv = new BatchKalman(KalmanModel.constantVelocity(1, 1), 2, new double[2], new double[][] {{1, 0}, {0, 1}});
        e = assertThrows(IllegalArgumentException.class, () -> cv.step(new double[2], new double[] {0.5, -1}));
        assertTrue(e.getMessage().contains("dts[1] must be finite and >= 0, was -1.0"), e.getMessage());
    }
}
