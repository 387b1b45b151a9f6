package dev.sxn.math.filter;

/**
 * The output of {@link KalmanFilter#filter}: for each step t = 0..T-1, the filtered mean x_{t|t} and
 * covariance P_{t|t}, the predicted mean x_{t|t-1} and covariance P_{t|t-1}, the transition F_t that
 * led from t-1 to t (what {@link KalmanFilter#rtsSmooth} needs), the innovation v_t and the standardised
 * innovation (see {@link KalmanUpdate}; NaN where the component was missing), and the full Gaussian
 * log-likelihood of all observed components,
 * {@code -1/2 sum_t (k_t log 2 pi + log det S_t + v_t' S_t^-1 v_t)}, which for one observation is
 * {@code -1/2 sum (log(2 pi F_t) + v_t^2 / F_t)}.
 *
 * <p>Storage is flat and row-major: mean i of step t at {@code t*n + i}, covariance (i, j) at
 * {@code (t*n + i)*n + j}, innovation k at {@code t*m + k}. The record copies arrays in and out, so it
 * is immutable; the element accessors ({@link #mean(int, int)} ...) read without copying.
 *
 * @param steps the number of steps T
 * @param stateDim n
 * @param obsDim m
 * @param means filtered means x_{t|t}, T x n
 * @param covariances filtered covariances P_{t|t}, T x n x n
 * @param predictedMeans predicted means x_{t|t-1}, T x n
 * @param predictedCovariances predicted covariances P_{t|t-1}, T x n x n
 * @param transitions the transition F_t used to predict step t, T x n x n
 * @param innovations innovations v_t, T x m (NaN where missing)
 * @param standardized standardised innovations, T x m (NaN where missing)
 * @param logLikelihood the full Gaussian log-likelihood of the observed components
 * @param observations the number of observed components over all steps
 */
public record KalmanResult(int steps, int stateDim, int obsDim, double[] means, double[] covariances, double[] predictedMeans,
        double[] predictedCovariances, double[] transitions, double[] innovations, double[] standardized, double logLikelihood,
        int observations) {
    /** Copies the arrays. */
    public KalmanResult {
        means = means.clone();
        covariances = covariances.clone();
        predictedMeans = predictedMeans.clone();
        predictedCovariances = predictedCovariances.clone();
        transitions = transitions.clone();
        innovations = innovations.clone();
        standardized = standardized.clone();
    }

    /** Filtered mean component i at step t. */
    public double mean(int t, int i) {
        return FlatSteps.mean(means, stateDim, t, i);
    }

    /** Filtered covariance (i, j) at step t. */
    public double covariance(int t, int i, int j) {
        return FlatSteps.covariance(covariances, stateDim, t, i, j);
    }

    /** Standardised innovation k at step t (NaN if missing). */
    public double standardized(int t, int k) {
        return standardized[t * obsDim + k];
    }

    /** Innovation k at step t (NaN if missing). */
    public double innovation(int t, int k) {
        return innovations[t * obsDim + k];
    }

    /** The filtered series of state component i (length T). */
    public double[] stateSeries(int i) {
        return FlatSteps.series(means, steps, stateDim, i);
    }

    /** The filtered mean at step t as a new array. */
    public double[] mean(int t) {
        double[] out = new double[stateDim];
        System.arraycopy(means, t * stateDim, out, 0, stateDim);
        return out;
    }

    /** The filtered covariance at step t as a new n x n array. */
    public double[][] covariance(int t) {
        return Dense.unflatten(covariances, t * stateDim * stateDim, stateDim, stateDim);
    }

    /** A copy of the flat filtered means. */
    @Override
    public double[] means() {
        return means.clone();
    }

    /** A copy of the flat filtered covariances. */
    @Override
    public double[] covariances() {
        return covariances.clone();
    }

    /** A copy of the flat predicted means. */
    @Override
    public double[] predictedMeans() {
        return predictedMeans.clone();
    }

    /** A copy of the flat predicted covariances. */
    @Override
    public double[] predictedCovariances() {
        return predictedCovariances.clone();
    }

    /** A copy of the flat transitions F_t. */
    @Override
    public double[] transitions() {
        return transitions.clone();
    }

    /** A copy of the flat innovations. */
    @Override
    public double[] innovations() {
        return innovations.clone();
    }

    /** A copy of the flat standardised innovations. */
    @Override
    public double[] standardized() {
        return standardized.clone();
    }

    // Package-private zero-copy views for the smoother.
    double[] meansView() {
        return means;
    }

    double[] covariancesView() {
        return covariances;
    }

    double[] predictedMeansView() {
        return predictedMeans;
    }

    double[] predictedCovariancesView() {
        return predictedCovariances;
    }

    double[] transitionsView() {
        return transitions;
    }
}
