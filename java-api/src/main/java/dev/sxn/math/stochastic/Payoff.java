package dev.sxn.math.stochastic;

/** The vanilla payoff of an option on one underlying value: a call or a put at a strike. */
public enum Payoff {
    /** {@code max(S - K, 0)}. */
    CALL,
    /** {@code max(K - S, 0)}. */
    PUT;

    /** The payoff at underlying value {@code s} for strike {@code k}. O(1). */
    public double value(double s, double k) {
        return this == CALL ? Math.max(s - k, 0.0) : Math.max(k - s, 0.0);
    }
}
