package dev.sxn.math.regime;

import dev.sxn.math.internal.Checks;

import java.util.Arrays;

/**
 * A hidden Markov model: K hidden states, an initial distribution {@code pi}, a row-stochastic
 * {@link TransitionMatrix} {@code A} and {@link Emissions}. Observations are row-major {@code x[t * d + j]}
 * (n observations of d values); an observation with any NaN component is missing: the filter predicts and
 * does not update, and it adds nothing to the log-likelihood.
 *
 * <p><b>Convention:</b> {@code pi} is the distribution of the first hidden state, the one that emits the
 * first observation: {@code P(s_0 = k) = pi_k}. statsmodels' {@code MarkovRegression} with known initial
 * probabilities {@code p0} applies two transitions before its first observation, so its {@code p0}
 * corresponds to our {@code pi = p0 A^2}.
 *
 * <p><b>Numerics:</b> the forward filter is scaled (the carried vector is the normalised filtered
 * distribution; emission log densities are shifted by their maximum before exponentiation; see
 * {@code Forward}); the backward pass, Viterbi and Baum-Welch's pair posteriors are in log space. Nothing
 * multiplies raw probabilities over time, so no series is too long.
 *
 * <p>Multiple sequences: the {@code lengths} overloads split {@code x} into consecutive sequences, each
 * starting afresh from {@code pi}; log-likelihoods add. Immutable and thread-safe. Costs per observation:
 * filter and log-likelihood O(K^2 + K e) with e the cost of one emission density (O(d^2) Gaussian full),
 * smoother and Viterbi O(K^2 + K e).
 */
public final class HiddenMarkovModel {
    private final double[] pi;
    private final TransitionMatrix a;
    private final double[] logA;
    private final Emissions emissions;

    private HiddenMarkovModel(double[] pi, TransitionMatrix a, Emissions emissions) {
        this.pi = pi;
        this.a = a;
        this.emissions = emissions;
        int k = pi.length;
        this.logA = new double[k * k];
        double[] r = a.rowMajor();
        for (int e = 0; e < k * k; e++) logA[e] = Math.log(r[e]);
    }

