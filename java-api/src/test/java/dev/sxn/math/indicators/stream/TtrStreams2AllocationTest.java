package dev.sxn.math.indicators.stream;

import dev.sxn.math.indicators.TtrStreams2;
import dev.sxn.math.indicators.VolatilityEstimators.Method;
import dev.sxn.math.testing.Allocations;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A warm update and peek of each {@link TtrStreams2} stream allocate nothing (one JVM for this class). */
class TtrStreams2AllocationTest {
    private static final long LIMIT = 64;

    @Test
    void updatesAndPeeksAllocateNothing() {
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[4096];
        double p = 100;
        for (int i = 0; i < x.length; i++) x[i] = p += r.nextGaussian();
        SeriesStream[] series = {TtrStreams2.cmo(14), TtrStreams2.trix(20, true), TtrStreams2.zlema(20),
            TtrStreams2.volatilityClose(10, 260, false), TtrStreams2.runMedian(10), TtrStreams2.runMad(10, true, 1.4826),
            TtrStreams2.runPercentRank(20, 0.5)};
        for (SeriesStream s : series) {
            int[] i = {0};
            Allocations.assertUnder(s.getClass().getSimpleName() + " update", () -> {
                double v = x[i[0]++ & 4095];
                s.peek(v);
                s.update(v);
            }, LIMIT);
        }
        BarStream[] bars = {TtrStreams2.wpr(14), TtrStreams2.cci(20, 0.015), TtrStreams2.mfi(14),
            TtrStreams2.volatility(10, Method.YANG_ZHANG, 260), TtrStreams2.volatility(10, Method.GK_YZ, 260),
            TtrStreams2.donchian(10), TtrStreams2.keltner(20, 2), TtrStreams2.cmf(20), TtrStreams2.emv(9, 10000),
            TtrStreams2.vhf(28)};
        for (BarStream s : bars) {
            int[] i = {0};
            Allocations.assertUnder(s.getClass().getSimpleName() + " update", () -> {
                double v = x[i[0]++ & 4095];
                s.peek(v, v + 1, v - 1, v + 0.5, 100);
                s.update(v, v + 1, v - 1, v + 0.5, 100);
            }, LIMIT);
        }
    }
}
