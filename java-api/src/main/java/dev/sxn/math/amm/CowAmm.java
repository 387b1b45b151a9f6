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
 *
 * <p>Imperfect arbitrage ({@link #run(MinutePrices, int, int, double, AmmConfig, double)}, quantammsim's
 * {@code arb_quality}, its default 1): the reserves are {@code q R^perfect_t + (1 - q) R^one_t}, each path its own
 * scan from the same R_0 (quantammsim's {@code CowPool.calculate_reserves_with_fees}). The single-arbitrageur path
 * (FM-AMM paper, Canidio and Fritsch, arXiv 2307.02074, section 6; quantammsim's
 * {@code _jax_calc_cowamm_reserves_one_arb_with_fees}): with {@code P = R_0 R_1}, {@code u = w_0 w_1} and
 * {@code p = p_0/p_1}, the two candidate moves
 * {@code dR = (sqrt(u P/(gamma p)) - w_1 R_0, sqrt(u P p/gamma) - w_0 R_1/gamma)} and
 * {@code (sqrt(u P/(gamma p)) - w_1 R_0/gamma, sqrt(u P p/gamma) - w_0 R_1)}; the one with the lower arbitrage profit
 * {@code -dR . (p_0, p_1)} is the feasible one (both, summed, if they tie exactly, as quantammsim's mask does); with
 * no fee the single move {@code (sqrt(u P/p) - w_1 R_0, sqrt(u P p) - w_0 R_1)} (its {@code one_arb_zero_fees}). The
 * move is executed when {@code profit - gasCost >= arbFees/2 sum_i |dR_i| p_i}; its fee revenue is
 * {@code (1 - gamma) sum_i max(0, dR_i) p_i}. Values are those of the blended reserves; fee revenue blends as the reserves do. quantammsim's noise
 * trader fee model ({@code noise_trader_ratio}, default 0) and external trades are not modelled.
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
        return run(prices, start, boutLength, weight, config, 1.0);
    }

    /**
     * The pass with arbitrage quality q in [0, 1]: 1 is {@link #run(MinutePrices, int, int, double, AmmConfig)}
     * (bit for bit), 0 the single-arbitrageur path, between a blend of the two (see the class comment).
     *
     * @throws IllegalArgumentException as the perfect-arbitrage pass, or if arbQuality is not in [0, 1]
     */
    public static PoolRun run(MinutePrices prices, int start, int boutLength, double weight, AmmConfig config, double arbQuality) {
        Checks.inClosed(arbQuality, "arbQuality", 0, 1);
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
        if (arbQuality != 1.0) blendOneArb(p, start, rows, w0, config, arbQuality, initial, reserves, values, fee);
        return new PoolRun(2, start, weights, reserves, values, fee, initial);
    }

    /** Replaces the perfect-arbitrage rows by q perfect + (1 - q) single-arbitrageur rows. */
    private static void blendOneArb(double[] p, int start, int rows, double w0, AmmConfig config, double q, double[] initial, double[] reserves,
                                    double[] values, double[] fee) {
        double w1 = 1 - w0, u = w0 * w1;
        double gamma = 1.0 - config.fees(), gas = config.gasCost(), arbFees = config.arbFees();
        double r0 = initial[0], r1 = initial[1];
        for (int t = 0; t < rows; t++) {
            double p0 = p[2 * (start + t)], p1 = p[2 * (start + t) + 1];
            double prod = r0 * r1, sp = p0 / p1;
            double d0, d1;
            if (gamma == 1.0) {
                d0 = Math.sqrt(u * prod / sp) - w1 * r0;
                d1 = Math.sqrt(u * prod * sp) - w0 * r1;
            } else {
                double s0 = Math.sqrt(u * prod / (gamma * sp)), s1 = Math.sqrt(u * prod * sp / gamma);
                double a0 = s0 - w1 * r0, a1 = s1 - w0 * r1 / gamma;
                double b0 = s0 - w1 * r0 / gamma, b1 = s1 - w0 * r1;
                double pa = -(a0 * p0 + a1 * p1), pb = -(b0 * p0 + b1 * p1);
                if (pa < pb) {
                    d0 = a0;
                    d1 = a1;
                } else if (pb < pa) {
                    d0 = b0;
                    d1 = b1;
                } else {
                    d0 = a0 + b0;
                    d1 = a1 + b1;
                }
            }
            double profit = -(d0 * p0 + d1 * p1);
            double f = 0;
            if (profit - gas >= 0.5 * arbFees * (Math.abs(d0) * p0 + Math.abs(d1) * p1)) {
                r0 += d0;
                r1 += d1;
                f = (1 - gamma) * (Math.max(0, d0) * p0 + Math.max(0, d1) * p1);
            }
            reserves[2 * t] = q * reserves[2 * t] + (1 - q) * r0;
            reserves[2 * t + 1] = q * reserves[2 * t + 1] + (1 - q) * r1;
            values[t] = reserves[2 * t] * p0 + reserves[2 * t + 1] * p1;
            fee[t] = q * fee[t] + (1 - q) * f;
        }
    }
}