    /**
     * The model {@code (pi, a, emissions)}.
     *
     * @param initial the distribution of the first hidden state (length K, entries in [0, 1], summing to 1 within 1e-9)
     * @throws IllegalArgumentException if the sizes disagree or {@code initial} is not a distribution
     */
    public static HiddenMarkovModel of(double[] initial, TransitionMatrix a, Emissions emissions) {
        Checks.notNull(initial, "initial");
        Checks.notNull(a, "a");
        Checks.notNull(emissions, "emissions");
        int k = a.states();
        Checks.length(initial, "initial", k, "the number of states of a");
        if (emissions.states() != k) throw Checks.invalid("emissions.states()", emissions.states(), "be " + k + " (the number of states of a)");
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double v = initial[i];
            if (!(v >= 0 && v <= 1)) throw Checks.invalid("initial[" + i + "]", v, "be a probability in [0, 1]");
            sum += v;
        }
        if (Math.abs(sum - 1) > TransitionMatrix.ROW_SUM_TOLERANCE) throw Checks.invalid("the sum of initial", sum, "be 1 within " + TransitionMatrix.ROW_SUM_TOLERANCE);
        double[] p = new double[k];
        for (int i = 0; i < k; i++) p[i] = initial[i] / sum;
        return new HiddenMarkovModel(p, a, emissions);
    }

    static HiddenMarkovModel trusted(double[] pi, TransitionMatrix a, Emissions e) {
        return new HiddenMarkovModel(pi, a, e);
    }

    /** The number of hidden states K. */
    public int states() {
        return pi.length;
    }

    /** The number of values per observation d. */
    public int dimension() {
        return emissions.dimension();
    }

    /** A copy of the initial distribution pi (of the first hidden state). */
    public double[] initial() {
        return pi.clone();
    }

    double[] initialArray() {
        return pi;
    }

    double[] logTransitions() {
        return logA;
    }

    /** The transition matrix. */
    public TransitionMatrix transitions() {
        return a;
    }

    /** The emission distributions. */
    public Emissions emissions() {
        return emissions;
    }

    /** The number of free parameters: {@code (K - 1) + K (K - 1)} for pi and A plus the emissions'. */
    public int freeParameters() {
        int k = states();
        return (k - 1) + k * (k - 1) + emissions.freeParameters();
    }

    /** Akaike's criterion {@code 2 p - 2 logLikelihood} with p = {@link #freeParameters()}. */
    public double aic(double logLikelihood) {
        return 2.0 * freeParameters() - 2 * logLikelihood;
    }

    /** Schwarz's criterion {@code p ln(n) - 2 logLikelihood}, n the number of observations (time steps). */
    public double bic(double logLikelihood, long observations) {
        Checks.atLeast(observations, "observations", 1);
        return freeParameters() * Math.log(observations) - 2 * logLikelihood;
    }

    // ---- inference

    /** {@code log p(x_1 .. x_n)} of one sequence. O(n (K^2 + K e)); allocates O(K + d). */
    public double logLikelihood(double[] x) {
        int n = observations(x);
        return logLikelihood(x, 0, n);
    }

    /** The log-likelihood of several sequences (their sum); {@code lengths} splits {@code x} in order. */
    public double logLikelihood(double[] x, int[] lengths) {
        observations(x);
        checkLengths(x, lengths);
        double ll = 0;
        int t0 = 0;
        for (int len : lengths) {
            ll += logLikelihood(x, t0, len);
            t0 += len;
        }
        return ll;
    }

    private double logLikelihood(double[] x, int t0, int n) {
        int k = states(), d = dimension();
        double[] p = new double[k], pred = new double[k], logb = new double[k], work = new double[d];
        double ll = 0;
        for (int t = 0; t < n; t++) ll += Forward.step(this, p, t == 0, x, (t0 + t) * d, pred, logb, work, p);
        return ll;
    }

    /**
     * Filtered probabilities {@code P(s_t = k | x_1 .. x_t)}: causal, what a trader may use at time t.
     * Returns them row-major (n x K) with the log-likelihood. Equal bit for bit to feeding the observations one
     * by one to {@link #filter()}.
     */
    public HmmFiltered filter(double[] x) {
        int n = observations(x);
        return filter(x, new int[] {n});
    }

    /** Filtered probabilities of several sequences (each restarts from pi), concatenated. */
    public HmmFiltered filter(double[] x, int[] lengths) {
        int n = observations(x);
        checkLengths(x, lengths);
        int k = states(), d = dimension();
        double[] out = new double[n * k];
        double[] p = new double[k], pred = new double[k], logb = new double[k], work = new double[d];
        double ll = 0;
        int t0 = 0;
        for (int len : lengths) {
            for (int t = 0; t < len; t++) {
                ll += Forward.step(this, p, t == 0, x, (t0 + t) * d, pred, logb, work, p);
                System.arraycopy(p, 0, out, (t0 + t) * k, k);
            }
            t0 += len;
        }
        return new HmmFiltered(k, out, ll);
    }

    /** A fresh streaming filter of this model (before its first observation). */
    public HmmFilter filter() {
        return new HmmFilter(this);
    }

    /**
     * Smoothed probabilities {@code P(s_t = k | x_1 .. x_n)} (forward-backward; the backward pass in log space,
     * normalised every step). They look ahead: for analysis, never for a decision at time t.
     */
    public HmmSmoothed smooth(double[] x) {
        return smooth(x, new int[] {observations(x)});
    }

    /** Smoothed probabilities of several sequences, concatenated. */
    public HmmSmoothed smooth(double[] x, int[] lengths) {
        int n = observations(x);
        checkLengths(x, lengths);
        int k = states();
        double[] filtered = new double[n * k];
        double[] logb = new double[n * k];
        double[] out = new double[n * k];
        double ll = 0;
        int t0 = 0;
        double[] lb = new double[k], next = new double[k], v = new double[k];
        for (int len : lengths) {
            ll += forwardStore(x, t0, len, filtered, logb);
            backward(t0, len, filtered, logb, out, null, lb, next, v);
            t0 += len;
        }
        return new HmmSmoothed(k, out, ll);
    }

    /** Forward pass over one sequence storing filtered probabilities and emission log densities (0 when missing). */
    double forwardStore(double[] x, int t0, int n, double[] filtered, double[] logb) {
        int k = states(), d = dimension();
        double[] p = new double[k], pred = new double[k], work = new double[d], lb = new double[k];
        double ll = 0;
        for (int t = 0; t < n; t++) {
            int off = (t0 + t) * d;
            ll += Forward.step(this, p, t == 0, x, off, pred, lb, work, p);
            System.arraycopy(p, 0, filtered, (t0 + t) * k, k);
            if (missing(x, off, d)) Arrays.fill(logb, (t0 + t) * k, (t0 + t + 1) * k, 0.0);
            else System.arraycopy(lb, 0, logb, (t0 + t) * k, k);
        }
        return ll;
    }

    /**
     * Log-space backward pass over one sequence: writes the smoothed probabilities into {@code gamma} and, when
     * {@code xi} is non-null, adds the expected transition counts {@code sum_t P(s_t = i, s_{t+1} = j | x)} into
     * {@code xi[i * K + j]}.
     */
    void backward(int t0, int n, double[] filtered, double[] logb, double[] gamma, double[] xi,
                  double[] lb, double[] next, double[] v) {
        int k = states();
        Arrays.fill(lb, 0.0);
        int last = (t0 + n - 1) * k;
        System.arraycopy(filtered, last, gamma, last, k);
        for (int t = n - 2; t >= 0; t--) {
            int row = (t0 + t) * k, nextRow = row + k;
            for (int j = 0; j < k; j++) v[j] = logb[nextRow + j] + lb[j];
            if (xi != null) {
                // P(s_t = i, s_{t+1} = j | x) ∝ f_t(i) A_ij b_j(x_{t+1}) beta_{t+1}(j), normalised over (i, j).
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < k; i++) {
                    double lf = Math.log(filtered[row + i]);
                    for (int j = 0; j < k; j++) max = Math.max(max, lf + logA[i * k + j] + v[j]);
                }
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    double lf = Math.log(filtered[row + i]);
                    for (int j = 0; j < k; j++) sum += Math.exp(lf + logA[i * k + j] + v[j] - max);
                }
                double lse = max + Math.log(sum);
                for (int i = 0; i < k; i++) {
                    double lf = Math.log(filtered[row + i]);
                    for (int j = 0; j < k; j++) xi[i * k + j] += Math.exp(lf + logA[i * k + j] + v[j] - lse);
                }
            }
            double top = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                double m = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) m = Math.max(m, logA[i * k + j] + v[j]);
                double s = 0;
                for (int j = 0; j < k; j++) s += Math.exp(logA[i * k + j] + v[j] - m);
                next[i] = m + Math.log(s);
                top = Math.max(top, next[i]);
            }
            for (int i = 0; i < k; i++) lb[i] = next[i] - top;
            double s = 0;
            for (int i = 0; i < k; i++) {
                double g = filtered[row + i] * Math.exp(lb[i]);
                gamma[row + i] = g;
                s += g;
            }
            for (int i = 0; i < k; i++) gamma[row + i] /= s;
        }
    }

    /**
     * The most likely state path (Viterbi, log space) and {@code log p(path, x)}, its joint log probability
     * with the observations. Ties go to the lower state index. O(n (K^2 + K e)).
     */
    public ViterbiPath viterbi(double[] x) {
        return viterbi(x, new int[] {observations(x)});
    }

    /** Viterbi paths of several sequences, concatenated; the log probabilities add. */
    public ViterbiPath viterbi(double[] x, int[] lengths) {
        int n = observations(x);
        checkLengths(x, lengths);
        int k = states(), d = dimension();
        int[] path = new int[n];
        int[] back = new int[n * k];
        double[] delta = new double[k], next = new double[k], logb = new double[k], work = new double[d];
        double total = 0;
        int t0 = 0;
        for (int len : lengths) {
            for (int t = 0; t < len; t++) {
                int off = (t0 + t) * d;
                if (missing(x, off, d)) Arrays.fill(logb, 0.0);
                else emissions.logDensities(x, off, logb, work);
                if (t == 0) {
                    for (int j = 0; j < k; j++) delta[j] = Math.log(pi[j]) + logb[j];
                    continue;
                }
                for (int j = 0; j < k; j++) {
                    double best = Double.NEGATIVE_INFINITY;
                    int arg = 0;
                    for (int i = 0; i < k; i++) {
                        double c = delta[i] + logA[i * k + j];
                        if (c > best) {
                            best = c;
                            arg = i;
                        }
                    }
                    next[j] = best + logb[j];
                    back[(t0 + t) * k + j] = arg;
                }
                System.arraycopy(next, 0, delta, 0, k);
            }
            int s = 0;
            for (int j = 1; j < k; j++) if (delta[j] > delta[s]) s = j;
            total += delta[s];
            for (int t = len - 1; t >= 0; t--) {
                path[t0 + t] = s;
                if (t > 0) s = back[(t0 + t) * k + s];
            }
            t0 += len;
        }
        return new ViterbiPath(path, total);
    }

    // ---- forecasts

    /**
     * h-step forecasts after observing {@code x} (one sequence): for i = 1 .. horizon the state distribution
     * {@code P(s_{n-1+i} | x) = f_{n-1} A^i} and the observation's mean and covariance under it (the mixture's
     * moments). Out of sample: uses only the filtered distribution at the last observation.
     */
    public HmmForecast forecast(double[] x, int horizon) {
        int n = observations(x);
        Checks.atLeast(n, "the number of observations", 1, "a forecast starts from the last filtered distribution");
        HmmFilter f = filter();
        int d = dimension();
        for (int t = 0; t < n; t++) f.update(x, t * d);
        return f.forecast(horizon);
    }

    /** Forecasts from the state distribution {@code p} (length K, a distribution); see {@link #forecast(double[], int)}. */
    HmmForecast forecastFrom(double[] p, int horizon) {
        Checks.atLeast(horizon, "horizon", 1);
        int k = states(), d = dimension();
        double[] states = new double[horizon * k];
        double[] means = new double[horizon * d];
        double[] covs = new double[horizon * d * d];
        double[] cur = p.clone(), nxt = new double[k], mean = new double[d], cov = new double[d * d];
        for (int h = 0; h < horizon; h++) {
            a.propagate(cur, nxt);
            System.arraycopy(nxt, 0, cur, 0, k);
            System.arraycopy(cur, 0, states, h * k, k);
            emissions.mixtureMoments(cur, mean, cov);
            System.arraycopy(mean, 0, means, h * d, d);
            System.arraycopy(cov, 0, covs, h * d * d, d * d);
        }
        return new HmmForecast(k, d, states, means, covs);
    }

    // ---- sampling and labels

    /**
     * n steps drawn from the model with Philox4x64 stream {@code (seed, 0)}: reproducible on any machine.
     * The state path starts from pi.
     */
    public HmmSample sample(int n, long seed) {
        Checks.atLeast(n, "n", 1);
        int k = states(), d = dimension();
        Draws draws = new Draws(seed, 0);
        int[] s = new int[n];
        double[] x = new double[n * d];
        double[] rows = a.rowMajor();
        int state = draws.index(pi, 0, k);
        for (int t = 0; t < n; t++) {
            if (t > 0) state = draws.index(rows, state * k, k);
            s[t] = state;
            emissions.sample(state, draws, x, t * d);
        }
        return new HmmSample(s, x);
    }

    /**
     * The same model with its states in canonical order: ascending by the mean of the first emission dimension
     * (Gaussian, Student-t) or by the expected symbol (categorical); ties keep the current order. Fitted models
     * come back in this order, so restarts and reruns label regimes alike.
     */
    public HiddenMarkovModel canonical() {
        return permuted(canonicalOrder());
    }

    int[] canonicalOrder() {
        int k = states();
        Integer[] idx = new Integer[k];
        for (int i = 0; i < k; i++) idx[i] = i;
        Arrays.sort(idx, (p, q) -> Double.compare(emissions.orderKey(p), emissions.orderKey(q)));
        int[] order = new int[k];
        for (int i = 0; i < k; i++) order[i] = idx[i];
        return order;
    }

    /** New state i is old state {@code order[i]}. */
    HiddenMarkovModel permuted(int[] order) {
        int k = states();
        double[] p = new double[k];
        double[] r = new double[k * k];
        double[] old = a.rowMajor();
        for (int i = 0; i < k; i++) {
            p[i] = pi[order[i]];
            for (int j = 0; j < k; j++) r[i * k + j] = old[order[i] * k + order[j]];
        }
        return new HiddenMarkovModel(p, TransitionMatrix.trusted(k, r), emissions.permuted(order));
    }

    // ---- checks

    /** The number of observations in {@code x}, checked: a whole number of rows of d values, acceptable to the emissions. */
    int observations(double[] x) {
        Checks.notNull(x, "x");
        int d = dimension();
        if (x.length % d != 0) throw Checks.invalid("x.length", x.length, "be a multiple of " + d + " (the observation dimension)");
        if (x.length == 0) throw Checks.invalid("x.length", 0, "be >= " + d + " (at least one observation)");
        emissions.checkObservations(x, "x");
        return x.length / d;
    }

    private void checkLengths(double[] x, int[] lengths) {
        Checks.notNull(lengths, "lengths");
        if (lengths.length == 0) throw Checks.invalid("lengths.length", 0, "be >= 1");
        long sum = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 1) throw Checks.invalid("lengths[" + i + "]", lengths[i], "be >= 1");
            sum += lengths[i];
        }
        long n = x.length / dimension();
        if (sum != n) throw Checks.invalid("the sum of lengths", sum, "be " + n + " (the number of observations in x)");
    }

    static boolean missing(double[] x, int off, int d) {
        for (int j = 0; j < d; j++) if (Double.isNaN(x[off + j])) return true;
        return false;
    }

    @Override
    public String toString() {
        return "HiddenMarkovModel[K=" + states() + ", d=" + dimension() + ", pi=" + Arrays.toString(pi) + ", " + a + ", " + emissions.getClass().getSimpleName() + "]";
    }
}
