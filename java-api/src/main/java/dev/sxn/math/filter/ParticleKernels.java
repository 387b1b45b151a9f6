package dev.sxn.math.filter;

/**
 * The particle filter's own per-step arithmetic over the log-weights (the user callbacks are the
 * rest): the log-sum-exp of the normalisation and the effective sample size; both only read logW. Arguments are checked by
 * {@link ParticleFilter}: {@code n <= logW.length}, n >= 1, no NaN and at least one finite entry.
 * Stateless and thread-safe.
 */
interface ParticleKernels {
    /**
     * lse = max + log(sum exp(logW[i] - max)) over logW[0..n), which is only read (so a failed call leaves
     * nothing half-written; the filter subtracts lse itself).
     *
     * @param max the largest entry of logW[0..n) (finite)
     */
    double logSumExp(double[] logW, int n, double max);

    /** 1 / sum exp(2 logW[i]) over normalised log-weights: the effective sample size. */
    double ess(double[] logW, int n);
}
