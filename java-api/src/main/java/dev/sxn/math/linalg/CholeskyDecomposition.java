package dev.sxn.math.linalg;

/**
 * Unblocked left-looking Cholesky A = L L^T (Golub and Van Loan, Algorithm 4.2.1, gaxpy form; LAPACK
 * dpotf2) over a backend's {@link DenseOps}. The JAVA kernel factors the whole matrix with it; the
 * VECTOR kernel factors small matrices and the diagonal blocks of its blocked dpotrf with it. n^3/3 flops.
 */
final class CholeskyDecomposition {
    private CholeskyDecomposition() {}

    /**
     * Factors the jb x jb block at a[off] (leading dimension ld, lower triangle read, L written there):
     * column j := (a_j - sum_{t<j} L(j, t) L_t) / sqrt(pivot). Returns 0, or the 1-based index of the
     * first pivot that is not positive; its value stays at (j, j), as in dpotf2.
     */
    static int potf2(DenseOps ops, int jb, double[] a, int off, int ld) {
        for (int j = 0; j < jb; j++) {
            int cj = off + j * ld;
            for (int t = 0; t < j; t++) {
                int ct = off + t * ld;
                double f = a[ct + j];
                if (f != 0) ops.axpy(-f, a, ct + j, a, cj + j, jb - j);
            }
            double d = a[cj + j];
            if (!(d > 0)) return j + 1;
            d = Math.sqrt(d);
            a[cj + j] = d;
            ops.scal(1 / d, a, cj + j + 1, jb - j - 1);
        }
        return 0;
    }
}
