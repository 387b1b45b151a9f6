package dev.sxn.math.indicators;

import dev.sxn.math.backend.Backend;

/**
 * Technical indicators on price series ({@code double[]}) and on batches of series
 * ({@link SeriesBatch}, k assets by t samples, time-major): moving averages and sums, rolling
 * variance, min and max, EMA, Wilder, WMA, RSI, OBV, cumulative VWAP and the time-aware EMA. The
 * indicators built from these (MACD, Bollinger, z-score, DEMA/TEMA, ATR, rolling VWAP,
 * stochastics) are in {@link CompositeIndicators}, the operations on price matrices in
 * {@link PriceMatrices}; the paragraphs below are the contract of all three.
 *
 * <p><b>Shape.</b> Every indicator returns (or writes into the caller's {@code out}, the
 * {@code ...Into} forms, which allocate nothing) one value per input sample, index for index; the
 * warm-up positions are NaN. A window indicator of window {@code n} is first defined at index
 * {@code n - 1}; EMA/Wilder at {@code n - 1} (seeded with the SMA of the first n values); RSI and
 * ATR at {@code n} (they need a previous close). {@code out} must have the input's length and must
 * not be the input array.
 *
 * <p><b>Missing values.</b> A non-finite input (NaN, +-Inf) is a missing sample. A window indicator
 * is NaN for exactly the windows that contain one; a recursive indicator (EMA, Wilder, DEMA, TEMA,
 * RSI, ATR, MACD, OBV, cumulative VWAP, time-aware EMA) is NaN at it and starts a fresh warm-up
 * at the next finite sample, as if the series began there.
 *
 * <p><b>Definitions.</b> They follow R's TTR 0.24.3, which the tests reproduce to 1e-10 relative;
 * where TTR and TA-Lib differ, the method says which one is followed and why. Notable choices:
 * MACD is the difference of the EMAs (TA-Lib; TTR's default {@code percent = TRUE} gives a ratio),
 * each EMA seeded on its own first n values (TTR; TA-Lib shifts the fast seed); the RSI of a window
 * without any change is NaN (TTR; TA-Lib returns 0); stochastics are in percent (TA-Lib; TTR
 * returns fractions) with NaN for a flat high-low range (TTR).
 *
 * <p><b>Backends.</b> The rolling sum/mean, rolling variance/std, EMA/Wilder and RSI kernels run on
 * JAVA, VECTOR, NATIVE and OPENCL; the indicators built from them ({@link CompositeIndicators}:
 * DEMA, TEMA, MACD, Bollinger, ATR, z-score, rolling VWAP, %D) use them too. The others (rolling
 * min/max, WMA, OBV, cumulative VWAP, time-aware EMA, {@link PriceMatrices}) are plain Java. The
 * static methods here choose the backend per call from the problem size (k * t);
 * {@link #on(Backend)} gives the same methods with the backend pinned ({@code on(null)}: chosen per
 * call, as here). Backends agree with JAVA to 1e-12 relative (see the tests for the per-kernel
 * bounds); batched VECTOR and NATIVE results equal JAVA bit for bit.
 *
 * <p><b>Allocation.</b> On a single series the {@code ...Into} forms allocate nothing of the
 * input's size once warm, at most a few small arrays (IndicatorsAllocationTest holds each to under
 * 16 KiB per call on 10^5 points): SMA, rolling sum,
 * variance/std, EMA, Wilder, RSI, WMA, MACD, Bollinger, OBV, cumulative VWAP and the time-aware EMA
 * need no temporaries; DEMA, TEMA, z-score, ATR and rolling VWAP keep theirs per thread (softly
 * referenced, reused while the length stays the same); rolling min/max and stochastics allocate a
 * buffer of the window's size per call. Batched forms keep the per-asset state of their
 * recurrences per thread (sums, EMA, Wilder, RSI; the batched rolling variance still allocates
 * its state, O(k) doubles per call, on JAVA and VECTOR), and batched rolling min/max and
 * stochastics allocate two arrays of the series length t (each asset is gathered into one). Until C2 has compiled a VECTOR kernel, its vectors are boxed
 * on the heap (see the test for the rolling variance's rarely run careful path).
 *
 * <p><b>Running sums.</b> Rolling sums are compensated (TwoSum): the error of a window sum is at
 * most {@code 2u|S| + 4 m u^2 sum|x|} (u = 2^-53, m the steps since the run began, the second sum
 * over those steps): below 1e-15 relative for 10^7 prices of one magnitude. Rolling variances
 * slide shifted sums S1 = sum(x - K), S2 = sum((x - K)^2) re-centred on the window mean K after
 * every step, and re-compute them by two passes at the first window of a run, every 1024 steps,
 * and whenever the magnitudes added since exceed 512 S2 (a window much calmer than its recent
 * past); so the error of a variance stays below about 512 u of it (6e-14 relative) plus w ulp(x)^2
 * from rounding the mean (the same as TTR's two-pass), whatever the series length; a flat window is
 * exactly 0.
 *
 * <p>Complexity O(t) per series. Stateless and thread-safe.
 */
