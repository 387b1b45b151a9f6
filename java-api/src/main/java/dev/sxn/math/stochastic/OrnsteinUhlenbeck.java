package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * The Ornstein-Uhlenbeck process {@code dX = kappa (theta - X) dt + sigma dW}, simulated by its exact Gaussian
 * transition: {@code X' = theta + (X - theta) e^{-kappa dt} + sigma sqrt((1 - e^{-2 kappa dt}) / (2 kappa)) z}
 * ({@code kappa = 0}: Brownian motion, {@code sigma sqrt(dt) z}). z of path p, step t is the AS241 normal of slot
 * (lane(p), t) ({@link Antithetic}: mirrored for the odd path of a pair). Outputs step-major
 * ({@code out[offset + t rowStride + i]} = X after step t) or the terminal values. Plain Java; O(paths x steps),
 * O(1) allocation (per-thread scratch).
 *
 * @param x0 the start value, finite
 * @param kappa the mean-reversion speed, finite and {@code >= 0}
 * @param theta the long-run mean, finite
 * @param sigma the volatility, finite and {@code >= 0}
 */
public record OrnsteinUhlenbeck(double x0, double kappa, double theta, double sigma) {
    /** Checks the parameters. */
    public OrnsteinUhlenbeck {
        Checks.finite(x0, "x0");
        Checks.nonNegative(kappa, "kappa");
        Checks.finite(theta, "theta");
        Checks.nonNegative(sigma, "sigma");
    }

    /** The mean {@code E[X_t] = theta + (x0 - theta) e^{-kappa t}}. */
    public double mean(double t) {
        return theta + (x0 - theta) * Math.exp(-kappa * t);
    }

    /** The variance {@code sigma^2 (1 - e^{-2 kappa t}) / (2 kappa)} ({@code sigma^2 t} for kappa = 0). */
    public double variance(double t) {
        return kappa == 0 ? sigma * sigma * t : -sigma * sigma * Math.expm1(-2 * kappa * t) / (2 * kappa);
    }

    /**
     * Writes X after steps 1..steps of paths {@code [firstPath, firstPath + paths)} to {@code out[offset + t rowStride + i]}.
     *
     * @throws IllegalArgumentException if dt is not positive and finite, steps {@code < 1}, a lane or step is beyond the
     *     generator's limits, or the block does not fit in out
     */
    public void paths(RandomStream stream, double dt, long firstPath, int paths, int steps, Antithetic antithetic, double[] out, int offset,
                      int rowStride) {
        PathChecks.dt(dt);
        PathChecks.block(stream, firstPath, paths, steps, 1, antithetic);
        PathChecks.output(out, offset, rowStride, steps, paths);
        run(stream, dt, firstPath, paths, steps, antithetic, true, out, offset, rowStride);
    }

    /**
     * Writes X after {@code steps} steps of each path to {@code out[offset + i]}.
     *
     * @throws IllegalArgumentException as {@link #paths}
     */
    public void terminal(RandomStream stream, double dt, long firstPath, int paths, int steps, Antithetic antithetic, double[] out, int offset) {
        PathChecks.dt(dt);
        PathChecks.block(stream, firstPath, paths, steps, 1, antithetic);
        PathChecks.output(out, offset, paths, 1, paths);
        run(stream, dt, firstPath, paths, steps, antithetic, false, out, offset, paths);
    }

    private void run(RandomStream s, double dt, long firstPath, int paths, int steps, Antithetic antithetic, boolean store, double[] out,
                     int off, int ld) {
        double e = Math.exp(-kappa * dt);
        double sd = Math.sqrt(variance(dt));
        PathScratch sc = PathScratch.get();
        final int w = PathScratch.LANES;
        double[] z = sc.z, x = sc.x;
        for (int i0 = 0; i0 < paths; i0 += w) {
            int n = Math.min(w, paths - i0);
            for (int i = 0; i < n; i++) x[i] = x0;
            for (int t0 = 0; t0 < steps; t0 += PathScratch.STEPS) {
                int m = Math.min(PathScratch.STEPS, steps - t0);
                PathTile.fill(PathTile.JAVA, s, RngConstants.MODE_NORMAL, antithetic == Antithetic.PAIRED, firstPath + i0, n, t0, m, sc);
                for (int r = 0; r < m; r++) {
                    for (int i = 0; i < n; i++) {
                        x[i] = theta + (x[i] - theta) * e + sd * z[r * w + i];
                        if (store) out[off + (t0 + r) * ld + i0 + i] = x[i];
                    }
                }
            }
            if (!store) System.arraycopy(x, 0, out, off + i0, n);
        }
    }
}
