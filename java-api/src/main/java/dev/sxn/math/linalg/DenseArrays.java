package dev.sxn.math.linalg;

/**
 * Plain-Java helpers on column-major arrays shared by every dense kernel: transposition, exact
 * power-of-two scaling, and the plane rotations of the QR / QL iterations on columns held as separate
 * arrays. Their results do not depend on the backend (no reductions), so both JAVA and VECTOR call them
 * directly.
 */
final class DenseArrays {
    /** Unit roundoff times two: the spacing of doubles at 1 (2^-52). */
    static final double EPS = Math.ulp(1.0);

    private DenseArrays() {}

    /** rows x cols column-major src -> its cols x rows transpose, in 32 x 32 tiles. */
    static double[] transpose(double[] src, int rows, int cols) {
        return transpose(src, rows, cols, new double[rows * cols]);
    }

    /** {@link #transpose(double[], int, int)} into dst[0, rows cols) (scratch); returns dst. */
    static double[] transpose(double[] src, int rows, int cols, double[] dst) {
        final int b = 32;
        for (int j0 = 0; j0 < cols; j0 += b) {
            int j1 = Math.min(cols, j0 + b);
            for (int i0 = 0; i0 < rows; i0 += b) {
                int i1 = Math.min(rows, i0 + b);
                for (int j = j0; j < j1; j++) {
                    for (int i = i0; i < i1; i++) dst[j + i * cols] = src[i + j * rows];
                }
            }
        }
        return dst;
    }

    /**
     * Scales a[0, len) by a power of two (exact) when its largest magnitude is outside [2^-500, 2^500],
     * where squared norms (Jacobi) and squared entries (shifts) would overflow or underflow; returns the
     * exponent to scale results back by (0 when nothing was done).
     */
    static int scaleToUnit(double[] a, int len) {
        double max = 0;
        for (int i = 0; i < len; i++) max = Math.max(max, Math.abs(a[i]));
        if (max == 0 || (max < 0x1p500 && max > 0x1p-500)) return 0;
        int exp = Math.getExponent(max);
        for (int i = 0; i < len; i++) a[i] = Math.scalb(a[i], -exp);
        return exp;
    }

    /**
     * The columns of a rows x cols column-major array copied into the first cols arrays of c (scratch,
     * each at least rows long), returned. The plane rotations of the QR/QL
     * sweeps then run on two distinct arrays at the same index, which C2 vectorises; on two offsets of
     * one array it cannot rule out overlap and stays scalar.
     */
    static double[][] columns(double[] a, int rows, int cols, double[][] c) {
        for (int j = 0; j < cols; j++) System.arraycopy(a, j * rows, c[j], 0, rows);
        return c;
    }

    /** Copies the separate columns back into the rows x cols column-major a (the inverse of {@link #columns}). */
    static void uncolumns(double[][] c, double[] a, int rows, int cols) {
        for (int j = 0; j < cols; j++) System.arraycopy(c[j], 0, a, j * rows, rows);
    }

    /** x := c x + s y, y := c y - s x over len entries (a plane rotation of two columns). */
    static void rotate(double[] x, double[] y, int len, double c, double s) {
        for (int r = 0; r < len; r++) {
            double xi = x[r], yi = y[r];
            x[r] = c * xi + s * yi;
            y[r] = c * yi - s * xi;
        }
    }

    /** Swaps columns i and k of the column-major x with the given number of rows. */
    static void swapColumns(double[] x, int rows, int i, int k) {
        int ci = i * rows, ck = k * rows;
        for (int r = 0; r < rows; r++) {
            double t = x[ci + r];
            x[ci + r] = x[ck + r];
            x[ck + r] = t;
        }
    }
}
