package dev.sxn.math.indicators;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.stream.BarStream;
import dev.sxn.math.indicators.stream.BatchBarStream;
import dev.sxn.math.indicators.stream.BatchSeriesStream;
import dev.sxn.math.indicators.stream.SeriesStream;
import dev.sxn.math.indicators.stream.TickStream;
import dev.sxn.math.internal.Checks;

/**
 * Opens the streaming form of an indicator (TA-Lib 0.8.1's {@code open(params)}; {@code openAndFill(history)}
 * is {@code open(...).fill(history)}). Each stream returns, update by update, the value of the indicator's
 * array function in {@link Indicators} / {@link CompositeIndicators} at that index, bit for bit (on JAVA, the
 * reference kernel; the other backends agree with it as their Javadoc says), because both run the same step
 * code: see {@link dev.sxn.math.indicators.stream.IndicatorStream} for the verbs and the contract. The
 * parameters follow the array functions (and are checked as they are, except that a stream has no length to
 * bound the window by).
 *
 * <p>Each factory is O(window) (the stream's buffer) and returns a new, independent stream.
 */
public final class IndicatorStreams {
    private IndicatorStreams() {}

    /** The stream of {@link Indicators#ema(double[], int)}. Lookback n - 1. */
    public static SeriesStream ema(int n) {
        Checks.atLeast(n, "n", 1);
        return new EmaStream(n, false);
    }

    /** The stream of {@link Indicators#wilder(double[], int)}. Lookback n - 1. */
    public static SeriesStream wilder(int n) {
        Checks.atLeast(n, "n", 1);
        return new EmaStream(n, true);
    }

    /** The stream of {@link Indicators#sma(double[], int)} (and {@link Indicators#rollingMean}). Lookback n - 1. */
    public static SeriesStream sma(int n) {
        Checks.atLeast(n, "n", 1);
        return new SumStream(n, 1.0 / n);
    }

    /** The stream of {@link Indicators#rollingSum(double[], int)}. Lookback n - 1. */
    public static SeriesStream rollingSum(int n) {
        Checks.atLeast(n, "n", 1);
        return new SumStream(n, 1.0);
    }

    /** The stream of {@link Indicators#rollingVar(double[], int, boolean)} (JAVA's values). Lookback n - 1. */
    public static SeriesStream rollingVar(int n, boolean sample) {
        Checks.atLeast(n, "n", sample ? 2 : 1);
        return new VarianceStream(n, sample, false);
    }

    /** The stream of {@link Indicators#rollingStd(double[], int, boolean)} (JAVA's values). Lookback n - 1. */
    public static SeriesStream rollingStd(int n, boolean sample) {
        Checks.atLeast(n, "n", sample ? 2 : 1);
        return new VarianceStream(n, sample, true);
    }

    /** The stream of {@link Indicators#rollingMax(double[], int)}. Lookback n - 1; O(1) amortised. */
    public static SeriesStream rollingMax(int n) {
        Checks.atLeast(n, "n", 1);
        return new ExtremeStream(n, true);
    }

    /** The stream of {@link Indicators#rollingMin(double[], int)}. Lookback n - 1; O(1) amortised. */
    public static SeriesStream rollingMin(int n) {
        Checks.atLeast(n, "n", 1);
        return new ExtremeStream(n, false);
    }

    /** The stream of {@link Indicators#wma(double[], int)}. Lookback n - 1. */
    public static SeriesStream wma(int n) {
        Checks.atLeast(n, "n", 1);
        return new WmaStream(n);
    }

    /** The stream of {@link Indicators#rsi(double[], int)}. Lookback n. */
    public static SeriesStream rsi(int n) {
        Checks.atLeast(n, "n", 1);
        return new RsiStream(n);
    }

    /** The stream of {@link CompositeIndicators#dema(double[], int)}. Lookback 2(n - 1). */
    public static SeriesStream dema(int n) {
        Checks.atLeast(n, "n", 1);
        return new MultiEmaStream(n, 2);
    }

    /** The stream of {@link CompositeIndicators#tema(double[], int)}. Lookback 3(n - 1). */
    public static SeriesStream tema(int n) {
        Checks.atLeast(n, "n", 1);
        return new MultiEmaStream(n, 3);
    }

    /** The stream of {@link CompositeIndicators#zscore(double[], int)}. Lookback n - 1. */
    public static SeriesStream zscore(int n) {
        Checks.atLeast(n, "n", 2);
        return new BandStream(n, 0, true);
    }

