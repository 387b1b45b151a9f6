package dev.sxn.math.amm;

/**
 * Reserves of a geometric-mean pool with no fees under perfect arbitrage (QuantAMM whitepaper, appendix B): from
 * weights w and prices p to w' and p', reserve i changes by
 * {@code ratio_i = [prod_j (p'_j/p_j)^(w_j) / (p'_i/p_i)] * [(w'_i/w_i) / prod_j (w'_j/w_j)^(w'_j)]}
 * (first the price move at the old weights, then the weight change at the new prices), so
 * {@code R_t = R_0 cumprod(ratio)}. Computed in the log domain ({@code ln ratio_i} as sums of logarithms, the reserves
 * as {@code R_0 exp(sum ln ratio)}): the products of powers and the long cumulative product under- and overflow
 * otherwise. O(n) per step, allocation-free.
 */
public final class ZeroFeeReserves {
    private ZeroFeeReserves() {}

    /**
     * Writes {@code ln ratio_i} for the step from (w, p) at {@code wOff}/{@code pOff} to (w', p') at
     * {@code w2Off}/{@code p2Off} into {@code out[0 .. n)}.
     */
    public static void logRatio(double[] w, int wOff, double[] p, int pOff, double[] w2, int w2Off, double[] p2, int p2Off, int n,
                                double[] out) {
        double priceTerm = 0, weightTerm = 0;
        for (int j = 0; j < n; j++) {
            double lp = Math.log(p2[p2Off + j] / p[pOff + j]);
            double lw = Math.log(w2[w2Off + j] / w[wOff + j]);
            priceTerm += w[wOff + j] * lp;
            weightTerm += w2[w2Off + j] * lw;
            out[j] = lw - lp;
        }
        double common = priceTerm - weightTerm;
        for (int j = 0; j < n; j++) out[j] += common;
    }

    /**
     * The reserve ratio itself ({@code exp} of {@link #logRatio}), as a new array: for examples and tests, not hot loops.
     */
    public static double[] ratio(double[] w, double[] p, double[] w2, double[] p2) {
        int n = w.length;
        double[] out = new double[n];
        logRatio(w, 0, p, 0, w2, 0, p2, 0, n, out);
        for (int i = 0; i < n; i++) out[i] = Math.exp(out[i]);
        return out;
    }
}
