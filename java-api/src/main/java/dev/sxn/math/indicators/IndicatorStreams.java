package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.SeriesStream;
import dev.sxn.math.internal.Checks;

/**
 * Opens the streaming form of an indicator (TA-Lib 0.8.1's {@code open(params)}; {@code openAndFill(history)}
 * is {@code open(...).fill(history)}). Each stream returns, update by update, the value of the indicator's
 * array function in {@link Indicators} / {@link CompositeIndicators} at that index, bit for bit (on JAVA, the
 * reference kernel; the other backends agree with it as their Javadoc says), because both run the same step
 * code: see {@link dev.sxn.math.indicators.stream.IndicatorStream} for the verbs and the contract. The
 * parameters follow the array functions (and are checked as they are, except that a stream has no length to
 * bound the window by).
 *
 * <p>Each factory is O(window) (the stream's buffer) and returns a new, independent stream.
 */
public final class IndicatorStreams {
    private IndicatorStreams() {}

    /** The stream of {@link Indicators#ema(double[], int)}. Lookback n - 1. */
    public static SeriesStream ema(int n) {
        Checks.atLeast(n, "n", 1);
        return new EmaStream(n, false);
    }

    /** The stream of {@link Indicators#wilder(double[], int)}. Lookback n - 1. */
    public static SeriesStream wilder(int n) {
        Checks.atLeast(n, "n", 1);
        return new EmaStream(n, true);
    }
}
