package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.stochastic.Antithetic;
import dev.sxn.math.stochastic.GbmCorrelated;
import dev.sxn.math.stochastic.RandomStream;

/**
 * A seeded synthetic minute market: one path of correlated geometric Brownian motion
 * ({@link GbmCorrelated}, Philox4x64 stream (seed, 0)) sampled every minute, for tests, the demo and benchmarks
 * (no real minute data ships with the library). Drifts and volatilities are per year (365-day years of minutes).
 * O(T n^2); allocates the T n output.
 */
public final class SyntheticMarket {
    private SyntheticMarket() {}

    /** Minutes per 365-day year. */
    public static final double MINUTES_PER_YEAR = 365.0 * 1440;

    /**
     * {@code minutes} minute closes of n assets starting at {@code spots}, with annual drifts, volatilities and a
     * correlation matrix (n x n, symmetric positive definite, unit diagonal).
     *
     * @throws IllegalArgumentException if minutes {@code < 1}, lengths differ, or a model input is invalid
     *     (see {@link GbmCorrelated#of})
     */
    public static MinutePrices gbm(double[] spots, double[] drifts, double[] volatilities, DMatrix correlation, int minutes, long seed) {
        Checks.notNull(spots, "spots");
        Checks.atLeast(minutes, "minutes", 1);
        GbmCorrelated model = GbmCorrelated.of(spots, drifts, volatilities, correlation);
        int n = spots.length;
        double[] out = new double[minutes * n];
        System.arraycopy(spots, 0, out, 0, n);
        if (minutes > 1) {
            model.paths(RandomStream.philox4x64(seed, 0), 1.0 / MINUTES_PER_YEAR, 0, 1, minutes - 1, Antithetic.NONE, out, n, 1);
        }
        return new MinutePrices(out, n);
    }

    /**
     * Two assets with equal correlation {@code rho}: spots 100 and 50, drifts 0.05 and 0, volatilities 0.6 and 0.8
     * (crypto-like), the demo's and benchmarks' market.
     */
    public static MinutePrices twoAssets(int minutes, double rho, long seed) {
        Checks.inOpen(rho, "rho", -1, 1);
        DMatrix c = DMatrix.of(new double[][] {{1, rho}, {rho, 1}});
        return gbm(new double[] {100, 50}, new double[] {0.05, 0.0}, new double[] {0.6, 0.8}, c, minutes, seed);
    }
}
