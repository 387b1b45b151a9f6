package dev.sxn.math.linalg;

/**
 * A singular value decomposition A = U diag(s) Vt of an m x n matrix, k = min(m, n).
 *
 * <p>Thin: U is m x k and Vt is k x n. Full: U is m x m and Vt is n x n (orthogonal). The singular
 * values are non-negative and descending. Each singular pair (u_i, v_i) is determined only up to a
 * common sign (and, for repeated values, up to a rotation), which differs between backends.
 *
 * @param u the left singular vectors (columns; the record's own matrix)
 * @param s the k singular values, descending (the record's own array)
 * @param vt the right singular vectors as rows (the record's own matrix)
 */
public record SVD(DMatrix u, double[] s, DMatrix vt) {
    /** Zero U, s and Vt of the shapes the SVD of an m x n matrix has (thin or full), for a kernel to fill. */
    static SVD allocate(int m, int n, boolean thin) {
        int k = Math.min(m, n);
        return new SVD(DMatrix.zeros(m, thin ? k : m), new double[k], DMatrix.zeros(thin ? k : n, n));
    }

    /** The SVD of an m x n matrix with no entries: no singular values; U and Vt are identities (full) or empty (thin). */
    static SVD empty(int m, int n, boolean thin) {
        SVD r = allocate(m, n, thin);
        for (int i = 0; i < r.u.cols(); i++) r.u.data()[i + i * m] = 1;
        for (int i = 0; i < r.vt.rows(); i++) r.vt.data()[i + i * r.vt.rows()] = 1;
        return r;
    }

    /** Rows m of A. */
    public int rows() {
        return u.rows();
    }

    /** Columns n of A. */
    public int cols() {
        return vt.cols();
    }

    /** The default rank tolerance, max(m, n) eps s_max (as NumPy's matrix_rank and LAPACK use). */
    public double defaultTolerance() {
        return s.length == 0 ? 0 : Math.max(rows(), cols()) * JavaLinalgKernels.EPS * s[0];
    }

    /** The numerical rank: the number of singular values > {@link #defaultTolerance()}. */
    public int rank() {
        return rank(defaultTolerance());
    }

    /** The number of singular values greater than {@code tol} (an absolute threshold). */
    public int rank(double tol) {
        MatrixChecks.tolerance(tol);
        int r = 0;
        while (r < s.length && s[r] > tol) r++;
        return r;
    }

    /**
     * The 2-norm condition number s_max / s_min, k = min(m, n) singular values: +Infinity when s_min is
     * exactly 0 (a zero matrix included, which would otherwise be 0 / 0; a rank-deficient A usually has an
     * s_min of rounding size instead, and a correspondingly huge finite cond), NaN for an empty A.
     */
    public double cond() {
        if (s.length == 0) return Double.NaN;
        double min = s[s.length - 1];
        return min == 0 ? Double.POSITIVE_INFINITY : s[0] / min;
    }

    /** The Moore-Penrose pseudo-inverse, n x m, dropping singular values at or below {@link #defaultTolerance()}. */
    public DMatrix pinv() {
        return pinv(defaultTolerance());
    }

    /**
     * The pseudo-inverse V diag(1/s_i) U^T over the singular values > {@code tol} (an absolute threshold),
     * n x m; it gives the minimum-norm least-squares solution x = A^+ b. O(mnk), plain Java.
     */
    public DMatrix pinv(double tol) {
        int m = rows(), n = cols();
        int r = rank(tol);
        int vr = vt.rows();
        double[] ws = new double[r * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < r; i++) ws[i + j * r] = vt.data()[i + j * vr] / s[i];
        }
        double[] out = new double[n * m];
        // pinv = (r x n scaled Vt)^T (m x r U_r)^T; U_r is the first m * r entries of U.
        Linalg.JAVA.gemm(true, true, n, m, r, 1.0, ws, u.data(), 0.0, out);
        return DMatrix.wrap(n, m, out);
    }
}
