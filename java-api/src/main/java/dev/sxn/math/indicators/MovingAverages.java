package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.Segments.one;
import static dev.sxn.math.indicators.Shapes.BATCH;
import static dev.sxn.math.indicators.Shapes.SERIES;

import dev.sxn.math.internal.Checks;

/**
 * The moving averages of R's TTR 0.24.3 that {@link Indicators} and {@link CompositeIndicators} lack: ALMA, EVWMA,
 * GMMA, HMA, VMA, VWMA, ZLEMA and Wilder's sum. Definitions, defaults, warm-up (NaN where TTR gives NA) and
 * operation order are TTR's. Every method has a one-series form and a batch form (each asset its own series,
 * bit-identical to the one-series form); NaN or infinite inputs poison their position and restart the warm-up
 * (see {@link Segments}). Outputs are new arrays; temporaries are per-thread scratch. Thread-safe.
 */
public final class MovingAverages {
    private MovingAverages() {}

    private static final String[] X = {"x"};
    private static final String[] XW = {"x", "w"};
    private static final String[] PV = {"price", "volume"};

    // ---- ALMA

    /**
     * Arnaud Legoux moving average (TTR {@code ALMA(x, n = 9, offset = 0.85, sigma = 6)}): the window weighted by
     * a Gaussian {@code exp(-(j - m)^2 / (2 s^2))}, j = 0..n-1 oldest first, m = floor(offset (n - 1)), s = n /
     * sigma, normalised to sum 1. First value at index n - 1. O(t n).
     *
     * @throws IllegalArgumentException if n is outside [1, length], offset outside [0, 1] or sigma not positive
     */
    public static double[] alma(double[] x, int n, double offset, double sigma) {
        checkAlma(offset, sigma);
        return one(x, n, (v, m, out, w) -> alma(v[0], m, n, offset, sigma, out[0], w));
    }

    /** {@link #alma(double[], int, double, double)} of every asset of the batch. */
    public static SeriesBatch alma(SeriesBatch x, int n, double offset, double sigma) {
        return TrendBatches.alma(x, n, offset, sigma, null);
    }

    static void checkAlma(double offset, double sigma) {
        Checks.inClosed(offset, "offset", 0, 1);
        Checks.positive(sigma, "sigma");
        Checks.finite(sigma, "sigma");
    }

    static void alma(double[] x, int m, int n, double offset, double sigma, double[] o, Segments.Work w) {
        double[] wts = w.tmp(0, n);
        almaWeights(n, offset, sigma, wts);
        TtrOps.wma(x, m, wts, n, o);
    }

    /** ALMA's n normalised Gaussian weights, oldest first, into {@code wts[0..n)}. */
    static void almaWeights(int n, double offset, double sigma, double[] wts) {
        double mid = Math.floor(offset * (n - 1)), s = n / sigma, sum = 0;
        for (int j = 0; j < n; j++) {
            double d = j - mid;
            wts[j] = Math.exp(-(d * d) / (2 * s * s));
            sum += wts[j];
        }
        if (sum != 0) {
            for (int j = 0; j < n; j++) wts[j] = wts[j] / sum;
        }
    }

    // ---- EVWMA

    /**
     * Elastic volume-weighted moving average (TTR {@code EVWMA(price, volume, n = 10)}): starts at the price of
     * index n - 1, then {@code ((V - v) prev + v p) / V} with V the n-bar volume sum. O(t).
     *
     * @throws IllegalArgumentException if lengths differ or n is outside [1, length]
     */
    public static double[] evwma(double[] price, double[] volume, int n) {
        double[][] in = {price, volume};
        Shapes.window(n, "n", Segments.seriesLength(in, PV), SERIES);
        return Segments.series(1, (v, m, out, w) -> evwma(v[0], v[1], m, n, out[0]), in)[0];
    }

    /** {@link #evwma(double[], double[], int)} of every asset of the batches. */
    public static SeriesBatch evwma(SeriesBatch price, SeriesBatch volume, int n) {
        return TrendBatches.evwma(price, volume, n, null);
    }

