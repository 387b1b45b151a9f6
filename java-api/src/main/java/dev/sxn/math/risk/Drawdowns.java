package dev.sxn.math.risk;

/**
 * Drawdown statistics of a returns series (simple returns), over the equity curve seeded at 1 before the first
 * return: {@code E_0 = 1, E_i = E_{i-1} (1 + r_{i-1})}, {@code i = 1..T}; the drawdown at {@code i} is
 * {@code D_i = 1 - E_i / max_{j <= i} E_j}.
 *
 * <ul>
 *   <li>{@link #maxDrawdown}: the largest {@code D_i} with its peak, trough, recovery and the longest episode
 *       ({@link Drawdown} pins each index);
 *   <li>{@link #ulcerIndex}: Martin's Ulcer index in percent, {@code 100 sqrt((1/T) sum_{i=1..T} D_i^2)} (the seed
 *       {@code E_0} is not an observation).
 * </ul>
 * One pass, O(T), no allocation beyond the result.
 */
public final class Drawdowns {
    private Drawdowns() {}

    /** The maximum drawdown with its indices. Needs {@code T >= 1} finite returns. O(T). */
    public static Drawdown maxDrawdown(double[] returns) {
        RiskChecks.returns(returns, "returns", 1, "an equity curve");
        return of(returns, 0, returns.length);
    }

    /** Martin's Ulcer index, in percent. Needs {@code T >= 1}. O(T). */
    public static double ulcerIndex(double[] returns) {
        RiskChecks.returns(returns, "returns", 1, "an equity curve");
        double e = 1, run = 1, sum = 0;
        for (double r : returns) {
            e *= 1 + r;
            if (e > run) run = e;
            double d = e / run - 1;
            sum += d * d;
        }
        return 100 * Math.sqrt(sum / returns.length);
    }

    /** The maximum drawdown of {@code r[off .. off+n)} (checked), equity seeded at 1 at index 0. */
    static Drawdown of(double[] r, int off, int n) {
        double e = 1, run = 1, maxDd = 0, peakValue = 1;
        int runAt = 0, lastHigh = 0, peak = 0, trough = 0, recovery = -1, longest = 0;
        boolean inDd = false, waiting = false;
        for (int i = 1; i <= n; i++) {
            e *= 1 + r[off + i - 1];
            if (e > run) {
                run = e;
                runAt = i;
            }
            double d = 1 - e / run;
            if (d > maxDd) {
                maxDd = d;
                trough = i;
                peak = runAt;
                peakValue = run;
                recovery = -1;
                waiting = true;
            } else if (waiting && e >= peakValue) {
                recovery = i;
                waiting = false;
            }
            if (d > 0) {
                inDd = true;
            } else {
                if (inDd) longest = Math.max(longest, i - lastHigh);
                inDd = false;
                lastHigh = i;
            }
        }
        if (inDd) longest = Math.max(longest, n - lastHigh);
        return new Drawdown(maxDd, peak, trough, recovery, longest);
    }
}
