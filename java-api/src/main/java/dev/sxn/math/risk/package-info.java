/**
 * Risk and sizing: the scorecard of a returns series, value at risk and expected shortfall, and (elsewhere in
 * this package) volatility models, position sizing and exact money.
 *
 * <p>Every definition is pinned, because the peers disagree (downside deviation over losing days only, an annual
 * risk-free rate used per day, CAGR over calendar years, Cornish-Fisher outside its domain). The conventions,
 * each held to an independent NumPy/SciPy implementation ({@code src/test/resources/reference/gen_risk.py}):
 * <ul>
 *   <li><b>Returns</b> are simple returns {@code r_i = p_{i+1}/p_i - 1} unless a method says log
 *       ({@link dev.sxn.math.risk.Returns}); a series of {@code T} returns.
 *   <li><b>Periods per year</b> ({@code ppy}) are always an argument; there is no default of 252.
 *   <li><b>Annual rates</b> (risk-free, minimum acceptable return, thresholds) are converted per period as
 *       {@code (1 + rate)^(1/ppy) - 1}.
 *   <li><b>Standard deviations</b> are sample ones (ddof 1); skewness and kurtosis come in the population (g1, g2)
 *       and sample-adjusted (G1, G2) forms, named ({@link dev.sxn.math.risk.Moments}).
 *   <li><b>Downside deviation</b> is {@code sqrt(mean(min(r - MAR, 0)^2))} over ALL observations.
 *   <li><b>CAGR</b> is {@code (V_T/V_0)^(ppy/T) - 1}, {@code T} the number of returns.
 *   <li><b>Equity</b> is seeded at 1 before the first return; drawdowns, their indices and the Ulcer index are over
 *       that curve ({@link dev.sxn.math.risk.Drawdowns}, {@link dev.sxn.math.risk.Drawdown}).
 *   <li><b>Quantiles</b> interpolate linearly between order statistics (R type 7, NumPy {@code 'linear'}).
 *   <li><b>Signs</b>: VaR and ES are positive losses ({@link dev.sxn.math.risk.TailRisk}); a tail probability
 *       {@code alpha} (0.05) names the level; drawdowns are positive fractions; the Ulcer index is in percent.
 * </ul>
 *
 * <p>Entry points: {@link dev.sxn.math.risk.Returns}, {@link dev.sxn.math.risk.Moments},
 * {@link dev.sxn.math.risk.Performance} (Sharpe, Sortino, CAGR, Calmar, Sterling, Omega, win rate, profit factor,
 * tail ratio), {@link dev.sxn.math.risk.Drawdowns}, {@link dev.sxn.math.risk.ValueAtRisk} (historical, normal,
 * standardized Student-t, Cornish-Fisher with Maillard's correction, RiskMetrics EWMA), {@link dev.sxn.math.risk.RollingRisk}
 * (rolling historical VaR/ES over an order-statistic window, rolling Sharpe and volatility, one series or a
 * {@link dev.sxn.math.indicators.SeriesBatch}); sizing: {@link dev.sxn.math.risk.Kelly} (discrete with the average
 * loss, continuous, fractional, capped, multi-asset through Cholesky; the correlation adjustment named as a heuristic)
 * and {@link dev.sxn.math.risk.LedoitWolf} (scikit-learn's shrinkage); money: {@link dev.sxn.math.risk.Money} (exact
 * BigDecimal at the currency scale of a {@link dev.sxn.math.risk.CurrencyUnit}, HALF_EVEN, doubles only through named
 * conversions), {@link dev.sxn.math.risk.ProfitBuckets} (per strategy and signal, adding up exactly),
 * {@link dev.sxn.math.risk.Lots} and {@link dev.sxn.math.risk.TierHysteresis} (capital tiers with separate up and
 * down thresholds). Arguments are checked once,
 * in the public method ({@code "alpha must be in (0.0, 1.0), was 1.5"}); a non-finite return is an
 * IllegalArgumentException naming its index.
 */
package dev.sxn.math.risk;
