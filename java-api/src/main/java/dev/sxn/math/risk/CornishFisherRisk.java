package dev.sxn.math.risk;

/**
 * A Cornish-Fisher VaR/ES with how it was obtained.
 *
 * @param risk     the VaR and ES as positive losses
 * @param method   the standard or the corrected expansion
 * @param s        the skewness parameter the expansion used
 * @param k        the excess-kurtosis parameter the expansion used
 * @param scale    the factor applied to the expansion's quantile (1 for {@link CornishFisherMethod#STANDARD};
 *                 1 / its standard deviation for {@link CornishFisherMethod#CORRECTED})
 */
public record CornishFisherRisk(TailRisk risk, CornishFisherMethod method, double s, double k, double scale) {}
