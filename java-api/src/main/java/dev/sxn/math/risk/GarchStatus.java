package dev.sxn.math.risk;

/** How a GARCH fit ended. Every fit returns a result; only {@link #CONVERGED} means the optimum was reached. */
public enum GarchStatus {
    /** The projected gradient of the scaled log-likelihood met the tolerance. */
    CONVERGED,
    /** The log-likelihood stopped improving before the gradient met the tolerance; the best point is returned. */
    STALLED,
    /** The iteration limit was reached; the best point is returned. */
    MAX_ITERATIONS,
    /** The series has zero variance: no model can be fitted; the parameters are NaN. */
    DEGENERATE_SERIES,
    /** The likelihood was not finite at the start values; the start values are returned. */
    NOT_FINITE
}
