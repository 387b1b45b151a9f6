package dev.sxn.math.risk;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.Checks;

/**
 * GARCH(1,1) and GJR-GARCH(1,1) with a constant mean, fitted by maximum likelihood with R fGarch's
 * {@code garchFit} conventions (see {@link GarchEstimator} for the scaling, start values and bounds,
 * {@link GarchInit} for the recursion start, {@link GarchLikelihood} for the likelihoods).
 *
 * <p>A fit never throws on a hard series: it returns its best point with a {@link GarchStatus}. Arguments are
 * checked here, once: the returns must be finite and at least {@link #MIN_LENGTH} long.
 */
public final class Garch {
    private Garch() {}

    /** The shortest series a fit accepts (six parameters need more points than that to mean anything). */
    public static final int MIN_LENGTH = 10;

    /**
     * Fits {@code spec} to {@code returns} (e.g. log returns in percent; the fit is scale-equivariant: returns
     * times c give mu times c, omega times c^2 and the same other parameters). O(iterations n).
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code returns} is shorter than {@link #MIN_LENGTH} or not finite
     */
    public static GarchFit fit(double[] returns, GarchSpec spec) {
        Checks.notNull(spec, "spec");
        Checks.minLength(returns, "returns", MIN_LENGTH, "a GARCH(1,1) fit");
        Checks.allFinite(returns, "returns");
        return GarchEstimator.fit(returns, 0, returns.length, spec);
    }

    /**
     * Fits {@code spec} to every asset of {@code returns} (k assets, t returns each), all assets stepped together
     * with their likelihoods batched over the {@code risk.garch} kernels (the kind chosen per call); element
     * {@code a} is {@code fit(returns.series(a), spec)}, bit for bit when the kernel is JAVA's, within the
     * optimiser's tolerance otherwise. O(k iterations t).
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code t < MIN_LENGTH} or a return is not finite
     */
    public static GarchFit[] fitBatch(SeriesBatch returns, GarchSpec spec) {
        return fitBatch(returns, spec, null);
    }

    /**
     * {@link #fitBatch(SeriesBatch, GarchSpec)} on the likelihood kernel of {@code backend} (null: chosen per call).
     * JAVA evaluates asset by asset; VECTOR puts assets in the lanes; NATIVE is C over blocks of assets; OPENCL
     * evaluates an asset per work-item. The optimiser itself runs in Java.
     *
     * @throws NullPointerException if {@code returns} or {@code spec} is null
     * @throws IllegalArgumentException if {@code t < MIN_LENGTH} or a return is not finite
     * @throws IllegalStateException if {@code backend} is pinned and unavailable here (the message says why)
     */
    public static GarchFit[] fitBatch(SeriesBatch returns, GarchSpec spec, Backend backend) {
        Checks.notNull(returns, "returns");
        Checks.notNull(spec, "spec");
        Checks.atLeast(returns.length(), "returns.length() (samples per asset)", MIN_LENGTH, "a GARCH(1,1) fit");
        int k = returns.assets(), t = returns.length();
        double[] data = returns.data();
        for (int j = 0; j < data.length; j++) {
            if (!Double.isFinite(data[j])) throw Checks.invalid("returns.get(" + j % k + ", " + j / k + ")", data[j], "be finite");
        }
        return GarchBatchEstimator.fit(data, k, t, spec, backend);
    }

    /**
     * The log-likelihood of {@code returns} under {@code spec} at {@code parameters} (in
     * {@link GarchSpec#parameterNames()} order and the returns' units), the quantity {@link #fit} maximises;
     * {@code -Infinity} where undefined (a non-positive variance, shape <= 2). O(n).
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths are wrong or a value is not finite
     */
    public static double logLikelihood(double[] returns, GarchSpec spec, double[] parameters) {
        Checks.notNull(spec, "spec");
        Checks.minLength(returns, "returns", MIN_LENGTH, "a GARCH(1,1) fit");
        Checks.allFinite(returns, "returns");
        Checks.length(parameters, "parameters", spec.parameterCount(), "one per GarchSpec.parameterNames()");
        Checks.allFinite(parameters, "parameters");
        return -new GarchLikelihood(returns, 0, returns.length, 1, spec).evaluate(parameters, null);
    }
}
