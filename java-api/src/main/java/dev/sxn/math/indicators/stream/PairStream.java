package dev.sxn.math.indicators.stream;

import dev.sxn.math.internal.Checks;

/**
 * A streaming indicator over two aligned series (running covariance and correlation of x and y): see
 * {@link IndicatorStream} for the verbs and the contract. {@code update(x, y)} equals, value for value, the array
 * function at the next index; a pair with either value missing (NaN or +-Inf) is a missing input.
 */
public abstract class PairStream extends IndicatorStream {

    /** See {@link IndicatorStream#IndicatorStream(int, int)}. */
    protected PairStream(int lookback, int lines) {
        super(lookback, lines);
    }

    /** See {@link IndicatorStream#IndicatorStream(IndicatorStream)}. */
    protected PairStream(PairStream from) {
        super(from);
    }

    /** Commits the pair (x, y) and returns the value (line 0) after it. Allocates nothing. */
    public final double update(double x, double y) {
        double[] out = committed();
        booked(commit(x, y, out));
        return out[0];
    }

    /**
     * The value (line 0) that {@link #update(double, double)} would return for (x, y), committing nothing; the
     * other lines are {@link #peeked(int)}. Allocates nothing.
     */
    public final double peek(double x, double y) {
        double[] out = trialLines();
        trial(x, y, out);
        return out[0];
    }

    /**
     * Commits the pairs {@code (x[i], y[i])} for i in [from, to), oldest first; returns this stream.
     *
     * @throws IllegalArgumentException if x or y is null, their lengths differ, or the range is not inside them
     */
    public final PairStream fill(double[] x, double[] y, int from, int to) {
        Checks.notNull(x, "x");
        Checks.notNull(y, "y");
        Checks.sameLength(y, "y", x, "x");
        Checks.inRange(to, "to", 0, x.length, "x.length");
        Checks.inRange(from, "from", 0, to, "to");
        for (int i = from; i < to; i++) update(x[i], y[i]);
        return this;
    }

    @Override
    public abstract PairStream copy();

    /**
     * Steps the state with (x, y) and writes each line's value into {@code out}; returns whether the pair was
     * complete (both finite).
     */
    protected abstract boolean commit(double x, double y, double[] out);

    /** {@link #commit} on a scratch copy of the state: the state is left as it was. */
    protected abstract void trial(double x, double y, double[] out);
}
