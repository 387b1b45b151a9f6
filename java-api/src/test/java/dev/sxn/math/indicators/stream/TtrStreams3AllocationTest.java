package dev.sxn.math.indicators.stream;

import dev.sxn.math.indicators.TtrStreams3;
import dev.sxn.math.testing.Allocations;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A warm update and peek of each {@link TtrStreams3} stream allocate nothing (one JVM for this class). */
class TtrStreams3AllocationTest {
    private static final long LIMIT = 64;

    @Test
    void updatesAndPeeksAllocateNothing() {
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[4096];
        double p = 100;
        for (int i = 0; i < x.length; i++) x[i] = p += r.nextGaussian();
        SeriesStream[] series = {TtrStreams3.alma(9, 0.85, 6), TtrStreams3.hma(20)};
        for (SeriesStream s : series) {
            int[] i = {0};
            Allocations.assertUnder(s.getClass().getSimpleName() + " update", () -> {
                double v = x[i[0]++ & 4095];
                s.peek(v);
                s.update(v);
            }, LIMIT);
        }
        PairStream[] pairs = {TtrStreams3.runCov(10, true), TtrStreams3.runCor(10, true)};
        for (PairStream s : pairs) {
            int[] i = {0};
            Allocations.assertUnder(s.getClass().getSimpleName() + " update", () -> {
                int j = i[0]++;
                double v = x[j & 4095], w = x[(j * 7) & 4095];
                s.peek(v, w);
                s.update(v, w);
            }, LIMIT);
        }
    }
}
