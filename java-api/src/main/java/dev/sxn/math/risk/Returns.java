package dev.sxn.math.risk;

import dev.sxn.math.internal.Checks;

/**
 * Returns from prices: {@code n} prices give {@code n - 1} returns, return {@code i} being the move from price
 * {@code i} to price {@code i + 1}. Simple: {@code r_i = p_{i+1} / p_i - 1}; log: {@code ln(p_{i+1} / p_i)}.
 * Prices must be finite and {@code > 0}. O(n); the array forms allocate their result, the {@code Into} forms
 * nothing.
 */
public final class Returns {
    private Returns() {}

    /** Simple returns {@code p_{i+1} / p_i - 1}, {@code n - 1} of them. O(n). */
    public static double[] simple(double[] prices) {
        checkPrices(prices);
        double[] out = new double[prices.length - 1];
        fill(prices, out, false);
        return out;
    }

    /** Log returns {@code ln(p_{i+1} / p_i)}, {@code n - 1} of them. O(n). */
    public static double[] log(double[] prices) {
        checkPrices(prices);
        double[] out = new double[prices.length - 1];
        fill(prices, out, true);
        return out;
    }

    /** Simple returns into {@code out} ({@code out.length == prices.length - 1}). O(n), no allocation. */
    public static void simpleInto(double[] prices, double[] out) {
        checkPrices(prices);
        Checks.length(out, "out", prices.length - 1, "prices.length - 1");
        fill(prices, out, false);
    }

    /** Log returns into {@code out} ({@code out.length == prices.length - 1}). O(n), no allocation. */
    public static void logInto(double[] prices, double[] out) {
        checkPrices(prices);
        Checks.length(out, "out", prices.length - 1, "prices.length - 1");
        fill(prices, out, true);
    }

    private static void checkPrices(double[] prices) {
        Checks.minLength(prices, "prices", 2, "one return needs two prices");
        for (int i = 0; i < prices.length; i++) {
            if (!(prices[i] > 0) || Double.isInfinite(prices[i])) throw Checks.invalid("prices[" + i + "]", prices[i], "be finite and > 0");
        }
    }

    private static void fill(double[] p, double[] out, boolean log) {
        for (int i = 0; i < out.length; i++) out[i] = log ? Math.log(p[i + 1] / p[i]) : p[i + 1] / p[i] - 1;
    }
}
