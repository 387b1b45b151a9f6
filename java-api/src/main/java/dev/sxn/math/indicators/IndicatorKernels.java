package dev.sxn.math.indicators;

/**
 * The indicator kernels every backend implements, on time-major batches: {@code k} assets by
 * {@code t} samples, value of asset {@code a} at time {@code i} at {@code x[i * k + a]} (see
 * {@link SeriesBatch}); a single series is the batch {@code k = 1}. Arguments are already checked by
 * {@link Indicators}: {@code k >= 1}, {@code t >= 0}, arrays hold {@code k * t} values, windows and
 * periods are in range, {@code out} does not alias {@code x}.
 *
 * <p>Missing values: a non-finite input (NaN, +-Inf) ends the current run of an asset; a window
 * kernel is NaN for every window that contains it; a recurrence is NaN at it and starts a fresh
 * warm-up on the next finite value. Implementations are stateless or serialise their own state,
 * so one instance serves all threads.
 */
interface IndicatorKernels {
    /**
     * {@code out = scale * (sum of the last w values)}, compensated (TwoSum) running sum: the
     * error of each output is at most {@code 2u|S| + 4 m u^2 sum|x|} over the m steps of its run.
     */
    void rollingSum(double[] x, int k, int t, int w, double scale, double[] out);

    /**
     * Rolling variance ({@code ddof} 0: population, 1: sample), or its square root when
     * {@code sqrt}. Sliding sums {@code S1 = sum(x - K)}, {@code S2 = sum((x - K)^2)} re-centred on
     * the window mean K after every step (so S2 stays the size of the window's M2), re-computed by
     * two passes at the first full window of a run and every {@link IndicatorConstants#RESUM}
     * steps; a window of equal values is exactly 0; a window whose sums overflow (values too large to
     * square) is {@link ScaledVariance#window}, +Infinity only where the true variance overflows.
     */
    void rollingVar(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out);

    /**
     * Exponential recurrence {@code v = alpha x + (1 - alpha) v}, seeded with the mean of the first
     * {@code seed} values of each run (EMA: alpha 2/(n+1); Wilder: 1/n).
     */
    void ema(double[] x, int k, int t, int seed, double alpha, double[] out);

    /** Wilder's RSI over {@code n} price changes, in [0, 100]; NaN where gains and losses are both 0. */
    void rsi(double[] x, int k, int t, int n, double[] out);

    /**
     * Whether this kernel has a fast path for a single series' rolling variance of window {@code w}, so that
     * the automatic choice may take it for that call (the family {@code indicators.Indicators.seriesVariance}
     * asks). Kernels without a window-specific path take every window.
     */
    default boolean takesSeriesVariance(int w) {
        return true;
    }
}
