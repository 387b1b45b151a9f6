package dev.sxn.math.linalg;

/**
 * Plain-Java dense kernels: the reference the VECTOR and NATIVE kernels are tested against, and the
 * fallback a host without OpenBLAS or the Vector API runs. Each operation is one of the shared
 * algorithms on the plain-Java primitives ({@link JavaDenseOps}); GEMM is {@link JavaGemm}.
 *
 * <p>The factorisations are the classical unblocked (LAPACK level-2) algorithms: LU is right-looking
 * ({@link LuDecomposition}, dgetf2), QR is Householder ({@link HouseholderQr}: dgeqr2, and dlaqp2's column
 * pivoting with LAPACK's safe norm downdate), Cholesky is left-looking ({@link CholeskyDecomposition},
 * dpotf2), the symmetric eigen-solver is Householder tridiagonalisation followed by the implicit QL
 * iteration with Wilkinson shifts ({@link SymmetricEigenSolver}). The SVD ({@link #gesvd}) is
 * Golub-Kahan-Reinsch ({@link GolubKahanSvd}); one-sided Jacobi ({@link JacobiSvd}) serves
 * {@code Linalg.svdJacobi}. Every O(n^3) loop is a column sweep (contiguous memory, which C2 vectorises).
 *
 * <p>The static helpers ({@link #norm2}, {@link #dot}, {@link #transpose}, {@link #getrs}, {@link #svd})
 * are the entry points the facades and result types call directly. Stateless and thread-safe.
 */
final class JavaLinalgKernels extends DenseLinalgKernels {
    static final double EPS = DenseArrays.EPS;
    private static final JavaDenseOps OPS = JavaDenseOps.INSTANCE;

    JavaLinalgKernels() {
        super(OPS);
    }

    /** See {@link JavaDenseOps#norm2}. */
    static double norm2(double[] a, int off, int len) {
        return JavaDenseOps.norm2(a, off, len);
    }

    /** See {@link JavaDenseOps#dot}. */
    static double dot(double[] x, int xo, double[] y, int yo, int len) {
        return OPS.dot(x, xo, y, yo, len);
    }

    /** See {@link DenseArrays#transpose}. */
    static double[] transpose(double[] src, int rows, int cols) {
        return DenseArrays.transpose(src, rows, cols);
    }

    /** Solves A X = B from getrf's factors (A nonsingular): b := X. See {@link LuDecomposition#getrs}. */
    static void getrs(int n, int nrhs, double[] lu, int[] ipiv, double[] b) {
        LuDecomposition.getrs(n, nrhs, lu, ipiv, b);
    }

    /**
     * The SVD by Golub-Kahan (jacobi false) or by one-sided Jacobi (jacobi true); same contract as
     * {@link #gesvd}. A wide matrix is decomposed through its transpose.
     */
    static int svd(int m, int n, double[] a, double[] s, double[] u, double[] vt, boolean thin, boolean jacobi) {
        return SvdDriver.svd(OPS, m, n, a, s, u, vt, thin, jacobi);
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        JavaGemm.gemm(transA, transB, m, n, k, alpha, a, b, beta, c);
    }

    @Override
    public int getrf(int m, int n, double[] a, int[] ipiv) {
        return LuDecomposition.getf2(OPS, m, a, ipiv, 0, Math.min(m, n), 0, n);
    }






    @Override
    public int potrf(int n, double[] a) {
        return CholeskyDecomposition.potf2(OPS, n, a, 0, n);
    }

}
