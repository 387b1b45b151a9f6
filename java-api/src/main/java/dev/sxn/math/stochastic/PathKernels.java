package dev.sxn.math.stochastic;

/**
 * The path-simulation kernels of family {@code stochastic.paths} (size = paths x steps). A kernel computes
 * the block of paths {@code [firstPath, firstPath + paths)} over steps {@code 1..steps} from the
 * {@link RandomStream} alone (seed, stream id, generator), drawing each path's numbers from its own
 * (lane, step) slots ({@link Antithetic} maps paths to lanes): never from numbers generated elsewhere. So a
 * NATIVE or OPENCL kernel receives the seed and the block's corner, and a path is the same whatever the
 * block, the thread split or the kind.
 *
 * <p>Output ({@code what}): {@link #WHAT_PATHS} writes the path values step-major,
 * {@code out[off + t * ld + i] = S_{t+1}} of path {@code firstPath + i}, {@code t = 0 .. steps - 1}. Otherwise
 * {@code what} is a mask of {@link PathReduction} bits ({@link PathReduction#bit()}); the reductions in
 * the enum's order go to rows 0, 1, ...: {@code out[off + row * ld + i]}. Every output element of the block
 * is written and nothing in {@code out} is read, so a failed call is re-run by the JAVA kernel exactly.
 *
 * <p>Numbers: a kernel works in log space, {@code x_{t+1} = x_t + (drift + vol z_t)}, and every exponential
 * is {@link PathExp} (IEEE basic operations only), every logarithm {@link FdLog}; sums run in step order.
 * Maximum and minimum are taken on x and exponentiated once ({@code exp} is monotone, so it is the same
 * value). So every kind gives the JAVA kernel's bits (ulp budget 0, tested).
 *
 * <p>Arguments are checked by the public entry points ({@link Gbm}); kernels never re-check.
 * Implementations are stateless apart from per-thread scratch ({@link PathScratch}), so O(1) allocation.
 */
interface PathKernels {
    /** {@code what} for the path values themselves (no reduction). */
    int WHAT_PATHS = 0;

    /**
     * Single-asset geometric Brownian motion in log space: {@code x_0 = x0 = ln S_0},
     * {@code x_{t+1} = x_t + (drift + vol z)}, {@code S_t = exp(x_t)}, with {@code drift = (mu - sigma^2/2) dt},
     * {@code vol = sigma sqrt(dt)}, and z the AS241 normal of slot (lane(p), t) (mirrored for odd paths of
     * an antithetic pair).
     */
    void gbm(RandomStream s, double x0, double drift, double vol, long firstPath, int paths, int steps, boolean antithetic,
             int what, double[] out, int off, int ld);

    /**
     * Heston by Andersen's QE scheme ({@link HestonQe}): {@code c} holds the per-step constants, indexed by
     * {@link HestonQeKernel#THETA} .. {@link HestonQeKernel#CORRECT} ({@link HestonQe#constants}); {@code x0 = ln S_0},
     * {@code v0} the initial variance. Time step t of path p uses the open uniform of slot (lane(p), 2t) for the variance
     * (and, where the quadratic branch needs it, its AS241 normal) and the AS241 normal of slot (lane(p), 2t + 1) for the
     * price; outputs as {@link #gbm}.
     */
    void hestonQe(RandomStream s, double[] c, double x0, double v0, long firstPath, int paths, int steps, boolean antithetic,
                  int what, double[] out, int off, int ld);

    /**
     * Whether this kernel has Heston code of its own; one that runs the JAVA kernel's loop for it is passed over by
     * the automatic choice for Heston calls (VECTOR's own code is faster than JAVA's), and runs only when pinned.
     */
    default boolean hasOwnHeston() {
        return true;
    }
}
