package dev.sxn.math.regime;

/**
 * How the covariances of a {@link GaussianEmissions} are parameterised (hmmlearn's names).
 */
public enum CovarianceType {
    /** One unrestricted symmetric positive definite d x d covariance per state: K d (d + 1) / 2 parameters. */
    FULL,
    /** One diagonal covariance per state: K d parameters. */
    DIAGONAL,
    /** One variance per state times the identity: K parameters. */
    SPHERICAL,
    /** One full covariance shared by all states: d (d + 1) / 2 parameters. */
    TIED
}