public final class Indicators {
    private static final IndicatorSet AUTO = IndicatorSet.AUTO;

    private Indicators() {}

    /**
     * These indicators with the backend pinned to {@code kind}, as one immutable instance per kind:
     * {@code Indicators.on(Backend.NATIVE).rsi(x, 14)} runs the RSI kernel on NATIVE (or throws
     * {@link IllegalStateException} naming why NATIVE is unavailable); see {@link IndicatorSet} for
     * what a kind pins. {@code on(null)} is the automatic choice per call, the same as the static
     * methods of this class ({@code null} means "choose" wherever the library takes a {@link Backend}).
     */
    public static IndicatorSet on(Backend kind) {
        return IndicatorSet.on(kind);
    }

    // ---- SMA / rolling mean / rolling sum

    /**
     * Simple moving average: the mean of the last {@code n} values, {@code out[i] = (x[i-n+1] + ... +
     * x[i]) / n} (TTR {@code SMA}, TA-Lib {@code SMA}). Warm-up: indices below n - 1 are NaN.
     *
     * @throws IllegalArgumentException if n is outside [1, x.length]
     */
    public static double[] sma(double[] x, int n) {
        return AUTO.sma(x, n);
    }

    /** {@link #sma(double[], int)} into {@code out}. */
    public static void smaInto(double[] x, int n, double[] out) {
        AUTO.smaInto(x, n, out);
    }

    /** {@link #sma(double[], int)} of every series of the batch. */
    public static SeriesBatch sma(SeriesBatch x, int n) {
        return AUTO.sma(x, n);
    }

    /** {@link #sma(SeriesBatch, int)} into {@code out}. */
    public static void smaInto(SeriesBatch x, int n, SeriesBatch out) {
        AUTO.smaInto(x, n, out);
    }

    /** The rolling mean over {@code n} values: the same as {@link #sma(double[], int)}. */
    public static double[] rollingMean(double[] x, int n) {
        return AUTO.rollingMean(x, n);
    }

    /** Rolling sum of the last {@code n} values (TTR {@code runSum}); indices below n - 1 are NaN. */
    public static double[] rollingSum(double[] x, int n) {
        return AUTO.rollingSum(x, n);
    }

    /** {@link #rollingSum(double[], int)} into {@code out}. */
    public static void rollingSumInto(double[] x, int n, double[] out) {
        AUTO.rollingSumInto(x, n, out);
    }

    /** {@link #rollingSum(double[], int)} of every series of the batch. */
    public static SeriesBatch rollingSum(SeriesBatch x, int n) {
        return AUTO.rollingSum(x, n);
    }

    /** {@link #rollingSum(SeriesBatch, int)} into {@code out}. */
    public static void rollingSumInto(SeriesBatch x, int n, SeriesBatch out) {
        AUTO.rollingSumInto(x, n, out);
    }

    // ---- rolling variance / standard deviation

