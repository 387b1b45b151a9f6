package dev.sxn.math.amm;

/**
 * The kernels of family {@code amm.sweep} (size = sets x rows): the value paths of a chunk of rule parameter sets of
 * one {@link TfmmPool} over one bout. The accelerated kinds cover the zero-fee pass with linear interpolation and the
 * momentum, anti-momentum and fixed rules ({@link #eligible}); every other rule, the approximately optimal
 * interpolation and fee pools run the JAVA kernel inside the family. The coarse steps (gradient estimator, rule,
 * guardrails) are JAVA's operations per set on every kind (the JAVA code itself on VECTOR, the same IEEE operations
 * in C on NATIVE and in OpenCL C on OPENCL), so the weights are JAVA's bits; only the per-minute log-domain reserves
 * ({@code log} of the weight ratios, {@code exp} of the log reserves) differ by the kind's elementary functions.
 * Arguments are checked by {@link AmmSweep}.
 */
interface SweepKernels {
    /**
     * Writes the value path of sets {@code [from, from + count)} to {@code values[c rows + row]} (c the set's index in
     * the chunk) and each set's total fee revenue to {@code fees[c]}.
     */
    void values(TfmmPool pool, double[] prices, int start, int rows, RuleParams[] sets, int from, int count, double[] values, double[] fees);

    /** Whether the accelerated kinds compute this pool's pass (else JAVA runs it). */
    static boolean eligible(TfmmPool pool) {
        AmmConfig c = pool.config();
        WeightRule r = pool.rule();
        return c.zeroFees() && c.interpolation() == Interpolation.LINEAR
                && (r == WeightRule.MOMENTUM || r == WeightRule.ANTI_MOMENTUM || r == WeightRule.FIXED);
    }
}
