package dev.sxn.math.indicators.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.IndicatorSet;
import dev.sxn.math.indicators.IndicatorStreams;
import dev.sxn.math.indicators.Indicators;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The EMA and Wilder streams against the JAVA array functions, bit for bit, at every split (StreamContract). */
class EmaStreamTest {
    private static final IndicatorSet JAVA = Indicators.on(Backend.JAVA);

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "3, 5", "4, 14", "5, 30"})
    void emaEqualsTheArrayAtEverySplit(long seed, int n) {
        double[] x = StreamContract.series(seed, 160);
        StreamContract.series(() -> IndicatorStreams.ema(n), x, JAVA.ema(x, n));
    }

    @ParameterizedTest
    @CsvSource({"11, 1", "12, 3", "13, 14"})
    void wilderEqualsTheArrayAtEverySplit(long seed, int n) {
        double[] x = StreamContract.series(seed, 160);
        StreamContract.series(() -> IndicatorStreams.wilder(n), x, JAVA.wilder(x, n));
    }

    @Test
    void lookbackAndArguments() {
        assertEquals(13, IndicatorStreams.ema(14).lookback());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IndicatorStreams.ema(0));
        assertEquals("n must be >= 1, was 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IndicatorStreams.ema(3).value(1));
        assertThrows(IllegalArgumentException.class, () -> IndicatorStreams.ema(3).fill(new double[4], 3, 2));
    }
}