    static void evwma(double[] p, double[] v, int m, int n, double[] o) {
        if (n > m) return;
        double vs = 0;
        for (int i = 0; i < n; i++) vs += v[i];
        o[n - 1] = p[n - 1];
        for (int i = n; i < m; i++) {
            vs = vs + v[i] - v[i - n];
            o[i] = ((vs - v[i]) * o[i - 1] + v[i] * p[i]) / vs;
        }
    }

    // ---- GMMA

    /**
     * Guppy multiple moving averages (TTR {@code GMMA(x)}, short = 3, 5, 8, 10, 12, 15 and long = 30, 35, 40, 45,
     * 50, 60): the EMA of each window, short ones first. O(t) per line.
     *
     * @throws IllegalArgumentException if a window is outside [1, length] or there is none
     */
    public static double[][] gmma(double[] x, int[] windows) {
        double[][] in = {x};
        int t = Segments.seriesLength(in, X);
        checkWindows(windows, t, SERIES);
        return Segments.series(windows.length, (v, m, out, w) -> gmma(v[0], m, windows, out), in);
    }

    /** {@link #gmma(double[], int[])} with TTR's twelve default windows. */
    public static double[][] gmma(double[] x) {
        return gmma(x, GMMA_WINDOWS.clone());
    }

    /** {@link #gmma(double[], int[])} of every asset of the batch, one batch per window. */
    public static SeriesBatch[] gmma(SeriesBatch x, int[] windows) {
        SeriesBatch[] in = {x};
        Segments.sameShape(in, X);
        checkWindows(windows, x.length(), BATCH);
        return Segments.batch(windows.length, (v, m, out, w) -> gmma(v[0], m, windows, out), in);
    }

    /** TTR's GMMA windows: the six short, then the six long. */
    private static final int[] GMMA_WINDOWS = {3, 5, 8, 10, 12, 15, 30, 35, 40, 45, 50, 60};

    /** TTR's default GMMA windows (a copy): 3, 5, 8, 10, 12, 15, 30, 35, 40, 45, 50, 60. */
    public static int[] gmmaWindows() {
        return GMMA_WINDOWS.clone();
    }

    private static void checkWindows(int[] windows, int t, String length) {
        Checks.notNull(windows, "windows");
        if (windows.length == 0 || windows.length > 14) {
            throw Checks.invalid("windows.length", windows.length, "be in [1, 14]");
        }
        for (int j = 0; j < windows.length; j++) Shapes.window(windows[j], "windows[" + j + "]", t, length);
    }

    private static void gmma(double[] x, int m, int[] windows, double[][] out) {
        for (int j = 0; j < windows.length; j++) TtrOps.ema(x, m, windows[j], out[j]);
    }

    // ---- HMA

    /**
     * Hull moving average (TTR {@code HMA(x, n = 20)}): {@code WMA(2 WMA(x, n/2) - WMA(x, n), trunc(sqrt n))} with
     * linear weights, n/2 truncated. First value at index n + trunc(sqrt n) - 2. O(t n).
     *
     * @throws IllegalArgumentException if n is outside [2, length]
     */
    public static double[] hma(double[] x, int n) {
        Checks.atLeast(n, "n", 2);
        return one(x, n, (v, m, out, w) -> hma(v[0], m, n, out[0], w));
    }

    /** {@link #hma(double[], int)} of every asset of the batch. */
    public static SeriesBatch hma(SeriesBatch x, int n) {
        return TrendBatches.hma(x, n, null);
    }

    static void hma(double[] x, int m, int n, double[] o, Segments.Work w) {
        double[] a = w.tmp(0, m), b = w.tmp(1, m), wts = w.tmp(2, n);
        TtrOps.wmaLinear(x, m, n / 2, wts, a);
        TtrOps.wmaLinear(x, m, n, wts, b);
        for (int i = 0; i < m; i++) a[i] = 2 * a[i] - b[i];
        TtrOps.wmaLinear(a, m, (int) Math.sqrt(n), wts, o);
    }

    // ---- VMA

