package dev.sxn.math.spark;

import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.SeriesBatch;
import java.io.Serializable;
import java.util.Locale;

/**
 * One indicator of the universe job, written {@code name:window} on the command line ({@code sma:20},
 * {@code ema:12}, {@code rsi:14}, {@code wma:10}, {@code std:20}, {@code max:20}, {@code min:20}) or {@code obv}.
 * Each runs as the batched kernel of {@link Indicators} over a {@link SeriesBatch} of closes (and volumes for
 * OBV); outputs have the input's length with {@code NaN} inside the warm-up, as the indicators domain defines.
 *
 * @param kind the indicator (lower case)
 * @param window its window in bars (0 for OBV, which has none)
 */
public record IndicatorSpec(String kind, int window) implements Serializable {

    /** The kinds that take a window. */
    private static final String WINDOWED = "sma ema rsi wma std max min";

    /** Checks the kind and window. */
    public IndicatorSpec {
        SparkChecks.notNull(kind, "kind");
        if (kind.equals("obv")) {
            if (window != 0) throw SparkChecks.invalid("window of obv", window, "be 0 (OBV has no window)");
        } else if (!(" " + WINDOWED + " ").contains(" " + kind + " ")) {
            throw SparkChecks.invalid("indicator", kind, "be one of " + WINDOWED + " obv");
        } else if (window < 1 || window > 100_000) {
            throw SparkChecks.invalid("window of " + kind, window, "be in [1, 100000]");
        }
    }

    /**
     * Parses {@code name:window} (or {@code obv}).
     *
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static IndicatorSpec parse(String text) {
        SparkChecks.notNull(text, "indicator");
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("obv")) return new IndicatorSpec("obv", 0);
        int colon = t.indexOf(':');
        if (colon < 0) throw SparkChecks.invalid("indicator", text, "be name:window (e.g. sma:20) or obv");
        int w;
        try {
            w = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw SparkChecks.invalid("indicator", text, "have an integer window after ':'");
        }
        return new IndicatorSpec(t.substring(0, colon), w);
    }

    /** The output column's name, e.g. {@code sma_20} or {@code obv}. */
    public String column() {
        return window == 0 ? kind : kind + "_" + window;
    }

    /** The fewest bars the indicator needs to produce one value. */
    public int minBars() {
        return kind.equals("rsi") ? window + 1 : Math.max(window, 1);
    }

    /** Runs the batched kernel on {@code close} (and {@code volume}); the result has close's shape. O(k t). */
    SeriesBatch compute(SeriesBatch close, SeriesBatch volume) {
        return switch (kind) {
            case "sma" -> Indicators.sma(close, window);
            case "ema" -> Indicators.ema(close, window);
            case "rsi" -> Indicators.rsi(close, window);
            case "wma" -> Indicators.wma(close, window);
            case "std" -> Indicators.rollingStd(close, window, true);
            case "max" -> Indicators.rollingMax(close, window);
            case "min" -> Indicators.rollingMin(close, window);
            case "obv" -> Indicators.obv(close, volume);
            default -> throw new IllegalStateException("unreachable: " + kind);
        };
    }
}
