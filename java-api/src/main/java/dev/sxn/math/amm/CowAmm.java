package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

/**
 * A CoW AMM (function-maximising AMM, FM-AMM) pool of two assets with fixed weights, under perfect arbitrage
 * (quantammsim's {@code cow_reserves} with {@code arb_quality = 1}). Each minute, with the pool price
 * {@code q = (R_1/R_0)(w_0/w_1)} and the market price {@code p = p_0/p_1}, the no-arbitrage band is
 * {@code [p gamma (1 - arbFees), p / (gamma (1 - arbFees))]}; outside it the pool is moved to the band's near edge a:
 * with {@code X = 2 (R_0 w_1, R_1 w_0)}, {@code R' = (X_0/2 + X_1/(2a), X_0 a/2 + X_1/2) - X + R}, and the inbound
 * side also keeps its fee, {@code R' += max(0, R' - R)(1 - gamma)/gamma}. Without fees the same step runs with
 * gamma = 1 (quantammsim's zero-fee CoW path). Gas cost does not enter (quantammsim's perfect-arbitrage CoW
 * path ignores it). O(rows); allocates the returned rows.
 */
public final class CowAmm {
    private CowAmm() {}

    /**
     * The pass over minutes [start, start + boutLength - 1) of two-asset prices, initial weights (w, 1 - w).
     *
     * @throws IllegalArgumentException if the prices are not two assets or not positive and finite, weight is not in
     *     (0, 1), start is negative, boutLength {@code < 2}, or the bout runs past the data
     */
    public static PoolRun run(MinutePrices prices, int start, int boutLength, double weight, AmmConfig config) {
        Checks.notNull(prices, "prices");
        Checks.notNull(config, "config");
        if (prices.assets() != 2) throw Checks.invalid("prices.assets()", prices.assets(), "be 2 (a CoW AMM pool holds two assets)");
        Checks.inOpen(weight, "weight", 0, 1);
        Checks.atLeast(start, "start", 0);
        Checks.atLeast(boutLength, "boutLength", 2);
        if ((long) start + boutLength - 1 > prices.steps()) {
            throw Checks.invalid("boutLength", boutLength, "fit the data: start + boutLength - 1 <= " + prices.steps());
        }
        prices.checkPositive();
        double[] p = prices.values();
        int rows = boutLength - 1;
        double w0 = weight, w1 = 1 - weight;
        double gamma = 1.0 - config.fees(), edge = 1 - config.arbFees();
        double r0 = w0 * config.initialPoolValue() / p[2 * start], r1 = w1 * config.initialPoolValue() / p[2 * start + 1];
        double[] weights = new double[2 * rows], reserves = new double[2 * rows], values = new double[rows], fee = new double[rows];
        double[] initial = {r0, r1};
        for (int t = 0; t < rows; t++) {
            double p0 = p[2 * (start + t)], p1 = p[2 * (start + t) + 1];
            double q = (r1 / r0) * (w0 / w1);
            double mkt = p0 / p1;
            double lo = mkt * gamma * edge, hi = mkt / gamma / edge;
            boolean below = q <= lo, above = hi <= q;
            if (below || above) {
                double a = above ? hi : lo;
                double x0 = r0 * w1 * 2.0, x1 = r1 * w0 * 2.0;
                double n0 = 0.5 * x0 + 0.5 * x1 / a - x0 + r0;
                double n1 = 0.5 * x0 * a + 0.5 * x1 - x1 + r1;
                double in0 = Math.max(0, n0 - r0) * (1 - gamma) / gamma, in1 = Math.max(0, n1 - r1) * (1 - gamma) / gamma;
                fee[t] = in0 * p0 + in1 * p1;
                r0 = n0 + in0;
                r1 = n1 + in1;
            }
            weights[2 * t] = w0;
            weights[2 * t + 1] = w1;
            reserves[2 * t] = r0;
            reserves[2 * t + 1] = r1;
            values[t] = r0 * p0 + r1 * p1;
        }
        return new PoolRun(2, start, weights, reserves, values, fee, initial);
    }
}
