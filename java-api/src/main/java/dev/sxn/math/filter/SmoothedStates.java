package dev.sxn.math.filter;

/**
 * The Rauch-Tung-Striebel smoothed states x_{t|T} and covariances P_{t|T} for t = 0..T-1 (flat,
 * row-major as in {@link KalmanResult}, whose element accessors these mirror; both index through {@code FlatSteps}).
 * Immutable: arrays are copied in and out.
 *
 * @param steps the number of steps T
 * @param stateDim n
 * @param means smoothed means x_{t|T}, T x n
 * @param covariances smoothed covariances P_{t|T}, T x n x n
 */
public record SmoothedStates(int steps, int stateDim, double[] means, double[] covariances) {
    /** Copies the arrays. */
    public SmoothedStates {
        means = means.clone();
        covariances = covariances.clone();
    }

    /** Smoothed mean component i at step t. */
    public double mean(int t, int i) {
        return FlatSteps.mean(means, stateDim, t, i);
    }

    /** Smoothed covariance (i, j) at step t. */
    public double covariance(int t, int i, int j) {
        return FlatSteps.covariance(covariances, stateDim, t, i, j);
    }

    /** The smoothed series of state component i. */
    public double[] stateSeries(int i) {
        return FlatSteps.series(means, steps, stateDim, i);
    }

    /** A copy of the flat smoothed means. */
    @Override
    public double[] means() {
        return means.clone();
    }

    /** A copy of the flat smoothed covariances. */
    @Override
    public double[] covariances() {
        return covariances.clone();
    }
}
