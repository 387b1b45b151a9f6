package dev.sxn.math.indicators.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.Bars;
import dev.sxn.math.indicators.Bollinger;
import dev.sxn.math.indicators.CompositeIndicators;
import dev.sxn.math.indicators.IndicatorSet;
import dev.sxn.math.indicators.IndicatorStreams;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.Macd;
import dev.sxn.math.indicators.Stochastic;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every streaming indicator against its array function, bit for bit at every index and every split (the
 * {@link StreamContract}), on random series with missing values, flat stretches and signed zeros. The single
 * series' kernels run on JAVA, the reference (IndicatorSet pinned; the composites' series are far below every
 * crossover, so they run on JAVA too).
 */
class IndicatorStreamsTest {
    private static final IndicatorSet JAVA = Indicators.on(Backend.JAVA);
    private static final int T = 150;

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 3", "3, 10", "4, 40"})
    void windows(long seed, int n) {
        double[] x = StreamContract.series(seed, T), z = StreamContract.signed(seed + 100, T);
        StreamContract.series(() -> IndicatorStreams.sma(n), x, JAVA.sma(x, n));
        StreamContract.series(() -> IndicatorStreams.rollingSum(n), z, JAVA.rollingSum(z, n));
        StreamContract.series(() -> IndicatorStreams.rollingVar(n, false), x, JAVA.rollingVar(x, n, false));
        StreamContract.series(() -> IndicatorStreams.rollingStd(n, false), z, JAVA.rollingStd(z, n, false));
        if (n >= 2) {
            StreamContract.series(() -> IndicatorStreams.rollingVar(n, true), z, JAVA.rollingVar(z, n, true));
            StreamContract.series(() -> IndicatorStreams.rollingStd(n, true), x, JAVA.rollingStd(x, n, true));
            StreamContract.series(() -> IndicatorStreams.zscore(n), x, CompositeIndicators.zscore(x, n));
        }
        StreamContract.series(() -> IndicatorStreams.rollingMax(n), z, JAVA.rollingMax(z, n));
        StreamContract.series(() -> IndicatorStreams.rollingMin(n), z, JAVA.rollingMin(z, n));
        StreamContract.series(() -> IndicatorStreams.rollingMax(n), x, JAVA.rollingMax(x, n));
        StreamContract.series(() -> IndicatorStreams.wma(n), x, JAVA.wma(x, n));
        Bollinger b = CompositeIndicators.bollinger(x, n, 2);
        StreamContract.series(() -> IndicatorStreams.bollinger(n, 2), x, b.lower(), b.middle(), b.upper());
    }

    @ParameterizedTest
    @CsvSource({"5, 1", "6, 2", "7, 5", "8, 14"})
    void recurrences(long seed, int n) {
        double[] x = StreamContract.series(seed, T);
        StreamContract.series(() -> IndicatorStreams.rsi(n), x, JAVA.rsi(x, n));
        StreamContract.series(() -> IndicatorStreams.dema(n), x, CompositeIndicators.dema(x, n));
        StreamContract.series(() -> IndicatorStreams.tema(n), x, CompositeIndicators.tema(x, n));
    }

    @ParameterizedTest
    @CsvSource({"9, 2, 5, 3", "10, 12, 26, 9", "11, 1, 2, 1"})
    void macd(long seed, int fast, int slow, int signal) {
        double[] x = StreamContract.series(seed, T);
        Macd m = CompositeIndicators.macd(x, fast, slow, signal);
        StreamContract.series(() -> IndicatorStreams.macd(fast, slow, signal), x, m.macd(), m.signal(), m.histogram());
    }

    @ParameterizedTest
    @CsvSource({"12, 1, 1", "13, 3, 2", "14, 14, 3", "15, 5, 8"})
    void bars(long seed, int n, int nD) {
        Bars b = StreamContract.bars(seed, T);
        StreamContract.bars(() -> IndicatorStreams.atr(n), b, CompositeIndicators.atr(b.high(), b.low(), b.close(), n));
        Stochastic s = CompositeIndicators.stochastic(b.high(), b.low(), b.close(), n, nD);
        StreamContract.bars(() -> IndicatorStreams.stochastic(n, nD), b, s.k(), s.d());
        StreamContract.bars(IndicatorStreams::obv, b, JAVA.obv(b.close(), b.volume()));
        StreamContract.bars(IndicatorStreams::vwapCumulative, b, JAVA.vwapCumulative(b.close(), b.volume()));
        StreamContract.bars(() -> IndicatorStreams.vwap(n), b, CompositeIndicators.vwap(b.close(), b.volume(), n));
    }

    @Test
    void timeEmaOnIrregularTicks() {
        SplittableRandom r = new SplittableRandom(16);
        double[] x = StreamContract.series(17, T), time = new double[T];
        for (int i = 1; i < T; i++) time[i] = time[i - 1] + (r.nextDouble() < 0.4 ? 1 : r.nextInt(0, 4) * 0.25);
        double[] expected = JAVA.timeEma(x, time, 3.0);
        for (int k = 0; k <= T; k++) {
            TickStream s = IndicatorStreams.timeEma(3.0);
            for (int i = 0; i < k; i++) s.update(time[i], x[i]);
            TickStream c = s.copy();
            for (int i = k; i < T; i++) {
                double p = s.peek(time[i], x[i]);
                StreamContract.same(p, s.update(time[i], x[i]), "peek at " + i);
                StreamContract.same(expected[i], s.value(), "split " + k + " at " + i);
                StreamContract.same(expected[i], c.update(time[i], x[i]), "copy at " + i);
            }
        }
        TickStream s = IndicatorStreams.timeEma(1).fill(new double[] {0, 2}, new double[] {1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.update(1.5, 1));
        assertEquals("time must be finite and >= the last committed time (2.0), was 1.5", e.getMessage());
        assertEquals(2, s.count());
    }

    /** A stream at the long run: the variance's re-summation period, the WMA's, far past the split. */
    @Test
    void longSeriesCrossTheResummationPeriods() {
        double[] x = StreamContract.series(18, 3000);
        for (int k : new int[] {0, 1, 1023, 1024, 2500}) {
            SeriesStream v = IndicatorStreams.rollingStd(30, true).fill(x, 0, k), w = IndicatorStreams.wma(70).fill(x, 0, k);
            double[] ev = JAVA.rollingStd(x, 30, true), ew = JAVA.wma(x, 70);
            for (int i = k; i < x.length; i++) {
                StreamContract.same(ev[i], v.update(x[i]), "std at " + i);
                StreamContract.same(ew[i], w.update(x[i]), "wma at " + i);
            }
        }
    }

    @Test
    void badBarsAndParametersAreRejectedWithoutChangingState() {
        BarStream atr = IndicatorStreams.atr(3);
        atr.update(1, 2, 1, 1.5, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> atr.update(1, 1, 2, 1.5, 10));
        assertEquals("high must be >= low = 2.0, was 1.0", e.getMessage());
        assertEquals(1, atr.count());
        assertThrows(IllegalArgumentException.class, () -> IndicatorStreams.vwap(3).update(1, 1, 1, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> IndicatorStreams.macd(5, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> IndicatorStreams.rollingVar(1, true));
        assertThrows(IllegalArgumentException.class, () -> IndicatorStreams.bollinger(3, -1));
        assertThrows(IllegalArgumentException.class, () -> IndicatorStreams.timeEma(0));
        assertEquals(26 + 9 - 2, IndicatorStreams.macd(12, 26, 9).lookback());
        assertEquals(3, IndicatorStreams.macd(12, 26, 9).lines());
    }
}
