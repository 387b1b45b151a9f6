package dev.sxn.math.stochastic;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.linalg.Linalg;

/**
 * Correlated multi-asset geometric Brownian motion: {@code dS_i = mu_i S_i dt + sigma_i S_i dW_i},
 * {@code d<W_i, W_j> = rho_ij dt}, simulated exactly on a uniform grid in log space:
 * {@code x_i' = x_i + ((mu_i - sigma_i^2/2) dt + sigma_i sqrt(dt) w_i)}, {@code w = L z}, L the lower Cholesky
 * factor of the correlation matrix ({@link Linalg#cholesky}, on JAVA so the factor's bits do not depend on the
 * machine's backends), or a factor the caller supplies.
 *
 * <p>Random numbers: for d assets, the normal {@code z_j} of step t of path p is the AS241 normal of slot
 * (lane(p), t d + j) ({@link Antithetic}: the whole vector z mirrored for the odd path of a pair), so a path is
 * the same whatever the block or thread split. Outputs step-major: the path, {@code out[offset + (t d + i) rowStride + p]}
 * = {@code S_i} after step t; or the terminal values, {@code out[offset + i rowStride + p]}. Plain Java; O(paths x
 * steps x d^2); O(1) allocation per call (per-thread scratch). Up to {@value SdeIntegrator#MAX_DIMENSION} assets.
 */
public final class GbmCorrelated {
    private final double[] logSpots, drifts, vols, factor;
    private final int d;

    private GbmCorrelated(double[] spots, double[] drifts, double[] vols, double[] factor) {
        this.d = spots.length;
        this.logSpots = new double[d];
        for (int i = 0; i < d; i++) logSpots[i] = StrictMath.log(spots[i]);
        this.drifts = drifts.clone();
        this.vols = vols.clone();
        this.factor = factor;
    }

    /**
     * The model with the given correlation matrix (symmetric positive definite, unit diagonal).
     *
     * @throws IllegalArgumentException if the lengths differ or exceed the limit, a spot is not positive and
     *     finite, a drift not finite, a volatility negative, or the correlation is not d x d, symmetric, unit
     *     on the diagonal, within [-1, 1] and positive definite
     */
    public static GbmCorrelated of(double[] spots, double[] drifts, double[] volatilities, DMatrix correlation) {
        int d = checkVectors(spots, drifts, volatilities);
        Checks.notNull(correlation, "correlation");
        if (correlation.rows() != d || correlation.cols() != d) {
            throw Checks.invalid("correlation", correlation.shape(), "be " + d + "x" + d + " (one row per asset)");
        }
        for (int i = 0; i < d; i++) {
            if (correlation.get(i, i) != 1.0) throw Checks.invalid("correlation(" + i + ", " + i + ")", correlation.get(i, i), "be 1");
            for (int j = 0; j < d; j++) Checks.inClosed(correlation.get(i, j), "correlation(" + i + ", " + j + ")", -1, 1);
        }
        DMatrix l = Linalg.cholesky(Backend.JAVA, correlation).l();
        return new GbmCorrelated(spots, drifts, volatilities, lowerRowMajor(l, d));
    }

    /**
     * The model with a caller-supplied lower-triangular factor L ({@code L L^T} is the correlation matrix;
     * entries above the diagonal are ignored).
     *
     * @throws IllegalArgumentException as {@link #of}, or if L is not d x d, has a non-finite entry, or a row whose
     *     norm is not 1 within 1e-12 (the diagonal of L L^T must be 1)
     */
    public static GbmCorrelated withFactor(double[] spots, double[] drifts, double[] volatilities, DMatrix lowerFactor) {
        int d = checkVectors(spots, drifts, volatilities);
        Checks.notNull(lowerFactor, "lowerFactor");
        if (lowerFactor.rows() != d || lowerFactor.cols() != d) throw Checks.invalid("lowerFactor", lowerFactor.shape(), "be " + d + "x" + d);
        for (int i = 0; i < d; i++) {
            double norm = 0;
            for (int j = 0; j <= i; j++) {
                Checks.finite(lowerFactor.get(i, j), "lowerFactor(" + i + ", " + j + ")");
                norm += lowerFactor.get(i, j) * lowerFactor.get(i, j);
            }
            if (Math.abs(norm - 1) > 1e-12) throw Checks.invalid("lowerFactor row " + i + " squared norm", norm, "be 1 (unit variances)");
        }
        return new GbmCorrelated(spots, drifts, volatilities, lowerRowMajor(lowerFactor, d));
    }

    /** The number of assets d. */
    public int assets() {
        return d;
    }

