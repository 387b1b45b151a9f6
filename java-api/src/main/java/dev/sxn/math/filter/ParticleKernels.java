package dev.sxn.math.filter;

/**
 * The particle filter's own per-step arithmetic over the log-weights (the user callbacks are the
 * rest): log-sum-exp normalisation and the effective sample size. Arguments are checked by
 * {@link ParticleFilter}: {@code n <= logW.length}, n >= 1, no NaN and at least one finite entry.
 * Stateless and thread-safe.
 */
interface ParticleKernels {
    /**
     * Subtracts lse = max + log(sum exp(logW - max)) from logW[0..n) in place and returns lse.
     *
     * @param max the largest entry of logW[0..n) (finite)
     */
    double normalize(double[] logW, int n, double max);

    /** 1 / sum exp(2 logW[i]) over normalised log-weights: the effective sample size. */
    double ess(double[] logW, int n);
}
