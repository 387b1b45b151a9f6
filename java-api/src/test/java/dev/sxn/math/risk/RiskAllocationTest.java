package dev.sxn.math.risk;

import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.testing.Allocations;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Warm risk calls allocate nothing proportional to the series: under 2 KiB per series a call (a result record, the
 * rank window object, and the JDK's {@code Arrays.sort}, whose dual-pivot quicksort allocates a small constant per
 * call of its own), far below one double per value of the 2,500-return series (20 KB), so a call that copied or
 * sorted into a fresh array would fail. The batch of 8 series is held to 8 times that, below its 160 KB.
 */
class RiskAllocationTest {
    private static final long BUDGET = 2048;

    @Test
    void warmCallsAllocateO1() {
        Random rnd = new Random(1);
        double[] r = new double[2500], out = new double[2500], out2 = new double[2500];
        for (int i = 0; i < r.length; i++) r[i] = 0.01 * rnd.nextGaussian();
        SeriesBatch b = SeriesBatch.zeros(8, 2500);
        for (int i = 0; i < b.data().length; i++) b.data()[i] = 0.01 * rnd.nextGaussian();
        SeriesBatch v = b.like(), e = b.like();
        Allocations.assertUnder("historical VaR", () -> ValueAtRisk.historical(r, 0.05), BUDGET);
        Allocations.assertUnder("tail ratio", () -> Performance.tailRatio(r), BUDGET);
        Allocations.assertUnder("Sortino", () -> Performance.sortino(r, 0.02, 252), BUDGET);
        Allocations.assertUnder("max drawdown", () -> Drawdowns.maxDrawdown(r), BUDGET);
        Allocations.assertUnder("rolling historical", () -> RollingRisk.historical(r, 250, 0.01, out, out2), BUDGET);
        Allocations.assertUnder("rolling Sharpe", () -> RollingRisk.sharpe(r, 250, 0.02, 252, out), BUDGET);
        Allocations.assertUnder("batched rolling historical", () -> RollingRisk.historical(b, 250, 0.01, v, e), 8 * BUDGET);
    }
}
