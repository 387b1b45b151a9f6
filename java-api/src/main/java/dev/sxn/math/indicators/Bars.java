package dev.sxn.math.indicators;

import dev.sxn.math.internal.Checks;

/**
 * OHLCV bars as column arrays of one length: {@code open[i], high[i], low[i], close[i], volume[i]} are bar i
 * (oldest first). The arrays are held, not copied: the indicators read them in place, and a writer can fill
 * them bar by bar. A non-finite value is a missing value (the indicators' rule); the columns are not checked
 * beyond their lengths, so each indicator checks what it needs (ATR: high >= low). One bar as a value is
 * {@link Bar}.
 *
 * @param open   opening prices
 * @param high   highest prices
 * @param low    lowest prices
 * @param close  closing prices
 * @param volume traded volumes
 */
public record Bars(double[] open, double[] high, double[] low, double[] close, double[] volume) {

    /**
     * Checks that every column is present and all have one length.
     *
     * @throws NullPointerException     if a column is null
     * @throws IllegalArgumentException if the columns' lengths differ
     */
    public Bars {
        Checks.sameLength(close, "close", open, "open");
        Checks.sameLength(close, "close", high, "high");
        Checks.sameLength(close, "close", low, "low");
        Checks.sameLength(close, "close", volume, "volume");
    }

    /** {@code n} bars of zeros (to be filled in place). */
    public static Bars zeros(int n) {
        Checks.atLeast(n, "n", 0);
        return new Bars(new double[n], new double[n], new double[n], new double[n], new double[n]);
    }

    /** The number of bars. */
    public int length() {
        return close.length;
    }

    /**
     * Bar {@code i} as a value (a new {@link Bar}).
     *
     * @throws IllegalArgumentException if i is outside [0, length())
     */
    public Bar bar(int i) {
        Checks.inRange(i, "i", 0, length() - 1, "the number of bars");
        return new Bar(open[i], high[i], low[i], close[i], volume[i]);
    }

    /**
     * Writes {@code bar} into position {@code i} of the columns.
     *
     * @throws IllegalArgumentException if i is outside [0, length())
     */
    public void set(int i, Bar bar) {
        Checks.notNull(bar, "bar");
        Checks.inRange(i, "i", 0, length() - 1, "the number of bars");
        open[i] = bar.open();
        high[i] = bar.high();
        low[i] = bar.low();
        close[i] = bar.close();
        volume[i] = bar.volume();
    }

    /** Copies of the columns' range [from, to) as new bars. */
    public Bars slice(int from, int to) {
        Checks.inRange(to, "to", 0, length(), "the number of bars");
        Checks.inRange(from, "from", 0, to, "to");
        return new Bars(java.util.Arrays.copyOfRange(open, from, to), java.util.Arrays.copyOfRange(high, from, to),
                java.util.Arrays.copyOfRange(low, from, to), java.util.Arrays.copyOfRange(close, from, to),
                java.util.Arrays.copyOfRange(volume, from, to));
    }
}
