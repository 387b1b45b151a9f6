package dev.sxn.math.indicators.stream;

import dev.sxn.math.indicators.Bar;
import dev.sxn.math.indicators.Bars;
import dev.sxn.math.internal.Checks;

/**
 * A streaming indicator over OHLCV bars (ATR, stochastics, OBV, VWAP): see {@link IndicatorStream} for the verbs
 * and the contract. {@code update(bar)} equals, value for value, the array function on the {@link Bars}
 * columns at the next index. An indicator reads only the fields it needs (the others may be anything).
 */
public abstract class BarStream extends IndicatorStream {

    /** See {@link IndicatorStream#IndicatorStream(int, int)}. */
    protected BarStream(int lookback, int lines) {
        super(lookback, lines);
    }

    /** See {@link IndicatorStream#IndicatorStream(IndicatorStream)}. */
    protected BarStream(BarStream from) {
        super(from);
    }

    /**
     * Commits one bar and returns the value (line 0) after it. O(1) amortised; allocates nothing.
     *
     * @throws IllegalArgumentException where the indicator's array function would reject the bar (ATR: high
     *     below low); the state is then unchanged
     */
    public final double update(double open, double high, double low, double close, double volume) {
        check(open, high, low, close, volume);
        double[] out = committed();
        booked(commit(open, high, low, close, volume, out));
        return out[0];
    }

    /** {@link #update(double, double, double, double, double)} of {@code bar}'s fields. */
    public final double update(Bar bar) {
        Checks.notNull(bar, "bar");
        return update(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    /**
     * The value (line 0) that the update with this bar would return, committing nothing (the forming bar's value
     * if it closed now); the other lines are {@link #peeked(int)}.
     */
    public final double peek(double open, double high, double low, double close, double volume) {
        check(open, high, low, close, volume);
        double[] out = trialLines();
        trial(open, high, low, close, volume, out);
        return out[0];
    }

    /** {@link #peek(double, double, double, double, double)} of {@code bar}'s fields. */
    public final double peek(Bar bar) {
        Checks.notNull(bar, "bar");
        return peek(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    /** Commits every bar of {@code history}, oldest first (TA-Lib's open-and-fill); returns this stream. */
    public final BarStream fill(Bars history) {
        Checks.notNull(history, "history");
        return fill(history, 0, history.length());
    }

    /** Commits bars [from, to) of {@code history}, oldest first; returns this stream. */
    public final BarStream fill(Bars history, int from, int to) {
        Checks.notNull(history, "history");
        Checks.inRange(to, "to", 0, history.length(), "history.length()");
        Checks.inRange(from, "from", 0, to, "to");
        double[] o = history.open(), h = history.high(), l = history.low(), c = history.close(), v = history.volume();
        for (int i = from; i < to; i++) update(o[i], h[i], l[i], c[i], v[i]);
        return this;
    }

    @Override
    public abstract BarStream copy();

    /**
     * The indicator's own checks of one bar, as its array function makes them (nothing by default); throws
     * IllegalArgumentException naming the field.
     */
    protected void check(double open, double high, double low, double close, double volume) {}

    /** Steps the state with one bar, writes each line into {@code out}; returns whether the fields read were all finite. */
    protected abstract boolean commit(double open, double high, double low, double close, double volume, double[] out);

    /** {@link #commit} on a scratch copy of the state: the state is left as it was. */
    protected abstract void trial(double open, double high, double low, double close, double volume, double[] out);
}
