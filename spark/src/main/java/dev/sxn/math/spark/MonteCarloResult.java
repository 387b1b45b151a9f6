package dev.sxn.math.spark;

/**
 * A chunked Monte Carlo's portfolio risk: definitions as {@code dev.sxn.math.stochastic.PortfolioRisk} (VaR the
 * alpha-quantile of the losses, R's type 7; ES the mean of the losses at or above it; both positive for losses).
 *
 * @param valueAtRisk the loss quantile
 * @param expectedShortfall the tail mean
 * @param meanLoss the mean loss (chunk sums added in chunk order)
 * @param alpha the level
 * @param paths the scenarios
 * @param chunks the chunks
 * @param report where it ran ({@code null} for the one-JVM computation)
 */
public record MonteCarloResult(double valueAtRisk, double expectedShortfall, double meanLoss, double alpha, long paths, int chunks,
                               JobReport report) {}
