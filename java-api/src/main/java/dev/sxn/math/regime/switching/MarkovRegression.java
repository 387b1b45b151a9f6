package dev.sxn.math.regime.switching;

import dev.sxn.math.internal.Checks;

import java.util.Arrays;
import java.util.List;

/**
 * A Markov-switching regression {@code y_t = x_t' beta_{s_t} + e_t}, {@code e_t ~ N(0, sigma2_{s_t})}, with a
 * hidden regime {@code s_t} in {@code 0..k-1} following a Markov chain with row-stochastic transition matrix
 * {@code P[i][j] = P(s_t = j | s_{t-1} = i)} (Hamilton 1989; Kim and Nelson 1999). Each regressor column (the
 * constant first when there is a trend) and the variance either switch with the regime or are shared, as in
 * statsmodels' {@code MarkovRegression} ({@code switching_trend}, {@code switching_exog},
 * {@code switching_variance}), whose parameter order and names this class uses: {@link #parameterNames()}.
 *
 * <p>Inference ({@link #inference(double[])}): Hamilton's filter and Kim's smoother in log space (see
 * {@code HamiltonFilter}); the filtered probabilities are causal, what a trader knows at t. Fitting
 * ({@link #fit()}): statsmodels' start values, EM steps, then BFGS on transformed parameters (logistic for the
 * transition probabilities, squares for the variances), standard errors from the inverse of the negative
 * numerical Hessian of the log-likelihood in the natural parameters ({@code cov_type='approx'}, statsmodels'
 * default). Forecasts of regimes and of y: {@link MsrFit#forecast(int, double[][])}.
 *
 * <p>Initial distribution: {@code pi} is the distribution of the first hidden state {@code s_0}; by default the
 * stationary distribution of P (statsmodels' steady-state start; it is invariant under P, so the two agree).
 * A known start {@link Builder#initialProbabilities(double[])} differs in convention: statsmodels' filter meets
 * two transitions before the first observation, so its {@code initialize_known(p)} equals ours with
 * {@code pi = p P^2} (row vector; checked by {@code gen_msr.py}).
 *
 * <p>Missing observations are not supported (every value must be finite). Immutable and thread-safe; each call
 * works in its own O(n k) workspace.
 */
public final class MarkovRegression {
    private final double[] y;
    private final double[] x;
    private final int n;
    private final boolean trend;
    private final int exogColumns;
    private final MsrLayout layout;
    private final String[] columnNames;
    private final double[] known;

    private MarkovRegression(Builder b) {
        this.y = b.y.clone();
        this.n = y.length;
        this.trend = b.trend;
        this.exogColumns = b.exog.length;
        int m = exogColumns + (trend ? 1 : 0);
        this.x = new double[m * n];
        this.columnNames = new String[m];
        boolean[] switching = new boolean[m];
        int c = 0;
        if (trend) {
            Arrays.fill(x, 0, n, 1.0);
            columnNames[0] = "const";
            switching[0] = b.switchingTrend;
            c = 1;
        }
        for (int e = 0; e < exogColumns; e++, c++) {
            System.arraycopy(b.exog[e], 0, x, c * n, n);
            columnNames[c] = "x" + (e + 1);
            switching[c] = b.switchingExog.length == 1 ? b.switchingExog[0] : b.switchingExog[e];
        }
        this.layout = new MsrLayout(b.regimes, switching, b.switchingVariance);
        this.known = b.initial == null ? null : b.initial.clone();
    }

    /**
     * A model of {@code y} (finite, length at least 2) with {@code regimes} regimes (at least 2), by default with
     * a switching constant, no other regressors and a shared variance (statsmodels' defaults).
     */
    public static Builder builder(double[] y, int regimes) {
        return new Builder(y, regimes);
    }

