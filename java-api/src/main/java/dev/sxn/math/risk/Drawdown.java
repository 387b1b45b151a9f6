package dev.sxn.math.risk;

/**
 * The maximum drawdown of a returns series and where it happened, in the indices of the equity curve
 * {@code E_0 = 1, E_i = E_{i-1} (1 + r_{i-1})} ({@code i = 1..T}; index {@code i} is the value after {@code i}
 * returns).
 *
 * @param maxDrawdown     {@code max_i (1 - E_i / max_{j <= i} E_j)}, a positive fraction (0 when equity never fell)
 * @param peak            the first index at which the running maximum in force at the trough was reached
 * @param trough          the first index where the maximum drawdown is attained
 * @param recovery        the first index after the trough with {@code E_i >= E_peak}, or -1 when equity never got
 *                        back (and when there was no drawdown)
 * @param longestDuration the longest drawdown episode in periods: from the last index at the running maximum to the
 *                        first index back at or above it, or to {@code T} for an episode still open at the end
 */
public record Drawdown(double maxDrawdown, int peak, int trough, int recovery, int longestDuration) {
    /** Whether equity got back to the peak after the maximum drawdown. */
    public boolean recovered() {
        return recovery >= 0;
    }
}
