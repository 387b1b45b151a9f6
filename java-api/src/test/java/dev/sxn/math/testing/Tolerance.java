package dev.sxn.math.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The project's comparison: |actual - expected| <= atol + rtol * |expected|, with both tolerances
 * stated by the caller. NaN must match NaN (same positions); infinities must match exactly.
 */
public final class Tolerance {
    private Tolerance() {}

    /** Asserts one value within the mixed tolerance. */
    public static void assertClose(double expected, double actual, double atol, double rtol, String what) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            if (Double.isNaN(expected) != Double.isNaN(actual)) fail(what + ": expected " + expected + " but was " + actual);
            return;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) {
            assertEquals(expected, actual, what);
            return;
        }
        double err = Math.abs(actual - expected);
        double bound = atol + rtol * Math.abs(expected);
        if (!(err <= bound)) {
            fail(what + ": expected " + expected + " but was " + actual + " (|diff| " + err + " > " + bound + " = " + atol
                    + " + " + rtol + " * |expected|)");
        }
    }

    /** Asserts arrays of equal length, element by element, within the mixed tolerance. */
    public static void assertClose(double[] expected, double[] actual, double atol, double rtol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) assertClose(expected[i], actual[i], atol, rtol, what + "[" + i + "]");
    }
}
