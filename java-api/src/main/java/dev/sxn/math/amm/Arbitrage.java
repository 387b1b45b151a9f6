package dev.sxn.math.amm;

/**
 * Arbitrage against a geometric-mean pool with a swap fee (Willetts and Harrington, arXiv 2402.06731; quantammsim's
 * {@code optimal_n_pool_arb}): the closed-form optimal trade for each trade-direction pattern (one asset in, one out:
 * the n(n-1) signatures quantammsim enumerates), the most profitable valid one chosen.
 *
 * <p>For the pattern with asset a bought by the pool (fee charged, {@code gamma = 1 - fee}) and b sold, with
 * {@code v_i = w_i / (w_a + w_b)} and {@code C = R_a^(v_a) R_b^(v_b)}:
 * {@code t_a = (C ((v_a gamma / p_a)^(1 - v_a)) (p_b / v_b)^(v_b) - R_a) / gamma} and
 * {@code t_b = C ((v_b / p_b)^(1 - v_b)) (p_a / (gamma v_a))^(v_a) - R_b}. A trade is valid when every reserve stays
 * positive and the invariant does not fall: {@code sum_i w_i ln(R_i + gamma^[t_i > 0] t_i) >= sum_i w_i ln R_i - 1e-12}.
 * Named difference: quantammsim tests {@code prod_i (...)^(w_i) - prod_i R_i^(w_i) >= 0} exactly, but the optimal trade
 * of a consistent pattern keeps the fee-adjusted invariant exactly, so that test is decided by the rounding of its
 * power function (accepting or refusing the same trade at random); a relative tolerance of 1e-12 accepts the
 * consistent pattern and still refuses an inconsistent one, which lowers the invariant by about {@code fee |t|}. The chosen trade maximises the arbitrageur's profit {@code -sum t_i p_i}
 * (of trades tied at the maximum the first is taken, where quantammsim's mask sums them: the two differ only when
 * two distinct valid patterns tie exactly); it is executed only when
 * {@code profit - gasCost >= arbFees/2 sum |t_i| p_i}. O(n^2) per call, allocation-free.
 */
public final class Arbitrage {
    private Arbitrage() {}

    /** The tolerance of the log-invariant test (see the class comment). */
    public static final double INVARIANT_TOLERANCE = 1e-12;

    /**
     * The optimal fee-paying trade against reserves R with weights w at market prices p, written to
     * {@code trade[0 .. n)} (zeros when no pattern gives a valid trade).
     */
    public static void optimalTrade(double[] r, double[] w, int wOff, double[] p, int pOff, int n, double gamma, double[] trade) {
        for (int i = 0; i < n; i++) trade[i] = 0.0;
        double best = Double.NEGATIVE_INFINITY;
        int bestA = -1, bestB = -1;
        double bestTa = 0, bestTb = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a == b) continue;
                double wa = w[wOff + a], wb = w[wOff + b];
                double pa = p[pOff + a], pb = p[pOff + b];
                double ra = r[a], rb = r[b];
                double sw = wa + wb;
                double va = wa / sw, vb = wb / sw;
                double perA = Math.pow(va * gamma / pa, 1.0 - va);
                double perB = Math.pow(vb / pb, 1.0 - vb);
                double qa = Math.pow(pa / (gamma * va), va);
                double qb = Math.pow(pb / vb, vb);
                double c = a < b ? Math.pow(ra, va) * Math.pow(rb, vb) : Math.pow(rb, vb) * Math.pow(ra, va); // asset order, as quantammsim
                double ta = (1.0 / gamma) * (c * perA * qb - ra);
                double tb = c * perB * qa - rb;
                boolean valid = ra + ta > 0 && rb + tb > 0 && invariantHolds(r, w, wOff, n, a, ta, b, tb, gamma);
                double profit;
                if (valid) {
                    profit = -(ta * pa + tb * pb);
                } else {
                    profit = 0.0;
                    ta = 0.0;
                    tb = 0.0;
                }
                if (profit > best) {
                    best = profit;
                    bestA = a;
                    bestB = b;
                    bestTa = ta;
                    bestTb = tb;
                }
            }
        }
        if (bestA >= 0) {
            trade[bestA] = bestTa;
            trade[bestB] = bestTb;
        }
    }

    /**
     * The invariant test: {@code sum_i w_i ln(R_i + gamma^[t_i > 0] t_i) - sum_i w_i ln R_i >= -INVARIANT_TOLERANCE}.
     */
    private static boolean invariantHolds(double[] r, double[] w, int wOff, int n, int a, double ta, int b, double tb, double gamma) {
        double wa = w[wOff + a], wb = w[wOff + b];
        double na = r[a] + ta * (ta > 0 ? gamma : 1.0), nb = r[b] + tb * (tb > 0 ? gamma : 1.0);
        return wa * Math.log(na / r[a]) + wb * Math.log(nb / r[b]) >= -INVARIANT_TOLERANCE;
    }

    /**
     * The zero-fee arbitrage trade that moves the pool from its quoted prices {@code V w_i / R_i} to market prices p:
     * {@code t_i = R_i (prod_j (p_j/q_j)^(w_j) / (p_i/q_i) - 1)}, written to {@code trade}. O(n).
     */
    public static void zeroFeeTrade(double[] r, double[] w, int wOff, double[] p, int pOff, int n, double[] trade) {
        double value = 0;
        for (int i = 0; i < n; i++) value += r[i] * p[pOff + i];
        double s = 0;
        for (int i = 0; i < n; i++) {
            double lq = Math.log(p[pOff + i] / (value * w[wOff + i] / r[i]));
            trade[i] = lq;
            s += w[wOff + i] * lq;
        }
        for (int i = 0; i < n; i++) trade[i] = r[i] * Math.exp(s - trade[i]) - r[i];
    }

    /**
     * One arbitrage opportunity: the optimal trade (fee-paying when {@code gamma != 1}, else the zero-fee one) for
     * reserves r in place, executed when profitable beyond gas and arbitrage fees. Returns the fee revenue in the
     * numeraire, {@code (1 - gamma) sum_{t_i > 0} t_i p_i} (0 when not executed). {@code trade} is n scratch doubles.
     */
    public static double arbitrage(double[] r, double[] w, int wOff, double[] p, int pOff, int n, double gamma, double gasCost, double arbFees,
                                   double[] trade) {
        if (gamma != 1.0) optimalTrade(r, w, wOff, p, pOff, n, gamma, trade);
        else zeroFeeTrade(r, w, wOff, p, pOff, n, trade);
        double profit = 0, gross = 0, inbound = 0;
        for (int i = 0; i < n; i++) {
            double tp = trade[i] * p[pOff + i];
            profit -= tp;
            gross += Math.abs(trade[i]) * p[pOff + i];
            if (trade[i] > 0) inbound += tp;
        }
        profit -= gasCost;
        if (!(profit >= 0.5 * arbFees * gross)) return 0.0;
        for (int i = 0; i < n; i++) r[i] += trade[i];
        return (1.0 - gamma) * inbound;
    }
}
