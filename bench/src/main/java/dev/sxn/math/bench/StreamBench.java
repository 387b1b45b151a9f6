package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.CompositeIndicators;
import dev.sxn.math.indicators.IndicatorSet;
import dev.sxn.math.indicators.IndicatorStreams;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.stream.BarStream;
import dev.sxn.math.indicators.stream.BatchBarStream;
import dev.sxn.math.indicators.stream.BatchSeriesStream;
import dev.sxn.math.indicators.stream.SeriesStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * The cost of one streaming update (issue 22), in nanoseconds per update (average time):
 * <ul>
 *   <li>{@code update}: one bar into a streaming indicator and its value read, per indicator (EMA(20), SMA(20),
 *       RSI(14), ATR(14); the composites MACD(12, 26, 9) and Bollinger(20, 2)), beside the two
 *       things a user would do otherwise: TA4J (ta4j's BarSeries of DoubleNum, capped at 1,024 bars: add the bar,
 *       read the indicator's last value) and ARRAY (recompute our array function, JAVA, over the last window of
 *       lookback + 1 values, shifted in by one: what a stream that recomputes its window costs, TA-Lib's old
 *       stream API);</li>
 *   <li>{@code batched}: one row of a universe of 4,096 assets into a batched stream (EMA, SMA, RSI, ATR) per
 *       backend, reported per asset-update ({@code @OperationsPerInvocation(4096)}).</li>
 * </ul>
 * Prices cycle through a precomputed random walk of 2^16 points, so no update allocates input.
 *
 * <p>{@code --quick} runs the STREAM and TA4J rows of every indicator (the per-update targets and the ratio
 * to ta4j) and the VECTOR batched rows: 16 rows. The ARRAY rows (a recompute costs as much as a short array call)
 * and the other kinds' batched rows run in the full profile.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Quick({"impl=STREAM,TA4J", "kind=VECTOR"})
public class StreamBench {
    static final int MASK = (1 << 16) - 1;
    static final int ASSETS = 4096;

    /** What a {@link Single} trial runs per update, decided once in its setup (not per update: see {@link #step}). */
    static final int SERIES = 0, BAR = 1, TA4J = 2, ARRAY = 3;

    /** The indicators of {@link Single}, in the order of its {@code indicator} parameter. */
    static final int EMA = 0, SMA = 1, RSI = 2, ATR = 3, MACD = 4, BOLLINGER = 5;

    /** One stream, its peers, and the bars they are fed. */
    @State(Scope.Thread)
    public static class Single {
        @Param({"EMA", "SMA", "RSI", "ATR", "MACD", "BOLLINGER"})
        public String indicator;

        @Param({"STREAM", "TA4J", "ARRAY"})
        public String impl;

        double[] open, high, low, close, volume;
        int i, mode, which;
        SeriesStream series;
        BarStream barStream;
        BarSeries ta4jSeries;
        Indicator<Num> ta4j;
        ZonedDateTime t0;
        double[] window, h, l, out, out2, out3;
        final IndicatorSet java = Indicators.on(Backend.JAVA);

