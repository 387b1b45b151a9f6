package dev.sxn.math.filter;

/**
 * What one {@link KalmanFilter#update(double[])} saw: the innovation v = z - H x_{t|t-1} (NaN where a
 * component was missing), the standardised innovation L^-1 v with S = L L' the Cholesky factor of the
 * innovation covariance over the observed components (for one observation: v / sqrt(S), R's
 * {@code KalmanRun} residual), the Gaussian log-density of the observed components
 * -1/2 (k log 2 pi + log det S + v' S^-1 v), and the number k of observed components (0 when z was all
 * missing: then the log-density is 0). Arrays are copied in and out, so the record is immutable.
 *
 * @param innovation v, length m (NaN where missing)
 * @param standardized L^-1 v over the observed components, length m (NaN where missing)
 * @param logLikelihood the log-density of the observed components
 * @param observed the number of observed components
 */
public record KalmanUpdate(double[] innovation, double[] standardized, double logLikelihood, int observed) {
    /** Copies the arrays. */
    public KalmanUpdate {
        innovation = innovation.clone();
        standardized = standardized.clone();
    }

    /** A copy of the innovation. */
    @Override
    public double[] innovation() {
        return innovation.clone();
    }

    /** A copy of the standardised innovation. */
    @Override
    public double[] standardized() {
        return standardized.clone();
    }
}