    /**
     * Rolling variance of the last {@code n} values: population ({@code sample = false}, divisor n)
     * or sample ({@code sample = true}, divisor n - 1, needs n >= 2). TTR {@code runVar}; a flat
     * window gives exactly 0. Indices below n - 1 are NaN.
     *
     * <p>Accuracy: JAVA (and batches on every backend) re-centre shifted sums on the window mean
     * every step, with two passes whenever the rounding could exceed about 512 u of the window's
     * sum of squared deviations M2 (relative error near 6e-14). A single series on VECTOR and
     * NATIVE slides shifted sums and proves a rounding-error bound for every output: for windows of
     * 16 or more, one bound per block of outputs (the block's largest sum of squares against its
     * smallest M2), a block that fails being recomputed by the per-output method; for shorter
     * windows a running bound per output; on NATIVE with its AVX-512 body, windows of 16 to 96 slide
     * eight runs of 16 to 32 outputs side by side, one bound per run. A result is used only where its
     * bound is at most 2^-40 (9.1e-13) of M2, otherwise (calm windows after a storm, flat windows) the
     * window is recomputed by two passes: relative error at most 9.1e-13 plus two ulps. O(t) time,
     * O(n) extra per recomputed window.
     *
     * <p>Values too large to square (|x| above about 1.3e154, up to Double.MAX_VALUE): a window whose
     * sums overflow is recomputed from its values scaled by a power of two (exact), by two passes, and
     * scaled back, on every backend; the variance is +Infinity exactly when the true one exceeds
     * Double.MAX_VALUE, the standard deviation stays finite (values near 1e200 have a std near 1e200).
     * Those windows cost O(n) each; ordinary windows are unaffected.
     *
     * @throws IllegalArgumentException if n is outside [1, x.length] ([2, x.length] for a sample)
     */
    public static double[] rollingVar(double[] x, int n, boolean sample) {
        return AUTO.rollingVar(x, n, sample);
    }

    /** {@link #rollingVar(double[], int, boolean)} into {@code out}. */
    public static void rollingVarInto(double[] x, int n, boolean sample, double[] out) {
        AUTO.rollingVarInto(x, n, sample, out);
    }

    /** {@link #rollingVar(double[], int, boolean)} of every series of the batch. */
    public static SeriesBatch rollingVar(SeriesBatch x, int n, boolean sample) {
        return AUTO.rollingVar(x, n, sample);
    }

    /**
     * Rolling standard deviation: the square root of {@link #rollingVar(double[], int, boolean)} (TTR
     * {@code runSD}), correctly rounded, except on NATIVE's AVX-512 lane blocks (single series, windows
     * of 16 to 96), where half the roots are a 14-bit reciprocal square root estimate refined by a
     * cubic: within 2^-51 (4.4e-16) relative of the correctly rounded root, so the std's relative error
     * is at most about 2^-41 (4.5e-13) plus three ulps. Flat windows give exactly 0; NaN as rollingVar.
     */
    public static double[] rollingStd(double[] x, int n, boolean sample) {
        return AUTO.rollingStd(x, n, sample);
    }

    /** {@link #rollingStd(double[], int, boolean)} into {@code out}. */
    public static void rollingStdInto(double[] x, int n, boolean sample, double[] out) {
        AUTO.rollingStdInto(x, n, sample, out);
    }

    /** {@link #rollingStd(double[], int, boolean)} of every series of the batch. */
    public static SeriesBatch rollingStd(SeriesBatch x, int n, boolean sample) {
        return AUTO.rollingStd(x, n, sample);
    }

    /** {@link #rollingStd(SeriesBatch, int, boolean)} into {@code out}. */
    public static void rollingStdInto(SeriesBatch x, int n, boolean sample, SeriesBatch out) {
        AUTO.rollingStdInto(x, n, sample, out);
    }

    // ---- rolling min / max

    /**
     * Rolling maximum of the last {@code n} values (TTR {@code runMax}); van Herk / Gil-Werman block
     * prefix/suffix maxima, O(1) per point and branch-free, exact (an input is selected; of equal
     * values the newest, so -0.0 and +0.0 come out as they are in the series). NaN while fewer than
     * n values, and for windows holding a NaN or +-Inf.
     */
    public static double[] rollingMax(double[] x, int n) {
        return AUTO.rollingMax(x, n);
    }

