package dev.sxn.math.risk;

/**
 * The kernels of family {@code risk.garch} (size = assets evaluated x returns): the negative log-likelihood of a
 * constant-mean GARCH(1,1) or GJR-GARCH(1,1), normal or standardized t, and its exact gradient, for many assets at
 * once ({@link GarchLikelihood} gives the definitions and the operation order).
 *
 * <p>Layout: {@code x} is a time-major batch, {@code x[t k + a]} the return of asset {@code a} at time {@code t}
 * ({@code SeriesBatch}); asset a's series is {@code y_t = x[t k + a] c[2k + a]}, with the constants of
 * {@link GarchLikelihood#constants} parameter-major in {@code c}: {@code c[a]} the mean of y, {@code c[k + a]} the
 * mean of y^2, {@code c[2k + a]} 1 / scale, {@code c[3k + a]} the backcast. The parameters are parameter-major too:
 * {@code th[i k + a]} is parameter i (the spec's order) of asset a, and the gradient goes to {@code grad[i k + a]},
 * the value to {@code f[a]} ({@code +Infinity} where the likelihood is undefined). Only assets with
 * {@code active[a] != 0} are asked for; what a kernel writes for the others is unspecified (a vector kernel
 * computes whole lane groups). Nothing but {@code f} and {@code grad} is written, and both are written only for
 * the assets asked for, so a failed call is re-run by the JAVA kernel exactly.
 *
 * <p>Arguments are checked by the public entry points ({@link Garch}); kernels never re-check. Stateless apart
 * from per-thread scratch; O(1) allocation.
 */
interface GarchKernels {
    /**
     * Evaluates the assets with {@code active[a] != 0}; {@code flags} from {@link GarchLikelihood#flags}, p
     * parameters each.
     */
    void likelihood(int flags, int p, double[] x, int k, int n, double[] c, double[] th, byte[] active, double[] f, double[] grad);
}
