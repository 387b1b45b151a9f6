package dev.sxn.math.regime.switching;

/**
 * Hamilton's filter and Kim's smoother for a Markov-switching regression, in log space.
 *
 * <p>Why log space rather than scaled probabilities: a transition probability of exactly 0 or a regime whose
 * density underflows (a tiny variance far from the data) stays representable as a large negative log instead
 * of a 0 that a later normalisation divides by; statsmodels' filter works in logs too, so the two agree to
 * rounding. Transition probabilities enter as {@code log(max(p, 1e-20))}, as in statsmodels.
 *
 * <p>Recursions (log-sum-exp written {@code lse}): predicted {@code a_t(j) = lse_i(f_{t-1}(i) + log P[i][j])}
 * ({@code a_0 = log pi}, pi the distribution of the first hidden state s_0); joint {@code b_t(j) = a_t(j) +
 * log N(y_t; x_t' beta_j, sigma2_j)}; {@code l_t = lse_j b_t(j)}, log-likelihood {@code sum_t l_t}; filtered
 * {@code f_t = b_t - l_t}. Kim: {@code g_{n-1} = f_{n-1}}, {@code g_t(i) = f_t(i) + lse_j(log P[i][j] +
 * g_{t+1}(j) - a_{t+1}(j))}.
 *
 * <p>One instance per model and thread: it owns {@code n k} workspaces for the stored paths, allocated once and
 * reused by every evaluation of a fit. O(n k (k + m)) time per pass.
 */
final class HamiltonFilter {
    static final double LOG_FLOOR = 1e-20;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    final MsrLayout layout;
    final double[] y;
    /** Regressors, column-major: x[c n + t]. */
    final double[] x;
    final int n;
    /** Known distribution of s_0, or null for the stationary distribution of P. */
    final double[] known;

    final double[][] p;
    final double[][] logP;
    final double[][] beta;
    final double[] s2;
    final double[] pi;
    private final double[] prev;
    private final double[] cur;

    /** Stored paths, [t k + i], allocated on the first {@link #run(double[], boolean)} that keeps them. */
    double[] filtered;
    double[] predicted;
    double[] smoothed;

    HamiltonFilter(MsrLayout layout, double[] y, double[] x, double[] known) {
        this.layout = layout;
        this.y = y;
        this.x = x;
        this.n = y.length;
        this.known = known;
        int k = layout.k;
        p = new double[k][k];
        logP = new double[k][k];
        beta = new double[k][layout.m];
        s2 = new double[k];
        pi = new double[k];
        prev = new double[k];
        cur = new double[k];
    }

    /** Unpacks {@code theta} into P, log P, beta, sigma2 and pi; false when a variance is not positive and finite. */
    boolean load(double[] theta) {
        MsrLayout l = layout;
        int k = l.k;
        l.transitionMatrix(theta, p);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) logP[i][j] = Math.log(Math.max(p[i][j], LOG_FLOOR));
            for (int c = 0; c < l.m; c++) beta[i][c] = theta[l.coef[c][i]];
            s2[i] = theta[l.var[i]];
            if (!(s2[i] > 0) || !Double.isFinite(s2[i])) return false;
        }
        if (known != null) System.arraycopy(known, 0, pi, 0, k);
        else Stationary.of(p, pi);
        return true;
    }

    /** log N(y_t; x_t' beta_j, sigma2_j). */
    double conditional(int t, int j) {
        double mean = 0;
        double[] b = beta[j];
        for (int c = 0; c < b.length; c++) mean += x[c * n + t] * b[c];
        double r = y[t] - mean;
        return -0.5 * r * r / s2[j] - 0.5 * (LOG_2PI + Math.log(s2[j]));
    }

    /**
     * The log-likelihood at {@code theta} (-Infinity where a variance is not positive); with {@code keep} the
     * filtered and predicted log probabilities are stored for {@link #smooth()} and the EM step.
     */
    double run(double[] theta, boolean keep) {
        if (!load(theta)) return Double.NEGATIVE_INFINITY;
        int k = layout.k;
        if (keep && filtered == null) {
            filtered = new double[n * k];
            predicted = new double[n * k];
        }
        double llf = 0;
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < k; j++) {
                double a;
                if (t == 0) {
                    a = Math.log(Math.max(pi[j], LOG_FLOOR));
                } else {
                    double mx = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < k; i++) mx = Math.max(mx, prev[i] + logP[i][j]);
                    double s = 0;
                    for (int i = 0; i < k; i++) s += Math.exp(prev[i] + logP[i][j] - mx);
                    a = mx + Math.log(s);
                }
                if (keep) predicted[t * k + j] = a;
                cur[j] = a + conditional(t, j);
            }
            double mx = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) mx = Math.max(mx, cur[j]);
            if (mx == Double.NEGATIVE_INFINITY || Double.isNaN(mx)) return Double.NEGATIVE_INFINITY;
            double s = 0;
            for (int j = 0; j < k; j++) s += Math.exp(cur[j] - mx);
            double lt = mx + Math.log(s);
            llf += lt;
            for (int j = 0; j < k; j++) {
                prev[j] = cur[j] - lt;
                if (keep) filtered[t * k + j] = prev[j];
            }
        }
        return llf;
    }

    /** Kim's smoother over the paths of the last kept {@link #run}; stores the smoothed log probabilities. */
    void smooth() {
        int k = layout.k;
        if (smoothed == null) smoothed = new double[n * k];
        System.arraycopy(filtered, (n - 1) * k, smoothed, (n - 1) * k, k);
        for (int t = n - 2; t >= 0; t--) {
            for (int i = 0; i < k; i++) {
                double mx = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    cur[j] = logP[i][j] + smoothed[(t + 1) * k + j] - predicted[(t + 1) * k + j];
                    mx = Math.max(mx, cur[j]);
                }
                double s = 0;
                for (int j = 0; j < k; j++) s += Math.exp(cur[j] - mx);
                smoothed[t * k + i] = filtered[t * k + i] + mx + Math.log(s);
            }
        }
    }

    /** exp of a stored log path as [t][i]. */
    double[][] probabilities(double[] logs) {
        int k = layout.k;
        double[][] out = new double[n][k];
        for (int t = 0; t < n; t++) {
            for (int i = 0; i < k; i++) out[t][i] = Math.exp(logs[t * k + i]);
        }
        return out;
    }
}
