package dev.sxn.math.linalg;

/**
 * A Cholesky factorisation A = L L^T of a symmetric positive definite matrix: L lower triangular with
 * a positive diagonal (zeros above it).
 *
 * @param l the n x n factor L (the record's own matrix, not a copy)
 */
public record Cholesky(DMatrix l) {
    /** The order n. */
    public int size() {
        return l.rows();
    }

    /**
     * Solves A X = B by two triangular solves (O(n^2) per column, plain Java); returns a new X.
     *
     * @throws IllegalArgumentException if B's row count differs from n or B has a non-finite entry
     */
    public DMatrix solve(DMatrix b) {
        int n = l.rows();
        MatrixChecks.rhs(n, n, b);
        double[] x = b.data().clone();
        double[] a = l.data();
        for (int r = 0; r < b.cols(); r++) {
            int o = r * n;
            for (int k = 0; k < n; k++) { // L y = b, column sweeps
                double yk = x[o + k] / a[k + k * n];
                x[o + k] = yk;
                for (int i = k + 1; i < n; i++) x[o + i] -= yk * a[i + k * n];
            }
            for (int k = n - 1; k >= 0; k--) { // L^T x = y: row k of L^T is column k of L
                double s = x[o + k] - JavaLinalgKernels.dot(a, k * n + k + 1, x, o + k + 1, n - k - 1);
                x[o + k] = s / a[k + k * n];
            }
        }
        return DMatrix.wrap(n, b.cols(), x);
    }

    /** log det A = 2 sum log l_ii (finite where det A itself would overflow). */
    public double logDet() {
        int n = l.rows();
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.log(l.data()[i + i * n]);
        return 2 * s;
    }
}
