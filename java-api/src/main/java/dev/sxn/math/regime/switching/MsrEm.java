package dev.sxn.math.regime.switching;

/**
 * Start values and EM steps for a Markov-switching regression, statsmodels' recipe.
 *
 * <p>Start ({@code MarkovRegression.start_params}): transition probabilities {@code 1/k}; OLS coefficients
 * {@code beta} of y on all regressors, regime i starting at {@code beta i / k} when any coefficient switches (a
 * shared coefficient keeps the last regime's value, {@code beta (k - 1)/k}, as there); variance the OLS residual
 * variance (divisor n), or {@code linspace(v/10, v, k)} when it switches.
 *
 * <p>EM step, from the smoothed probabilities {@code g_t(i)} and pair probabilities
 * {@code xi_t(i, j) = P(s_{t-1} = i, s_t = j | Y)}: {@code P[i][j] = sum_{t>=1} xi_t(i, j) / sum_j sum_{t>=1}
 * xi_t(i, j)} (Baum-Welch; statsmodels divides by the marginal of s_t summed over all t instead, a slightly
 * different start for the same optimiser); shared coefficients by OLS on their columns, switching ones by
 * weighted least squares of the remainder with weights {@code g_t(i)}; variances the weighted mean squared
 * residual per regime, or pooled over regimes divided by n. Each step does not decrease the likelihood for the
 * switching parts (the pooled-OLS shortcut for shared coefficients is statsmodels' heuristic, good enough for a
 * start). O(n k (k + m^2)) per step.
 */
final class MsrEm {
    private MsrEm() {}

