package dev.sxn.math.linalg;

/**
 * Plain-Java BLAS-1 kernels: the reference. Reductions keep four independent partial sums (so the
 * adds pipeline instead of waiting on one another) combined as (s0 + s1) + (s2 + s3); the
 * summation-order error is at most about 2 n eps sum|terms|, the bound the tests state.
 */
final class JavaVectorOpsKernels implements VectorOpsKernels {
    @Override
    public double dot(double[] x, int xOff, double[] y, int yOff, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += x[xOff + i] * y[yOff + i];
            s1 += x[xOff + i + 1] * y[yOff + i + 1];
            s2 += x[xOff + i + 2] * y[yOff + i + 2];
            s3 += x[xOff + i + 3] * y[yOff + i + 3];
        }
        for (; i < n; i++) s0 += x[xOff + i] * y[yOff + i];
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) y[yOff + i] += a * x[xOff + i];
    }

    @Override
    public void scale(double a, double[] x, int off, int n) {
        for (int i = off; i < off + n; i++) x[i] *= a;
    }

    @Override
    public double sum(double[] x, int off, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            s0 += x[off + i];
            s1 += x[off + i + 1];
            s2 += x[off + i + 2];
            s3 += x[off + i + 3];
        }
        for (; i < n; i++) s0 += x[off + i];
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public double sumOfSquares(double[] x, int off, int n) {
        return dot(x, off, x, off, n);
    }
}