    /** The options of a {@link MarkovRegression}; every argument is checked in {@link #build()}. */
    public static final class Builder {
        private final double[] y;
        private final int regimes;
        private double[][] exog = new double[0][];
        private boolean trend = true;
        private boolean switchingTrend = true;
        private boolean[] switchingExog = {true};
        private boolean switchingVariance;
        private double[] initial;

        private Builder(double[] y, int regimes) {
            this.y = y;
            this.regimes = regimes;
        }

        /** Regressor columns beyond the constant, each of the series' length, named x1, x2, ... (not copied until build). */
        public Builder exog(double[]... columns) {
            this.exog = columns;
            return this;
        }

        /** Whether the model has a constant column (default true). */
        public Builder trend(boolean constant) {
            this.trend = constant;
            return this;
        }

        /** Whether the constant switches with the regime (default true). */
        public Builder switchingTrend(boolean switching) {
            this.switchingTrend = switching;
            return this;
        }

        /** Whether the exog coefficients switch: one flag for all columns, or one per column (default true). */
        public Builder switchingExog(boolean... switching) {
            this.switchingExog = switching;
            return this;
        }

        /** Whether the variance switches with the regime (default false). */
        public Builder switchingVariance(boolean switching) {
            this.switchingVariance = switching;
            return this;
        }

        /** A known distribution of the first hidden state s_0 (default: the stationary distribution of P). */
        public Builder initialProbabilities(double[] pi) {
            this.initial = pi;
            return this;
        }

        /** Checks every option and builds the model (copies the data). O(n m). */
        public MarkovRegression build() {
            Checks.notNull(y, "y");
            Checks.minLength(y, "y", 2, "two observations");
            Checks.allFinite(y, "y");
            Checks.inRange(regimes, "regimes", 2, 64, "");
            Checks.notNull(exog, "exog");
            for (int e = 0; e < exog.length; e++) {
                Checks.notNull(exog[e], "exog[" + e + "]");
                Checks.length(exog[e], "exog[" + e + "]", y.length, "the length of y");
                Checks.allFinite(exog[e], "exog[" + e + "]");
            }
            Checks.notNull(switchingExog, "switchingExog");
            if (switchingExog.length != 1 && switchingExog.length != exog.length) {
                throw Checks.invalid("switchingExog.length", switchingExog.length, "be 1 or " + exog.length + " (the exog columns)");
            }
            if (initial != null) {
                Checks.length(initial, "initialProbabilities", regimes, "the regimes");
                double sum = 0;
                for (int i = 0; i < initial.length; i++) {
                    Checks.inClosed(initial[i], "initialProbabilities[" + i + "]", 0, 1);
                    sum += initial[i];
                }
                if (Math.abs(sum - 1) > 1e-9) throw Checks.invalid("sum(initialProbabilities)", sum, "be 1 (within 1e-9)");
            }
            return new MarkovRegression(this);
        }
    }

    /** The number of regimes k. */
    public int regimes() {
        return layout.k;
    }

    /** The number of observations n. */
    public int observations() {
        return n;
    }

    /** The number of regressor columns m (the constant included). */
    public int columns() {
        return layout.m;
    }

    /** The number of free parameters p: k (k - 1) transition probabilities, the coefficients and the variances. */
    public int parameterCount() {
        return layout.count;
    }

    /** statsmodels' parameter names in vector order: {@code p[i->j]}, {@code const[i]}, {@code x1[i]}, {@code sigma2[i]}. */
    public List<String> parameterNames() {
        return layout.names(columnNames);
    }

    /** statsmodels' start parameters (see {@code MsrEm}). O(n m^2). */
    public double[] startParameters() {
        return MsrEm.start(filter());
    }

    /** The log-likelihood {@code sum_t log f(y_t | y_0..y_{t-1})} at {@code params} (checked). O(n k (k + m)). */
    public double logLikelihood(double[] params) {
        checkParams(params);
        return filter().run(params, false);
    }

    /** Filtered, predicted and smoothed regime probabilities and the log-likelihood at {@code params} (checked). */
    public MsrInference inference(double[] params) {
        checkParams(params);
        return inferenceUnchecked(params);
    }

