package dev.sxn.math.regime.market;

import dev.sxn.math.internal.Checks;

import java.util.SplittableRandom;

/**
 * A seeded simulated market whose hidden regime is known at every tick, for testing and demonstrating regime
 * detection: four regimes (0 exploration, 1 exploitation, 2 crisis, 3 transition) follow a Markov chain that
 * stays with probability {@code stay} (the rest split evenly), started from its stationary (uniform) law.
 *
 * <p>Per tick, in regime r: a log return in basis points {@code r_t = drift_r + phi_r r_{t-1} + vol_r Z}
 * (exploration a random walk, exploitation an up-trend with positive autocorrelation, crisis a falling market
 * with high volatility, transition a choppy market with negative autocorrelation); the quoted spread in basis
 * points {@code spread_r + spreadNoise Z}, floored at 0.1; a total volume {@code 100 Exp(1)} split into buys and
 * sells with buy fraction {@code buy_r + 0.15 Z} clipped to [0, 1]. Regime means: drift (0, 1.5, -3, 0) bps,
 * phi (0, 0.4, 0, -0.4), vol (5, 4, 20, 10) bps, spread (4, 2, 12, 7) bps, buy fraction (0.5, 0.65, 0.3, 0.5).
 * The signal-to-noise level is set by {@code spreadNoise}: the closest spread means are 2 bps apart.
 *
 * <p>Equal arguments give identical markets. O(ticks).
 *
 * @param price      prices, starting at 100
 * @param spread     quoted spreads in basis points of the price
 * @param buyVolume  buyer-initiated volume per tick
 * @param sellVolume seller-initiated volume per tick
 * @param regime     the true regime of each tick
 */
public record SimulatedRegimeMarket(double[] price, double[] spread, double[] buyVolume, double[] sellVolume, int[] regime) {
    /** Regime names by index. */
    public static final String[] REGIMES = {"exploration", "exploitation", "crisis", "transition"};

    private static final double[] DRIFT = {0, 1.5, -3, 0};
    private static final double[] PHI = {0, 0.4, 0, -0.4};
    private static final double[] VOL = {5, 4, 20, 10};
    private static final double[] SPREAD = {4, 2, 12, 7};
    private static final double[] BUY = {0.5, 0.65, 0.3, 0.5};

    /**
     * Simulates {@code ticks} ticks (>= 2) from {@code seed}; {@code stay} in [0, 1) is each regime's probability
     * of persisting (expected duration {@code 1 / (1 - stay)}), {@code spreadNoise} (finite, >= 0) the per-tick
     * spread noise in basis points.
     */
    public static SimulatedRegimeMarket simulate(int ticks, long seed, double stay, double spreadNoise) {
        Checks.atLeast(ticks, "ticks", 2);
        if (!(stay >= 0 && stay < 1)) throw Checks.invalid("stay", stay, "be in [0, 1)");
        Checks.nonNegative(spreadNoise, "spreadNoise");
        Checks.finite(spreadNoise, "spreadNoise");
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] price = new double[ticks], spread = new double[ticks], buy = new double[ticks], sell = new double[ticks];
        int[] regime = new int[ticks];
        int r = rnd.nextInt(4);
        double prevReturn = 0;
        price[0] = 100;
        for (int t = 0; t < ticks; t++) {
            if (t > 0 && rnd.nextDouble() >= stay) r = (r + 1 + rnd.nextInt(3)) % 4;
            regime[t] = r;
            if (t > 0) {
                double ret = DRIFT[r] + PHI[r] * prevReturn + VOL[r] * rnd.nextGaussian();
                price[t] = price[t - 1] * Math.exp(ret * 1e-4);
                prevReturn = ret;
            }
            spread[t] = Math.max(0.1, SPREAD[r] + spreadNoise * rnd.nextGaussian());
            double total = -100 * Math.log1p(-rnd.nextDouble());
            double fraction = Math.min(1, Math.max(0, BUY[r] + 0.15 * rnd.nextGaussian()));
            buy[t] = total * fraction;
            sell[t] = total - buy[t];
        }
        return new SimulatedRegimeMarket(price, spread, buy, sell, regime);
    }

    /** The number of ticks. */
    public int ticks() {
        return price.length;
    }
}
