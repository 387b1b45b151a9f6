package dev.sxn.math.stochastic;

/**
 * Monte Carlo value at risk and expected shortfall of a portfolio over a horizon, as positive losses in the
 * portfolio's currency (see {@link PortfolioRisk} for the definitions).
 *
 * @param valueAtRisk VaR at level alpha: the alpha-quantile of the loss (R type 7)
 * @param expectedShortfall ES: the mean of the losses at or beyond VaR
 * @param meanLoss the mean loss (negative for a portfolio expected to gain)
 * @param alpha the confidence level
 * @param paths the number of simulated scenarios
 */
public record PortfolioRiskEstimate(double valueAtRisk, double expectedShortfall, double meanLoss, double alpha, int paths) {}
