package dev.sxn.math.series;

/**
 * The reference kernel: one diagonal at a time, scalar, in exactly the arithmetic that
 * {@link MatrixProfileKernels} specifies.
 */
final class JavaMatrixProfileKernels implements MatrixProfileKernels {
    @Override
    public void diagonals(Windows a, Windows b, int m, int period, int kLo, int kHi,
                          double[] rowCorr, double[] rowIdx, double[] colCorr, double[] colIdx) {
        for (int k = kLo; k < kHi; k++) {
            diagonal(a, b, m, period, k, 0, 0.0, rowCorr, rowIdx, colCorr, colIdx);
        }
    }

    /** The exactly recomputed centred covariance of window i of a and window j of b. */
    static double exactCov(Windows a, int i, Windows b, int j, int m) {
        double[] x = a.x, y = b.x;
        double mx = a.mu[i], my = b.mu[j];
        double c = 0.0;
        for (int t = 0; t < m; t++) c = Math.fma(x[i + t] - mx, y[j + t] - my, c);
        return c;
    }

    /**
     * Walks diagonal k from row {@code iStart} (whose covariance, when {@code iStart % period != 0},
     * is updated from {@code cov}, the value at row iStart - 1) to its end. Vector kernels use it for
     * the rows their lanes do not cover.
     */
    static void diagonal(Windows a, Windows b, int m, int period, int k, int iStart, double cov,
                         double[] rowCorr, double[] rowIdx, double[] colCorr, double[] colIdx) {
        final double[] dfA = a.df, dgA = a.dg, invA = a.inv, dfB = b.df, dgB = b.dg, invB = b.inv;
        int len = Math.min(a.count, b.count - k);
        double c = cov;
        int restart = (int) (((long) iStart + period - 1) / period * period); // first restart row >= iStart
        for (int i = iStart; i < len; i++) {
            int j = i + k;
            if (i == restart) {
                restart += period;
                c = exactCov(a, i, b, j, m);
            } else {
                c = Math.fma(dfA[i], dgB[j], c);
                c = Math.fma(dfB[j], dgA[i], c);
            }
            double r = c * invA[i] * invB[j];
            if (r > rowCorr[i] || (r == rowCorr[i] && j < rowIdx[i])) {
                rowCorr[i] = r;
                rowIdx[i] = j;
            }
            if (r > colCorr[j] || (r == colCorr[j] && i < colIdx[j])) {
                colCorr[j] = r;
                colIdx[j] = i;
            }
        }
    }
}
