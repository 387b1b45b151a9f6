package dev.sxn.math.risk;

/**
 * The scorecard of each of k assets ({@link Scorecard#of}); element {@code a} of each array belongs to asset a.
 * Definitions are {@link Performance}'s and {@link Drawdowns}'.
 *
 * @param mean the mean return per period
 * @param sd the sample standard deviation per period (ddof 1)
 * @param sharpe the annualised Sharpe ratio (NaN where sd is 0)
 * @param sortino the annualised Sortino ratio, downside deviation over all observations (NaN without downside)
 * @param cagr the compound annual growth rate (NaN where the growth factor is not positive)
 * @param maxDrawdown the maximum drawdown as a positive fraction, equity seeded at 1
 * @param calmar CAGR over the maximum drawdown (NaN without a drawdown)
 */
public record ScorecardBatch(double[] mean, double[] sd, double[] sharpe, double[] sortino, double[] cagr, double[] maxDrawdown,
        double[] calmar) {
    /** The number of assets. */
    public int assets() {
        return mean.length;
    }
}
