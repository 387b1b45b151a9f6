package dev.sxn.math.linalg;

/**
 * An LU factorisation with partial pivoting, P A = L U (LAPACK dgetrf): L is m x min(m,n) unit lower
 * triangular ({@code |l_ij| <= 1}), U is min(m,n) x n upper triangular, P a row permutation.
 *
 * <p>Immutable: every accessor returns a fresh copy. Thread-safe. {@link #solve} and {@link #det} run in
 * plain Java (O(n^2) per right-hand side, O(n)) whichever backend factored.
 */
public final class LU {
    private final int m;
    private final int n;
    private final double[] lu;
    private final int[] ipiv;
    private final int info;

    LU(int m, int n, double[] lu, int[] ipiv, int info) {
        this.m = m;
        this.n = n;
        this.lu = lu;
        this.ipiv = ipiv;
        this.info = info;
    }

    /** Rows of the factored matrix. */
    public int rows() {
        return m;
    }

    /** Columns of the factored matrix. */
    public int cols() {
        return n;
    }

    /** L and U packed as LAPACK stores them (U on and above the diagonal, L's multipliers below), m x n. */
    public DMatrix packed() {
        return DMatrix.wrap(m, n, lu.clone());
    }

    /** L: m x min(m,n), unit lower triangular. */
    public DMatrix l() {
        int k = Math.min(m, n);
        DMatrix l = DMatrix.zeros(m, k);
        double[] d = l.data();
        for (int j = 0; j < k; j++) {
            d[j + j * m] = 1;
            for (int i = j + 1; i < m; i++) d[i + j * m] = lu[i + j * m];
        }
        return l;
    }

    /** U: min(m,n) x n, upper triangular (trapezoidal when n > m). */
    public DMatrix u() {
        int k = Math.min(m, n);
        DMatrix u = DMatrix.zeros(k, n);
        double[] d = u.data();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= Math.min(j, k - 1); i++) d[i + j * k] = lu[i + j * m];
        }
        return u;
    }

    /** LAPACK's pivots, 0-based: row i was interchanged with row {@code pivots()[i]}, for i = 0, 1, ... in order. */
    public int[] pivots() {
        return ipiv.clone();
    }

    /** The row permutation as an index map: row i of P A is row {@code permutation()[i]} of A (length m). */
    public int[] permutation() {
        int[] perm = new int[m];
        for (int i = 0; i < m; i++) perm[i] = i;
        for (int i = 0; i < ipiv.length; i++) {
            int t = perm[i];
            perm[i] = perm[ipiv[i]];
            perm[ipiv[i]] = t;
        }
        return perm;
    }

    /** P as an m x m matrix, so that P A = L U. */
    public DMatrix p() {
        int[] perm = permutation();
        DMatrix p = DMatrix.zeros(m, m);
        for (int i = 0; i < m; i++) p.data()[i + perm[i] * m] = 1;
        return p;
    }

    /** Whether U has an exactly zero diagonal entry (LAPACK's info > 0): A is singular. */
    public boolean isSingular() {
        return info > 0;
    }

    /**
     * det(A) = (-1)^(row swaps) prod u_ii (0 when singular), for square A. May overflow to an infinity
     * for large n: sum log|u_ii| is the robust quantity.
     *
     * @throws IllegalArgumentException if A is not square
     */
    public double det() {
        MatrixChecks.square(m, n, "A");
        double d = 1;
        for (int i = 0; i < n; i++) {
            d *= lu[i + i * n];
            if (ipiv[i] != i) d = -d;
        }
        return d == 0 ? 0.0 : d; // no -0.0 for a singular matrix
    }

    /**
     * Solves A X = B for square, nonsingular A (B has n rows); returns a new X.
     *
     * @throws IllegalArgumentException if A is not square, B's rows differ, B has a non-finite entry, or A
     *     is singular (naming the zero pivot)
     */
    public DMatrix solve(DMatrix b) {
        MatrixChecks.square(m, n, "A");
        MatrixChecks.rhs(m, n, b);
        if (info > 0) throw MatrixChecks.singular(info);
        double[] x = b.data().clone();
        JavaLinalgKernels.getrs(n, b.cols(), lu, ipiv, x);
        return DMatrix.wrap(n, b.cols(), x);
    }

    @Override
    public String toString() {
        return "LU of a " + m + "x" + n + " matrix" + (info > 0 ? " (singular: U(" + (info - 1) + ", " + (info - 1) + ") = 0)" : "");
    }
}
