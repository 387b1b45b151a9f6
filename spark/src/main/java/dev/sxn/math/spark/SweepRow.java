package dev.sxn.math.spark;

import java.io.Serializable;

/**
 * One parameter set's backtest metrics (the risk domain's definitions over the equal-weight portfolio's returns).
 *
 * @param id the set's index in the grid
 * @param parameters the set
 * @param sharpe annualised Sharpe ratio (risk-free 0, ddof 1); NaN when the returns have no variation
 * @param cagr compound annual growth rate
 * @param maxDrawdown maximum drawdown, a positive fraction
 * @param trades position changes summed over the assets
 */
public record SweepRow(int id, double[] parameters, double sharpe, double cagr, double maxDrawdown, long trades) implements Serializable {}
