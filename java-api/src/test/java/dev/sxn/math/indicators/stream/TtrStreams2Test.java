package dev.sxn.math.indicators.stream;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.indicators.Bars;
import dev.sxn.math.indicators.Channels;
import dev.sxn.math.indicators.MovingAverages;
import dev.sxn.math.indicators.RunningStatistics;
import dev.sxn.math.indicators.TrendIndicators;
import dev.sxn.math.indicators.TtrLines.Band;
import dev.sxn.math.indicators.Oscillators;
import dev.sxn.math.indicators.TtrLines.LineAndSignal;
import dev.sxn.math.indicators.TtrStreams2;
import dev.sxn.math.indicators.VolatilityEstimators;
import dev.sxn.math.indicators.VolatilityEstimators.Method;
import dev.sxn.math.indicators.VolumeIndicators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streams of {@link TtrStreams2} against their array functions, bit for bit at every index and every split
 * (the {@link StreamContract}), on random series and bars with missing values, flat stretches and flat bars.
 */
class TtrStreams2Test {
    private static final int T = 150;

    @ParameterizedTest
    @CsvSource({"31, 1", "32, 2", "33, 5", "34, 14"})
    void oscillatorStreams(long seed, int n) {
        double[] x = StreamContract.series(seed, T), z = StreamContract.signed(seed + 50, T);
        StreamContract.series(() -> TtrStreams2.cmo(n), x, Oscillators.cmo(x, n));
        StreamContract.series(() -> TtrStreams2.cmo(n), z, Oscillators.cmo(z, n));
        for (boolean percent : new boolean[] {true, false}) {
            LineAndSignal<double[]> tr = Oscillators.trix(x, n, percent);
            StreamContract.series(() -> TtrStreams2.trix(n, percent), x, tr.line(), tr.signal());
        }
        Bars b = StreamContract.bars(seed, T);
        double[] h = b.high(), l = b.low(), c = b.close(), v = b.volume();
        StreamContract.bars(() -> TtrStreams2.wpr(n), b, Oscillators.wpr(h, l, c, n));
        StreamContract.bars(() -> TtrStreams2.cci(n, 0.015), b, Oscillators.cci(h, l, c, n, 0.015));
        StreamContract.bars(() -> TtrStreams2.mfi(n), b, VolumeIndicators.mfi(h, l, c, v, n));
    }

    @ParameterizedTest
    @CsvSource({"51, 1", "52, 2", "53, 5", "54, 14"})
    void channelAndVolumeStreams(long seed, int n) {
        Bars b = StreamContract.bars(seed, T);
        double[] h = b.high(), l = b.low(), c = b.close(), v = b.volume();
        Band<double[]> d = Channels.donchian(h, l, n);
        StreamContract.bars(() -> TtrStreams2.donchian(n), b, d.lower(), d.middle(), d.upper());
        Band<double[]> k = Channels.keltner(h, l, c, n, 2);
        StreamContract.bars(() -> TtrStreams2.keltner(n, 2), b, k.lower(), k.middle(), k.upper());
        StreamContract.bars(() -> TtrStreams2.cmf(n), b, VolumeIndicators.cmf(h, l, c, v, n));
        LineAndSignal<double[]> e = VolumeIndicators.emv(h, l, v, n, 10000);
        StreamContract.bars(() -> TtrStreams2.emv(n, 10000), b, e.line(), e.signal());
        StreamContract.bars(() -> TtrStreams2.vhf(n), b, TrendIndicators.vhf(h, l, c, n));
        double[] x = StreamContract.series(seed + 3, T);
        StreamContract.series(() -> TtrStreams2.zlema(n), x, MovingAverages.zlema(x, n));
    }

    @ParameterizedTest
    @CsvSource({"61, 1", "62, 2", "63, 5", "64, 10"})
    void runningStatisticStreams(long seed, int n) {
        double[] x = StreamContract.series(seed, T), z = StreamContract.signed(seed + 50, T);
        for (double[] s : new double[][] {x, z}) {
            StreamContract.series(() -> TtrStreams2.runMedian(n), s, RunningStatistics.runMedian(s, n));
            StreamContract.series(() -> TtrStreams2.runMad(n, true, 1.4826), s, RunningStatistics.runMad(s, n, true, 1.4826));
            StreamContract.series(() -> TtrStreams2.runMad(n, false, 1), s, RunningStatistics.runMad(s, n, false, 1));
            StreamContract.series(() -> TtrStreams2.runPercentRank(n, 0.5), s, RunningStatistics.runPercentRank(s, n, 0.5));
            StreamContract.series(() -> TtrStreams2.runPercentRank(n, 1), s, RunningStatistics.runPercentRank(s, n, 1));
        }
    }

    @Test
    void wprKeepsTheSignOfAZeroExtreme() {
        // Windows whose extreme is a zero of either sign, several times: the stream's deque must keep the one the
        // array's scan keeps.
        double[] z = StreamContract.signed(77, T);
        Bars b = Bars.zeros(T);
        for (int i = 0; i < T; i++) {
            b.high()[i] = Math.abs(z[i]) > 1 ? 0.0 * Math.signum(z[i]) : z[i];
            b.low()[i] = b.high()[i] - (i % 3 == 0 ? 0 : 1);
            b.close()[i] = b.low()[i];
        }
        StreamContract.bars(() -> TtrStreams2.wpr(4), b, Oscillators.wpr(b.high(), b.low(), b.close(), 4));
    }

    @ParameterizedTest
    @CsvSource({"41, 3", "42, 4", "43, 10"})
    void volatilityStreams(long seed, int n) {
        Bars b = StreamContract.bars(seed, T);
        double[] o = b.open(), h = b.high(), l = b.low(), c = b.close();
        for (Method m : Method.values()) {
            StreamContract.bars(() -> TtrStreams2.volatility(n, m, 260), b,
                    VolatilityEstimators.volatility(o, h, l, c, n, m, 260));
        }
        double[] x = StreamContract.series(seed + 7, T);
        for (boolean mean0 : new boolean[] {true, false}) {
            StreamContract.series(() -> TtrStreams2.volatilityClose(n, 252, mean0), x,
                    VolatilityEstimators.close(x, n, 252, mean0));
        }
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> TtrStreams2.wpr(0));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams2.cci(5, 0));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams2.volatility(2, Method.CLOSE, 260));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams2.volatility(5, Method.PARKINSON, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams2.volatilityClose(5, -1, false));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams2.keltner(5, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams2.emv(5, 0));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams2.zlema(0));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams2.runPercentRank(5, 1.5));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams2.runMad(5, true, Double.POSITIVE_INFINITY));
    }
}