    /** The start value of asset i. */
    public double spot(int i) {
        return Math.exp(logSpots[i]);
    }

    /**
     * Writes every asset's values after steps 1..steps of paths {@code [firstPath, firstPath + paths)} to
     * {@code out[offset + (t d + i) rowStride + p]}.
     *
     * @throws IllegalArgumentException if dt is not positive and finite, steps {@code < 1}, a lane or stream step
     *     ({@code steps d}) is beyond the generator's limits, or the block does not fit in out
     */
    public void paths(RandomStream stream, double dt, long firstPath, int paths, int steps, Antithetic antithetic, double[] out, int offset,
                      int rowStride) {
        PathChecks.dt(dt);
        PathChecks.block(stream, firstPath, paths, steps, d, antithetic);
        PathChecks.output(out, offset, rowStride, steps * d, paths);
        run(stream, dt, firstPath, paths, steps, antithetic, true, out, offset, rowStride);
    }

    /**
     * Writes every asset's value after {@code steps} steps of each path to {@code out[offset + i rowStride + p]}.
     *
     * @throws IllegalArgumentException as {@link #paths}
     */
    public void terminal(RandomStream stream, double dt, long firstPath, int paths, int steps, Antithetic antithetic, double[] out, int offset,
                         int rowStride) {
        PathChecks.dt(dt);
        PathChecks.block(stream, firstPath, paths, steps, d, antithetic);
        PathChecks.output(out, offset, rowStride, d, paths);
        run(stream, dt, firstPath, paths, steps, antithetic, false, out, offset, rowStride);
    }

    private void run(RandomStream s, double dt, long firstPath, int paths, int steps, Antithetic antithetic, boolean store, double[] out,
                     int off, int ld) {
        PathScratch sc = PathScratch.get();
        final int w = PathScratch.LANES;
        double[] z = sc.z, x = sc.sdeState, drift = sc.sdeCur, vol = sc.sdeNext;
        double sq = Math.sqrt(dt);
        for (int k = 0; k < d; k++) {
            drift[k] = (drifts[k] - 0.5 * vols[k] * vols[k]) * dt;
            vol[k] = vols[k] * sq;
        }
        int perChunk = Math.max(1, PathScratch.ROWS / d);
        for (int i0 = 0; i0 < paths; i0 += w) {
            int n = Math.min(w, paths - i0);
            for (int i = 0; i < n; i++) System.arraycopy(logSpots, 0, x, i * d, d);
            for (int t0 = 0; t0 < steps; t0 += perChunk) {
                int m = Math.min(perChunk, steps - t0);
                PathTile.fill(PathTile.JAVA, s, RngConstants.MODE_NORMAL, antithetic == Antithetic.PAIRED, firstPath + i0, n, (long) t0 * d, m * d, sc);
                for (int r = 0; r < m; r++) {
                    int zr = r * d * w;
                    for (int i = 0; i < n; i++) {
                        for (int k = 0; k < d; k++) {
                            double wk = 0;
                            for (int j = 0; j <= k; j++) wk += factor[k * d + j] * z[zr + j * w + i];
                            double xk = x[i * d + k] + (drift[k] + vol[k] * wk);
                            x[i * d + k] = xk;
                            if (store) out[off + ((t0 + r) * d + k) * ld + i0 + i] = PathExp.exp(xk);
                        }
                    }
                }
            }
            if (!store) for (int i = 0; i < n; i++) for (int k = 0; k < d; k++) out[off + k * ld + i0 + i] = PathExp.exp(x[i * d + k]);
        }
    }

    private static int checkVectors(double[] spots, double[] drifts, double[] vols) {
        Checks.notNull(spots, "spots");
        Checks.notNull(drifts, "drifts");
        Checks.notNull(vols, "volatilities");
        int d = spots.length;
        Checks.inRange(d, "spots.length", 1, SdeIntegrator.MAX_DIMENSION, "assets per path scratch");
        Checks.sameLength(spots, "spots", drifts, "drifts");
        Checks.sameLength(spots, "spots", vols, "volatilities");
        for (int i = 0; i < d; i++) {
            Checks.positive(spots[i], "spots[" + i + "]");
            Checks.finite(drifts[i], "drifts[" + i + "]");
            Checks.nonNegative(vols[i], "volatilities[" + i + "]");
        }
        return d;
    }

    private static double[] lowerRowMajor(DMatrix l, int d) {
        double[] f = new double[d * d];
        for (int i = 0; i < d; i++) for (int j = 0; j <= i; j++) f[i * d + j] = l.get(i, j);
        return f;
    }
}
