package dev.sxn.math.risk;

/** Which Cornish-Fisher expansion {@link ValueAtRisk#cornishFisher} used. */
public enum CornishFisherMethod {
    /** The sample skewness and excess kurtosis used as the expansion's parameters (they are inside its domain). */
    STANDARD,
    /**
     * Maillard's (2012) corrected expansion: parameters {@code (s, k)} inside the domain solved so that the
     * transformed variable's actual skewness and excess kurtosis equal the sample's, rescaled to unit variance.
     */
    CORRECTED
}
