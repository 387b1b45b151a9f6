package dev.sxn.math.spark;

import java.util.Objects;

/**
 * Argument checks of this module's public entry points, in the library's message style
 * ("<argument> must <rule>, was <value>"). The library's own checks class is internal to its module, so this
 * small copy of the style lives here.
 */
final class SparkChecks {
    private SparkChecks() {}

    static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    static IllegalArgumentException invalid(String name, Object value, String rule) {
        return new IllegalArgumentException(name + " must " + rule + ", was " + value);
    }

    static int atLeast(int value, String name, int min) {
        if (value < min) throw invalid(name, value, "be >= " + min);
        return value;
    }

    static long atLeast(long value, String name, long min) {
        if (value < min) throw invalid(name, value, "be >= " + min);
        return value;
    }

    static double inOpen(double value, String name, double lo, double hi) {
        if (!(value > lo && value < hi)) throw invalid(name, value, "be in (" + lo + ", " + hi + ")");
        return value;
    }

    static double positive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) throw invalid(name, value, "be positive and finite");
        return value;
    }

    static double finite(double value, String name) {
        if (!Double.isFinite(value)) throw invalid(name, value, "be finite");
        return value;
    }
}
