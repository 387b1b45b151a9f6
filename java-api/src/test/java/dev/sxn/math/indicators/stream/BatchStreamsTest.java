package dev.sxn.math.indicators.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.IndicatorSet;
import dev.sxn.math.indicators.IndicatorStreams;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batched streams on every kind of their family (JAVA, VECTOR, NATIVE; an absent kind is skipped, or fails
 * under CI=true): asset a's values equal, bit for bit, the single stream's on asset a's ticks (and so the JAVA
 * array function's) at every row; a peek gives the update's values and commits nothing; a copy continues as the
 * original; fill is a loop of updates. Asset counts below, at and around the vector lengths (the tails run JAVA's
 * steps), with missing values and flat stretches.
 */
class BatchStreamsTest {
    private static final IndicatorSet JAVA = Indicators.on(Backend.JAVA);
    private static final int T = 180;

    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.INDICATOR_STREAMS);
    }

    private static SeriesBatch batch(long seed, int k) {
        double[][] s = new double[k][];
        for (int a = 0; a < k; a++) s[a] = StreamContract.series(seed * 1000 + a, T);
        return SeriesBatch.of(s);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void seriesStreamsEqualTheSingleStreamsOfEveryAsset(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int k : new int[] {1, 3, 8, 19, 37}) {
            SeriesBatch x = batch(k, k);
            check(kind, x, a -> IndicatorStreams.ema(5), () -> IndicatorStreams.emaBatch(x.assets(), 5, kind), JAVA.ema(x, 5));
            check(kind, x, a -> IndicatorStreams.wilder(3), () -> IndicatorStreams.wilderBatch(x.assets(), 3, kind), JAVA.wilder(x, 3));
            check(kind, x, a -> IndicatorStreams.rsi(4), () -> IndicatorStreams.rsiBatch(x.assets(), 4, kind), JAVA.rsi(x, 4));
            check(kind, x, a -> IndicatorStreams.sma(6), () -> IndicatorStreams.smaBatch(x.assets(), 6, kind), JAVA.sma(x, 6));
            check(kind, x, a -> IndicatorStreams.sma(1), () -> IndicatorStreams.smaBatch(x.assets(), 1, kind), JAVA.sma(x, 1));
        }
    }

    private static void check(Backend kind, SeriesBatch x, IntFunction<SeriesStream> single, java.util.function.Supplier<BatchSeriesStream> open,
            SeriesBatch array) {
        int k = x.assets();
        SeriesStream[] one = new SeriesStream[k];
        for (int a = 0; a < k; a++) one[a] = single.apply(a);
        BatchSeriesStream s = open.get();
        assertEquals(kind, s.backend());
        double[] row = new double[k], peek = new double[k];
        BatchSeriesStream fork = null;
        for (int i = 0; i < T; i++) {
            System.arraycopy(x.data(), i * k, row, 0, k);
            if (i == T / 2) fork = s.copy();
            s.peek(row, peek);
            s.update(row);
            for (int a = 0; a < k; a++) {
                double v = one[a].update(row[a]);
                String where = kind + " k=" + k + " asset " + a + " row " + i;
                StreamContract.same(v, s.value(a), where);
                StreamContract.same(array.get(a, i), s.value(a), where + " (array)");
                StreamContract.same(v, peek[a], where + " (peek)");
            }
        }
        for (int i = T / 2; i < T; i++) {
            System.arraycopy(x.data(), i * k, row, 0, k);
            fork.update(row);
        }
        for (int a = 0; a < k; a++) StreamContract.same(s.value(a), fork.value(a), "copy, asset " + a);
        BatchSeriesStream filled = open.get().fill(x);
        for (int a = 0; a < k; a++) StreamContract.same(s.value(a), filled.value(a), "fill, asset " + a);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void atrEqualsTheSingleStreamsOfEveryAsset(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int k : new int[] {1, 5, 16, 21}) {
            dev.sxn.math.indicators.Bars[] b = new dev.sxn.math.indicators.Bars[k];
            double[][] h = new double[k][], l = new double[k][], c = new double[k][];
            for (int a = 0; a < k; a++) {
                b[a] = StreamContract.bars(77L * k + a, T);
                h[a] = b[a].high();
                l[a] = b[a].low();
                c[a] = b[a].close();
            }
            BatchBarStream s = IndicatorStreams.atrBatch(k, 4, kind);
            BarStream[] one = new BarStream[k];
            for (int a = 0; a < k; a++) one[a] = IndicatorStreams.atr(4);
            double[] rh = new double[k], rl = new double[k], rc = new double[k], peek = new double[k];
            for (int i = 0; i < T; i++) {
                for (int a = 0; a < k; a++) {
                    rh[a] = h[a][i];
                    rl[a] = l[a][i];
                    rc[a] = c[a][i];
                }
                s.peek(rh, rl, rc, peek);
                s.update(rh, rl, rc);
                for (int a = 0; a < k; a++) {
                    double v = one[a].update(0, rh[a], rl[a], rc[a], 0);
                    StreamContract.same(v, s.value(a), kind + " atr k=" + k + " asset " + a + " row " + i);
                    StreamContract.same(v, peek[a], kind + " atr peek asset " + a + " row " + i);
                }
            }
            SeriesBatch bh = SeriesBatch.of(h), bl = SeriesBatch.of(l), bc = SeriesBatch.of(c);
            BatchBarStream filled = IndicatorStreams.atrBatch(k, 4, kind).fill(bh, bl, bc);
            for (int a = 0; a < k; a++) StreamContract.same(s.value(a), filled.value(a), "fill, asset " + a);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void badRowsLeaveTheStateAlone(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        BatchBarStream s = IndicatorStreams.atrBatch(2, 2, kind);
        s.update(new double[] {2, 3}, new double[] {1, 2}, new double[] {1.5, 2.5});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.update(new double[] {2, 1}, new double[] {1, 2}, new double[] {1.5, 2.5}));
        assertEquals("high[1] must be >= low[1] = 2.0, was 1.0", e.getMessage());
        assertEquals(1, s.count());
        BatchSeriesStream m = IndicatorStreams.emaBatch(3, 2, kind);
        assertThrows(IllegalArgumentException.class, () -> m.update(new double[2]));
        assertEquals(0, m.count());
    }
}