    /** The row-stochastic transition matrix {@code P[i][j] = P(s_t = j | s_{t-1} = i)} of {@code params} (checked). */
    public double[][] transitionMatrix(double[] params) {
        checkParams(params);
        double[][] p = new double[layout.k][layout.k];
        layout.transitionMatrix(params, p);
        return p;
    }

    /** One EM step from {@code params} (checked): statsmodels' EM update (see {@code MsrEm}). O(n k (k + m^2)). */
    public double[] emStep(double[] params) {
        checkParams(params);
        double[] out = new double[layout.count];
        MsrEm.step(filter(), params, out, new double[n], new double[n]);
        return out;
    }

    /** {@link #fit(double[], int, int, double)} from the start parameters with 5 EM steps, 500 BFGS iterations, gtol 1e-8. */
    public MsrFit fit() {
        return fitUnchecked(startParameters(), 5, 500, 1e-8);
    }

    /**
     * Maximum likelihood from {@code start} (checked): {@code emIterations} EM steps (>= 0), then BFGS on the
     * transformed parameters of the objective {@code -loglik / n} until its largest gradient component is at most
     * {@code gtol} (> 0) or {@code maxIterations} (>= 0) are spent; then standard errors from the numerical Hessian.
     * Never throws on a hard likelihood: the best point seen is returned with {@link MsrFit#converged()}.
     */
    public MsrFit fit(double[] start, int emIterations, int maxIterations, double gtol) {
        checkParams(start);
        Checks.atLeast(emIterations, "emIterations", 0);
        Checks.atLeast(maxIterations, "maxIterations", 0);
        Checks.positive(gtol, "gtol");
        return fitUnchecked(start.clone(), emIterations, maxIterations, gtol);
    }

    private MsrFit fitUnchecked(double[] theta, int emIterations, int maxIterations, double gtol) {
        HamiltonFilter f = filter();
        double[] next = new double[layout.count];
        double[] resid = new double[n], weight = new double[n];
        for (int it = 0; it < emIterations; it++) {
            double llf = MsrEm.step(f, theta, next, resid, weight);
            if (!(llf > Double.NEGATIVE_INFINITY)) break;
            System.arraycopy(next, 0, theta, 0, theta.length);
        }
        keepInterior(theta);
        double[] u = new double[layout.count];
        layout.unconstrain(theta, u);
        double[] work = new double[layout.count];
        double scale = 1.0 / n;
        QuasiNewton.Result r = QuasiNewton.minimize(v -> {
            layout.constrain(v, work);
            double llf = f.run(work, false);
            return llf > Double.NEGATIVE_INFINITY && !Double.isNaN(llf) ? -llf * scale : Double.POSITIVE_INFINITY;
        }, u, gtol, maxIterations);
        layout.constrain(u, theta);
        double[][] hess = NumericalHessian.of(t -> f.run(t, false), layout, theta);
        double[][] cov = SmallDense.inverse(hess);
        double[] se = new double[layout.count];
        for (int i = 0; i < se.length; i++) se[i] = -cov[i][i] >= 0 ? Math.sqrt(-cov[i][i]) : Double.NaN;
        return new MsrFit(this, theta, se, inferenceUnchecked(theta), r.iterations(), r.converged());
    }

    /** Moves transition probabilities of exactly 0 or 1 (an EM step can reach them) inside, so their logit is finite. */
    private void keepInterior(double[] theta) {
        double[][] p = new double[layout.k][layout.k];
        layout.transitionMatrix(theta, p);
        double eps = 1e-8;
        for (int i = 0; i < layout.k; i++) {
            boolean edge = false;
            for (int j = 0; j < layout.k; j++) edge |= p[i][j] < eps;
            if (!edge) continue;
            for (int j = 0; j < layout.k - 1; j++) theta[layout.transition(i, j)] = (1 - layout.k * eps) * p[i][j] + eps;
        }
    }

