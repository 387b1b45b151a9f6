package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * The Cox-Ingersoll-Ross process {@code dX = kappa (theta - X) dt + sigma sqrt(X) dW}, simulated exactly: the
 * transition is a scaled non-central chi-square, {@code X' = c chi'^2_delta(lambda)} with
 * {@code c = sigma^2 (1 - e^{-kappa dt}) / (4 kappa)}, {@code delta = 4 kappa theta / sigma^2},
 * {@code lambda = X e^{-kappa dt} / c}, drawn as a Poisson mixture of gammas: {@code N ~ Poisson(lambda / 2)},
 * {@code X' = 2 c Gamma(delta / 2 + N, 1)} (Glasserman, "Monte Carlo Methods in Financial Engineering", 2003,
 * section 3.4). Not Andersen's QE: every step is exact, whatever dt, and X stays {@code >= 0}.
 *
 * <p>Random numbers: step t of path p draws from the per-slot uniform sequence of slot (p, t) of the stream
 * ({@link Variates}: the Poisson count first, by inversion or PTRS, then the gamma, Marsaglia-Tsang, on the
 * following uniforms), so rejections never move another slot's numbers and a path is the same whatever the
 * block. No antithetic form (a mirrored rejection sampler is not an antithetic variate). Plain Java;
 * O(paths x steps) expected; O(1) allocation.
 *
 * @param x0 the start value, finite and {@code >= 0}
 * @param kappa the mean-reversion speed, finite and {@code > 0}
 * @param theta the long-run mean, finite and {@code > 0}
 * @param sigma the volatility, finite and {@code > 0}
 */
public record Cir(double x0, double kappa, double theta, double sigma) {
    /** Checks the parameters. */
    public Cir {
        Checks.nonNegative(x0, "x0");
        Checks.positive(kappa, "kappa");
        Checks.positive(theta, "theta");
        Checks.positive(sigma, "sigma");
    }

    /** The mean {@code E[X_t] = theta + (x0 - theta) e^{-kappa t}}. */
    public double mean(double t) {
        return theta + (x0 - theta) * Math.exp(-kappa * t);
    }

    /** The variance {@code x0 sigma^2 e^{-kt} (1 - e^{-kt}) / k + theta sigma^2 (1 - e^{-kt})^2 / (2k)}. */
    public double variance(double t) {
        double e = Math.exp(-kappa * t);
        return x0 * sigma * sigma * e * (1 - e) / kappa + theta * sigma * sigma * (1 - e) * (1 - e) / (2 * kappa);
    }

    /**
     * Writes X after steps 1..steps of paths {@code [firstPath, firstPath + paths)} to {@code out[offset + t rowStride + i]}.
     *
     * @throws IllegalArgumentException if dt is not positive and finite, steps {@code < 1}, a lane or step is beyond
     *     the generator's limits, or the block does not fit in out
     * @throws ArithmeticException if a step's Poisson mean {@code lambda / 2} exceeds {@link Variates#POISSON_MAX_MEAN}
     *     (a state far above theta with a tiny dt), naming the path and step
     */
    public void paths(RandomStream stream, double dt, long firstPath, int paths, int steps, double[] out, int offset, int rowStride) {
        check(stream, dt, firstPath, paths, steps);
        PathChecks.output(out, offset, rowStride, steps, paths);
        run(stream, dt, firstPath, paths, steps, true, out, offset, rowStride);
    }

    /**
     * Writes X after {@code steps} steps of each path to {@code out[offset + i]}.
     *
     * @throws IllegalArgumentException as {@link #paths}
     * @throws ArithmeticException as {@link #paths}
     */
    public void terminal(RandomStream stream, double dt, long firstPath, int paths, int steps, double[] out, int offset) {
        check(stream, dt, firstPath, paths, steps);
        PathChecks.output(out, offset, paths, 1, paths);
        run(stream, dt, firstPath, paths, steps, false, out, offset, paths);
    }

    private static void check(RandomStream stream, double dt, long firstPath, int paths, int steps) {
        PathChecks.dt(dt);
        PathChecks.block(stream, firstPath, paths, steps, 1, Antithetic.NONE);
        if (stream.generator() == Generator.PHILOX_4X32 && steps > 1L << 32) throw Checks.invalid("steps", steps, "be <= 2^32 on PHILOX_4X32");
    }

    private void run(RandomStream s, double dt, long firstPath, int paths, int steps, boolean store, double[] out, int off, int ld) {
        double e = Math.exp(-kappa * dt);
        double c = -sigma * sigma * Math.expm1(-kappa * dt) / (4 * kappa);
        double halfDelta = 2 * kappa * theta / (sigma * sigma);
        SlotUniforms u = new SlotUniforms();
        for (int i = 0; i < paths; i++) {
            long p = firstPath + i;
            double x = x0;
            for (int t = 0; t < steps; t++) {
                double mean = 0.5 * x * e / c;
                if (!(mean <= Variates.POISSON_MAX_MEAN)) {
                    throw new ArithmeticException("CIR path " + p + " step " + t + ": Poisson mean " + mean + " exceeds 2^30 (state " + x + ", dt " + dt + ")");
                }
                u.reset(s, p, t);
                int n = Samplers.poisson(mean, u);
                x = 2 * c * Samplers.gamma(halfDelta + n, u);
                if (store) out[off + t * ld + i] = x;
            }
            if (!store) out[off + i] = x;
        }
    }
}
