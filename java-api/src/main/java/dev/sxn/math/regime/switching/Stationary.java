package dev.sxn.math.regime.switching;

/**
 * The stationary distribution of a row-stochastic matrix: the solution of {@code pi P = pi},
 * {@code sum pi = 1}, by Gaussian elimination with partial pivoting on {@code k - 1} balance equations plus
 * the normalisation (statsmodels' steady-state start solves the same system by least squares; for an
 * irreducible chain both give the unique solution). Entries are floored at 1e-20 as statsmodels does, so a
 * log-space filter never starts from log 0. O(k^3), allocation-free apart from the caller's arrays.
 */
final class Stationary {
    private Stationary() {}

    /** Writes the stationary distribution of {@code p} into {@code pi}. */
    static void of(double[][] p, double[] pi) {
        int k = p.length;
        double[][] a = new double[k][k + 1];
        for (int j = 0; j < k - 1; j++) {
            for (int i = 0; i < k; i++) a[j][i] = p[i][j] - (i == j ? 1 : 0);
        }
        for (int i = 0; i < k; i++) a[k - 1][i] = 1;
        a[k - 1][k] = 1;
        SmallDense.solveAugmented(a, pi);
        for (int i = 0; i < k; i++) pi[i] = Math.max(pi[i], HamiltonFilter.LOG_FLOOR);
    }
}
