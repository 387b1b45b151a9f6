package dev.sxn.math.indicators;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.VolatilityEstimators.Method;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.Allocations;
import dev.sxn.math.testing.BackendSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Steady-state allocation of {@link TrendBatches} on every kind of {@code indicators.ttr.trend}: a warm call on 19
 * assets (lane groups and a tail) x 400 bars allocates its new output batches plus a constant under 1 KiB (the dispatch
 * closure, the JAVA kernel's argument arrays, the launch's plumbing on OPENCL); temporaries are per-thread scratch.
 */
class TrendAllocationTest {
    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.INDICATORS_TTR_TREND);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void warmCallsAllocateOnlyTheirOutputs(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int k = 19, t = 400;
        SeriesBatch[] b = TrendBatchesTest.ohlcv(k, t, 4);
        long one = 16 + 8L * k * t + 32;
        Allocations.assertUnder(kind + " adx", () -> TrendBatches.adx(b[1], b[2], b[3], 14, kind), Allocations.budget(kind, 4 * one + 1024));
        Allocations.assertUnder(kind + " yang-zhang", () -> TrendBatches.volatility(b[0], b[1], b[2], b[3], 10, Method.YANG_ZHANG, 260, kind),
                Allocations.budget(kind, one + 1024));
        Allocations.assertUnder(kind + " close", () -> TrendBatches.close(b[3], 10, 260, false, kind), Allocations.budget(kind, one + 1024));
        Allocations.assertUnder(kind + " hma", () -> TrendBatches.hma(b[3], 20, kind), Allocations.budget(kind, one + 1024));
        Allocations.assertUnder(kind + " zlema", () -> TrendBatches.zlema(b[3], 10, kind), Allocations.budget(kind, one + 1024));
        Allocations.assertUnder(kind + " alma", () -> TrendBatches.alma(b[3], 9, 0.85, 6, kind), Allocations.budget(kind, one + 1024));
        Allocations.assertUnder(kind + " evwma", () -> TrendBatches.evwma(b[3], b[4], 10, kind), Allocations.budget(kind, one + 1024));
        Allocations.assertUnder(kind + " wilderSum", () -> TrendBatches.wilderSum(b[3], 10, kind), Allocations.budget(kind, one + 1024));
    }
}
