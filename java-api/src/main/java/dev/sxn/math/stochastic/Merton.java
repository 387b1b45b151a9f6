package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * Merton's jump diffusion: {@code dS / S- = (mu - lambda k) dt + sigma dW + (J - 1) dN}, N a Poisson process of
 * intensity lambda, {@code ln J ~ N(m, delta^2)}, {@code k = E[J - 1] = e^{m + delta^2/2} - 1}, so that
 * {@code E[S_t] = S_0 e^{mu t}}. Simulated exactly on a grid: per step, {@code n ~ Poisson(lambda dt)} and
 * {@code x' = x + (mu - lambda k - sigma^2/2) dt + sigma sqrt(dt) z1 + n m + delta sqrt(n) z2} (the sum of n
 * normal log-jumps in distribution). R. C. Merton, "Option pricing when underlying stock returns are
 * discontinuous", J. Financial Economics 3 (1976).
 *
 * <p>Random numbers: step t of path p uses the per-slot uniform sequence of slot (p, t) ({@link Variates}):
 * uniform 0 gives z1 and uniform 1 gives z2 (AS241), the Poisson count comes from uniform 2 on (inversion below
 * mean 10, PTRS above). No antithetic form. Outputs {@code S_1 .. S_n} step-major, or the terminal values.
 * Plain Java; O(paths x steps) expected; O(1) allocation.
 *
 * @param spot {@code S_0}, finite and {@code > 0}
 * @param drift {@code mu}, finite
 * @param volatility {@code sigma}, finite and {@code >= 0}
 * @param intensity {@code lambda}, jumps per unit time, finite and {@code >= 0}
 * @param jumpMean {@code m}, the mean log-jump, finite
 * @param jumpVolatility {@code delta}, the log-jump standard deviation, finite and {@code >= 0}
 */
public record Merton(double spot, double drift, double volatility, double intensity, double jumpMean, double jumpVolatility) {
    /** Checks the parameters. */
    public Merton {
        Checks.positive(spot, "spot");
        Checks.finite(drift, "drift");
        Checks.nonNegative(volatility, "volatility");
        Checks.nonNegative(intensity, "intensity");
        Checks.finite(jumpMean, "jumpMean");
        Checks.nonNegative(jumpVolatility, "jumpVolatility");
    }

    /**
     * Writes {@code S_1 .. S_steps} of paths {@code [firstPath, firstPath + paths)} to {@code out[offset + t rowStride + i]}.
     *
     * @throws IllegalArgumentException if dt is not positive and finite, {@code intensity dt} exceeds
     *     {@link Variates#POISSON_MAX_MEAN}, steps {@code < 1}, a lane or step is beyond the generator's limits, or
     *     the block does not fit in out
     */
    public void paths(RandomStream stream, double dt, long firstPath, int paths, int steps, double[] out, int offset, int rowStride) {
        check(stream, dt, firstPath, paths, steps);
        PathChecks.output(out, offset, rowStride, steps, paths);
        run(stream, dt, firstPath, paths, steps, true, out, offset, rowStride);
    }

    /**
     * Writes {@code S_steps} of each path to {@code out[offset + i]}.
     *
     * @throws IllegalArgumentException as {@link #paths}
     */
    public void terminal(RandomStream stream, double dt, long firstPath, int paths, int steps, double[] out, int offset) {
        check(stream, dt, firstPath, paths, steps);
        PathChecks.output(out, offset, paths, 1, paths);
        run(stream, dt, firstPath, paths, steps, false, out, offset, paths);
    }

    private void check(RandomStream stream, double dt, long firstPath, int paths, int steps) {
        PathChecks.dt(dt);
        if (!(intensity * dt <= Variates.POISSON_MAX_MEAN)) throw Checks.invalid("intensity * dt", intensity * dt, "be <= 2^30");
        PathChecks.block(stream, firstPath, paths, steps, 1, Antithetic.NONE);
        if (stream.generator() == Generator.PHILOX_4X32 && steps > 1L << 32) throw Checks.invalid("steps", steps, "be <= 2^32 on PHILOX_4X32");
    }

    private void run(RandomStream s, double dt, long firstPath, int paths, int steps, boolean store, double[] out, int off, int ld) {
        double k = Math.expm1(jumpMean + 0.5 * jumpVolatility * jumpVolatility);
        double drift = (this.drift - intensity * k - 0.5 * volatility * volatility) * dt;
        double vol = volatility * Math.sqrt(dt), jumps = intensity * dt;
        SlotUniforms u = new SlotUniforms();
        double x0 = StrictMath.log(spot);
        for (int i = 0; i < paths; i++) {
            long p = firstPath + i;
            double x = x0;
            for (int t = 0; t < steps; t++) {
                u.reset(s, p, t);
                double z1 = NormalQuantile.of(u.next()), z2 = NormalQuantile.of(u.next());
                int n = Samplers.poisson(jumps, u);
                x += drift + vol * z1 + n * jumpMean + jumpVolatility * Math.sqrt(n) * z2;
                if (store) out[off + t * ld + i] = PathExp.exp(x);
            }
            if (!store) out[off + i] = PathExp.exp(x);
        }
    }
}
