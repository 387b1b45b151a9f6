package dev.sxn.math.regime;

import dev.sxn.math.internal.Checks;

/**
 * Baum-Welch (EM) fits of hidden Markov models, from given parameters or from a seeded initialisation with
 * restarts, keeping the run of highest log-likelihood.
 *
 * <p>One iteration: the E-step runs the scaled forward filter and the log-space backward pass
 * ({@link HiddenMarkovModel}) for the state posteriors {@code gamma_t(k)} and the expected transition counts
 * {@code xi(i, j)}; the M-step sets {@code pi} to the mean of the sequences' first posteriors, each row of
 * {@code A} to its normalised counts, floored at {@link Options#transitionFloor()} and renormalised (a row
 * without counts keeps its values), and the emissions to their weighted estimates: Gaussian means and
 * covariances with {@code floor_j = varianceFloor * var(x_j)} (population variance of component j) added to
 * the diagonal, so no state collapses onto a point (hmmlearn's {@code min_covar}, relative); tied pools the
 * states' scatter; spherical averages the diagonal; Student-t by the ECM step at fixed nu; categorical by
 * normalised counts. A state with no posterior weight keeps its parameters, so nothing becomes NaN. EM stops
 * when the log-likelihood gains less than {@link Options#tolerance()} (after that iteration's M-step) or after
 * {@link Options#maxIterations()}. The fitted states come back in canonical order
 * ({@link HiddenMarkovModel#canonical()}).
 *
 * <p>Cost per iteration O(n (K^2 + K e)) time and O(n K) memory.
 */
public final class BaumWelch {
    private BaumWelch() {}

    /**
     * Options of a fit.
     *
     * @param tolerance stop when an iteration gains less log-likelihood than this (>= 0)
     * @param maxIterations the iteration cap (>= 1)
     * @param restarts the number of seeded runs of {@link #fitGaussian} (>= 1; a fit from given parameters runs once)
     * @param seed the seed of the initialisations (Philox4x64 stream {@code (seed, restart)})
     * @param varianceFloor added to covariance diagonals, relative to each component's variance (>= 0)
     * @param transitionFloor the least transition probability after the M-step, in [0, 1/K)
     */
    public record Options(double tolerance, int maxIterations, int restarts, long seed, double varianceFloor,
                          double transitionFloor) {
        /** Tolerance 1e-8, 1000 iterations, 5 restarts, seed 0, variance floor 1e-6, transition floor 1e-10. */
        public static Options defaults() {
            return new Options(1e-8, 1000, 5, 0, 1e-6, 1e-10);
        }

        /** These options with another tolerance and iteration cap. */
        public Options withStop(double tolerance, int maxIterations) {
            return new Options(tolerance, maxIterations, restarts, seed, varianceFloor, transitionFloor);
        }

        /** These options with another number of restarts and seed. */
        public Options withRestarts(int restarts, long seed) {
            return new Options(tolerance, maxIterations, restarts, seed, varianceFloor, transitionFloor);
        }

        /** These options with other floors. */
        public Options withFloors(double varianceFloor, double transitionFloor) {
            return new Options(tolerance, maxIterations, restarts, seed, varianceFloor, transitionFloor);
        }
    }

    /** Fits from {@code start} on one sequence. */
    public static HmmFit fit(HiddenMarkovModel start, double[] x, Options options) {
        Checks.notNull(start, "start");
        return fit(start, x, new int[] {start.observations(x)}, options);
    }

    /** Fits from {@code start} on several sequences ({@code lengths} split {@code x} in order). */
    public static HmmFit fit(HiddenMarkovModel start, double[] x, int[] lengths, Options options) {
        Checks.notNull(start, "start");
        int n = start.observations(x);
        checkOptions(options, start.states());
        start.logLikelihood(x, lengths);   // checks lengths
        double[] floors = floors(x, start.dimension(), options.varianceFloor());
        return run(start, x, n, lengths, floors, options, 0);
    }

