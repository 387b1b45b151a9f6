package dev.sxn.math.indicators;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.Allocations;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The indicator kernels' Into forms allocate nothing proportional to the problem once warm, on every kind of each
 * of the four indicator families, pinned ({@link IndicatorsAllocationTest} covers the unpinned composites): a
 * single series of 10^5 points, and batches of 1024 assets by 100 samples, each call under {@value #CONSTANT}
 * bytes (OPENCL {@link Allocations#OPENCL_PLUMBING} more), against 800 KB for one
 * temporary of the series and 8 KB for one double of state per asset of a batch. The rolling variances keep
 * their block and per-asset state per thread (JAVA's {@code RollingVarState} objects, VECTOR's state arrays), and
 * their Vector API code passes no vector to a call, so that C2 keeps every vector in registers.
 */
class IndicatorsBackendAllocationTest {
    private static final int N = 100_000;
    private static final int K = 1024;
    private static final int T = 100;
    private static final long CONSTANT = 1024;

    static Stream<Backend> seriesKinds() {
        return BackendSupport.kinds(KernelFamilies.INDICATORS_SERIES);
    }

    static Stream<Backend> varianceKinds() {
        return BackendSupport.kinds(KernelFamilies.INDICATORS_SERIES_VARIANCE);
    }

    static Stream<Backend> batchKinds() {
        return BackendSupport.kinds(KernelFamilies.INDICATORS_BATCH);
    }

    static Stream<Backend> batchWindowKinds() {
        return BackendSupport.kinds(KernelFamilies.INDICATORS_BATCH_WINDOWS);
    }

    private static long budget(Backend kind) {
        return Allocations.budget(kind, CONSTANT);
    }

    private static double[] prices(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            p *= Math.exp(0.01 * (r.nextDouble() - 0.5));
            x[i] = p;
        }
        return x;
    }

    @ParameterizedTest
    @MethodSource("seriesKinds")
    void seriesKernelsAllocateAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        IndicatorSet on = Indicators.on(kind);
        double[] x = prices(N, 1), out = new double[N];
        Allocations.assertUnder("sma " + kind, () -> on.smaInto(x, 20, out), budget(kind));
        Allocations.assertUnder("rollingSum " + kind, () -> on.rollingSumInto(x, 50, out), budget(kind));
        Allocations.assertUnder("ema " + kind, () -> on.emaInto(x, 20, out), budget(kind));
        Allocations.assertUnder("wilder " + kind, () -> on.wilderInto(x, 14, out), budget(kind));
        Allocations.assertUnder("rsi " + kind, () -> on.rsiInto(x, 14, out), budget(kind));
    }

    @ParameterizedTest
    @MethodSource("varianceKinds")
    void seriesVarianceAllocatesAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        IndicatorSet on = Indicators.on(kind);
        double[] x = prices(N, 2), out = new double[N];
        Allocations.assertUnder("rollingVar " + kind, () -> on.rollingVarInto(x, 20, true, out), budget(kind));
        Allocations.assertUnder("rollingStd " + kind, () -> on.rollingStdInto(x, 300, false, out), budget(kind));
    }

    @ParameterizedTest
    @MethodSource("batchKinds")
    void batchedRecurrencesAllocateAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        IndicatorSet on = Indicators.on(kind);
        SeriesBatch x = SeriesBatch.wrap(K, T, prices(K * T, 3)), out = SeriesBatch.zeros(K, T);
        Allocations.assertUnder("batched ema " + kind, () -> on.emaInto(x, 20, out), budget(kind));
        Allocations.assertUnder("batched rsi " + kind, () -> on.rsiInto(x, 14, out), budget(kind));
    }

    @ParameterizedTest
    @MethodSource("batchWindowKinds")
    void batchedWindowsAllocateAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        IndicatorSet on = Indicators.on(kind);
        SeriesBatch x = SeriesBatch.wrap(K, T, prices(K * T, 4)), out = SeriesBatch.zeros(K, T);
        Allocations.assertUnder("batched sma " + kind, () -> on.smaInto(x, 20, out), budget(kind));
        Allocations.assertUnder("batched rollingSum " + kind, () -> on.rollingSumInto(x, 20, out), budget(kind));
    }

    @ParameterizedTest
    @MethodSource("batchWindowKinds")
    void batchedVarianceAllocatesAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        IndicatorSet on = Indicators.on(kind);
        SeriesBatch x = SeriesBatch.wrap(K, T, prices(K * T, 5)), out = SeriesBatch.zeros(K, T);
        Allocations.assertUnder("batched rollingStd " + kind, () -> on.rollingStdInto(x, 20, true, out), budget(kind));
    }
}
