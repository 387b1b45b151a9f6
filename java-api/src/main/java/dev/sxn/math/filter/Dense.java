package dev.sxn.math.filter;

/**
 * Small dense kernels for the general Kalman filter: row-major {@code double[]} matrices of a few
 * rows, with explicit dimensions. Plain loops: at n, m <= ~10 a call into a BLAS would cost more than
 * the arithmetic. Callers own every array (no allocation here) and pass outputs that do not alias
 * inputs.
 */
final class Dense {
    private Dense() {}

    /** out (r x c) = a (r x k) * b (k x c). */
    static void mul(double[] a, double[] b, double[] out, int r, int k, int c) {
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) s += a[i * k + l] * b[l * c + j];
                out[i * c + j] = s;
            }
        }
    }

    /** out (r x c) = a (r x k) * b' where b is (c x k). */
    static void mulTransB(double[] a, double[] b, double[] out, int r, int k, int c) {
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) s += a[i * k + l] * b[j * k + l];
                out[i * c + j] = s;
            }
        }
    }

    /** y (r) = a (r x c) * x (c). */
    static void mulVec(double[] a, double[] x, double[] y, int r, int c) {
        for (int i = 0; i < r; i++) {
            double s = 0;
            for (int l = 0; l < c; l++) s += a[i * c + l] * x[l];
            y[i] = s;
        }
    }

    /** a := (a + a') / 2 for a square k x k matrix, so rounding never breaks symmetry. */
    static void symmetrize(double[] a, int k) {
        symmetrize(a, k, 0);
    }

    /** {@link #symmetrize(double[], int)} of the k x k block starting at {@code off}. */
    static void symmetrize(double[] a, int k, int off) {
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double s = 0.5 * (a[off + i * k + j] + a[off + j * k + i]);
                a[off + i * k + j] = s;
                a[off + j * k + i] = s;
            }
        }
    }

    /**
     * Cholesky factor L (lower, k x k, upper part zeroed) of the symmetric a; a is read only.
     *
     * @return -1 on success, else the index of the first pivot that is not positive (or not finite)
     */
    static int cholesky(double[] a, double[] l, int k) {
        for (int j = 0; j < k; j++) {
            double d = a[j * k + j];
            for (int p = 0; p < j; p++) d -= l[j * k + p] * l[j * k + p];
            if (!(d > 0) || !Double.isFinite(d)) return j;
            double ljj = Math.sqrt(d);
            l[j * k + j] = ljj;
            for (int i = j + 1; i < k; i++) {
                double s = a[i * k + j];
                for (int p = 0; p < j; p++) s -= l[i * k + p] * l[j * k + p];
                l[i * k + j] = s / ljj;
            }
            for (int i = 0; i < j; i++) l[i * k + j] = 0;
        }
        return -1;
    }

    /** The value of the failing pivot {@code j} (the Schur complement's diagonal), for messages. */
    static double pivot(double[] a, double[] l, int k, int j) {
        double d = a[j * k + j];
        for (int p = 0; p < j; p++) d -= l[j * k + p] * l[j * k + p];
        return d;
    }

    /** Solves L y = b in place (b := L^-1 b), L lower k x k, b one vector at offset off, stride 1. */
    static void forward(double[] l, double[] b, int off, int k) {
        for (int i = 0; i < k; i++) {
            double s = b[off + i];
            for (int p = 0; p < i; p++) s -= l[i * k + p] * b[off + p];
            b[off + i] = s / l[i * k + i];
        }
    }

    /** Solves L' y = b in place (b := L'^-1 b). */
    static void backward(double[] l, double[] b, int off, int k) {
        for (int i = k - 1; i >= 0; i--) {
            double s = b[off + i];
            for (int p = i + 1; p < k; p++) s -= l[p * k + i] * b[off + p];
            b[off + i] = s / l[i * k + i];
        }
    }

    /**
     * Whether the symmetric a (k x k) is positive semidefinite: an LDL' sweep that accepts zero pivots
     * whose whole remaining column is zero (to a tolerance relative to the largest diagonal entry).
     */
    static boolean isPositiveSemidefinite(double[] a, int k) {
        double[] w = a.clone();
        double scale = 0;
        for (int i = 0; i < k; i++) scale = Math.max(scale, Math.abs(w[i * k + i]));
        double tol = 1e-12 * Math.max(scale, Double.MIN_NORMAL);
        for (int j = 0; j < k; j++) {
            double d = w[j * k + j];
            if (d < -tol) return false;
            if (d <= tol) {
                for (int i = j + 1; i < k; i++) if (Math.abs(w[i * k + j]) > Math.sqrt(tol * scale) * 1e3) return false;
                continue;
            }
            for (int i = j + 1; i < k; i++) {
                double f = w[i * k + j] / d;
                for (int c = j + 1; c < k; c++) w[i * k + c] -= f * w[j * k + c];
            }
        }
        return true;
    }

    /** Row-major copy of a rectangular double[][] already checked to be r x c. */
    static double[] flatten(double[][] a, int r, int c) {
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) System.arraycopy(a[i], 0, out, i * c, c);
        return out;
    }

    /** double[][] view (a copy) of a row-major r x c block of {@code a} starting at {@code off}. */
    static double[][] unflatten(double[] a, int off, int r, int c) {
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) System.arraycopy(a, off + i * c, out[i], 0, c);
        return out;
    }
}