    /**
     * Fits a K-state Gaussian model from seeded initialisations: each of {@code options.restarts()} runs starts
     * from K distinct observations drawn as means, the data's covariance (of the given type) in every state,
     * 0.9 on the transition diagonal and a uniform pi; the run of highest log-likelihood wins.
     */
    public static HmmFit fitGaussian(double[] x, int[] lengths, int states, int dimension, CovarianceType type, Options options) {
        Checks.notNull(x, "x");
        Checks.notNull(type, "type");
        Checks.atLeast(states, "states", 1);
        Checks.atLeast(dimension, "dimension", 1);
        if (x.length % dimension != 0 || x.length == 0) throw Checks.invalid("x.length", x.length, "be a positive multiple of " + dimension + " (the dimension)");
        int n = x.length / dimension;
        Checks.inRange(states, "states", 1, n, "at most the number of observations");
        checkOptions(options, states);
        double[] floors = floors(x, dimension, options.varianceFloor());
        HmmFit best = null;
        for (int r = 0; r < options.restarts(); r++) {
            HiddenMarkovModel start = seeded(x, n, dimension, states, type, new Draws(options.seed(), r));
            start.logLikelihood(x, lengths);   // checks lengths
            HmmFit f = run(start, x, n, lengths, floors, options, r);
            if (best == null || f.logLikelihood() > best.logLikelihood()) best = f;
        }
        return best;
    }

    private static HmmFit run(HiddenMarkovModel start, double[] x, int n, int[] lengths, double[] floors, Options o, int restart) {
        HiddenMarkovModel m = start;
        int k = m.states();
        double[] filtered = new double[n * k], logb = new double[n * k], gamma = new double[n * k];
        double[] xi = new double[k * k], lb = new double[k], next = new double[k], v = new double[k];
        double prev = Double.NEGATIVE_INFINITY;
        int it = 0;
        boolean converged = false;
        while (it < o.maxIterations()) {
            it++;
            java.util.Arrays.fill(xi, 0.0);
            double[] pi = new double[k];
            double ll = 0;
            int t0 = 0;
            for (int len : lengths) {
                ll += m.forwardStore(x, t0, len, filtered, logb);
                m.backward(t0, len, filtered, logb, gamma, xi, lb, next, v);
                for (int s = 0; s < k; s++) pi[s] += gamma[t0 * k + s] / lengths.length;
                t0 += len;
            }
            double[] old = m.transitions().rowMajor();
            double[] a = new double[k * k];
            for (int i = 0; i < k; i++) {
                double sum = 0;
                for (int j = 0; j < k; j++) sum += xi[i * k + j];
                if (!(sum > 0)) {
                    System.arraycopy(old, i * k, a, i * k, k);
                    continue;
                }
                double s2 = 0;
                for (int j = 0; j < k; j++) {
                    a[i * k + j] = Math.max(xi[i * k + j] / sum, o.transitionFloor());
                    s2 += a[i * k + j];
                }
                for (int j = 0; j < k; j++) a[i * k + j] /= s2;
            }
            Emissions e = m.emissions().reestimate(x, n, gamma, floors);
            m = HiddenMarkovModel.trusted(pi, TransitionMatrix.trusted(k, a), e);
            if (ll - prev < o.tolerance()) {
                converged = true;
                break;
            }
            prev = ll;
        }
        m = m.canonical();
        double ll = m.logLikelihood(x, lengths);
        return new HmmFit(m, ll, it, converged, restart, m.aic(ll), m.bic(ll, n));
    }

