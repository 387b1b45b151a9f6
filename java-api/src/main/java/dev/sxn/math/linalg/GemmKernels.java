package dev.sxn.math.linalg;

/**
 * The one primitive of the {@code linalg.gemm} family: C := alpha op(A) op(B) + beta C on column-major
 * arrays (leading dimension = rows). Every {@link LinalgKernels} is one; a backend that accelerates
 * only the product (OpenCL) implements just this, so it is registered for that family alone.
 * Kernels trust their arguments (checked once in {@link Linalg}).
 */
interface GemmKernels {
    /**
     * C := alpha op(A) op(B) + beta C, C m x n, op(A) m x k, op(B) k x n; A is stored k x m when
     * transposed, B n x k. beta == 0 means C's contents are ignored (BLAS convention). m, n, k may be 0.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c);
}
