package dev.sxn.math.indicators.stream;

import dev.sxn.math.internal.Checks;

/**
 * A streaming indicator over one series of values (closes, returns, any {@code double} series): see
 * {@link IndicatorStream} for the verbs and the contract. {@code update(x)} equals, value for value, the array
 * function at the next index.
 */
public abstract class SeriesStream extends IndicatorStream {

    /** See {@link IndicatorStream#IndicatorStream(int, int)}. */
    protected SeriesStream(int lookback, int lines) {
        super(lookback, lines);
    }

    /** See {@link IndicatorStream#IndicatorStream(IndicatorStream)}. */
    protected SeriesStream(SeriesStream from) {
        super(from);
    }

    /**
     * Commits {@code x} (NaN or +-Inf: a missing value) and returns the value (line 0) after it. O(1) amortised
     * (a window indicator's rare re-summation is O(window)); allocates nothing.
     */
    public final double update(double x) {
        double[] out = committed();
        booked(commit(x, out));
        return out[0];
    }

    /**
     * The value (line 0) that {@link #update(double)} would return for {@code x}, committing nothing; the other
     * lines are {@link #peeked(int)}. Allocates nothing.
     */
    public final double peek(double x) {
        double[] out = trialLines();
        trial(x, out);
        return out[0];
    }

    /**
     * Commits every value of {@code history}, oldest first (TA-Lib's open-and-fill, on an opened stream);
     * returns this stream.
     */
    public final SeriesStream fill(double[] history) {
        Checks.notNull(history, "history");
        return fill(history, 0, history.length);
    }

    /** Commits {@code history[from..to)}, oldest first; returns this stream. */
    public final SeriesStream fill(double[] history, int from, int to) {
        Checks.notNull(history, "history");
        Checks.inRange(to, "to", 0, history.length, "history.length");
        Checks.inRange(from, "from", 0, to, "to");
        for (int i = from; i < to; i++) update(history[i]);
        return this;
    }

    @Override
    public abstract SeriesStream copy();

    /**
     * Steps the state with {@code x} and writes each line's value into {@code out}; returns whether x was
     * complete (finite).
     */
    protected abstract boolean commit(double x, double[] out);

    /** {@link #commit} on a scratch copy of the state: the state is left as it was. */
    protected abstract void trial(double x, double[] out);
}