    /**
     * Forecasts for {@code h = 1..steps} after the last observation at {@code params} (checked), from the filtered
     * probabilities at those parameters: see {@link MsrFit#forecast(int, double[][])}. O(n k (k + m)) for the
     * filter, then O(steps k (k + m)).
     */
    public MsrForecast forecast(double[] params, int steps, double[][] futureExog) {
        checkParams(params);
        HamiltonFilter f = filter();
        f.run(params, true);
        return forecastUnchecked(params, f.probabilities(f.filtered), steps, futureExog);
    }

    MsrForecast forecastUnchecked(double[] params, double[][] filtered, int steps, double[][] futureExog) {
        Checks.atLeast(steps, "steps", 1);
        int e = exogColumns;
        if (e > 0 || futureExog != null) {
            Checks.rectangular(futureExog, "futureExog", steps, e, "steps x exog columns");
            Checks.finiteEntries(futureExog, "futureExog");
        }
        MsrLayout l = layout;
        int k = l.k;
        double[][] p = new double[k][k];
        l.transitionMatrix(params, p);
        double[][] probs = new double[steps][k];
        double[] mean = new double[steps], var = new double[steps];
        double[] cur = filtered[filtered.length - 1].clone();
        double[] nxt = new double[k];
        for (int h = 0; h < steps; h++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int i = 0; i < k; i++) s += cur[i] * p[i][j];
                nxt[j] = s;
            }
            System.arraycopy(nxt, 0, cur, 0, k);
            System.arraycopy(cur, 0, probs[h], 0, k);
            double m1 = 0, m2 = 0;
            for (int i = 0; i < k; i++) {
                double mi = trend ? params[l.coef[0][i]] : 0;
                for (int c = 0; c < e; c++) mi += params[l.coef[c + (trend ? 1 : 0)][i]] * futureExog[h][c];
                m1 += cur[i] * mi;
                m2 += cur[i] * (params[l.var[i]] + mi * mi);
            }
            mean[h] = m1;
            var[h] = m2 - m1 * m1;
        }
        return new MsrForecast(probs, mean, var);
    }

    MsrInference inferenceUnchecked(double[] params) {
        HamiltonFilter f = filter();
        double llf = f.run(params, true);
        f.smooth();
        return new MsrInference(llf, f.probabilities(f.filtered), f.probabilities(f.predicted), f.probabilities(f.smoothed));
    }

    HamiltonFilter filter() {
        return new HamiltonFilter(layout, y, x, known);
    }

    MsrLayout layout() {
        return layout;
    }

    boolean trend() {
        return trend;
    }

    int exogColumns() {
        return exogColumns;
    }

    /**
     * Checks a parameter vector: length p, finite, transition probabilities in [0, 1] with each row's free
     * entries summing to at most 1, variances > 0.
     */
    private void checkParams(double[] params) {
        Checks.notNull(params, "params");
        Checks.length(params, "params", layout.count, "the parameter count");
        Checks.allFinite(params, "params");
        for (int i = 0; i < layout.k; i++) {
            double sum = 0;
            for (int j = 0; j < layout.k - 1; j++) {
                int idx = layout.transition(i, j);
                if (!(params[idx] >= 0 && params[idx] <= 1)) Checks.inClosed(params[idx], label(idx), 0, 1);
                sum += params[idx];
            }
            if (sum > 1 + 1e-12) throw Checks.invalid("the transition probabilities out of regime " + i, sum, "sum to at most 1");
        }
        for (int i = 0; i < layout.k; i++) {
            int idx = layout.var[i];
            if (!(params[idx] > 0)) throw Checks.invalid(label(idx), params[idx], "be > 0");
        }
    }

    /** "params[4] (sigma2[0])", built only for a message. */
    private String label(int idx) {
        return "params[" + idx + "] (" + parameterNames().get(idx) + ")";
    }
}
