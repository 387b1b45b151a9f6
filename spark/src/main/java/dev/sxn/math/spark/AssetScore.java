package dev.sxn.math.spark;

import java.io.Serializable;

/**
 * The universe job's output for one asset: its indicators (one series per requested indicator, the input's
 * length, {@code NaN} in the warm-up) and its risk scorecard over simple close-to-close returns.
 *
 * @param asset the asset's name
 * @param time the bar times
 * @param indicators {@code indicators[j]} is the series of the j-th requested indicator
 * @param sharpe annualised Sharpe ratio ({@code Performance.sharpe}, ddof 1)
 * @param maxDrawdown maximum drawdown of the equity curve seeded at 1, as a positive fraction
 * @param valueAtRisk historical VaR at the job's tail probability, a positive loss per period
 * @param expectedShortfall historical ES at the same probability
 * @param garchVolatility the one-step-ahead GARCH(1,1) volatility of log returns in percent per period, {@code NaN}
 *     when the job does not fit GARCH
 */
public record AssetScore(String asset, long[] time, double[][] indicators, double sharpe, double maxDrawdown, double valueAtRisk,
                         double expectedShortfall, double garchVolatility) implements Serializable {}
