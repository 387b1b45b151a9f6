package dev.sxn.math.linalg;

/**
 * The primitives the shared dense algorithms ({@link LuDecomposition}, {@link CholeskyDecomposition},
 * {@link HouseholderQr}, {@link GolubKahanSvd}, {@link SymmetricEigenSolver}) are written over, one
 * implementation per backend: {@link JavaDenseOps} (plain loops) and {@code VectorDenseOps} (Vector API,
 * referenced only from the VECTOR kernel so that a host without jdk.incubator.vector never loads it).
 *
 * <p>Level 1 on slices of column-major arrays (array + offset + length: nothing is allocated per call),
 * and the three level-3 kernels an algorithm delegates whole (the QR and product of an SVD's
 * preliminary reduction, the formation of U). Each backend keeps its own rounding: JAVA's dot has four
 * partial sums and its axpy a separate multiply and add, VECTOR's dot two vector accumulators reduced
 * by {@code LaneSums} and its axpy a fused multiply-add. The shared algorithms make the same calls in
 * the same order for both, so each backend's results are bit for bit those of its former hand-written
 * copy of the algorithm.
 *
 * <p>Exactly two implementations exist, so every call site in the algorithms is at most bimorphic and
 * C2 inlines both targets (vectors created inside a VECTOR primitive do not escape it).
 */
interface DenseOps {
    /** x[xo..xo+len) . y[yo..yo+len). */
    double dot(double[] x, int xo, double[] y, int yo, int len);

    /** y[yo..yo+len) += s x[xo..xo+len). */
    void axpy(double s, double[] x, int xo, double[] y, int yo, int len);

    /** x[off..off+len) *= s. */
    void scal(double s, double[] x, int off, int len);

    /**
     * c[co..co+len) := (I - tau v v^T) c, v at v[vo..vo+len) with v[vo] taken as 1 (LAPACK dlarf on one
     * column): w = c_0 + v[1..] . c[1..], c_0 -= tau w, c[1..] -= tau w v[1..]. Nothing when tau = 0.
     *
     * <p>A primitive rather than a shared static over {@link #dot} and {@link #axpy}: the factorisations
     * call it once per column, and a single shared copy, compiled with both backends' dot and axpy inlined,
     * grows past C2's size limit for inlining an already-compiled method. Each backend's own copy stays
     * small and is inlined into those loops.
     */
    void applyReflector(double[] v, int vo, int len, double tau, double[] c, int co);

    /** This backend's Householder QR in place (see {@link LinalgKernels#geqrf}). */
    void geqrf(int m, int n, double[] a, double[] tau);

    /** This backend's formation of Q from geqrf's reflectors (see {@link LinalgKernels#orgqr}). */
    void orgqr(int m, int ncols, int k, double[] q, double[] tau);

    /** C := A B, A m x k, B k x n, C m x n (all column-major, leading dimension = rows); C's contents are ignored. */
    void gemm(int m, int n, int k, double[] a, double[] b, double[] c);

    /**
     * Whether {@link #orgqr} is blocked (GEMM-based). The two-sided reductions (bidiagonal, tridiagonal)
     * then form their second orthogonal factor with it, on the reflectors shifted by one row as LAPACK's
     * dorgbr / dorgtr do, and the tridiagonalisation keeps the symmetric matrix in full storage so that
     * each step is whole-column axpys. Otherwise (plain loops) the factor is accumulated one reflector
     * at a time and the tridiagonalisation touches the lower triangle only (half the flops).
     */
    boolean blocked();
}