    private static HiddenMarkovModel seeded(double[] x, int n, int d, int k, CovarianceType type, Draws draws) {
        double[] mean = new double[d];
        double[] cov = new double[d * d];
        int count = moments(x, d, mean, cov);
        if (count == 0) throw Checks.invalid("x", "all missing", "hold at least one observation without NaN");
        double[][] means = new double[k][];
        int[] picked = new int[k];
        for (int s = 0; s < k; s++) {
            int t;
            int guard = 0;
            do {
                t = (int) Math.min(n - 1, (long) (draws.uniform() * n));
            } while ((HiddenMarkovModel.missing(x, t * d, d) || contains(picked, s, t)) && ++guard < 64 * n);
            picked[s] = t;
            means[s] = java.util.Arrays.copyOfRange(x, t * d, t * d + d);
        }
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) c[i][j] = cov[i * d + j];
        for (int i = 0; i < d; i++) if (!(c[i][i] > 0)) c[i][i] = 1;
        GaussianEmissions e = switch (type) {
            case FULL -> {
                double[][][] all = new double[k][][];
                for (int s = 0; s < k; s++) all[s] = c;
                yield GaussianEmissions.full(means, all);
            }
            case TIED -> GaussianEmissions.tied(means, c);
            case DIAGONAL -> {
                double[][] var = new double[k][d];
                for (int s = 0; s < k; s++) for (int i = 0; i < d; i++) var[s][i] = c[i][i];
                yield GaussianEmissions.diagonal(means, var);
            }
            case SPHERICAL -> {
                double tr = 0;
                for (int i = 0; i < d; i++) tr += c[i][i];
                double[] var = new double[k];
                java.util.Arrays.fill(var, tr / d);
                yield GaussianEmissions.spherical(means, var);
            }
        };
        double[][] a = new double[k][k];
        for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) a[i][j] = k == 1 ? 1 : i == j ? 0.9 : 0.1 / (k - 1);
        double[] pi = new double[k];
        java.util.Arrays.fill(pi, 1.0 / k);
        return HiddenMarkovModel.of(pi, TransitionMatrix.of(a), e);
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) if (a[i] == v) return true;
        return false;
    }

    /** Mean and population covariance of the observations without NaN; returns their number. */
    private static int moments(double[] x, int d, double[] mean, double[] cov) {
        int n = x.length / d, count = 0;
        for (int t = 0; t < n; t++) {
            if (HiddenMarkovModel.missing(x, t * d, d)) continue;
            count++;
            for (int i = 0; i < d; i++) mean[i] += x[t * d + i];
        }
        if (count == 0) return 0;
        for (int i = 0; i < d; i++) mean[i] /= count;
        for (int t = 0; t < n; t++) {
            if (HiddenMarkovModel.missing(x, t * d, d)) continue;
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) cov[i * d + j] += (x[t * d + i] - mean[i]) * (x[t * d + j] - mean[j]);
        }
        for (int e = 0; e < d * d; e++) cov[e] /= count;
        return count;
    }

    private static double[] floors(double[] x, int d, double relative) {
        double[] mean = new double[d], cov = new double[d * d];
        moments(x, d, mean, cov);
        double[] f = new double[d];
        for (int i = 0; i < d; i++) f[i] = relative * cov[i * d + i];
        return f;
    }

    private static void checkOptions(Options o, int k) {
        Checks.notNull(o, "options");
        if (!(o.tolerance() >= 0 && o.tolerance() < Double.POSITIVE_INFINITY)) throw Checks.invalid("tolerance", o.tolerance(), "be >= 0 and finite");
        Checks.atLeast(o.maxIterations(), "maxIterations", 1);
        Checks.atLeast(o.restarts(), "restarts", 1);
        if (!(o.varianceFloor() >= 0 && o.varianceFloor() < Double.POSITIVE_INFINITY)) throw Checks.invalid("varianceFloor", o.varianceFloor(), "be >= 0 and finite");
        if (!(o.transitionFloor() >= 0 && o.transitionFloor() * k < 1)) throw Checks.invalid("transitionFloor", o.transitionFloor(), "be in [0, 1/" + k + ") (1 / the number of states)");
    }
}
