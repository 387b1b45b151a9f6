package dev.sxn.math.bench;

import dev.sxn.math.regime.GaussianEmissions;
import dev.sxn.math.regime.HiddenMarkovModel;

/**
 * The comparison for RegimeBench: Baum-Welch for Gaussian emissions with full covariances as a textbook writes it
 * (Rabiner 1989: scaled forward and backward variables, gamma and xi, then the re-estimation formulas), on
 * {@code double[][]} with fresh arrays every iteration and the covariance inverted by Gauss-Jordan for each state.
 * Returns the last log-likelihood.
 */
final class PlainBaumWelch {
    private PlainBaumWelch() {}

    static double fit(HiddenMarkovModel start, double[] flat, int d, int iterations) {
        int n = flat.length / d, k = start.states();
        double[][] x = new double[n][d];
        for (int t = 0; t < n; t++) System.arraycopy(flat, t * d, x[t], 0, d);
        double[] pi = start.initial();
        double[][] a = start.transitions().toArray();
        GaussianEmissions g = (GaussianEmissions) start.emissions();
        double[][] mu = g.means();
        double[][][] cov = new double[k][][];
        for (int s = 0; s < k; s++) cov[s] = g.covariance(s);
        double ll = 0;
        for (int it = 0; it < iterations; it++) {
            double[][] b = new double[n][k];
            for (int s = 0; s < k; s++) {
                double[][] inv = invert(cov[s]);
                double det = determinant(cov[s]);
                double norm = 1 / Math.sqrt(Math.pow(2 * Math.PI, d) * det);
                for (int t = 0; t < n; t++) {
                    double q = 0;
                    for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) q += (x[t][i] - mu[s][i]) * inv[i][j] * (x[t][j] - mu[s][j]);
                    b[t][s] = norm * Math.exp(-0.5 * q);
                }
            }
            double[][] alpha = new double[n][k], beta = new double[n][k];
            double[] c = new double[n];
            for (int t = 0; t < n; t++) {
                for (int j = 0; j < k; j++) {
                    double v = 0;
                    if (t == 0) v = pi[j];
                    else for (int i = 0; i < k; i++) v += alpha[t - 1][i] * a[i][j];
                    alpha[t][j] = v * b[t][j];
                    c[t] += alpha[t][j];
                }
                for (int j = 0; j < k; j++) alpha[t][j] /= c[t];
            }
            ll = 0;
            for (int t = 0; t < n; t++) ll += Math.log(c[t]);
            for (int j = 0; j < k; j++) beta[n - 1][j] = 1;
            for (int t = n - 2; t >= 0; t--) {
                for (int i = 0; i < k; i++) {
                    double v = 0;
                    for (int j = 0; j < k; j++) v += a[i][j] * b[t + 1][j] * beta[t + 1][j];
                    beta[t][i] = v / c[t + 1];
                }
            }
            double[][] gamma = new double[n][k];
            double[][] xi = new double[k][k];
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < k; i++) gamma[t][i] = alpha[t][i] * beta[t][i];
                if (t < n - 1) {
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) xi[i][j] += alpha[t][i] * a[i][j] * b[t + 1][j] * beta[t + 1][j] / c[t + 1];
                    }
                }
            }
            pi = gamma[0].clone();
            for (int i = 0; i < k; i++) {
                double sum = 0;
                for (int j = 0; j < k; j++) sum += xi[i][j];
                for (int j = 0; j < k; j++) a[i][j] = xi[i][j] / sum;
            }
            for (int s = 0; s < k; s++) {
                double w = 0;
                double[] m = new double[d];
                for (int t = 0; t < n; t++) {
                    w += gamma[t][s];
                    for (int i = 0; i < d; i++) m[i] += gamma[t][s] * x[t][i];
                }
                for (int i = 0; i < d; i++) m[i] /= w;
                double[][] cv = new double[d][d];
                for (int t = 0; t < n; t++) {
                    for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) cv[i][j] += gamma[t][s] * (x[t][i] - m[i]) * (x[t][j] - m[j]);
                }
                for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) cv[i][j] /= w;
                mu[s] = m;
                cov[s] = cv;
            }
        }
        return ll;
    }

    private static double[][] invert(double[][] m) {
        int d = m.length;
        double[][] a = new double[d][2 * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(m[i], 0, a[i], 0, d);
            a[i][d + i] = 1;
        }
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
            double[] tmp = a[p];
            a[p] = a[c];
            a[c] = tmp;
            double piv = a[c][c];
            for (int j = 0; j < 2 * d; j++) a[c][j] /= piv;
            for (int r = 0; r < d; r++) {
                if (r == c) continue;
                double f = a[r][c];
                for (int j = 0; j < 2 * d; j++) a[r][j] -= f * a[c][j];
            }
        }
        double[][] inv = new double[d][d];
        for (int i = 0; i < d; i++) System.arraycopy(a[i], d, inv[i], 0, d);
        return inv;
    }

    private static double determinant(double[][] m) {
        int d = m.length;
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) a[i] = m[i].clone();
        double det = 1;
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
            if (p != c) {
                double[] tmp = a[p];
                a[p] = a[c];
                a[c] = tmp;
                det = -det;
            }
            det *= a[c][c];
            for (int r = c + 1; r < d; r++) {
                double f = a[r][c] / a[c][c];
                for (int j = c; j < d; j++) a[r][j] -= f * a[c][j];
            }
        }
        return det;
    }
}
