package dev.sxn.math.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails fast with a message naming the argument, its value and the rule. */
class IndicatorsArgumentsTest {
    private static final double[] X = IndicatorsPropertiesTest.prices(1, 50);

    private static void iae(Executable e, String... fragments) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        for (String f : fragments) {
            assertTrue(ex.getMessage().contains(f), "message '" + ex.getMessage() + "' lacks '" + f + "'");
        }
    }

    private static void npe(Executable e, String name) {
        NullPointerException ex = assertThrows(NullPointerException.class, e);
        assertTrue(ex.getMessage() != null && ex.getMessage().contains(name), "message '" + ex.getMessage() + "' lacks '" + name + "'");
    }

    @Test
    void windowOutOfRange() {
        iae(() -> Indicators.sma(X, 0), "n must be in [1, 50]", "series length", "was 0");
        iae(() -> Indicators.sma(X, 51), "n must be in [1, 50]", "was 51");
        iae(() -> Indicators.ema(X, -3), "n", "was -3");
        iae(() -> Indicators.rsi(X, 0), "n", "was 0");
        iae(() -> Indicators.rollingMax(X, 99), "n", "was 99");
        iae(() -> Indicators.wma(X, 0), "n", "was 0");
        iae(() -> Indicators.rollingVar(X, 1, true), "n must be in [2, 50]", "sample variance", "was 1");
        iae(() -> CompositeIndicators.zscore(X, 1), "n", "was 1");
        iae(() -> CompositeIndicators.macd(X, 12, 60, 9), "slow", "was 60");
        iae(() -> CompositeIndicators.macd(X, 0, 26, 9), "fast", "was 0");
        iae(() -> CompositeIndicators.macd(X, 12, 26, -1), "signal", "was -1");
        iae(() -> CompositeIndicators.stochastic(X, X, X, 14, 0), "nD", "was 0");
        iae(() -> Indicators.sma(new double[0], 1), "n must be in [1, 0]", "was 1");
    }

    @Test
    void negativeOrNonFiniteParameters() {
        iae(() -> CompositeIndicators.bollinger(X, 20, -2), "k must be finite and >= 0", "was -2.0");
        iae(() -> CompositeIndicators.bollinger(X, 20, Double.NaN), "k", "was NaN");
        double[] t = new double[X.length];
        for (int i = 0; i < t.length; i++) t[i] = i;
        iae(() -> Indicators.timeEma(X, t, 0), "tau must be finite and > 0", "was 0.0");
        iae(() -> Indicators.timeEma(X, t, -1), "tau", "was -1.0");
        double[] back = t.clone();
        back[7] = 3;
        iae(() -> Indicators.timeEma(X, back, 1), "time[7] must be >= time[6] = 6.0 (non-decreasing)", "was 3.0");
        double[] nan = t.clone();
        nan[4] = Double.NaN;
        iae(() -> Indicators.timeEma(X, nan, 1), "time[4] must be finite", "was NaN");
    }

    @Test
    void mismatchedLengths() {
        double[] short1 = new double[49];
        iae(() -> CompositeIndicators.atr(short1, X, X, 14), "high and close must have the same length", "49 and 50");
        iae(() -> CompositeIndicators.atr(X, short1, X, 14), "low and close", "49 and 50");
        iae(() -> CompositeIndicators.stochastic(X, X, short1, 14, 3), "high and close", "50 and 49");
        iae(() -> CompositeIndicators.vwap(X, short1, 5), "price and volume", "50 and 49");
        iae(() -> Indicators.obv(X, short1), "price and volume");
        iae(() -> Indicators.timeEma(X, short1, 1), "x and time");
        iae(() -> Indicators.smaInto(X, 5, short1), "out.length must be 50", "was 49");
        SeriesBatch a = SeriesBatch.zeros(3, 20), b = SeriesBatch.zeros(2, 20);
        iae(() -> CompositeIndicators.vwap(a, b, 5), "price and volume must have the same shape", "3 x 20 and 2 x 20");
        iae(() -> Indicators.smaInto(a, 5, b), "out must have the shape of x", "was 2 x 20");
        iae(() -> Indicators.sma(a, 21), "n must be in [1, 20]", "batch length", "was 21");
    }

    @Test
    void aliasingIsRejected() {
        double[] x = X.clone();
        iae(() -> Indicators.smaInto(x, 5, x), "out must not be the same array as x");
        iae(() -> Indicators.emaInto(x, 5, x), "out must not be the same array as x");
        SeriesBatch b = SeriesBatch.zeros(2, 10);
        iae(() -> Indicators.smaInto(b, 3, b), "out.data() must not be the same array as x.data()");
    }

    @Test
    void nulls() {
        npe(() -> Indicators.sma((double[]) null, 3), "x");
        npe(() -> Indicators.rsi((double[]) null, 3), "x");
        npe(() -> CompositeIndicators.atr(null, X, X, 3), "high");
        npe(() -> CompositeIndicators.vwap(X, null, 3), "volume");
        npe(() -> Indicators.smaInto(X, 3, null), "out");
        npe(() -> Indicators.sma((SeriesBatch) null, 3), "x");
        npe(() -> SeriesBatch.of((double[]) null), "series[0]");
    }

    @Test
    void nullBackendMeansTheAutomaticChoice() {
        // null means "choose per call" wherever a Backend is taken: on(null) is what the static forms use.
        assertSame(Indicators.on(null), Indicators.on(null));
        assertNull(Indicators.on(null).backend());
        assertArrayEquals(Indicators.sma(X, 5), Indicators.on(null).sma(X, 5));
        for (Backend kind : Backend.values()) {
            assertSame(Indicators.on(kind), Indicators.on(kind), "one instance per kind");
            assertEquals(kind, Indicators.on(kind).backend());
        }
    }

    @Test
    void batchShapes() {
        iae(() -> SeriesBatch.wrap(0, 5, new double[0]), "k (assets) must be >= 1", "was 0");
        iae(() -> SeriesBatch.wrap(2, 5, new double[9]), "data.length must be 10 (k * t = 2 * 5)", "was 9");
        iae(() -> SeriesBatch.of(new double[3], new double[4]), "series[1].length must be 3 (series[0].length)", "was 4");
    }
}
