package dev.sxn.math.filter;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.Allocations;
import dev.sxn.math.testing.BackendSupport;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filters' kernels allocate nothing proportional to the problem once warm, on every kind of every filter
 * family ({@link FilterAllocationTest} covers the facades' dispatch and fallback on injected kernels; this one
 * the real kernels of each kind, pinned). Budgets: a Kalman step (n = 16 and n = 37, so vector tails run)
 * {@value #KALMAN} bytes, its O(m) {@link KalmanUpdate} and nothing of the n x n matrices (2 KiB and more); a
 * particle step of 4099 particles {@value #CONSTANT} bytes; 16 ticks of 10^4 batched filters
 * {@value #CONSTANT} bytes (OPENCL {@link Allocations#OPENCL_PLUMBING} more), against 80 KB for one array over
 * the filters.
 */
class FilterBackendAllocationTest {
    private static final long KALMAN = 512;
    private static final long CONSTANT = 1024;

    static Stream<Backend> kalmanKinds() {
        return BackendSupport.kinds(KernelFamilies.KALMAN);
    }

    static Stream<Backend> particleKinds() {
        return BackendSupport.kinds(KernelFamilies.PARTICLE);
    }

    static Stream<Backend> batchKinds() {
        return BackendSupport.kinds(KernelFamilies.BATCH_KALMAN);
    }

    @ParameterizedTest
    @MethodSource("kalmanKinds")
    void kalmanStepsAllocateOnlyTheirResult(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int n : new int[] {16, 37}) {
            SplittableRandom rnd = new SplittableRandom(3);
            KalmanModel model = KalmanFilterVectorTest.randomModel(n, 2, rnd);
            KalmanFilter kf = new KalmanFilter(model, new double[n], KalmanFilterVectorTest.spd(n, 1.0, rnd), kind);
            double[] z = {0.5, -0.25};
            Allocations.assertUnder("a Kalman step n=" + n + " " + kind, () -> {
                kf.predict();
                kf.update(z);
            }, KALMAN);
        }
    }

    @ParameterizedTest
    @MethodSource("particleKinds")
    void particleStepsAllocateAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        ParticleFilter pf = new ParticleFilter(4099, 1, (x, g) -> x[0] = g.nextGaussian(), (x, g) -> x[0] += 0.3 * g.nextGaussian(),
                (x, z) -> -0.5 * (z[0] - x[0]) * (z[0] - x[0]), 0.9, 5, kind);
        double[] z = {0.1};
        Allocations.assertUnder("a particle step " + kind, () -> pf.step(z), Allocations.budget(kind, CONSTANT));
    }

    @ParameterizedTest
    @MethodSource("batchKinds")
    void batchedTicksAllocateAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int filters = 10_000, ticks = 16;
        for (KalmanModel model : new KalmanModel[] {KalmanModel.localLevel(0.1, 0.5), KalmanModel.constantVelocity(0.1, 0.5),
                KalmanModel.localLinearTrend(0.1, 0.01, 0.5)}) {
            int n = model.stateDim();
            double[][] p0 = new double[n][n];
            for (int i = 0; i < n; i++) p0[i][i] = 1;
            BatchKalman bk = new BatchKalman(model, filters, new double[n], p0);
            SplittableRandom r = new SplittableRandom(6);
            double[] zs = new double[ticks * model.obsDim() * filters], out = new double[ticks * filters];
            for (int i = 0; i < zs.length; i++) zs[i] = r.nextGaussian();
            double[] z = Arrays.copyOf(zs, model.obsDim() * filters);
            long budget = Allocations.budget(kind, CONSTANT);
            Allocations.assertUnder("batched ticks n=" + n + " " + kind, () -> bk.run(kind, zs, 0, ticks, out), budget);
            Allocations.assertUnder("one batched tick n=" + n + " " + kind, () -> bk.step(kind, z), budget);
        }
    }
}
