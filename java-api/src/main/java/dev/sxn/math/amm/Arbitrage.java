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
        double best = Double.NEGATIVE_INFINITY;
        int bestA = -1, bestB = -1;
        double bestTa = 0, bestTb = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a == b) continue;
                // trade[0..1] is the pattern's scratch until the best trade is written below
                double profit = patternTrade(r, w, wOff, p, pOff, a, b, gamma, trade, 0);
                if (profit > best) {
                    best = profit;
                    bestA = a;
                    bestB = b;
                    bestTa = trade[0];
                    bestTb = trade[1];
                }
            }
        }
        for (int i = 0; i < n; i++) trade[i] = 0.0;
        if (bestA >= 0) {
            trade[bestA] = bestTa;
            trade[bestB] = bestTb;
        }
    }

    /**
     * The closed-form trade of the pattern with asset a bought by the pool and b sold (see the class comment): writes
     * (t_a, t_b) to {@code out[o]}, {@code out[o + 1]} and returns the arbitrageur's profit {@code -(t_a p_a + t_b p_b)};
     * an invalid trade writes zeros and returns 0. O(1).
     */
    private static double patternTrade(double[] r, double[] w, int wOff, double[] p, int pOff, int a, int b, double gamma, double[] out, int o) {
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
        if (ra + ta > 0 && rb + tb > 0 && invariantHolds(ra, rb, wa, wb, ta, tb, gamma)) {
            out[o] = ta;
            out[o + 1] = tb;
            return -(ta * pa + tb * pb);
        }
        out[o] = 0.0;
        out[o + 1] = 0.0;
        return 0.0;
    }

    /**
     * The invariant test: {@code sum_i w_i ln(R_i + gamma^[t_i > 0] t_i) - sum_i w_i ln R_i >= -INVARIANT_TOLERANCE}.
     */
    static boolean invariantHolds(double ra, double rb, double wa, double wb, double ta, double tb, double gamma) {
        double na = ra + ta * (ta > 0 ? gamma : 1.0), nb = rb + tb * (tb > 0 ? gamma : 1.0);
        return wa * Math.log(na / ra) + wb * Math.log(nb / rb) >= -INVARIANT_TOLERANCE;
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

    // ---- added for issue 23: the smoothed arbitrage of the training mode

    /**
     * The smoothed twin of {@link #arbitrage} (the opt-in training mode, {@link AmmConfig#withSmoothing}): every
     * decision of the hard arbitrage becomes a differentiable weight, so the pass has derivatives everywhere.
     * quantammsim has no smoothed arbitrage of its own (its {@code jax.grad} differentiates through the chosen branch
     * of its hard mask and gate); these definitions are ours:
     * <ul>
     *   <li>Patterns: each of the n(n-1) trade-direction patterns q gives its closed-form trade t_q and profit
     *       {@code pi_q = -t_q . p} exactly as {@link #optimalTrade} (an invalid pattern: t_q = 0, pi_q = 0; validity
     *       stays a hard test, whose boundary is where the pattern's trade is 0, so the blend is continuous there).
     *       The trade is the softmax blend {@code t = sum_q s_q t_q}, {@code s_q = exp((pi_q - max pi)/tauP) /
     *       sum_r exp((pi_r - max pi)/tauP)} (the shift by the maximum only keeps exp finite). As tauP goes to 0 it is
     *       the hard argmax. With {@code gamma = 1} the single zero-fee trade is taken, as in the hard pass.
     *   <li>Gate: with the trade's margin {@code mu = -t . p - gasCost - arbFees/2 sum_i |t_i| p_i} (the hard pass
     *       trades when {@code mu >= 0}), the fraction {@code g = 1 / (1 + exp(-mu / tauG))} of the trade is executed:
     *       {@code R += g t}, fee revenue {@code g (1 - gamma) sum_{t_i > 0} t_i p_i}. As tauG goes to 0 it is the hard
     *       gate (except exactly at {@code mu = 0}, where the hard gate trades and g is 1/2).
     * </ul>
     * Temperatures in the numeraire. {@code work} holds at least {@code 3 n (n - 1)} doubles, {@code trade} n.
     * O(n^2) per call, allocation-free.
     */
    public static double smoothedArbitrage(double[] r, double[] w, int wOff, double[] p, int pOff, int n, double gamma, double gasCost,
                                           double arbFees, double patternTemperature, double gateTemperature, double[] trade, double[] work) {
        if (gamma != 1.0) smoothedTrade(r, w, wOff, p, pOff, n, gamma, patternTemperature, trade, work);
        else zeroFeeTrade(r, w, wOff, p, pOff, n, trade);
        double profit = 0, gross = 0, inbound = 0;
        for (int i = 0; i < n; i++) {
            double tp = trade[i] * p[pOff + i];
            profit -= tp;
            gross += Math.abs(trade[i]) * p[pOff + i];
            if (trade[i] > 0) inbound += tp;
        }
        profit -= gasCost;
        double margin = profit - 0.5 * arbFees * gross;
        double g = 1.0 / (1.0 + Math.exp(-margin / gateTemperature));
        for (int i = 0; i < n; i++) r[i] += g * trade[i];
        return g * (1.0 - gamma) * inbound;
    }

    /** The softmax blend of the patterns' trades (see {@link #smoothedArbitrage}); work[3q ..] holds (t_a, t_b, pi) per pattern. */
    private static void smoothedTrade(double[] r, double[] w, int wOff, double[] p, int pOff, int n, double gamma, double temperature,
                                      double[] trade, double[] work) {
        double max = Double.NEGATIVE_INFINITY;
        int q = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a == b) continue;
                double profit = patternTrade(r, w, wOff, p, pOff, a, b, gamma, work, 3 * q);
                work[3 * q + 2] = profit;
                max = Math.max(max, profit);
                q++;
            }
        }
        double z = 0;
        for (int j = 0; j < q; j++) {
            double e = Math.exp((work[3 * j + 2] - max) / temperature);
            work[3 * j + 2] = e;
            z += e;
        }
        for (int i = 0; i < n; i++) trade[i] = 0.0;
        q = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a == b) continue;
                double s = work[3 * q + 2] / z;
                trade[a] += s * work[3 * q];
                trade[b] += s * work[3 * q + 1];
                q++;
            }
        }
    }
}
