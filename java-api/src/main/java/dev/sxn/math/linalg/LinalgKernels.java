package dev.sxn.math.linalg;

/**
 * Dense kernels on column-major arrays with leading dimension = number of rows, named after their
 * LAPACK counterparts. Kernels trust their arguments (checked once in {@link Linalg}); they overwrite
 * the work arrays they are given, never anything else. Sizes are >= 1 unless stated.
 *
 * <p>Failures that depend on the values (a zero pivot, a matrix that is not positive definite) are
 * returned as LAPACK's {@code info} (0 = success, k > 0 = 1-based index of the failure); a kernel that
 * cannot run at all (native error) throws.
 */
interface LinalgKernels extends GemmKernels {
    /** See {@link GemmKernels#gemm}. */
    @Override
    void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c);

    /** LU with partial pivoting of the m x n a in place (L unit lower, U upper); ipiv[i] = 0-based row swapped with row i. */
    int getrf(int m, int n, double[] a, int[] ipiv);

    /** Solves A X = B (A n x n, B n x nrhs) by LU; a is overwritten by the LU factors, b by X. */
    int gesv(int n, int nrhs, double[] a, int[] ipiv, double[] b);

    /** Householder QR in place: R on and above the diagonal, reflector vectors below it (v0 = 1 implicit). */
    void geqrf(int m, int n, double[] a, double[] tau);

    /** Householder QR with column pivoting (A P = Q R); jpvt[j] = 0-based original index of column j. */
    void geqp3(int m, int n, double[] a, int[] jpvt, double[] tau);

    /**
     * Forms the m x ncols matrix with orthonormal columns Q = H_0 ... H_{k-1} (first ncols columns), from
     * the k reflectors stored in the first k columns of q as {@link #geqrf} leaves them; m >= ncols >= k.
     */
    void orgqr(int m, int ncols, int k, double[] q, double[] tau);

    /**
     * Singular value decomposition A = U diag(s) Vt of the m x n a (overwritten): s descending (min(m,n)),
     * u m x (thin ? min(m,n) : m), vt (thin ? min(m,n) : n) x n.
     */
    int gesvd(int m, int n, double[] a, double[] s, double[] u, double[] vt, boolean thin);

    /** Cholesky A = L L^T of the symmetric n x n a (lower triangle read); L written to the lower triangle. */
    int potrf(int n, double[] a);

    /** Eigen-decomposition of the symmetric n x n a (lower triangle read): w ascending, a := eigenvectors (columns). */
    int syev(int n, double[] a, double[] w);
}