    /** {@link #rollingMax(double[], int)} into {@code out}. */
    public static void rollingMaxInto(double[] x, int n, double[] out) {
        AUTO.rollingMaxInto(x, n, out);
    }

    /** {@link #rollingMax(double[], int)} of every series of the batch. */
    public static SeriesBatch rollingMax(SeriesBatch x, int n) {
        return AUTO.rollingMax(x, n);
    }

    /** Rolling minimum of the last {@code n} values (TTR {@code runMin}); as {@link #rollingMax(double[], int)}. */
    public static double[] rollingMin(double[] x, int n) {
        return AUTO.rollingMin(x, n);
    }

    /** {@link #rollingMin(double[], int)} into {@code out}. */
    public static void rollingMinInto(double[] x, int n, double[] out) {
        AUTO.rollingMinInto(x, n, out);
    }

    /** {@link #rollingMin(double[], int)} of every series of the batch. */
    public static SeriesBatch rollingMin(SeriesBatch x, int n) {
        return AUTO.rollingMin(x, n);
    }

    // ---- EMA / Wilder / WMA

    /**
     * Exponential moving average with {@code alpha = 2 / (n + 1)}, seeded with the SMA of the first
     * n values: {@code out[n-1] = mean(x[0..n-1])}, then {@code out[i] = alpha x[i] + (1 - alpha)
     * out[i-1]} (TTR {@code EMA}, TA-Lib {@code EMA}: they agree). Indices below n - 1 are NaN.
     */
    public static double[] ema(double[] x, int n) {
        return AUTO.ema(x, n);
    }

    /** {@link #ema(double[], int)} into {@code out}. */
    public static void emaInto(double[] x, int n, double[] out) {
        AUTO.emaInto(x, n, out);
    }

    /** {@link #ema(double[], int)} of every series of the batch: vectorised across the assets. */
    public static SeriesBatch ema(SeriesBatch x, int n) {
        return AUTO.ema(x, n);
    }

    /** {@link #ema(SeriesBatch, int)} into {@code out}. */
    public static void emaInto(SeriesBatch x, int n, SeriesBatch out) {
        AUTO.emaInto(x, n, out);
    }

    /**
     * Wilder's smoothing: the EMA with {@code alpha = 1 / n}, seeded with the SMA of the first n
     * values (TTR {@code EMA(wilder = TRUE)}; Wilder's "smoothed moving average", TA-Lib's internal
     * RSI/ATR smoothing). Indices below n - 1 are NaN.
     */
    public static double[] wilder(double[] x, int n) {
        return AUTO.wilder(x, n);
    }

    /** {@link #wilder(double[], int)} into {@code out}. */
    public static void wilderInto(double[] x, int n, double[] out) {
        AUTO.wilderInto(x, n, out);
    }

    /** {@link #wilder(double[], int)} of every series of the batch. */
    public static SeriesBatch wilder(SeriesBatch x, int n) {
        return AUTO.wilder(x, n);
    }

    /**
     * Linearly weighted moving average: weights 1..n, the newest value heaviest, divided by
     * n(n+1)/2 (TTR {@code WMA}, TA-Lib {@code WMA}). O(1) per output by running plain and weighted
     * sums, recomputed from the window at the start of every run and every max(64, n) steps: the
     * error stays below about (n + 2R + 2R^2/n) u max|x| (R = max(64, n), u = 2^-53; 1.5e-13
     * max|x| at n = 20), see the kernel's comment. Indices below n - 1 are NaN.
     */
    public static double[] wma(double[] x, int n) {
        return AUTO.wma(x, n);
    }

    /** {@link #wma(double[], int)} into {@code out}. */
    public static void wmaInto(double[] x, int n, double[] out) {
        AUTO.wmaInto(x, n, out);
    }

    /** {@link #wma(double[], int)} of every series of the batch. */
    public static SeriesBatch wma(SeriesBatch x, int n) {
        return AUTO.wma(x, n);
    }

    // ---- RSI

