package dev.sxn.math.internal;


/**
 * Argument checks shared by every public entry point, in the library's one wording: the message names
 * the argument, its value and the rule, as {@code "<argument> must <rule>, was <value>"}
 * ("window must be in [1, 1000] (the series length), was 0"). A null is a {@link NullPointerException}
 * ("x must not be null"); every other broken rule an {@link IllegalArgumentException}. Kernels never
 * re-check: a facade checks once, then dispatches.
 *
 * <p>Stateless; every method is O(1) unless it says it scans.
 */
public final class Checks {
    private Checks() {}

    /**
     * The exception for a broken rule, worded as {@code "<name> must <rule>, was <value>"}; for rules no
     * method here covers ({@code throw Checks.invalid("m", m, "be in [4, " + hi + "] (at most half the series)")}).
     */
    public static IllegalArgumentException invalid(String name, Object value, String rule) {
        return new IllegalArgumentException(name + " must " + rule + ", was " + value);
    }

    /** Non-null, returned for chaining ({@code "<name> must not be null"}). */
    public static <T> T notNull(T o, String name) {
        // No message supplier: a capturing lambda would be allocated on every call that escape analysis misses.
        if (o == null) throw new NullPointerException(name + " must not be null");
        return o;
    }

    /**
     * Checks that {@code a[off .. off+n)} lies inside {@code a}: {@code n >= 0}, {@code off >= 0}
     * and {@code off + n <= a.length} (computed without overflow).
     */
    public static void range(double[] a, String name, int off, String offName, int n, String nName) {
        notNull(a, name);
        if (n < 0) throw invalid(nName, n, "be >= 0");
        if (off < 0) throw invalid(offName, off, "be >= 0");
        if ((long) off + n > a.length) {
            throw invalid(offName + " + " + nName, off + " + " + n + " = " + ((long) off + n), "be <= " + name + ".length (" + a.length + ")");
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

    /** Checks {@code a.length == expected}; {@code why} names where the length comes from (may be empty). */
    public static void length(double[] a, String name, long expected, String why) {
        notNull(a, name);
        if (a.length != expected) throw invalid(name + ".length", a.length, "be " + expected + (why.isEmpty() ? "" : " (" + why + ")"));
    }

    /** Checks {@code a.length >= min}; {@code why} says what needs it (may be empty). */
    public static void minLength(double[] a, String name, long min, String why) {
        notNull(a, name);
        if (a.length < min) throw invalid(name + ".length", a.length, "be >= " + min + (why.isEmpty() ? "" : " (" + why + ")"));
    }

    /** Checks {@code lo <= v <= hi}; {@code why} says where the bounds come from (may be empty). */
    public static void inRange(long v, String name, long lo, long hi, String why) {
        if (v < lo || v > hi) throw invalid(name, v, "be in [" + lo + ", " + hi + "]" + (why.isEmpty() ? "" : " (" + why + ")"));
    }

    /** Checks {@code v >= min}. */
    public static void atLeast(long v, String name, long min) {
        if (v < min) throw invalid(name, v, "be >= " + min);
    }

    /** Checks {@code v >= min}; {@code why} says what needs it. */
    public static void atLeast(long v, String name, long min, String why) {
        if (v < min) throw invalid(name, v, "be >= " + min + " (" + why + ")");
    }

    /** Checks {@code v > 0} and finite. */
    public static void positive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) throw invalid(name, v, "be finite and > 0");
    }

