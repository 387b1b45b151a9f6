package dev.sxn.math.indicators;

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
        Objects.requireNonNull(data, "data must not be null");
        if (k < 1) throw new IllegalArgumentException("k (assets) must be >= 1, was " + k);
        if (t < 0) throw new IllegalArgumentException("t (samples) must be >= 0, was " + t);
        if ((long) k * t != data.length) {
            throw new IllegalArgumentException("data.length must be k * t = " + k + " * " + t + " = " + (long) k * t
                    + ", was " + data.length);
        }
        return new SeriesBatch(k, t, data);
    }

    /** A batch of {@code k} series of {@code t} zeros. */
    public static SeriesBatch zeros(int k, int t) {
        if (k < 1) throw new IllegalArgumentException("k (assets) must be >= 1, was " + k);
        if (t < 0) throw new IllegalArgumentException("t (samples) must be >= 0, was " + t);
        long n = (long) k * t;
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("k * t must fit an array, was " + n);
        return new SeriesBatch(k, t, new double[(int) n]);
    }

    /**
     * Copies one series per asset ({@code series[a][i]}) into a new time-major batch.
     *
     * @throws IllegalArgumentException if there are no series or their lengths differ
     */
    public static SeriesBatch of(double[]... series) {
        Objects.requireNonNull(series, "series must not be null");
        if (series.length == 0) throw new IllegalArgumentException("series must hold at least one series, was empty");
        for (int a = 0; a < series.length; a++) Objects.requireNonNull(series[a], "series[" + a + "] must not be null");
        int t = series[0].length;
        for (int a = 1; a < series.length; a++) {
            if (series[a].length != t) {
                throw new IllegalArgumentException("every series must have the same length: series[0].length is " + t
                        + ", series[" + a + "].length was " + series[a].length);
            }
        }
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
        Objects.requireNonNull(s, "s must not be null");
        if (s.length != t) throw new IllegalArgumentException("s.length must be " + t + " (the batch length), was " + s.length);
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
