package dev.sxn.math.filter;

/**
 * The dense linear algebra of the general {@link KalmanFilter} and its RTS smoother, one kernel per
 * backend (family {@code filter.KalmanFilter}). Row-major {@code double[]} matrices with explicit
 * dimensions; outputs never alias inputs; callers own every array (including {@code work}) and have
 * checked the dimensions, so kernels trust their arguments. Stateless and thread-safe.
 *
 * <p>The filter phrases each step in these products: F P F' + Q is {@link #mul} then
 * {@link #mulTransB}; H_o P, S = (H_o P) H_o' + R_oo are {@link #mul} and {@link #mulTransB}; the gain
 * K' = S^-1 (H_o P) is {@link #cholSolve}; the Joseph factor I - K H_o and K R K' are
 * {@link #mulTransAAdd}; A P A' is {@link #mul} then {@link #mulTransB}; the smoother's
 * C' = P_{t+1|t}^-1 F P_t and C dP C' are {@link #mul}, {@link #cholSolve} and {@link #mul}.
 */
interface KalmanKernels {
    /** out (r x c) = a (r x k) * b (k x c). */
    void mul(double[] a, double[] b, double[] out, int r, int k, int c);

    /** out (r x c) = a (r x k) * b' where b is (c x k); {@code work} has at least k * c entries. */
    void mulTransB(double[] a, double[] b, double[] out, int r, int k, int c, double[] work);

    /** out (r x c) += alpha * a' * b where a is (k x r) and b is (k x c). */
    void mulTransAAdd(double alpha, double[] a, double[] b, double[] out, int k, int r, int c);

    /** y (r) = a (r x c) * x (c). */
    void mulVec(double[] a, double[] x, double[] y, int r, int c);

    /**
     * Solves (L L') X = B in place: b (k x c) becomes X. L is the lower Cholesky factor (k x k) of a
     * symmetric positive definite matrix, as {@link Dense#cholesky} writes it.
     */
    void cholSolve(double[] l, double[] b, int k, int c);
}
