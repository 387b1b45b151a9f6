package dev.sxn.math.internal;

import java.util.Objects;

/**
 * Argument checks shared by every public entry point, with the library's one wording for each
 * rule: the message names the argument, its value and the rule. Kernels never re-check.
 */
public final class Checks {
    private Checks() {}

    /** Non-null array, returned for chaining. */
    public static double[] notNull(double[] a, String name) {
        return Objects.requireNonNull(a, () -> name + " must not be null");
    }

    /**
     * Checks that {@code a[off .. off+n)} lies inside {@code a}: {@code n >= 0}, {@code off >= 0}
     * and {@code off + n <= a.length} (computed without overflow).
     */
    public static void range(double[] a, String name, int off, String offName, int n, String nName) {
        notNull(a, name);
        if (n < 0) throw new IllegalArgumentException(nName + " must be >= 0, was " + n);
        if (off < 0) throw new IllegalArgumentException(offName + " must be >= 0, was " + off);
        if ((long) off + n > a.length) {
            throw new IllegalArgumentException(offName + " + " + nName + " must be <= " + name + ".length (" + a.length
                    + "), was " + off + " + " + n + " = " + ((long) off + n));
        }
    }

    /** Checks that two arrays have the same length. */
    public static void sameLength(double[] a, String aName, double[] b, String bName) {
        notNull(a, aName);
        notNull(b, bName);
        if (a.length != b.length) {
            throw new IllegalArgumentException(aName + " and " + bName + " must have the same length, were " + a.length
                    + " and " + b.length);
        }
    }

    /** Checks {@code lo <= v <= hi}. */
    public static void inRange(long v, String name, long lo, long hi, String why) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "]" + (why.isEmpty() ? "" : " (" + why + ")")
                    + ", was " + v);
        }
    }

    /** Checks {@code v > 0} and finite. */
    public static void positive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be finite and > 0, was " + v);
    }

    /** Checks that {@code v} is finite. */
    public static void finite(double v, String name) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(name + " must be finite, was " + v);
    }
}
