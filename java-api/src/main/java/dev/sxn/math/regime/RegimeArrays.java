package dev.sxn.math.regime;

/** Small array helpers of the regime package. */
final class RegimeArrays {
    private RegimeArrays() {}

    /** The index of the largest value in each row of a row-major n x k array (ties to the lower index). */
    static int[] argmaxRows(double[] p, int k) {
        int n = p.length / k;
        int[] out = new int[n];
        for (int t = 0; t < n; t++) {
            int best = 0;
            for (int j = 1; j < k; j++) if (p[t * k + j] > p[t * k + best]) best = j;
            out[t] = best;
        }
        return out;
    }
}
