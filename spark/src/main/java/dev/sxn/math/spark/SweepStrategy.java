package dev.sxn.math.spark;

/**
 * The strategies a parameter sweep backtests, long or flat per asset, equal weight across the assets, the position
 * decided on bar i's close and earning bar i+1's simple return (no look-ahead, no costs).
 */
public enum SweepStrategy {
    /** Long while SMA(fast) > SMA(slow). Parameters: {@code fast, slow} (bars, fast < slow). */
    MA_CROSSOVER(2),
    /** Enter long when RSI(window) < lower, leave when RSI > upper. Parameters: {@code window, lower, upper}. */
    RSI_REVERSION(3);

    private final int parameters;

    SweepStrategy(int parameters) {
        this.parameters = parameters;
    }

    /** How many parameters a set of this strategy has. */
    public int parameters() {
        return parameters;
    }

    /**
     * Checks one parameter set.
     *
     * @throws IllegalArgumentException naming the set and the parameter at fault
     */
    void check(int id, double[] p, int bars) {
        if (p.length != parameters) throw SparkChecks.invalid("grid[" + id + "].length", p.length, "be " + parameters + " for " + this);
        int w0 = (int) p[0];
        if (p[0] != w0 || w0 < 1 || w0 >= bars) throw SparkChecks.invalid("grid[" + id + "][0] (window)", p[0], "be an integer in [1, " + (bars - 1) + "]");
        if (this == MA_CROSSOVER) {
            if (p[1] != (int) p[1] || p[1] <= p[0] || p[1] >= bars) {
                throw SparkChecks.invalid("grid[" + id + "][1] (slow window)", p[1], "be an integer in (fast, " + (bars - 1) + "]");
            }
        } else if (!(p[1] >= 0 && p[1] < p[2] && p[2] <= 100)) {
            throw SparkChecks.invalid("grid[" + id + "] (lower, upper)", p[1] + ", " + p[2], "satisfy 0 <= lower < upper <= 100");
        }
    }
}
