package dev.sxn.math.indicators.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.indicators.MovingAverages;
import dev.sxn.math.indicators.RunningStatistics;
import dev.sxn.math.indicators.TtrStreams3;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streams of {@link TtrStreams3} against their array functions, bit for bit (tolerance 0) at every index and
 * every split (the {@link StreamContract}; for the two-series streams the same contract, checked here), on
 * random series with missing values, flat stretches and exact zeros.
 */
class TtrStreams3Test {
    private static final int T = 150;

    @ParameterizedTest
    @CsvSource({"71, 1", "72, 2", "73, 5", "74, 9", "75, 20"})
    void movingAverageStreams(long seed, int n) {
        double[] x = StreamContract.series(seed, T), z = StreamContract.signed(seed + 50, T);
        for (double[] s : new double[][] {x, z}) {
            StreamContract.series(() -> TtrStreams3.alma(n, 0.85, 6), s, MovingAverages.alma(s, n, 0.85, 6));
            StreamContract.series(() -> TtrStreams3.alma(n, 0, 1.5), s, MovingAverages.alma(s, n, 0, 1.5));
            if (n >= 2) StreamContract.series(() -> TtrStreams3.hma(n), s, MovingAverages.hma(s, n));
        }
    }

    @ParameterizedTest
    @CsvSource({"81, 1", "82, 2", "83, 5", "84, 10"})
    void covarianceAndCorrelationStreams(long seed, int n) {
        double[] x = StreamContract.series(seed, T), y = StreamContract.series(seed + 9, T);
        double[] z = StreamContract.signed(seed + 50, T);
        for (double[][] p : new double[][][] {{x, y}, {x, z}, {z, z}}) {
            for (boolean sample : new boolean[] {true, false}) {
                pairs(() -> TtrStreams3.runCov(n, sample), p[0], p[1], RunningStatistics.runCov(p[0], p[1], n, sample));
                pairs(() -> TtrStreams3.runCor(n, sample), p[0], p[1], RunningStatistics.runCor(p[0], p[1], n, sample));
            }
        }
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> TtrStreams3.alma(0, 0.85, 6));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams3.alma(9, 1.5, 6));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams3.alma(9, 0.85, 0));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams3.hma(1));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams3.runCov(0, true));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams3.runCor(0, false));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams3.runCov(3, true).fill(new double[3], new double[2], 0, 2));
    }

    /** The stream contract for a two-series stream (StreamContract.series with pairs for values). */
    private static void pairs(Supplier<PairStream> open, double[] x, double[] y, double[] line) {
        int t = x.length;
        for (int k = 0; k <= t; k++) {
            PairStream s = open.get().fill(x, y, 0, k);
            assertEquals(k, s.count());
            if (k > 0) StreamContract.same(line[k - 1], s.value(), "after fill(0.." + k + ")");
            PairStream c = s.copy();
            for (int i = k; i < t; i++) {
                double before = s.value();
                double p = s.peek(x[i], y[i]);
                StreamContract.same(before, s.value(), "peek changed the value at " + i);
                double v = s.update(x[i], y[i]);
                StreamContract.same(p, v, "peek vs update at " + i + " (split " + k + ")");
                StreamContract.same(line[i], v, "split " + k + " at index " + i);
            }
            for (int i = k; i < t; i++) c.update(x[i], y[i]);
            StreamContract.same(s.value(), c.value(), "copy at split " + k);
        }
        PairStream s = open.get();
        int run = 0;
        for (int i = 0; i < t; i++) {
            s.update(x[i], y[i]);
            run = StreamContract.finite(x[i]) && StreamContract.finite(y[i]) ? run + 1 : 0;
            assertEquals(run > s.lookback(), s.isReady(), "isReady after a run of " + run);
        }
    }
}
