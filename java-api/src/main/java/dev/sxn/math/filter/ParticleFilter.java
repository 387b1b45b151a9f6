package dev.sxn.math.filter;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * A bootstrap (sampling importance resampling) particle filter for nonlinear, non-Gaussian
 * state-space models given as user functions.
 *
 * <p>Each {@link #step(double[])}: every particle is moved by the {@link Transition} (a draw from
 * p(x_t | x_{t-1})), its log-weight gains the {@link LogLikelihood} log p(z_t | x_t), the log-weights
 * are normalised by log-sum-exp (no underflow however small the likelihoods), and when the effective
 * sample size ESS = 1 / sum w_i^2 falls below {@code essThreshold * count} the particles are
 * resampled systematically (one uniform draw u, particle copies at (u + k) / count of the weight CDF:
 * lower variance than multinomial, O(count)) and the weights reset to 1 / count. A NaN observation
 * (any component) is missing: predict only. The log marginal likelihood increment
 * log p(z_t | z_1..t-1) ~ log sum_i w_i p(z_t | x_t^i) is accumulated in {@link #logLikelihood()}.
 *
 * <p>Randomness: one {@link SplittableRandom} seeded at construction drives the initial draws, the
 * transitions and the resampling, so a run is reproducible from its seed (given deterministic user
 * functions): bit for bit on JAVA; on VECTOR up to the last ulp of the lanewise exponential, which
 * HotSpot computes with different routines before and after C2 compiles the kernel (the weights
 * then agree to ~1e-16 relative, and a resampling decision could differ only when the ESS sits that
 * close to its threshold). Cost O(count * (cost of the user functions + dim)) per step. Not
 * thread-safe.
 *
 * <p>Backends (kernel family {@code filter.ParticleFilter}, chosen per call from the particle count, or
 * pinned by the constructor): the user callbacks run on the JVM; the filter's own passes over the
 * log-weights (the log-sum-exp of the normalisation and the ESS, one exponential per particle each)
 * have a JAVA and a VECTOR kernel (lanewise EXP). They add in different orders, so the weights agree to
 * ~1e-13 relative and a resampling decision could differ only when the ESS sits within that of the
 * threshold. Both kernels only read the log-weights (the filter subtracts the log-sum-exp itself), so
 * when an unpinned VECTOR kernel fails the JAVA retry of {@code KernelSet} sees the same weights. An update
 * computes the new weights into scratch and commits them after its last kernel call, so one that throws (a
 * pinned kernel's failure, or the likelihood's) leaves the filter as it was.
 */
public final class ParticleFilter {
    private static final ParticleKernels JAVA = new JavaParticleKernels();

    // Crossover (particles) and its evidence: crossovers.properties (filter.ParticleFilter).
    private static final KernelSet<ParticleKernels> KERNELS = KernelSet.of(KernelFamilies.PARTICLE, ParticleKernels.class, JAVA);

    /** Draws the initial state of one particle into {@code x} (length dim). */
    @FunctionalInterface
    public interface Initializer {
        /** Writes a draw from p(x_0) into x. */
        void sample(double[] x, RandomGenerator rng);
    }

    /** Moves one particle: replaces {@code x} (length dim) by a draw from p(x_t | x_{t-1} = x). */
    @FunctionalInterface
    public interface Transition {
        /** Propagates x in place. */
        void propagate(double[] x, RandomGenerator rng);
    }

    /** The log-density log p(z | x) of an observation given a particle's state (may be -infinity). */
    @FunctionalInterface
    public interface LogLikelihood {
        /** log p(z | x). */
        double logDensity(double[] x, double[] z);
    }

    private final int count;
    private final int dim;
    private final Transition transition;
    private final LogLikelihood likelihood;
    private final double essThreshold;
    private final SplittableRandom rng;
    private double[][] particles;
    private double[][] spare;
    private double[] logW;
    // Scratch: the weight CDF of a resampling, and the new log-weights of an update until it commits (swapped with logW).
    private double[] cdf;
    private final int[] picked;
    private double logLik;
    private int resamplings;
    private long steps;
    private final KernelSet<ParticleKernels> set;
    private final Backend pinned;
    // The log-weights the kernels read and their largest entry: fields, so lseOp and essOp are built once (a step
    // allocates nothing).
    private double[] kernelW;
    private double maxLogW;
    private final ToDoubleFunction<ParticleKernels> lseOp = this::logSumExpOn;
    private final ToDoubleFunction<ParticleKernels> essOp = this::essOn;

    /**
     * count particles of dimension dim drawn from {@code init}, with equal weights.
     *
     * @param essThreshold resample when {@code ESS < essThreshold * count}; in [0, 1] (0: never, 1: every step)
     * @param seed the seed of the filter's random stream
     */
    public ParticleFilter(int count, int dim, Initializer init, Transition transition, LogLikelihood likelihood, double essThreshold,
            long seed) {
        this(count, dim, init, transition, likelihood, essThreshold, seed, null);
    }

    /**
     * As {@link #ParticleFilter(int, int, Initializer, Transition, LogLikelihood, double, long)}, with
     * the weight kernels pinned to {@code backend} (null: chosen per call; JAVA or VECTOR; an
     * unavailable or unsupported kind throws here).
     */
    public ParticleFilter(int count, int dim, Initializer init, Transition transition, LogLikelihood likelihood, double essThreshold,
            long seed, Backend backend) {
        this(count, dim, init, transition, likelihood, essThreshold, seed, backend, KERNELS);
    }

    /** The constructor on a given kernel set: {@link #KERNELS}, or a test's set with a kernel that fails. */
    ParticleFilter(int count, int dim, Initializer init, Transition transition, LogLikelihood likelihood, double essThreshold, long seed,
            Backend backend, KernelSet<ParticleKernels> set) {
        if (backend != null) set.kernel(backend);
        this.set = set;
        this.pinned = backend;
        Checks.atLeast(count, "count", 1);
        Checks.atLeast(dim, "dim", 1);
        Checks.inClosed(essThreshold, "essThreshold", 0, 1);
        Checks.notNull(init, "init");
        this.transition = Checks.notNull(transition, "transition");
        this.likelihood = Checks.notNull(likelihood, "likelihood");
        this.count = count;
        this.dim = dim;
        this.essThreshold = essThreshold;
        this.rng = new SplittableRandom(seed);
        this.particles = new double[count][dim];
        this.spare = new double[count][dim];
        this.logW = new double[count];
        this.cdf = new double[count];
        this.picked = new int[count];
        double lw = -Math.log(count);
        for (int i = 0; i < count; i++) {
            init.sample(particles[i], rng);
            checkFinite(particles[i], "init", i);
            logW[i] = lw;
        }
    }

    /** The fork of {@code o} ({@link #copy()}). */
    private ParticleFilter(ParticleFilter o) {
        this.set = o.set;
        this.pinned = o.pinned;
        this.count = o.count;
        this.dim = o.dim;
        this.transition = o.transition;
        this.likelihood = o.likelihood;
        this.essThreshold = o.essThreshold;
        this.rng = o.rng.split();
        this.particles = new double[count][];
        for (int i = 0; i < count; i++) particles[i] = o.particles[i].clone();
        this.spare = new double[count][dim];
        this.logW = o.logW.clone();
        this.cdf = new double[count];
        this.picked = new int[count];
        this.logLik = o.logLik;
        this.resamplings = o.resamplings;
        this.steps = o.steps;
    }

    /**
     * An independent filter in this one's state (particles, weights, log-likelihood, counters; the same user
     * functions, which must then be safe to share): the streaming verb {@code copy()}. The copy draws from a
     * stream split off this filter's ({@link SplittableRandom#split()}: a SplittableRandom cannot be duplicated),
     * so the two forks' draws are independent, and the split takes one draw from this filter's stream. O(count
     * dim).
     */
    public ParticleFilter copy() {
        return new ParticleFilter(this);
    }

    /**
     * The log-likelihood increment {@link #update(double[])} with {@code z} would return, committing nothing (the
     * streaming verb {@code peek}): the weights, the particles and the random stream are left as they are (an
     * update's resampling, which draws, is not run). 0 if z is missing.
     *
     * @throws ArithmeticException as {@link #update(double[])}
     */
    public double peek(double[] z) {
        Checks.notNull(z, "z");
        return missing(z) ? 0.0 : increment(z);
    }

    /** Whether z has a missing (NaN) component: then an update only predicts. */
    private static boolean missing(double[] z) {
        for (double v : z) if (Double.isNaN(v)) return true;
        return false;
    }

    /**
     * The new log-weights into scratch ({@code cdf}) and their log-sum-exp, the log-likelihood increment (logW was
     * normalised before, so log sum_i w_i p(z | x_i) is it); commits nothing.
     */
    private double increment(double[] z) {
        double[] w = cdf;
        maxLogW = weigh(z, w);
        kernelW = w;
        return set.callDouble(pinned, count, lseOp);
    }

    private void checkFinite(double[] x, String who, int i) {
        if (x.length != dim) throw new IllegalStateException(who + " changed the length of particle " + i + " to " + x.length);
        for (double v : x) {
            if (!Double.isFinite(v)) throw new ArithmeticException(who + " produced a non-finite state for particle " + i + " at step " + steps);
        }
    }

    /** The kernel of {@code kind} (tests). */
    static ParticleKernels kernelFor(Backend kind) {
        return KERNELS.kernel(kind);
    }

    /** Moves every particle by the transition. */
    public void predict() {
        for (int i = 0; i < count; i++) {
            transition.propagate(particles[i], rng);
            checkFinite(particles[i], "transition", i);
        }
        steps++;
    }

    /**
     * Weights the particles by the observation z and resamples if the ESS fell below the threshold.
     *
     * @return the log marginal likelihood increment log p(z | past observations), 0 if z is missing
     * @throws ArithmeticException if every particle has zero likelihood (the filter has lost track); the weights
     *     are then as they were before the call
     */
    public double update(double[] z) {
        Checks.notNull(z, "z");
        if (missing(z)) return 0.0;
        // The new log-weights go into scratch and replace logW only once the kernels are done, so a failure (a pinned
        // kernel's, or the data's) leaves the filter as it was.
        double lse = increment(z);
        double[] w = cdf;
        for (int i = 0; i < count; i++) w[i] -= lse;
        double ess = set.callDouble(pinned, count, essOp);
        // Commit: every kernel call succeeded.
        cdf = logW;
        logW = w;
        logLik += lse;
        if (ess < essThreshold * count) resample();
        return lse;
    }

    /**
     * The new log-weights {@code logW + log p(z | x)} into {@code w} (scratch: nothing is committed); returns their
     * maximum.
     */
    private double weigh(double[] z, double[] w) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double l = likelihood.logDensity(particles[i], z);
            if (Double.isNaN(l) || l == Double.POSITIVE_INFINITY) {
                throw new ArithmeticException("likelihood returned " + l + " for particle " + i + " at step " + steps);
            }
            w[i] = logW[i] + l;
            max = Math.max(max, w[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new ArithmeticException("every particle has zero likelihood at step " + steps + ": the filter lost track");
        }
        return max;
    }

    /** {@link #predict()} then {@link #update(double[])}; returns the log-likelihood increment. */
    public double step(double[] z) {
        predict();
        return update(z);
    }

    /** The effective sample size 1 / sum w_i^2 of the normalised weights, in [1, count]. */
    public double ess() {
        kernelW = logW;
        return set.callDouble(pinned, count, essOp);
    }

    private double logSumExpOn(ParticleKernels k) {
        return k.logSumExp(kernelW, count, maxLogW);
    }

    private double essOn(ParticleKernels k) {
        return k.ess(kernelW, count);
    }

    private void resample() {
        double acc = 0;
        for (int i = 0; i < count; i++) {
            acc += Math.exp(logW[i]);
            cdf[i] = acc;
        }
        systematic(cdf, count, rng.nextDouble(), picked);
        for (int k = 0; k < count; k++) System.arraycopy(particles[picked[k]], 0, spare[k], 0, dim);
        double[][] t = particles;
        particles = spare;
        spare = t;
        java.util.Arrays.fill(logW, -Math.log(count));
        resamplings++;
    }

    /**
     * Systematic resampling: the indices selected by the points (u + k) / n, k = 0..n-1, on the weight
     * CDF {@code cdf[0..m)} (non-decreasing, last entry the total weight, normalised here).
     */
    static int[] systematic(double[] cdf, int n, double u) {
        int[] out = new int[n];
        systematic(cdf, n, u, out);
        return out;
    }

    /** {@link #systematic(double[], int, double)} into {@code out[0..n)}. */
    static void systematic(double[] cdf, int n, double u, int[] out) {
        int m = cdf.length;
        double total = cdf[m - 1];
        int i = 0;
        for (int k = 0; k < n; k++) {
            double point = (u + k) / n * total;
            while (i < m - 1 && cdf[i] <= point) i++;
            out[k] = i;
        }
    }

    /** The weighted mean of the particles. */
    public double[] mean() {
        double[] m = new double[dim];
        for (int i = 0; i < count; i++) {
            double w = Math.exp(logW[i]);
            for (int d = 0; d < dim; d++) m[d] += w * particles[i][d];
        }
        return m;
    }

    /** The weighted variance of each state component. */
    public double[] variance() {
        double[] m = mean();
        double[] v = new double[dim];
        for (int i = 0; i < count; i++) {
            double w = Math.exp(logW[i]);
            for (int d = 0; d < dim; d++) {
                double e = particles[i][d] - m[d];
                v[d] += w * e * e;
            }
        }
        return v;
    }

    /** A copy of the particles (count x dim). */
    public double[][] particles() {
        double[][] c = new double[count][];
        for (int i = 0; i < count; i++) c[i] = particles[i].clone();
        return c;
    }

    /** A copy of the normalised log-weights. */
    public double[] logWeights() {
        return logW.clone();
    }

    /** The accumulated log marginal likelihood estimate sum_t log p(z_t | z_1..t-1). */
    public double logLikelihood() {
        return logLik;
    }

    /** How many times the particles were resampled. */
    public int resamplings() {
        return resamplings;
    }

    /** The number of particles. */
    public int count() {
        return count;
    }
}
