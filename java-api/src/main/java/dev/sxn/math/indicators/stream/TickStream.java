package dev.sxn.math.indicators.stream;

import dev.sxn.math.internal.Checks;

/**
 * A streaming indicator over timestamped values (irregular ticks: the time-aware EMA): see
 * {@link IndicatorStream} for the verbs and the contract. Times are finite and non-decreasing, in the units the
 * indicator's time constant uses; {@code update(time, x)} equals the array function on {@code (x, time)} at
 * the next index.
 */
public abstract class TickStream extends IndicatorStream {
    private double lastTime = Double.NEGATIVE_INFINITY;

    /** See {@link IndicatorStream#IndicatorStream(int, int)}. */
    protected TickStream(int lookback, int lines) {
        super(lookback, lines);
    }

    /** See {@link IndicatorStream#IndicatorStream(IndicatorStream)}. */
    protected TickStream(TickStream from) {
        super(from);
        this.lastTime = from.lastTime;
    }

    /**
     * Commits {@code x} at {@code time} and returns the value after it. O(1); allocates nothing.
     *
     * @throws IllegalArgumentException if time is not finite or is before the last committed time (the state is
     *     then unchanged)
     */
    public final double update(double time, double x) {
        checkTime(time);
        double[] out = committed();
        booked(commit(time, x, out));
        lastTime = time;
        return out[0];
    }

    /** The value {@link #update(double, double)} would return, committing nothing. */
    public final double peek(double time, double x) {
        checkTime(time);
        double[] out = trialLines();
        trial(time, x, out);
        return out[0];
    }

    /** Commits {@code (time[i], x[i])} for every i, oldest first (open-and-fill); returns this stream. */
    public final TickStream fill(double[] time, double[] x) {
        Checks.sameLength(x, "x", time, "time");
        for (int i = 0; i < x.length; i++) update(time[i], x[i]);
        return this;
    }

    @Override
    public abstract TickStream copy();

    private void checkTime(double time) {
        if (!(time >= lastTime) || !finite(time)) {
            throw Checks.invalid("time", time, "be finite and >= the last committed time (" + lastTime + ")");
        }
    }

    /** Steps the state with {@code x} at {@code time}; returns whether x was finite. */
    protected abstract boolean commit(double time, double x, double[] out);

    /** {@link #commit} on a scratch copy of the state. */
    protected abstract void trial(double time, double x, double[] out);
}
