package dev.sxn.math.linalg;

/**
 * LU factorisation with partial pivoting, P A = L U, unblocked and right-looking (Golub and Van Loan,
 * Algorithm 3.4.1; LAPACK dgetf2), over a backend's {@link DenseOps}, and the triangular solves from
 * its factors (dgetrs). The JAVA kernel factors the whole matrix with {@link #getf2}; the VECTOR kernel
 * factors each panel of its blocked dgetrf with it. Costs: mn^2 - n^3/3 flops for the factorisation,
 * 2n^2 per right-hand side for the solve.
 */
final class LuDecomposition {
    private LuDecomposition() {}

    /**
     * Eliminates columns k0..k1 of the column-major a (m rows) in place: for each, the row of largest
     * |entry| on or below the diagonal is swapped up (ipiv[k] = its 0-based index) across columns
     * c0..c1, the column below the pivot is divided by it, and the rank-1 update runs on columns k+1..c1.
     * A zero column is skipped (nothing to eliminate). Returns the 1-based index of the first zero pivot
     * in k0..k1, or 0.
     */
    static int getf2(DenseOps ops, int m, double[] a, int[] ipiv, int k0, int k1, int c0, int c1) {
        int info = 0;
        for (int k = k0; k < k1; k++) {
            int ck = k * m;
            int p = k;
            double best = Math.abs(a[ck + k]);
            for (int i = k + 1; i < m; i++) {
                double v = Math.abs(a[ck + i]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            ipiv[k] = p;
            if (best == 0) {
                if (info == 0) info = k + 1;
                continue; // the column below the diagonal is zero: nothing to eliminate
            }
            if (p != k) swapRows(a, m, k, p, c0, c1);
            double piv = a[ck + k];
            if (Math.abs(piv) >= Double.MIN_NORMAL) {
                ops.scal(1 / piv, a, ck + k + 1, m - k - 1);
            } else {
                for (int i = k + 1; i < m; i++) a[ck + i] /= piv; // 1/piv would overflow
            }
            for (int j = k + 1; j < c1; j++) {
                double f = a[j * m + k];
                if (f != 0) ops.axpy(-f, a, ck + k + 1, a, j * m + k + 1, m - k - 1);
            }
        }
        return info;
    }

    /** Swaps rows r1 and r2 of the column-major a (m rows) across columns c0..c1. */
    static void swapRows(double[] a, int m, int r1, int r2, int c0, int c1) {
        for (int j = c0; j < c1; j++) {
            int cj = j * m;
            double t = a[cj + r1];
            a[cj + r1] = a[cj + r2];
            a[cj + r2] = t;
        }
    }

    /**
     * The end of dgesv: info from the factorisation of the n x n A in lu (0 = nonsingular), then, when it
     * is 0, B (n x nrhs) := X by {@link #getrs}. Returns info.
     */
    static int solveFactored(int info, int n, int nrhs, double[] lu, int[] ipiv, double[] b) {
        if (info == 0) getrs(n, nrhs, lu, ipiv, b);
        return info;
    }

    /** Solves A X = B from getf2's factors of the n x n A (nonsingular), B n x nrhs: b := X (column sweeps). */
    static void getrs(int n, int nrhs, double[] lu, int[] ipiv, double[] b) {
        for (int r = 0; r < nrhs; r++) {
            int o = r * n;
            for (int k = 0; k < n; k++) {
                int p = ipiv[k];
                if (p != k) {
                    double t = b[o + k];
                    b[o + k] = b[o + p];
                    b[o + p] = t;
                }
            }
            for (int k = 0; k < n; k++) { // L y = P b, L unit lower
                double bk = b[o + k];
                if (bk == 0) continue;
                int ck = k * n;
                for (int i = k + 1; i < n; i++) b[o + i] -= bk * lu[ck + i];
            }
            for (int k = n - 1; k >= 0; k--) { // U x = y
                int ck = k * n;
                double xk = b[o + k] / lu[ck + k];
                b[o + k] = xk;
                if (xk == 0) continue;
                for (int i = 0; i < k; i++) b[o + i] -= xk * lu[ck + i];
            }
        }
    }
}
