package dev.sxn.math.indicators.stream;

import dev.sxn.math.indicators.TtrStreams4;
import dev.sxn.math.testing.Allocations;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A warm update and peek of each {@link TtrStreams4} stream allocate nothing (one JVM for this class). */
class TtrStreams4AllocationTest {
    private static final long LIMIT = 64;

    @Test
    void updatesAndPeeksAllocateNothing() {
        SplittableRandom r = new SplittableRandom(11);
        double[] x = new double[4096];
        double p = 100;
        for (int i = 0; i < x.length; i++) x[i] = p += r.nextGaussian();
        SeriesStream[] series = {TtrStreams4.kst(), TtrStreams4.tdi(20, 2)};
        for (SeriesStream s : series) {
            int[] i = {0};
            Allocations.assertUnder(s.getClass().getSimpleName() + " update", () -> {
                double v = x[i[0]++ & 4095];
                s.peek(v);
                s.update(v);
            }, LIMIT);
        }
        BarStream[] bars = {TtrStreams4.aroon(20), TtrStreams4.ultimateOscillator(), TtrStreams4.smi(13, 2, 25, 9)};
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
