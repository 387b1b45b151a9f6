package dev.sxn.math.linalg;

import dev.sxn.math.internal.Scratch;

/**
 * The steps every dense SVD here shares around its tall-matrix algorithm ({@link GolubKahanSvd} or
 * {@link JacobiSvd}): entries beyond 2^+-500 scaled by a power of two (exact) so that squares neither
 * overflow nor underflow, a wide matrix decomposed through its transpose, V transposed into Vt, and the
 * singular values scaled back. O(mn) on top of the algorithm; its temporaries are the thread's {@link Scratch}.
 */
final class SvdDriver {
    private SvdDriver() {}

    /**
     * A = U diag(s) Vt of the m x n a (overwritten), m, n >= 1, with the {@link LinalgKernels#gesvd}
     * contract: s descending (min(m, n)), u m x (thin ? min(m,n) : m), vt (thin ? min(m,n) : n) x n. By
     * Golub-Kahan on the backend's ops, or (jacobi) by one-sided Jacobi in plain Java. Returns 0.
     */
    static int svd(DenseOps ops, int m, int n, double[] a, double[] s, double[] u, double[] vt, boolean thin, boolean jacobi) {
        int exp = DenseArrays.scaleToUnit(a, m * n);
        try (Scratch w = Scratch.open()) {
            if (m >= n) {
                double[] v = w.zeros(n * n);
                if (jacobi) JacobiSvd.svdTall(m, n, a, s, u, v, !thin);
                else GolubKahanSvd.svdTall(ops, m, n, a, s, u, v, !thin);
                DenseArrays.transpose(v, n, n, vt);
            } else {
                // A^T = U1 S V1^T, so A = V1 S U1^T: U = V1 (m x m), Vt = U1^T.
                double[] at = DenseArrays.transpose(a, m, n, w.doubles(m * n));
                int uc = thin ? m : n;
                double[] u1 = w.zeros(n * uc);
                if (jacobi) JacobiSvd.svdTall(n, m, at, s, u1, u, !thin);
                else GolubKahanSvd.svdTall(ops, n, m, at, s, u1, u, !thin);
                DenseArrays.transpose(u1, n, uc, vt);
            }
        }
        if (exp != 0) for (int i = 0; i < Math.min(m, n); i++) s[i] = Math.scalb(s[i], exp);
        return 0;
    }
}
