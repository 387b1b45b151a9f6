package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gradient training of rule parameters (quantammsim's training loop in its simplest form): Adam ascent on a
 * differentiable metric ({@link AmmGradients}) over a training window, evaluated on the test window that follows;
 * walk-forward over consecutive windows, each window's training starting from the previous window's result.
 * Deterministic from the seed (the seed jitters the starting point by {@code N(0, jitter^2)} per trained component,
 * from a {@link SplittableRandom}). Adam: {@code m = b1 m + (1-b1) g}, {@code v = b2 v + (1-b2) g^2},
 * {@code x += lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + 1e-8)}. O(windows iterations rows n P).
 *
 * @param pool       the pool: no trading costs, or trading costs in the smoothed mode ({@link AmmConfig#withSmoothing}),
 *                   whose pass {@link AmmGradients} differentiates (the window metrics reported are that pass's too)
 * @param metric     the objective, maximised
 * @param trainable  which {@link RuleParams} components move
 * @param iterations Adam steps per window
 * @param learningRate Adam's step size
 * @param jitter     the standard deviation of the seeded start jitter (0: none)
 * @param seed       the seed
 */
public record AmmTrainer(TfmmPool pool, AmmMetric metric, boolean[] trainable, int iterations, double learningRate, double jitter, long seed) {

    /** Checks the settings. */
    public AmmTrainer {
        Checks.notNull(pool, "pool");
        Checks.notNull(metric, "metric");
        Checks.notNull(trainable, "trainable");
        if (trainable.length != RuleParams.SIZE) throw Checks.invalid("trainable.length", trainable.length, "be " + RuleParams.SIZE);
        if (!AmmGradients.differentiable(pool.config())) {
            throw Checks.invalid("pool.config()", "fees/gas/arbFees set, hard gates", "have no trading costs or be smoothed (withSmoothing) for training");
        }
        if (!AmmGradients.supports(metric)) throw Checks.invalid("metric", metric.key(), "be differentiable");
        Checks.atLeast(iterations, "iterations", 0);
        Checks.positive(learningRate, "learningRate");
        Checks.nonNegative(jitter, "jitter");
        trainable = trainable.clone();
    }

    /**
     * One window's result.
     *
     * @param trainStart  the training window's first minute
     * @param testStart   the test window's first minute
     * @param params      the trained parameters
     * @param trainMetric the objective on the training window after training
     * @param testMetric  the objective on the test window
     */
    public record Window(int trainStart, int testStart, RuleParams params, double trainMetric, double testMetric) {}

    /**
     * Trains on [start, start + trainLength) and tests on the next testLength minutes, then moves both windows on by
     * testLength, {@code windows} times.
     *
     * @throws IllegalArgumentException if a window does not fit the data, lengths are not multiples of the chunk
     *     period, or a window is too short for the metric
     */
    public List<Window> walkForward(MinutePrices prices, int start, int trainLength, int testLength, int windows, RuleParams initial) {
        Checks.notNull(prices, "prices");
        Checks.notNull(initial, "initial");
        Checks.atLeast(windows, "windows", 1);
        int cp = pool.config().chunkPeriod();
        if (trainLength % cp != 0) throw Checks.invalid("trainLength", trainLength, "be a multiple of chunkPeriod (" + cp + ")");
        if (testLength % cp != 0) throw Checks.invalid("testLength", testLength, "be a multiple of chunkPeriod (" + cp + ")");
        long end = (long) start + trainLength + (long) testLength * windows + 1;
        if (end > prices.steps()) throw Checks.invalid("windows", windows, "fit the data: start + trainLength + windows testLength + 1 <= " + prices.steps());
        pool.check(prices, start, trainLength + 1, initial);
        AmmMetrics.checkLength(metric, Math.min(trainLength, testLength));
        prices.checkPositive();
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[RuleParams.SIZE];
        initial.toArray(x, 0);
        for (int k = 0; k < RuleParams.SIZE; k++) if (trainable[k] && jitter > 0) x[k] += jitter * gaussian(rng);
        List<Window> out = new ArrayList<>();
        double[] g = new double[RuleParams.SIZE], m = new double[RuleParams.SIZE], v = new double[RuleParams.SIZE];
        // only the trained components carry tangents: the dual pass costs one tangent per component asked for
        int count = 0;
        for (boolean b : trainable) if (b) count++;
        int[] components = new int[count];
        for (int k = 0, j = 0; k < RuleParams.SIZE; k++) if (trainable[k]) components[j++] = k;
        for (int w = 0; w < windows; w++) {
            int trainStart = start + w * testLength, testStart = trainStart + trainLength;
            java.util.Arrays.fill(m, 0);
            java.util.Arrays.fill(v, 0);
            for (int it = 1; it <= iterations; it++) {
                if (count > 0) AmmGradients.unchecked(pool, prices.values(), trainStart, trainLength + 1, RuleParams.of(x, 0), metric, components, g);
                for (int j = 0; j < count; j++) {
                    int k = components[j];
                    if (!Double.isFinite(g[j])) continue;
                    m[k] = 0.9 * m[k] + 0.1 * g[j];
                    v[k] = 0.999 * v[k] + 0.001 * g[j] * g[j];
                    double mh = m[k] / (1 - Math.pow(0.9, it)), vh = v[k] / (1 - Math.pow(0.999, it));
                    x[k] += learningRate * mh / (Math.sqrt(vh) + 1e-8);
                }
            }
            RuleParams p = RuleParams.of(x, 0);
            double train = pool.metricUnchecked(prices.values(), trainStart, trainLength + 1, p, metric);
            double test = pool.metricUnchecked(prices.values(), testStart, testLength + 1, p, metric);
            out.add(new Window(trainStart, testStart, p, train, test));
        }
        return out;
    }

    private static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble(), u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Override
    public boolean[] trainable() {
        return trainable.clone();
    }
}
