package dev.sxn.math.regime.market;

import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.spectral.SpectralEntropy;

/**
 * The five features per tick that the regime-driven market maker's hidden Markov model reads, each over the
 * last {@code w} ticks and computed with the library's indicators, so the value at t uses ticks up to t only
 * (causal):
 * <ol start="0">
 *   <li>return: the rolling mean of the log returns in basis points, {@code 1e4 ln(p_t / p_{t-1})};
 *   <li>realised volatility: their rolling sample standard deviation (basis points);
 *   <li>spread: the rolling mean of the quoted spread (basis points);
 *   <li>volume imbalance: {@code sum(buy - sell) / sum(buy + sell)} over the window, in [-1, 1];
 *   <li>spectral entropy: the normalised spectral entropy (DC excluded) of the window's returns, near 1 for a
 *       random walk, lower for trending or choppy (autocorrelated) returns.
 * </ol>
 * Layout: row-major, {@code out[t * 5 + f]}. Rows {@code t < w} (the first return needs a previous price, then
 * a full window) are NaN: {@link #firstValid(int)}. O(n w log w) (the entropy's FFT per window).
 */
public final class RegimeFeatures {
    /** Features per tick. */
    public static final int DIMENSION = 5;
    /** Feature names by index. */
    public static final String[] NAMES = {"return", "volatility", "spread", "imbalance", "entropy"};

    private RegimeFeatures() {}

    /** The first tick with all features defined for window {@code w}: {@code w}. */
    public static int firstValid(int window) {
        return window;
    }

    /** The features of a simulated market: {@link #of(double[], double[], double[], double[], int)}. */
    public static double[] of(SimulatedRegimeMarket market, int window) {
        Checks.notNull(market, "market");
        return of(market.price(), market.spread(), market.buyVolume(), market.sellVolume(), window);
    }

    /**
     * The features of {@code n} ticks: prices (finite, > 0), spreads in basis points, buy and sell volumes
     * (finite, >= 0, the same length), over windows of {@code window} ticks (in [4, n - 1]).
     */
    public static double[] of(double[] price, double[] spreadBps, double[] buyVolume, double[] sellVolume, int window) {
        Checks.notNull(price, "price");
        Checks.sameLength(price, "price", spreadBps, "spreadBps");
        Checks.sameLength(price, "price", buyVolume, "buyVolume");
        Checks.sameLength(price, "price", sellVolume, "sellVolume");
        int n = price.length;
        Checks.inRange(window, "window", 4, Math.max(4, n - 1), "4 to the ticks - 1");
        if (n - 1 < 4) throw Checks.invalid("price.length", n, "be >= 5 (a window of 4 returns)");
        for (int t = 0; t < n; t++) {
            if (!(price[t] > 0) || Double.isInfinite(price[t])) throw Checks.invalid("price[" + t + "]", price[t], "be finite and > 0");
        }
        Checks.allFinite(spreadBps, "spreadBps");
        for (int t = 0; t < n; t++) {
            if (!(buyVolume[t] >= 0) || Double.isInfinite(buyVolume[t])) throw Checks.invalid("buyVolume[" + t + "]", buyVolume[t], "be finite and >= 0");
            if (!(sellVolume[t] >= 0) || Double.isInfinite(sellVolume[t])) throw Checks.invalid("sellVolume[" + t + "]", sellVolume[t], "be finite and >= 0");
        }
        double[] r = new double[n];
        double[] net = new double[n], total = new double[n];
        r[0] = Double.NaN;
        for (int t = 1; t < n; t++) r[t] = 1e4 * Math.log(price[t] / price[t - 1]);
        for (int t = 0; t < n; t++) {
            net[t] = buyVolume[t] - sellVolume[t];
            total[t] = buyVolume[t] + sellVolume[t];
        }
        double[] mean = Indicators.rollingMean(r, window);
        double[] vol = Indicators.rollingStd(r, window, true);
        double[] spread = Indicators.rollingMean(spreadBps, window);
        double[] netSum = Indicators.rollingSum(net, window);
        double[] totalSum = Indicators.rollingSum(total, window);
        double[] entropy = SpectralEntropy.rollingEntropy(r, window, 1);
        double[] out = new double[n * DIMENSION];
        for (int t = 0; t < n; t++) {
            int o = t * DIMENSION;
            if (t < window) {
                java.util.Arrays.fill(out, o, o + DIMENSION, Double.NaN);
                continue;
            }
            out[o] = mean[t];
            out[o + 1] = vol[t];
            out[o + 2] = spread[t];
            out[o + 3] = totalSum[t] > 0 ? netSum[t] / totalSum[t] : 0;
            out[o + 4] = entropy[t - window + 1];
        }
        return out;
    }
}