    /**
     * Variable-length moving average (TTR {@code VMA(x, w, ratio = 1)}): starts at x, then {@code x |w| ratio +
     * prev (1 - ratio |w|)}, the weight w a volatility index in [0, 1] (commonly |CMO| / 100). O(t).
     *
     * @throws IllegalArgumentException if lengths differ or ratio is not positive
     */
    public static double[] vma(double[] x, double[] w, double ratio) {
        double[][] in = {x, w};
        Segments.seriesLength(in, XW);
        Checks.positive(ratio, "ratio");
        return Segments.series(1, (v, m, out, s) -> vma(v[0], v[1], m, ratio, out[0]), in)[0];
    }

    /** {@link #vma(double[], double[], double)} of every asset of the batches. */
    public static SeriesBatch vma(SeriesBatch x, SeriesBatch w, double ratio) {
        SeriesBatch[] in = {x, w};
        Segments.sameShape(in, XW);
        Checks.positive(ratio, "ratio");
        return Segments.batch(1, (v, m, out, s) -> vma(v[0], v[1], m, ratio, out[0]), in)[0];
    }

    private static void vma(double[] x, double[] w, int m, double ratio, double[] o) {
        o[0] = 0 + x[0];
        for (int i = 1; i < m; i++) {
            double a = Math.abs(w[i]);
            o[i] = x[i] * a * ratio + o[i - 1] * (1 - ratio * a);
        }
    }

    // ---- VWMA

    /**
     * Volume-weighted moving average (TTR {@code VWMA(price, volume, n = 10)}, the same as TTR's {@code VWAP}):
     * {@code runSum(price volume, n) / runSum(volume, n)}, computed by {@link CompositeIndicators#vwap}; its stream is
     * {@link IndicatorStreams#vwap(int)}. O(t).
     */
    public static double[] vwma(double[] price, double[] volume, int n) {
        return CompositeIndicators.vwap(price, volume, n);
    }

    /** {@link #vwma(double[], double[], int)} of every asset of the batches. */
    public static SeriesBatch vwma(SeriesBatch price, SeriesBatch volume, int n) {
        return CompositeIndicators.vwap(price, volume, n);
    }

    // ---- Wilder's sum

    /**
     * Wilder's running sum (TTR {@code wilderSum(x, n = 10)}): the plain sum of the first n - 1 values, then
     * {@code x + prev (n - 1) / n}; first value at index n - 1. O(t).
     */
    public static double[] wilderSum(double[] x, int n) {
        return one(x, n, (v, m, out, w) -> TtrOps.wilderSum(v[0], m, n, out[0]));
    }

    /** {@link #wilderSum(double[], int)} of every asset of the batch. */
    public static SeriesBatch wilderSum(SeriesBatch x, int n) {
        return TrendBatches.wilderSum(x, n, null);
    }

    // ---- ZLEMA

    /**
     * Zero-lag EMA (TTR {@code ZLEMA(x, n = 10)}): an EMA (ratio 2/(n+1), seeded by the mean of the first n) of
     * {@code 2 x - x[lag]}, the lag 1/ratio = (n + 1)/2 bars interpolated linearly between whole bars as TTR
     * does. First value at index n - 1. O(t).
     */
    public static double[] zlema(double[] x, int n) {
        return one(x, n, (v, m, out, w) -> zlema(v[0], m, n, out[0]));
    }

    /** {@link #zlema(double[], int)} of every asset of the batch. */
    public static SeriesBatch zlema(SeriesBatch x, int n) {
        return TrendBatches.zlema(x, n, null);
    }

    static void zlema(double[] x, int m, int n, double[] o) {
        if (n > m) return;
        double ratio = 2.0 / (n + 1), seed = 0;
        for (int i = 0; i < n; i++) seed += x[i] / n;
        o[n - 1] = seed;
        double lag = 1.0 / ratio, wt = lag % 1.0, w1 = 1.0 - wt, r1 = 1.0 - ratio;
        for (int i = n; i < m; i++) {
            int loc = (int) (i - lag);
            double value = 2 * x[i] - (w1 * x[loc] + wt * x[loc + 1]);
            o[i] = ratio * value + r1 * o[i - 1];
        }
    }
}
