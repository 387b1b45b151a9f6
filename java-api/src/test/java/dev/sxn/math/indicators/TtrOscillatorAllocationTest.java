package dev.sxn.math.indicators;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.TtrOscillatorData;
import dev.sxn.math.testing.Allocations;
import dev.sxn.math.testing.BackendSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Steady-state allocation of the {@code indicators.ttr.oscillators} calls on every kind: a warm call on 64 assets x
 * 500 bars allocates its result batch (k t doubles) plus a constant under 2 KiB (the JAVA kernel's argument arrays
 * and lambdas, heap segments of the downcalls; and the launch's plumbing on OPENCL). The typical price (k t) and
 * the running sums are per-thread scratch, so a kernel that allocated them per call would exceed the budget by
 * 256 KB.
 */
class TtrOscillatorAllocationTest {
    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.INDICATORS_TTR_OSCILLATORS);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void warmCallsAllocateOnlyTheirResult(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int k = 64, t = 500;
        SeriesBatch[] b = TtrOscillatorData.bars(k, t, 9);
        SeriesBatch h = b[0], l = b[1], c = b[2], v = b[3];
        long budget = Allocations.budget(kind, 16 + 8L * k * t + 64 + 2048);
        Allocations.assertUnder(kind + " rocContinuous", () -> OscillatorBatches.rocContinuous(c, 10, kind), budget);
        Allocations.assertUnder(kind + " wpr", () -> OscillatorBatches.wpr(h, l, c, 14, kind), budget);
        Allocations.assertUnder(kind + " cci", () -> OscillatorBatches.cci(h, l, c, 20, 0.015, kind), budget);
        Allocations.assertUnder(kind + " cci close", () -> OscillatorBatches.cci(c, 20, 0.015, kind), budget);
        Allocations.assertUnder(kind + " mfi", () -> OscillatorBatches.mfi(h, l, c, v, 14, kind), budget);
    }
}