    /** statsmodels' start parameters for the data held by {@code f}. */
    static double[] start(HamiltonFilter f) {
        MsrLayout l = f.layout;
        int k = l.k, m = l.m, n = f.n;
        double[] theta = new double[l.count];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k - 1; j++) theta[l.transition(i, j)] = 1.0 / k;
        }
        double variance;
        if (m > 0) {
            boolean[] all = new boolean[m];
            java.util.Arrays.fill(all, true);
            double[] b = new double[m];
            weightedLeastSquares(f.x, n, m, all, f.y, null, b);
            double mean = 0;
            double[] r = new double[n];
            for (int t = 0; t < n; t++) {
                double fit = 0;
                for (int c = 0; c < m; c++) fit += f.x[c * n + t] * b[c];
                r[t] = f.y[t] - fit;
                mean += r[t];
            }
            variance = centredSumOfSquares(r, mean / n) / n;
            boolean anySwitching = false;
            for (boolean s : l.switching) anySwitching |= s;
            for (int i = 0; i < k; i++) {
                for (int c = 0; c < m; c++) theta[l.coef[c][i]] = anySwitching ? b[c] * i / k : b[c];
            }
        } else {
            double mean = 0;
            for (double v : f.y) mean += v;
            variance = centredSumOfSquares(f.y, mean / n) / n;
        }
        if (l.switchingVariance) {
            for (int i = 0; i < k; i++) {
                theta[l.var[i]] = k == 1 ? variance : variance / 10 + (variance - variance / 10) * i / (k - 1);
            }
        } else {
            theta[l.var[0]] = variance;
        }
        return theta;
    }

    private static double centredSumOfSquares(double[] r, double mean) {
        double s = 0;
        for (double v : r) s += (v - mean) * (v - mean);
        return s;
    }

    /**
     * One EM step from {@code theta} into {@code out}; returns the log-likelihood at {@code theta}, or -Infinity
     * (then {@code out} is a copy of {@code theta}) where theta is not a valid point.
     */
    static double step(HamiltonFilter f, double[] theta, double[] out, double[] resid, double[] weight) {
        double llf = f.run(theta, true);
        if (!(llf > Double.NEGATIVE_INFINITY)) {
            System.arraycopy(theta, 0, out, 0, theta.length);
            return llf;
        }
        f.smooth();
        MsrLayout l = f.layout;
        int k = l.k, m = l.m, n = f.n;
        double[] lf = f.filtered, la = f.predicted, lg = f.smoothed;
        // Transitions: expected transition counts.
        double[][] counts = new double[k][k];
        for (int t = 1; t < n; t++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    counts[i][j] += Math.exp(lf[(t - 1) * k + i] + f.logP[i][j] + lg[t * k + j] - la[t * k + j]);
                }
            }
        }
        for (int i = 0; i < k; i++) {
            double row = 0;
            for (int j = 0; j < k; j++) row += counts[i][j];
            for (int j = 0; j < k - 1; j++) out[l.transition(i, j)] = counts[i][j] / row;
        }
        // Coefficients: shared columns by OLS, then switching ones by weighted least squares of the remainder.
        double[][] coef = new double[k][m];
        boolean[] shared = new boolean[m];
        boolean anyShared = false, anySwitching = false;
        for (int c = 0; c < m; c++) {
            shared[c] = !l.switching[c];
            anyShared |= shared[c];
            anySwitching |= l.switching[c];
        }
        System.arraycopy(f.y, 0, resid, 0, n);
        if (anyShared) {
            double[] b = new double[m];
            weightedLeastSquares(f.x, n, m, shared, f.y, null, b);
            for (int t = 0; t < n; t++) {
                for (int c = 0; c < m; c++) if (shared[c]) resid[t] -= f.x[c * n + t] * b[c];
            }
            for (int i = 0; i < k; i++) for (int c = 0; c < m; c++) if (shared[c]) coef[i][c] = b[c];
        }
        if (anySwitching) {
            for (int i = 0; i < k; i++) {
                for (int t = 0; t < n; t++) weight[t] = Math.exp(lg[t * k + i]);
                weightedLeastSquares(f.x, n, m, l.switching, resid, weight, coef[i]);
            }
        }
        for (int c = 0; c < m; c++) for (int i = 0; i < k; i++) out[l.coef[c][i]] = coef[i][c];
        // Variances.
        double pooled = 0;
        for (int i = 0; i < k; i++) {
            double num = 0, den = 0;
            for (int t = 0; t < n; t++) {
                double fit = 0;
                for (int c = 0; c < m; c++) fit += f.x[c * n + t] * coef[i][c];
                double r = f.y[t] - fit;
                double g = Math.exp(lg[t * k + i]);
                num += g * r * r;
                den += g;
            }
            if (l.switchingVariance) out[l.var[i]] = num / den;
            pooled += num;
        }
        if (!l.switchingVariance) out[l.var[0]] = pooled / n;
        return llf;
    }

    /**
     * Least squares of {@code z} on the columns {@code use} of {@code x} (column-major, n rows), weighted by
     * {@code w} (null: unweighted), through the normal equations; writes the coefficients of the used columns
     * into {@code b}, leaving the others. O(n m^2).
     */
    static void weightedLeastSquares(double[] x, int n, int m, boolean[] use, double[] z, double[] w, double[] b) {
        int q = 0;
        int[] cols = new int[m];
        for (int c = 0; c < m; c++) if (use[c]) cols[q++] = c;
        if (q == 0) return;
        double[][] a = new double[q][q + 1];
        for (int r = 0; r < q; r++) {
            int cr = cols[r] * n;
            for (int s = r; s < q; s++) {
                int cs = cols[s] * n;
                double sum = 0;
                for (int t = 0; t < n; t++) sum += (w == null ? 1 : w[t]) * x[cr + t] * x[cs + t];
                a[r][s] = sum;
                a[s][r] = sum;
            }
            double rhs = 0;
            for (int t = 0; t < n; t++) rhs += (w == null ? 1 : w[t]) * x[cr + t] * z[t];
            a[r][q] = rhs;
        }
        double[] sol = new double[q];
        SmallDense.solveAugmented(a, sol);
        for (int r = 0; r < q; r++) b[cols[r]] = sol[r];
    }
}
