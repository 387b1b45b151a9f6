package dev.sxn.math.indicators;

import dev.sxn.math.internal.Checks;
import java.util.Objects;

/**
 * A batch of {@code k} series (assets) of {@code t} samples each, stored <b>time-major</b>: the
 * value of asset {@code a} at time {@code i} is {@code data()[i * k + a]}.
 *
 * <p>Why time-major: the indicators are recurrences in time (EMA, RSI, ATR, running window sums).
 * With the assets adjacent in memory, one time step of every asset is a contiguous run of
 * {@code k} doubles, so the step vectorises across assets (one SIMD lane per asset, one OpenCL
 * work-item per asset with coalesced reads) and memory is streamed once, forward. The same layout
 * is the natural one of a cycle-based engine that receives one price per asset per cycle (a row
 * per cycle), so price matrices need no transpose. Reading one asset's series strides by {@code k}.
 *
 * <p>The batch wraps its array without copying ({@link #wrap}); it is mutable through
 * {@link #data()} and {@link #set}, and not thread-safe while being written.
 */
public final class SeriesBatch {
    private final int k;
    private final int t;
    private final double[] data;

    private SeriesBatch(int k, int t, double[] data) {
        this.k = k;
        this.t = t;
        this.data = data;
    }

    /**
     * Wraps a time-major array of {@code k * t} values (no copy).
     *
     * @throws IllegalArgumentException if {@code k < 1}, {@code t < 0} or the length is not {@code k * t}
     */
    public static SeriesBatch wrap(int k, int t, double[] data) {
        Checks.notNull(data, "data");
        Checks.atLeast(k, "k (assets)", 1);
        Checks.atLeast(t, "t (samples)", 0);
        // Guarded so that a valid wrap builds no message (wrap may be called per tick).
        if (data.length != (long) k * t) Checks.length(data, "data", (long) k * t, "k * t = " + k + " * " + t);
        return new SeriesBatch(k, t, data);
    }

    /** A batch of {@code k} series of {@code t} zeros. */
    public static SeriesBatch zeros(int k, int t) {
        Checks.atLeast(k, "k (assets)", 1);
        Checks.atLeast(t, "t (samples)", 0);
        long n = (long) k * t;
        Checks.inRange(n, "k * t", 0, Integer.MAX_VALUE - 8, "an array's largest size");
        return new SeriesBatch(k, t, new double[(int) n]);
    }

    /**
     * Copies one series per asset ({@code series[a][i]}) into a new time-major batch.
     *
     * @throws IllegalArgumentException if there are no series or their lengths differ
     */
    public static SeriesBatch of(double[]... series) {
        Checks.notNull(series, "series");
        if (series.length == 0) throw Checks.invalid("series", "empty", "hold at least one series");
        for (int a = 0; a < series.length; a++) Checks.notNull(series[a], "series[" + a + "]");
        int t = series[0].length;
        for (int a = 1; a < series.length; a++) Checks.length(series[a], "series[" + a + "]", t, "series[0].length");
        SeriesBatch b = zeros(series.length, t);
        for (int a = 0; a < b.k; a++) b.setSeries(a, series[a]);
        return b;
    }

    /** The number of assets (series). */
    public int assets() {
        return k;
    }

    /** The number of samples per series. */
    public int length() {
        return t;
    }

    /** The backing time-major array (not a copy). */
    public double[] data() {
        return data;
    }

    /** The value of asset {@code a} at time {@code i}. */
    public double get(int a, int i) {
        Objects.checkIndex(a, k);
        Objects.checkIndex(i, t);
        return data[i * k + a];
    }

    /** Sets the value of asset {@code a} at time {@code i}. */
    public void set(int a, int i, double v) {
        Objects.checkIndex(a, k);
        Objects.checkIndex(i, t);
        data[i * k + a] = v;
    }

    /** A copy of asset {@code a}'s series. */
    public double[] series(int a) {
        Objects.checkIndex(a, k);
        double[] s = new double[t];
        for (int i = 0, p = a; i < t; i++, p += k) s[i] = data[p];
        return s;
    }

    /** Overwrites asset {@code a}'s series with {@code s} (length {@link #length()}). */
    public void setSeries(int a, double[] s) {
        Objects.checkIndex(a, k);
        Checks.length(s, "s", t, "the batch length");
        for (int i = 0, p = a; i < t; i++, p += k) data[p] = s[i];
    }

    /** A batch of the same shape, newly allocated, filled with zeros. */
    public SeriesBatch like() {
        return new SeriesBatch(k, t, new double[data.length]);
    }

    /** Whether {@code other} has this batch's shape. */
    public boolean sameShape(SeriesBatch other) {
        return other.k == k && other.t == t;
    }

    @Override
    public String toString() {
        return "SeriesBatch[" + k + " assets x " + t + " samples, time-major]";
    }
}
