package dev.sxn.math.regime;

import dev.sxn.math.testing.ReferenceData;

import java.util.Map;

/** EuStockMarkets returns {@code 100 ln(P_t / P_{t-1})} (reference/eustockmarkets.csv), row-major over the chosen columns. */
final class HmmData {
    private static final String[] NAMES = {"DAX", "SMI", "CAC", "FTSE"};

    private HmmData() {}

    static double[] returns(int... columns) {
        Map<String, double[]> csv = ReferenceData.csv("eustockmarkets.csv");
        int n = csv.get("DAX").length - 1, d = columns.length;
        double[] x = new double[n * d];
        for (int j = 0; j < d; j++) {
            double[] p = csv.get(NAMES[columns[j]]);
            for (int t = 0; t < n; t++) x[t * d + j] = 100 * Math.log(p[t + 1] / p[t]);
        }
        return x;
    }

    /** DAX returns as symbols: 0 below -0.5, 2 above 0.5, else 1 (as gen_hmm.py). */
    static double[] daxSymbols() {
        double[] r = returns(0);
        double[] s = new double[r.length];
        for (int t = 0; t < r.length; t++) s[t] = r[t] < -0.5 ? 0 : r[t] > 0.5 ? 2 : 1;
        return s;
    }
}
