package dev.sxn.math.stochastic;

/**
 * What a path simulation keeps of each path when it does not store the path: one value per path, computed
 * step by step in O(1) memory. The path's simulated values are {@code S_1 .. S_n} (the values at
 * {@code dt, 2 dt, ..., n dt}; the start value {@code S_0} is not one of them, so the monitoring dates of a
 * discretely monitored barrier and the fixing dates of an Asian option are the n steps).
 */
public enum PathReduction {
    /** {@code S_n}, the value at the horizon. */
    TERMINAL,
    /** {@code max(S_1, ..., S_n)}. */
    MAXIMUM,
    /** {@code min(S_1, ..., S_n)}. */
    MINIMUM,
    /** The arithmetic average {@code (S_1 + ... + S_n) / n}, summed in step order. */
    AVERAGE;

    /** This reduction's bit in a kernel's reduction mask (bit {@code ordinal()}). */
    int bit() {
        return 1 << ordinal();
    }
}
