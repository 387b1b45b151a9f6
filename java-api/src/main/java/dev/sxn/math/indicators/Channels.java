package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.Shapes.BATCH;
import static dev.sxn.math.indicators.Shapes.SERIES;

import dev.sxn.math.indicators.TtrLines.Band;
import dev.sxn.math.internal.Checks;

/**
 * Price channels of R's TTR 0.24.3: Donchian channel, Keltner channels and price bands (PBands). Bollinger bands
 * are {@link CompositeIndicators#bollinger}. Definitions, defaults, warm-up and operation order are TTR's. Every
 * method has a one-series form and a batch form (each asset its own series, bit-identical to the one-series form);
 * NaN or infinite inputs poison their position and restart the warm-up (see {@link Segments}). Thread-safe.
 */
public final class Channels {
    private Channels() {}

    private static final String[] HL = {"high", "low"};
    private static final String[] HLC = {"high", "low", "close"};
    private static final String[] X = {"x"};

    /**
     * Donchian channel (TTR {@code DonchianChannel(HL, n = 10)}, without the lag): upper = n-bar high, lower = n-bar
     * low, middle = their mean. For a close-only series pass the close as both. First value at index n - 1.
     * O(t n).
     *
     * @throws IllegalArgumentException if lengths differ or n is outside [1, length]
     */
    public static Band<double[]> donchian(double[] high, double[] low, int n) {
        double[][] in = {high, low};
        Shapes.window(n, "n", Segments.seriesLength(in, HL), SERIES);
        double[][] o = Segments.series(3, (v, m, out, w) -> donchian(v[0], v[1], m, n, out), in);
        return new Band<>(o[0], o[1], o[2]);
    }

    /** {@link #donchian(double[], double[], int)} of every asset of the batches. */
    public static Band<SeriesBatch> donchian(SeriesBatch high, SeriesBatch low, int n) {
        SeriesBatch[] in = {high, low};
        Segments.sameShape(in, HL);
        Shapes.window(n, "n", high.length(), BATCH);
        SeriesBatch[] o = Segments.batch(3, (v, m, out, w) -> donchian(v[0], v[1], m, n, out), in);
        return new Band<>(o[0], o[1], o[2]);
    }

    private static void donchian(double[] h, double[] l, int m, int n, double[][] out) {
        TtrOps.runExtreme(h, m, n, true, out[2]);
        TtrOps.runExtreme(l, m, n, false, out[0]);
        for (int i = 0; i < m; i++) out[1][i] = (out[2][i] + out[0][i]) / 2;
    }

    /**
     * Keltner channels (TTR {@code keltnerChannels(HLC, n = 20, atr = 2)}): the n-bar EMA of the typical price,
     * plus and minus {@code atr} times the n-bar ATR (Wilder's EMA of the true range). TTR's middle line is an EMA
     * of the typical price (Keltner's original used a 10-day SMA; TA-Lib has no Keltner); this follows TTR. First
     * value at index n (the ATR's). O(t).
     *
     * @throws IllegalArgumentException if lengths differ, n is outside [1, length] or atr is not finite
     */
    public static Band<double[]> keltner(double[] high, double[] low, double[] close, int n, double atr) {
        double[][] in = {high, low, close};
        Shapes.window(n, "n", Segments.seriesLength(in, HLC), SERIES);
        Checks.finite(atr, "atr");
        double[][] o = Segments.series(3, (v, m, out, w) -> keltner(v[0], v[1], v[2], m, n, atr, out, w), in);
        return new Band<>(o[0], o[1], o[2]);
    }

    /** {@link #keltner(double[], double[], double[], int, double)} of every asset of the batches. */
    public static Band<SeriesBatch> keltner(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n, double atr) {
        SeriesBatch[] in = {high, low, close};
        Segments.sameShape(in, HLC);
        Shapes.window(n, "n", high.length(), BATCH);
        Checks.finite(atr, "atr");
        SeriesBatch[] o = Segments.batch(3, (v, m, out, w) -> keltner(v[0], v[1], v[2], m, n, atr, out, w), in);
        return new Band<>(o[0], o[1], o[2]);
    }

    private static void keltner(double[] h, double[] l, double[] c, int m, int n, double k, double[][] out,
            Segments.Work w) {
        double[] p = w.tmp(0, m), tr = w.tmp(1, m), a = w.tmp(2, m);
        TtrOps.typical(h, l, c, m, p);
        TtrOps.ema(p, m, n, out[1]);
        TtrOps.atr(h, l, c, m, n, tr, a);
        for (int i = 0; i < m; i++) {
            out[2][i] = out[1][i] + k * a[i];
            out[0][i] = out[1][i] - k * a[i];
        }
    }

    /**
     * Price bands (TTR {@code PBands(prices, n = 20, sd = 2, fastn = 2)}, SMA, not centred): the n-bar SMA plus
     * and minus {@code sd} times the population SD over n of (SMA(n) - SMA(fastn)). First value at index 2n - 2.
     * O(t n).
     *
     * @throws IllegalArgumentException if n or fastn is outside [1, length] or sd is not finite
     */
    public static Band<double[]> pbands(double[] x, int n, double sd, int fastn) {
        double[][] in = {x};
        int t = Segments.seriesLength(in, X);
        Shapes.window(n, "n", t, SERIES);
        Shapes.window(fastn, "fastn", t, SERIES);
        Checks.finite(sd, "sd");
        double[][] o = Segments.series(3, (v, m, out, w) -> pbands(v[0], m, n, sd, fastn, out, w), in);
        return new Band<>(o[0], o[1], o[2]);
    }

    /** {@link #pbands(double[], int, double, int)} of every asset of the batch. */
    public static Band<SeriesBatch> pbands(SeriesBatch x, int n, double sd, int fastn) {
        SeriesBatch[] in = {x};
        Segments.sameShape(in, X);
        Shapes.window(n, "n", x.length(), BATCH);
        Shapes.window(fastn, "fastn", x.length(), BATCH);
        Checks.finite(sd, "sd");
        SeriesBatch[] o = Segments.batch(3, (v, m, out, w) -> pbands(v[0], m, n, sd, fastn, out, w), in);
        return new Band<>(o[0], o[1], o[2]);
    }

    private static void pbands(double[] x, int m, int n, double sd, int fastn, double[][] out, Segments.Work w) {
        double[] fast = w.tmp(0, m), d = w.tmp(1, m), v = w.tmp(2, m);
        double[] mid = out[1];
        TtrOps.sma(x, m, n, mid);
        TtrOps.sma(x, m, fastn, fast);
        for (int i = 0; i < m; i++) d[i] = mid[i] - fast[i];
        TtrOps.runCov(d, d, m, n, false, v);
        for (int i = 0; i < m; i++) {
            double s = Math.sqrt(v[i]);
            out[2][i] = mid[i] + sd * s;
            out[0][i] = mid[i] - sd * s;
        }
    }
}