        @Setup(Level.Trial)
        public void setup() {
            double[] c = IndicatorsBench.prices(7, MASK + 1);
            open = c.clone();
            close = c.clone();
            high = new double[c.length];
            low = new double[c.length];
            volume = new double[c.length];
            for (int j = 0; j < c.length; j++) {
                high[j] = c[j] * 1.002;
                low[j] = c[j] * 0.998;
                volume[j] = 1000;
            }
            which = switch (indicator) {
                case "EMA" -> EMA;
                case "SMA" -> SMA;
                case "RSI" -> RSI;
                case "ATR" -> ATR;
                case "MACD" -> MACD;
                case "BOLLINGER" -> BOLLINGER;
                default -> throw new IllegalArgumentException("indicator " + indicator);
            };
            switch (which) {
                case EMA -> series = IndicatorStreams.ema(20);
                case SMA -> series = IndicatorStreams.sma(20);
                case RSI -> series = IndicatorStreams.rsi(14);
                case MACD -> series = IndicatorStreams.macd(12, 26, 9);
                case BOLLINGER -> series = IndicatorStreams.bollinger(20, 2);
                default -> barStream = IndicatorStreams.atr(14);
            }
            mode = switch (impl) {
                case "STREAM" -> series != null ? SERIES : BAR;
                case "TA4J" -> TA4J;
                case "ARRAY" -> ARRAY;
                default -> throw new IllegalArgumentException("impl " + impl);
            };
            int len = (series != null ? series.lookback() : barStream.lookback()) + 1;
            window = new double[len];
            h = new double[len];
            l = new double[len];
            out = new double[len];
            out2 = new double[len];
            out3 = new double[len];
            if (mode == TA4J) {
                ta4jSeries = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).build();
                ta4jSeries.setMaximumBarCount(1024);
                t0 = ZonedDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
                ClosePriceIndicator cp = new ClosePriceIndicator(ta4jSeries);
                ta4j = switch (which) {
                    case EMA -> new EMAIndicator(cp, 20);
                    case SMA -> new SMAIndicator(cp, 20);
                    case RSI -> new RSIIndicator(cp, 14);
                    case MACD -> new MACDIndicator(cp, 12, 26);
                    case BOLLINGER -> new BollingerBandsMiddleIndicator(new SMAIndicator(cp, 20));
                    default -> new ATRIndicator(ta4jSeries, 14);
                };
            }
            // Past every warm-up, as a live stream is.
            for (int j = 0; j < 2048; j++) step(this);
        }
    }

    /**
     * One update of the trial's implementation. The choice is an int decided in the setup: a switch on the
     * String parameters here cost a hash and an equals per update, a large share of a stream update's few
     * nanoseconds, measured as if it were the stream's.
     */
    static double step(Single s) {
        int j = s.i++ & MASK;
        switch (s.mode) {
            case SERIES:
                return s.series.update(s.close[j]);
            case BAR:
                return s.barStream.update(s.open[j], s.high[j], s.low[j], s.close[j], s.volume[j]);
            case TA4J:
                s.ta4jSeries.addBar(s.t0.plusMinutes(s.i), s.open[j], s.high[j], s.low[j], s.close[j], s.volume[j]);
                return s.ta4j.getValue(s.ta4jSeries.getEndIndex()).doubleValue();
            default:
                return recompute(s, j);
        }
    }

    /** The window shifted by one value and the array function recomputed over it; its last value. */
    private static double recompute(Single s, int j) {
        int n = s.window.length;
        System.arraycopy(s.window, 1, s.window, 0, n - 1);
        System.arraycopy(s.h, 1, s.h, 0, n - 1);
        System.arraycopy(s.l, 1, s.l, 0, n - 1);
        s.window[n - 1] = s.close[j];
        s.h[n - 1] = s.high[j];
        s.l[n - 1] = s.low[j];
        switch (s.which) {
            case EMA -> s.java.emaInto(s.window, 20, s.out);
            case SMA -> s.java.smaInto(s.window, 20, s.out);
            case RSI -> s.java.rsiInto(s.window, 14, s.out);
            case ATR -> CompositeIndicators.atrInto(s.h, s.l, s.window, 14, s.out);
            case MACD -> CompositeIndicators.macdInto(s.window, 12, 26, 9, new dev.sxn.math.indicators.Macd(s.out, s.out2, s.out3));
            default -> CompositeIndicators.bollingerInto(s.window, 20, 2, new dev.sxn.math.indicators.Bollinger(s.out2, s.out, s.out3));
        }
        return s.out[n - 1];
    }

    @Benchmark
    public double update(Single s) {
        return step(s);
    }

    /** A universe of 4,096 assets, one row per call, on one backend. */
    @State(Scope.Thread)
    public static class Batched {
        @Param({"EMA", "SMA", "RSI", "ATR"})
        public String indicator;

        @Param({"JAVA", "VECTOR", "NATIVE"})
        public String kind;

        double[][] rows, highs, lows;
        double[] out = new double[ASSETS];
        BatchSeriesStream series;
        BatchBarStream bars;
        int i;

        @Setup(Level.Trial)
        public void setup() {
            rows = new double[64][ASSETS];
            highs = new double[64][ASSETS];
            lows = new double[64][ASSETS];
            for (int a = 0; a < ASSETS; a++) {
                double[] p = IndicatorsBench.prices(100 + a, 64);
                for (int r = 0; r < 64; r++) {
                    rows[r][a] = p[r];
                    highs[r][a] = p[r] * 1.002;
                    lows[r][a] = p[r] * 0.998;
                }
            }
            Backend k = Backend.valueOf(kind);
            switch (indicator) {
                case "EMA" -> series = IndicatorStreams.emaBatch(ASSETS, 20, k);
                case "SMA" -> series = IndicatorStreams.smaBatch(ASSETS, 20, k);
                case "RSI" -> series = IndicatorStreams.rsiBatch(ASSETS, 14, k);
                default -> bars = IndicatorStreams.atrBatch(ASSETS, 14, k);
            }
            JitWarmUp.trial(kind, "indicators.stream.batch");
            for (int j = 0; j < 256; j++) row(this);
        }
    }

    static double row(Batched b) {
        int r = b.i++ & 63;
        if (b.series != null) {
            b.series.update(b.rows[r]);
            return b.series.value(0);
        }
        b.bars.update(b.highs[r], b.lows[r], b.rows[r]);
        return b.bars.value(0);
    }

    @Benchmark
    @OperationsPerInvocation(ASSETS)
    public double batched(Batched b) {
        return row(b);
    }
}
