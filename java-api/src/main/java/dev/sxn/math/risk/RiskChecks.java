package dev.sxn.math.risk;

import dev.sxn.math.internal.Checks;

/** The argument rules the risk facades share, worded through {@link Checks}. */
final class RiskChecks {
    private RiskChecks() {}

    /** A returns series: non-null, at least {@code min} values ({@code why} says what needs them), all finite. O(n). */
    static void returns(double[] r, String name, int min, String why) {
        Checks.minLength(r, name, min, why);
        Checks.allFinite(r, name);
    }

    /** Periods per year: finite and > 0. */
    static void periodsPerYear(double ppy) {
        Checks.positive(ppy, "periodsPerYear");
    }

    /** An annual rate: finite and > -1 (a rate of -100% or worse has no per-period equivalent). */
    static void annualRate(double rate, String name) {
        Checks.finite(rate, name);
        if (!(rate > -1)) throw Checks.invalid(name, rate, "be > -1 (an annual rate)");
    }

    /** A tail probability: in (0, 1). */
    static void tailProbability(double alpha) {
        Checks.inOpen(alpha, "alpha", 0, 1);
    }
}
