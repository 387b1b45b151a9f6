package dev.sxn.math.filter;

/**
 * Plain-Java {@link KalmanKernels}: the {@link Dense} loops (the reference the VECTOR kernel is tested
 * against).
 */
final class JavaKalmanKernels implements KalmanKernels {
    @Override
    public void mul(double[] a, double[] b, double[] out, int r, int k, int c) {
        Dense.mul(a, b, out, r, k, c);
    }

    @Override
    public void mulTransB(double[] a, double[] b, double[] out, int r, int k, int c, double[] work) {
        Dense.mulTransB(a, b, out, r, k, c);
    }

    @Override
    public void mulTransAAdd(double alpha, double[] a, double[] b, double[] out, int k, int r, int c) {
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) s += a[l * r + i] * b[l * c + j];
                out[i * c + j] += alpha * s;
            }
        }
    }

    @Override
    public void mulVec(double[] a, double[] x, double[] y, int r, int c) {
        Dense.mulVec(a, x, y, r, c);
    }

    @Override
    public void cholSolve(double[] l, double[] b, int k, int c) {
        // Per column of B the same operations in the same order as Dense.forward / Dense.backward,
        // walked row by row so nothing is gathered or allocated.
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < c; j++) {
                double s = b[i * c + j];
                for (int p = 0; p < i; p++) s -= l[i * k + p] * b[p * c + j];
                b[i * c + j] = s / l[i * k + i];
            }
        }
        for (int i = k - 1; i >= 0; i--) {
            for (int j = 0; j < c; j++) {
                double s = b[i * c + j];
                for (int p = i + 1; p < k; p++) s -= l[p * k + i] * b[p * c + j];
                b[i * c + j] = s / l[i * k + i];
            }
        }
    }
}