    /**
     * The stream of {@link CompositeIndicators#macd(double[], int, int, int)}: lines 0 macd, 1 signal, 2
     * histogram. Lookback slow + signal - 2.
     */
    public static SeriesStream macd(int fast, int slow, int signal) {
        Checks.atLeast(fast, "fast", 1);
        Checks.atLeast(slow, "slow", 1);
        Checks.atLeast(signal, "signal", 1);
        if (fast >= slow) throw Checks.invalid("fast", fast, "be < slow (" + slow + "): the fast EMA is the shorter one");
        return new MacdStream(fast, slow, signal);
    }

    /**
     * The stream of {@link CompositeIndicators#bollinger(double[], int, double)}: lines 0 lower, 1 middle, 2 upper.
     * Lookback n - 1.
     */
    public static SeriesStream bollinger(int n, double k) {
        Checks.atLeast(n, "n", 1);
        Checks.nonNegative(k, "k");
        return new BandStream(n, k, false);
    }

    /** The stream of {@link CompositeIndicators#atr(double[], double[], double[], int)} on bars. Lookback n. */
    public static BarStream atr(int n) {
        Checks.atLeast(n, "n", 1);
        return new AtrStream(n);
    }

    /**
     * The stream of {@link CompositeIndicators#stochastic(double[], double[], double[], int, int)} on bars: lines
     * 0 %K and 1 %D. Lookback nK + nD - 2.
     */
    public static BarStream stochastic(int nK, int nD) {
        Checks.atLeast(nK, "nK", 1);
        Checks.atLeast(nD, "nD", 1);
        return new StochasticStream(nK, nD);
    }

    /** The stream of {@link Indicators#obv(double[], double[])} on bars' close and volume. Lookback 0. */
    public static BarStream obv() {
        return new VolumeStream(true);
    }

    /** The stream of {@link Indicators#vwapCumulative(double[], double[])} on bars' close and volume. Lookback 0. */
    public static BarStream vwapCumulative() {
        return new VolumeStream(false);
    }

    /** The stream of {@link CompositeIndicators#vwap(double[], double[], int)} on bars' close and volume. Lookback n - 1. */
    public static BarStream vwap(int n) {
        Checks.atLeast(n, "n", 1);
        return new VwapStream(n);
    }

    /** The stream of {@link Indicators#timeEma(double[], double[], double)} on (time, value) ticks. Lookback 0. */
    public static TickStream timeEma(double tau) {
        Checks.positive(tau, "tau");
        return new TimeEmaStream(tau);
    }

    // ---- batched streams (k assets per row; kind: the backend, null to choose per row)

    /**
     * The batched stream of {@link Indicators#ema(double[], int)} over {@code assets} assets: {@code update(row)}
     * with one close per asset. {@code kind} pins the backend (JAVA, VECTOR: lanes across assets, NATIVE: C);
     * null chooses per row (family {@code indicators.stream.batch}). Every kind gives the single streams' values
     * bit for bit.
     *
     * @throws IllegalArgumentException if assets or n is below 1, or the family has no kernel of that kind
     * @throws IllegalStateException if the kind is unavailable here, naming why
     */
    public static BatchSeriesStream emaBatch(int assets, int n, Backend kind) {
        Checks.atLeast(assets, "assets", 1);
        Checks.atLeast(n, "n", 1);
        return new BatchRecurrenceStream(assets, n, false, false, kind);
    }

    /** The batched stream of {@link Indicators#wilder(double[], int)}; as {@link #emaBatch}. */
    public static BatchSeriesStream wilderBatch(int assets, int n, Backend kind) {
        Checks.atLeast(assets, "assets", 1);
        Checks.atLeast(n, "n", 1);
        return new BatchRecurrenceStream(assets, n, true, false, kind);
    }

    /** The batched stream of {@link Indicators#rsi(double[], int)}; as {@link #emaBatch}. Lookback n. */
    public static BatchSeriesStream rsiBatch(int assets, int n, Backend kind) {
        Checks.atLeast(assets, "assets", 1);
        Checks.atLeast(n, "n", 1);
        return new BatchRecurrenceStream(assets, n, false, true, kind);
    }

    /** The batched stream of {@link Indicators#sma(double[], int)}; as {@link #emaBatch}. O(n assets) memory. */
    public static BatchSeriesStream smaBatch(int assets, int n, Backend kind) {
        Checks.atLeast(assets, "assets", 1);
        Checks.atLeast(n, "n", 1);
        return new BatchSumStream(assets, n, 1.0 / n, kind);
    }

    /**
     * The batched stream of {@link CompositeIndicators#atr(double[], double[], double[], int)}: {@code update(high,
     * low, close)} with one bar per asset; as {@link #emaBatch}. Lookback n.
     */
    public static BatchBarStream atrBatch(int assets, int n, Backend kind) {
        Checks.atLeast(assets, "assets", 1);
        Checks.atLeast(n, "n", 1);
        return new BatchAtrStream(assets, n, kind);
    }
}