    /**
     * Relative strength index (Wilder): gains and losses of the price changes, each smoothed by
     * Wilder's average seeded with the mean of the first n changes; {@code 100 up / (up + down)}
     * (TTR {@code RSI}, TA-Lib {@code RSI}). First value at index n. A window without any change is
     * NaN (0/0): TTR's choice, where TA-Lib returns 0; a flat market has no defined strength and a 0
     * would read as "oversold".
     */
    public static double[] rsi(double[] x, int n) {
        return AUTO.rsi(x, n);
    }

    /** {@link #rsi(double[], int)} into {@code out}. */
    public static void rsiInto(double[] x, int n, double[] out) {
        AUTO.rsiInto(x, n, out);
    }

    /** {@link #rsi(double[], int)} of every series of the batch: vectorised across the assets. */
    public static SeriesBatch rsi(SeriesBatch x, int n) {
        return AUTO.rsi(x, n);
    }

    /** {@link #rsi(SeriesBatch, int)} into {@code out}. */
    public static void rsiInto(SeriesBatch x, int n, SeriesBatch out) {
        AUTO.rsiInto(x, n, out);
    }

    // ---- price and volume: cumulative VWAP, OBV

    /**
     * Cumulative VWAP: {@code sum(price * volume) / sum(volume)} from the start of the run (the first
     * sample, or the first after a missing one), with compensated sums. Defined from index 0. The
     * rolling VWAP is {@link CompositeIndicators#vwap(double[], double[], int)}.
     */
    public static double[] vwapCumulative(double[] price, double[] volume) {
        return AUTO.vwapCumulative(price, volume);
    }

    /** {@link #vwapCumulative(double[], double[])} into {@code out}. */
    public static void vwapCumulativeInto(double[] price, double[] volume, double[] out) {
        AUTO.vwapCumulativeInto(price, volume, out);
    }

    /** {@link #vwapCumulative(double[], double[])} of every series of the batches. */
    public static SeriesBatch vwapCumulative(SeriesBatch price, SeriesBatch volume) {
        return AUTO.vwapCumulative(price, volume);
    }

    /**
     * On-balance volume: starts at {@code volume[0]}, then adds the volume when the price rises,
     * subtracts it when it falls and keeps the total when it is unchanged (TA-Lib {@code OBV}; TTR
     * also starts at volume[0] but counts a change below sqrt(machine eps) relative as unchanged, a
     * tolerance TA-Lib and the usual definition do not have; exact comparison is followed).
     */
    public static double[] obv(double[] price, double[] volume) {
        return AUTO.obv(price, volume);
    }

    /** {@link #obv(double[], double[])} into {@code out}. */
    public static void obvInto(double[] price, double[] volume, double[] out) {
        AUTO.obvInto(price, volume, out);
    }

    /** {@link #obv(double[], double[])} of every series of the batches. */
    public static SeriesBatch obv(SeriesBatch price, SeriesBatch volume) {
        return AUTO.obv(price, volume);
    }

    // ---- time-aware EMA

    /**
     * EMA for irregular ticks: {@code v[0] = x[0]}, {@code v[i] = v[i-1] + (1 - exp(-(time[i] -
     * time[i-1]) / tau)) (x[i] - v[i-1])}: each tick's weight depends on the time since the last one,
     * with time constant {@code tau} in the units of {@code time}. A tick at the same time as the last
     * has no weight. Defined from index 0 (and from the first tick after a missing one).
     *
     * @throws IllegalArgumentException if the lengths differ, tau is not finite and > 0, or the
     *     timestamps are not finite and non-decreasing (naming the first offending index)
     */
    public static double[] timeEma(double[] x, double[] time, double tau) {
        return AUTO.timeEma(x, time, tau);
    }

    /** {@link #timeEma(double[], double[], double)} into {@code out}. */
    public static void timeEmaInto(double[] x, double[] time, double tau, double[] out) {
        AUTO.timeEmaInto(x, time, tau, out);
    }

    /** {@link #timeEma(double[], double[], double)} of every series of the batch, on shared timestamps. */
    public static SeriesBatch timeEma(SeriesBatch x, double[] time, double tau) {
        return AUTO.timeEma(x, time, tau);
    }
}