    /** Checks {@code v >= 0} and finite. */
    public static void nonNegative(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) throw invalid(name, v, "be finite and >= 0");
    }

    /** Checks that {@code v} is finite. */
    public static void finite(double v, String name) {
        if (!Double.isFinite(v)) throw invalid(name, v, "be finite");
    }

    /** Checks {@code lo <= v <= hi} (NaN fails). */
    public static void inClosed(double v, String name, double lo, double hi) {
        if (!(v >= lo && v <= hi)) throw invalid(name, v, "be in [" + lo + ", " + hi + "]");
    }

    /** Checks {@code lo < v < hi} (NaN fails). */
    public static void inOpen(double v, String name, double lo, double hi) {
        if (!(v > lo && v < hi)) throw invalid(name, v, "be in (" + lo + ", " + hi + ")");
    }

    /** Scans {@code a} and names the first non-finite entry ({@code "<name>[i] must be finite, was NaN"}). O(n). */
    public static void allFinite(double[] a, String name) {
        notNull(a, name);
        allFinite(a, 0, a.length, name);
    }

    /** Scans {@code a[off .. off+n)} (already range-checked) and names the first non-finite entry. O(n). */
    public static void allFinite(double[] a, int off, int n, String name) {
        for (int i = off; i < off + n; i++) {
            if (!Double.isFinite(a[i])) throw invalid(name + "[" + i + "]", a[i], "be finite");
        }
    }

    /** Checks that two arrays are distinct objects: an output must not alias an input. */
    public static void distinct(Object a, String aName, Object b, String bName) {
        if (a == b && a != null) throw new IllegalArgumentException(aName + " must not be the same array as " + bName);
    }

    // ---- data rules shared by several domains

    /**
     * Scans {@code a} and names the first finite entry below 0; a non-finite entry passes (a missing value, as
     * the indicators read it): "volume[3] must be >= 0 (non-finite: missing), was -5.0". O(n).
     */
    public static void nonNegativeOrMissing(double[] a, String name) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 && a[i] != Double.NEGATIVE_INFINITY) throw invalid(name + "[" + i + "]", a[i], "be >= 0 (non-finite: missing)");
        }
    }

    /**
     * Scans two arrays of one length and names the first index where {@code hi[i] < lo[i]} (a NaN on either
     * side passes: missing): "high[4] must be >= low[4] = 10.5, was 9.0". O(n).
     */
    public static void notBelow(double[] hi, String hiName, double[] lo, String loName) {
        for (int i = 0; i < hi.length; i++) {
            if (hi[i] < lo[i]) throw invalid(hiName + "[" + i + "]", hi[i], "be >= " + loName + "[" + i + "] = " + lo[i]);
        }
    }

    /**
     * Checks that {@code a[aOff, aOff+n)} and {@code b[bOff, bOff+n)} do not partly overlap: an update that reads
     * one range while writing the other would depend on the order of the loop, which differs between backends.
     * Distinct arrays and identical ranges pass.
     */
    public static void noPartialOverlap(double[] a, String aName, int aOff, double[] b, String bName, int bOff, int n) {
        if (a == b && aOff != bOff && n > 0 && Math.abs((long) aOff - bOff) < n) {
            throw new IllegalArgumentException(aName + "[" + aOff + ", " + ((long) aOff + n) + ") and " + bName + "[" + bOff + ", "
                    + ((long) bOff + n) + ") must not overlap (the same array, " + aName + " offset " + aOff + ", " + bName
                    + " offset " + bOff + ")");
        }
    }

    // ---- added for indicators

    /**
     * Scans {@code a} (already non-null) and names the first entry below its predecessor
     * ({@code "time[7] must be >= time[6] = 6.0 (non-decreasing), was 3.0"}). O(n).
     */
    public static void nonDecreasing(double[] a, String name) {
        for (int i = 1; i < a.length; i++) {
            if (a[i] < a[i - 1]) {
                throw invalid(name + "[" + i + "]", a[i], "be >= " + name + "[" + (i - 1) + "] = " + a[i - 1] + " (non-decreasing)");
            }
        }
    }

    // ---- added for filter and dynamics

    /**
     * Checks that {@code a} is a rectangular {@code rows x cols} array without null rows: "R must be 1x1 (m x m),
     * was 2x2" ("(ragged)" after the shape when the rows differ in length); {@code why} names where the shape
     * comes from (may be empty). O(rows).
     */
    public static void rectangular(double[][] a, String name, int rows, int cols, String why) {
        notNull(a, name);
        boolean ok = a.length == rows;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null) throw new NullPointerException(name + "[" + i + "] must not be null");
            ok &= a[i].length == cols;
        }
        if (ok) return;
        boolean ragged = false;
        for (double[] row : a) ragged |= row.length != a[0].length;
        String was = a.length == 0 ? "0x0" : a.length + "x" + a[0].length + (ragged ? " (ragged)" : "");
        throw invalid(name, was, "be " + rows + "x" + cols + (why.isEmpty() ? "" : " (" + why + ")"));
    }

    /**
     * Scans a rectangular {@code a} and names its first non-finite entry by (row, column): "F(0, 1) must be
     * finite, was NaN". O(rows cols).
     */
    public static void finiteEntries(double[][] a, String name) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                if (!Double.isFinite(a[i][j])) throw invalid(name + "(" + i + ", " + j + ")", a[i][j], "be finite");
            }
        }
    }

    // ---- added for stochastic (Sobol, Brownian bridge)

    /**
     * Scans {@code a} (already non-null) and names the first entry not above its predecessor
     * ({@code "times[3] must be > times[2] = 0.5 (strictly increasing), was 0.5"}). O(n).
     */
    public static void increasing(double[] a, String name) {
        for (int i = 1; i < a.length; i++) {
            if (!(a[i] > a[i - 1])) {
                throw invalid(name + "[" + i + "]", a[i], "be > " + name + "[" + (i - 1) + "] = " + a[i - 1] + " (strictly increasing)");
            }
        }
    }

    /**
     * Checks a block of {@code rows x cols} values stored row by row at {@code a[offset + r * rowStride + c]}
     * in an array {@code name} of {@code length} elements: {@code offset >= 0}, {@code rowStride >= cols} and,
     * when the block is not empty, its last value inside the array ({@code "zOffset + (steps - 1) * zRowStride +
     * paths must be <= z.length (100), was 101"}); the counts are already checked {@code >= 0}.
     */
    public static void block(String name, int length, int offset, String offsetName, int rowStride, String strideName,
                             int rows, String rowsName, int cols, String colsName) {
        atLeast(offset, offsetName, 0);
        if (rowStride < cols) throw invalid(strideName, rowStride, "be >= " + colsName + " (" + cols + ")");
        if (rows > 0 && cols > 0) {
            long last = (long) offset + (long) (rows - 1) * rowStride + cols;
            if (last > length) {
                throw invalid(offsetName + " + (" + rowsName + " - 1) * " + strideName + " + " + colsName, last,
                        "be <= " + name + ".length (" + length + ")");
            }
        }
    }
}
