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
}
