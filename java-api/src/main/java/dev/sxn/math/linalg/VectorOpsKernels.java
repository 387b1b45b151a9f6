package dev.sxn.math.linalg;

/**
 * BLAS-1 kernels on contiguous runs of doubles. Arguments are already checked by {@link VectorOps}:
 * offsets and lengths lie inside the arrays and {@code n >= 0}. Implementations are stateless or
 * serialise their own state, so one instance serves all threads.
 */
interface VectorOpsKernels {
    double dot(double[] x, int xOff, double[] y, int yOff, int n);

    void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n);

    void scale(double a, double[] x, int off, int n);

    double sum(double[] x, int off, int n);

    double sumOfSquares(double[] x, int off, int n);
}
