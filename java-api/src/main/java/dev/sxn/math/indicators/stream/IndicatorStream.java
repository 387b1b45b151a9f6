package dev.sxn.math.indicators.stream;

import dev.sxn.math.internal.Checks;

/**
 * The state of one streaming indicator over one series, after the verbs of TA-Lib 0.8.1's streaming tier:
 * open (a factory, {@code IndicatorStreams.ema(n)}), open and fill ({@code fill(history)} on the opened
 * stream), {@code update} (commit one input, O(1) amortised, no allocation), {@code peek} (the value if this
 * input were committed now; commits nothing), {@link #copy()} (an independent fork), {@link #value()},
 * {@link #isReady()} and the warm-up length {@link #lookback()}. The input verbs are on the subclasses:
 * {@link SeriesStream} (one value per update), {@link BarStream} (one OHLCV bar) and {@link TickStream} (a time
 * and a value).
 *
 * <p><b>The contract.</b> A stream of an indicator performs the same floating-point operations in the same
 * order as the indicator's array function on JAVA (the reference kernel): for every series x and every split k,
 * opening on {@code x[0..k)} and updating with the rest gives, at every index, the array function's value bit
 * for bit, NaN rule included (a missing input, NaN or +-Inf, makes the values it poisons NaN and starts a fresh
 * warm-up where the array function does). The property tests hold every stream to it.
 *
 * <p><b>Lines.</b> An indicator with several outputs (MACD: macd, signal, histogram) has {@link #lines()} of
 * them; {@link #value()} is line 0 and {@link #value(int)} any line; after a peek, {@link #peeked(int)} gives
 * the peeked lines.
 *
 * <p><b>Subclassing.</b> A stream implements {@code commit} (step its state with the input and write each line's
 * value) and {@code trial} (the same arithmetic on a scratch copy of its state, so a peek changes nothing),
 * returning whether the input was complete (no missing field it reads); this class keeps the count, the run of
 * complete inputs and the lines. Not thread-safe: one stream per thread, or {@link #copy()} per thread.
 */
public abstract class IndicatorStream {
    private final int lookback;
    private final double[] now;
    private final double[] trial;
    private long count;
    private long run;

    /**
     * A new stream whose first value comes after {@code lookback} complete inputs, with {@code lines} outputs.
     *
     * @throws IllegalArgumentException if lookback is negative or lines is below 1
     */
    protected IndicatorStream(int lookback, int lines) {
        Checks.atLeast(lookback, "lookback", 0);
        Checks.atLeast(lines, "lines", 1);
        this.lookback = lookback;
        this.now = new double[lines];
        this.trial = new double[lines];
        java.util.Arrays.fill(now, Double.NaN);
        java.util.Arrays.fill(trial, Double.NaN);
    }

    /** A copy of {@code from}'s bookkeeping (count, run, lines): for the subclasses' copy constructors. */
    protected IndicatorStream(IndicatorStream from) {
        this.lookback = from.lookback;
        this.now = from.now.clone();
        this.trial = from.trial.clone();
        this.count = from.count;
        this.run = from.run;
    }

    /**
     * The warm-up length: the number of complete inputs before the first defined value (the index of the first
     * value of the array function on a series without missing values). O(1).
     */
    public final int lookback() {
        return lookback;
    }

    /** The number of output lines (1 for most indicators). */
    public final int lines() {
        return now.length;
    }

    /** The number of inputs committed since the stream was opened. */
    public final long count() {
        return count;
    }

    /**
     * Whether the warm-up is over: more than {@link #lookback()} complete inputs were committed since the stream
     * opened or since the last missing input. {@link #value()} can still be NaN where the indicator itself is
     * undefined (the RSI of a flat window, the VWAP of a window without volume), or where a missing field
     * poisons fewer values than a missing input would.
     */
    public final boolean isReady() {
        return run > lookback;
    }

    /** The value (line 0) after the last committed input; NaN before any, inside the warm-up, or where undefined. */
    public final double value() {
        return now[0];
    }

    /**
     * The value of output {@code line} after the last committed input.
     *
     * @throws IllegalArgumentException if line is outside [0, lines())
     */
    public final double value(int line) {
        if (line < 0 || line >= now.length) Checks.inRange(line, "line", 0, now.length - 1, "the indicator's lines");
        return now[line];
    }

    /**
     * The value of output {@code line} of the last peek (NaN before any peek).
     *
     * @throws IllegalArgumentException if line is outside [0, lines())
     */
    public final double peeked(int line) {
        if (line < 0 || line >= trial.length) Checks.inRange(line, "line", 0, trial.length - 1, "the indicator's lines");
        return trial[line];
    }

    /** An independent stream in this one's state: updates to either leave the other unchanged. O(state). */
    public abstract IndicatorStream copy();

    /** The lines to write a commit into. */
    final double[] committed() {
        return now;
    }

    /** The lines to write a peek into. */
    final double[] trialLines() {
        return trial;
    }

    /** Books one committed input: {@code complete} when none of the fields the indicator reads was missing. */
    final void booked(boolean complete) {
        count++;
        run = complete ? run + 1 : 0;
    }

    /** The finite test of the indicators (NaN and +-Inf are missing values). */
    protected static boolean finite(double v) {
        return Math.abs(v) <= Double.MAX_VALUE;
    }
}
