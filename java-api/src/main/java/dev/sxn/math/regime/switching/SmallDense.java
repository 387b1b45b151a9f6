package dev.sxn.math.regime.switching;

/**
 * Dense solves for the few-by-few systems of a Markov-switching fit (normal equations, the stationary
 * distribution, the inverse Hessian): Gaussian elimination with partial pivoting. O(k^3).
 */
final class SmallDense {
    private SmallDense() {}

    /** Solves the k x k system held in the augmented k x (k + 1) array {@code a} (overwritten) into {@code out}. */
    static void solveAugmented(double[][] a, double[] out) {
        int k = a.length;
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int r = col + 1; r < k; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
            double[] tmp = a[piv];
            a[piv] = a[col];
            a[col] = tmp;
            for (int r = col + 1; r < k; r++) {
                double f = a[r][col] / a[col][col];
                if (f == 0) continue;
                for (int c = col; c <= k; c++) a[r][c] -= f * a[col][c];
            }
        }
        for (int r = k - 1; r >= 0; r--) {
            double s = a[r][k];
            for (int c = r + 1; c < k; c++) s -= a[r][c] * out[c];
            out[r] = s / a[r][r];
        }
    }

    /** The inverse of the square matrix {@code h} (not modified), column by column; NaN where it is singular. */
    static double[][] inverse(double[][] h) {
        int p = h.length;
        double[][] inv = new double[p][p];
        double[] col = new double[p];
        for (int j = 0; j < p; j++) {
            double[][] a = new double[p][p + 1];
            for (int r = 0; r < p; r++) {
                System.arraycopy(h[r], 0, a[r], 0, p);
                a[r][p] = r == j ? 1 : 0;
            }
            solveAugmented(a, col);
            for (int r = 0; r < p; r++) inv[r][j] = col[r];
        }
        return inv;
    }
}
