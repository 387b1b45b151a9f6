package dev.sxn.math.indicators.stream;

import dev.sxn.math.indicators.IndicatorStreams;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.Allocations;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A warm update or peek allocates nothing: each single stream's update and peek (a group of calls stays under 64
 * bytes per call: nothing at all, beyond measurement noise), and a batched stream's row of 1,024 assets on every
 * kind of its family (under 256 bytes: the dispatch's plumbing, nothing per asset).
 */
class StreamAllocationTest {
    private static final long SINGLE = 64;
    private static final long BATCH = 256;

    @Test
    void singleStreamsUpdateAndPeekWithoutAllocating() {
        SplittableRandom r = new SplittableRandom(1);
        double[] x = new double[4096];
        double p = 100;
        for (int i = 0; i < x.length; i++) x[i] = p += r.nextGaussian();
        SeriesStream[] series = {IndicatorStreams.ema(20), IndicatorStreams.sma(20), IndicatorStreams.rollingStd(20, true),
            IndicatorStreams.rollingMax(20), IndicatorStreams.wma(20), IndicatorStreams.rsi(14), IndicatorStreams.tema(10),
            IndicatorStreams.macd(12, 26, 9), IndicatorStreams.bollinger(20, 2), IndicatorStreams.zscore(20)};
        for (SeriesStream s : series) {
            int[] i = {0};
            Allocations.assertUnder(s.getClass().getSimpleName() + " update", () -> {
                double v = x[i[0]++ & 4095];
                s.peek(v);
                s.update(v);
            }, SINGLE);
        }
        BarStream[] bars = {IndicatorStreams.atr(14), IndicatorStreams.stochastic(14, 3), IndicatorStreams.obv(), IndicatorStreams.vwap(20)};
        for (BarStream s : bars) {
            int[] i = {0};
            Allocations.assertUnder(s.getClass().getSimpleName() + " update", () -> {
                double v = x[i[0]++ & 4095];
                s.peek(v, v + 1, v - 1, v, 100);
                s.update(v, v + 1, v - 1, v, 100);
            }, SINGLE);
        }
    }

    @Test
    void batchedRowsAllocateNothingPerAsset() {
        BackendSupport.kinds(KernelFamilies.INDICATOR_STREAMS).forEach(kind -> {
            BackendSupport.assumeAvailable(kind);
            int k = 1024;
            double[] row = new double[k], lo = new double[k], hi = new double[k], out = new double[k];
            for (int a = 0; a < k; a++) {
                row[a] = 100 + a;
                lo[a] = row[a] - 1;
                hi[a] = row[a] + 1;
            }
            BatchSeriesStream[] s = {IndicatorStreams.emaBatch(k, 20, kind), IndicatorStreams.rsiBatch(k, 14, kind),
                IndicatorStreams.smaBatch(k, 20, kind)};
            for (BatchSeriesStream b : s) {
                Allocations.assertUnder(kind + " " + b.getClass().getSimpleName(), () -> {
                    row[0] += 0.5;
                    b.peek(row, out);
                    b.update(row);
                }, BATCH);
            }
            BatchBarStream atr = IndicatorStreams.atrBatch(k, 14, kind);
            Allocations.assertUnder(kind + " atr", () -> {
                atr.peek(hi, lo, row, out);
                atr.update(hi, lo, row);
            }, BATCH);
        });
    }

}
