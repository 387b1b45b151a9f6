package dev.sxn.math.filter;

/**
 * Batched Kalman kernels. Arguments are checked by {@link BatchKalman}: {@code state} holds
 * {@code plan.comps * filters} doubles (component c of filter f at {@code c * filters + f}), {@code zs}
 * holds {@code ticks * m * filters} doubles from {@code zOff} (observation k of filter f at tick t at
 * {@code zOff + (t * m + k) * filters + f}, NaN = missing), {@code out} is null or holds
 * {@code ticks * filters} doubles (the filtered first state component at {@code t * filters + f}).
 * Implementations are thread-safe or serialise their own state.
 */
interface BatchKalmanKernels {
    /** Advances every filter by {@code ticks} predict+update steps. */
    void run(BatchPlan plan, double[] state, int filters, double[] zs, int zOff, int ticks, double[] out);

    /**
     * As {@link #run} for a constant-velocity plan (n = 2, m = 1, {@code packed[CV]} set), with each
     * filter's step length {@code dts[dOff + t * filters + f]} (finite, >= 0): F = [[1, dt], [0, 1]],
     * Q = cv [[dt^3/3, dt^2/2], [dt^2/2, dt]] per filter and tick.
     */
    void runDt(BatchPlan plan, double[] state, int filters, double[] zs, int zOff, double[] dts, int dOff, int ticks, double[] out);

    /**
     * The first index i in [off, off + len) with an infinite a[i], or -1: the argument check on the
     * observations and step lengths, which on the hot path costs a third of a NATIVE tick if scanned
     * by scalar Java, so each kernel scans its own way.
     */
    int firstInfinite(double[] a, int off, int len);
}
