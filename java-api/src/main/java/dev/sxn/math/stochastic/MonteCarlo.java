package dev.sxn.math.stochastic;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;

/**
 * Monte Carlo prices of options under {@link Gbm} (risk-neutral: the model's drift is the rate minus the
 * dividend yield), with standard errors. Paths {@code [0, paths)} of the stream are simulated in blocks of
 * {@value #BLOCK} on the {@code stochastic.paths} kernels (reductions only: no path is stored), each path's
 * payoff is formed from its reductions, and the discounted mean and its standard error are accumulated
 * block by block ({@link MonteCarloAccumulator}). Under {@link Antithetic#PAIRED} a sample is the mean
 * payoff of a mirrored pair (paths must then be even).
 *
 * <p>Payoffs: European on {@code S_T} (one exact step); Asian on the arithmetic average of the
 * {@code steps} fixings {@code S_{T/n} .. S_T}; barrier on {@code S_T} with the barrier watched at the
 * {@code steps} dates ({@link PayoffBarrier}). The estimate is reproducible: the same arguments give the
 * same bits on every backend (the kernels are bit-identical) and for every block size.
 *
 * <p>Cost O(paths x steps); O(1) allocation per call (a per-thread block buffer). {@code backend} non-null
 * pins the kernels' kind.
 */
public final class MonteCarlo {
    private MonteCarlo() {}

    /** Paths per kernel call. */
    static final int BLOCK = 8192;

    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(() -> new double[][] {new double[2 * BLOCK], new double[BLOCK]});

    /**
     * The European {@code payoff} at {@code strike} and {@code maturity}, discounted at {@code rate}.
     *
     * @throws IllegalArgumentException if strike, maturity or rate is not finite (strike, maturity {@code > 0}),
     *     paths {@code < 2} (or odd under PAIRED), or the paths exceed the generator's lanes
     */
    public static MonteCarloEstimate european(Gbm model, Payoff payoff, double strike, double rate, double maturity,
                                              RandomStream stream, long paths, Antithetic antithetic, Backend backend) {
        check(model, payoff, strike, rate, maturity, 1, stream, paths, antithetic);
        return simulate(model, payoff, strike, rate, maturity, 1, stream, paths, antithetic, KIND_EUROPEAN, null, 0, backend);
    }

    /**
     * The arithmetic-average Asian {@code payoff} at {@code strike}: the payoff of {@code (S_1 + ... + S_n) / n}
     * over {@code steps = n} equally spaced fixings up to {@code maturity}.
     *
     * @throws IllegalArgumentException as {@link #european}, or if steps {@code < 1}
     */
    public static MonteCarloEstimate asian(Gbm model, Payoff payoff, double strike, double rate, double maturity, int steps,
                                           RandomStream stream, long paths, Antithetic antithetic, Backend backend) {
        check(model, payoff, strike, rate, maturity, steps, stream, paths, antithetic);
        return simulate(model, payoff, strike, rate, maturity, steps, stream, paths, antithetic, KIND_ASIAN, null, 0, backend);
    }

    /**
     * The barrier option: {@code payoff} at {@code strike} on {@code S_T}, knocked in or out by {@code barrier}
     * watched at the {@code steps} equally spaced dates up to {@code maturity} ({@link PayoffBarrier}).
     *
     * @throws IllegalArgumentException as {@link #asian}, or if the barrier level is not positive and finite
     */
    public static MonteCarloEstimate barrier(Gbm model, Payoff payoff, double strike, PayoffBarrier barrier, double level,
                                             double rate, double maturity, int steps, RandomStream stream, long paths,
                                             Antithetic antithetic, Backend backend) {
        check(model, payoff, strike, rate, maturity, steps, stream, paths, antithetic);
        Checks.notNull(barrier, "barrier");
        Checks.positive(level, "level");
        return simulate(model, payoff, strike, rate, maturity, steps, stream, paths, antithetic, KIND_BARRIER, barrier, level, backend);
    }

    /**
     * The European {@code payoff} under {@link Heston}, by {@link HestonQe} with {@code steps} steps to
     * {@code maturity}, on the {@code stochastic.paths} kernels ({@code backend} non-null pins them).
     *
     * @throws IllegalArgumentException as {@link #european(Gbm, Payoff, double, double, double, RandomStream, long, Antithetic, Backend)},
     *     or if steps {@code < 1}
     */
    public static MonteCarloEstimate european(Heston model, Payoff payoff, double strike, double rate, double maturity, int steps,
                                              boolean martingaleCorrection, RandomStream stream, long paths, Antithetic antithetic,
                                              Backend backend) {
        check(model, payoff, strike, rate, maturity, steps, stream, paths, antithetic);
        checkSteps(stream, steps, 2);
        return heston(model, payoff, strike, rate, maturity, steps, martingaleCorrection, stream, paths, antithetic, PathReduction.TERMINAL,
                backend);
    }

    /**
     * The arithmetic-average Asian {@code payoff} under {@link Heston} (fixings at the {@code steps} dates), by
     * {@link HestonQe} on the {@code stochastic.paths} kernels.
     *
     * @throws IllegalArgumentException as {@link #european(Heston, Payoff, double, double, double, int, boolean, RandomStream, long, Antithetic, Backend)}
     */
    public static MonteCarloEstimate asian(Heston model, Payoff payoff, double strike, double rate, double maturity, int steps,
                                           boolean martingaleCorrection, RandomStream stream, long paths, Antithetic antithetic,
                                           Backend backend) {
        check(model, payoff, strike, rate, maturity, steps, stream, paths, antithetic);
        checkSteps(stream, steps, 2);
        return heston(model, payoff, strike, rate, maturity, steps, martingaleCorrection, stream, paths, antithetic, PathReduction.AVERAGE,
                backend);
    }

    private static MonteCarloEstimate heston(Heston model, Payoff payoff, double strike, double rate, double maturity, int steps,
                                             boolean correct, RandomStream stream, long paths, Antithetic antithetic, PathReduction red,
                                             Backend backend) {
        double[][] buffers = BUFFERS.get();
        double[] values = buffers[0], samples = buffers[1];
        boolean paired = antithetic == Antithetic.PAIRED;
        MonteCarloAccumulator acc = new MonteCarloAccumulator();
        for (long first = 0; first < paths; first += BLOCK) {
            int n = (int) Math.min(BLOCK, paths - first);
            HestonQe.run(model, stream, maturity / steps, first, n, steps, antithetic, correct, red.bit(), values, 0, BLOCK, backend);
            acc.add(samples, payoffs(values, 0, n, payoff, strike, paired, samples));
        }
        return acc.estimate(Math.exp(-rate * maturity));
    }

    /** Writes the payoffs of values[off .. off + n) as samples (pair means when paired); returns the sample count. */
    private static int payoffs(double[] values, int off, int n, Payoff payoff, double strike, boolean paired, double[] samples) {
        for (int i = 0; i < n; i++) {
            double v = payoff.value(values[off + i], strike);
            if (!paired) samples[i] = v;
            else if ((i & 1) == 0) samples[i >> 1] = v;
            else samples[i >> 1] = 0.5 * (samples[i >> 1] + v);
        }
        return paired ? n >> 1 : n;
    }

    private static void checkSteps(RandomStream stream, int steps, int slots) {
        if ((long) steps * slots > stream.generator().stepLimit()) {
            throw Checks.invalid("steps", steps, "be <= " + stream.generator().stepLimit() / slots + " (" + stream.generator() + ")");
        }
    }

    private static final int KIND_EUROPEAN = 0, KIND_ASIAN = 1, KIND_BARRIER = 2;

    static void check(Object model, Payoff payoff, double strike, double rate, double maturity, int steps, RandomStream stream,
                      long paths, Antithetic antithetic) {
        Checks.notNull(model, "model");
        Checks.notNull(payoff, "payoff");
        Checks.positive(strike, "strike");
        Checks.finite(rate, "rate");
        Checks.positive(maturity, "maturity");
        Checks.notNull(stream, "stream");
        Checks.notNull(antithetic, "antithetic");
        Checks.atLeast(steps, "steps", 1);
        Checks.atLeast(paths, "paths", 2);
        if (antithetic == Antithetic.PAIRED && (paths & 1) != 0) throw Checks.invalid("paths", paths, "be even with antithetic pairs");
        if (antithetic.lane(paths - 1) >= stream.generator().laneLimit()) {
            throw Checks.invalid("paths", paths, "map to lanes below " + stream.generator().laneLimit() + " (" + stream.generator() + ")");
        }
    }

    private static MonteCarloEstimate simulate(Gbm model, Payoff payoff, double strike, double rate, double maturity, int steps,
                                               RandomStream stream, long paths, Antithetic antithetic, int kind, PayoffBarrier barrier,
                                               double level, Backend backend) {
        double[][] buffers = BUFFERS.get();
        double[] red = buffers[0], samples = buffers[1];
        int what = switch (kind) {
            case KIND_EUROPEAN -> PathReduction.TERMINAL.bit();
            case KIND_ASIAN -> PathReduction.AVERAGE.bit();
            default -> PathReduction.TERMINAL.bit() | (barrier.up() ? PathReduction.MAXIMUM.bit() : PathReduction.MINIMUM.bit());
        };
        boolean paired = antithetic == Antithetic.PAIRED;
        MonteCarloAccumulator acc = new MonteCarloAccumulator();
        double dt = maturity / steps;
        for (long first = 0; first < paths; first += BLOCK) {
            int n = (int) Math.min(BLOCK, paths - first);
            model.run(stream, dt, first, n, steps, antithetic, what, red, 0, BLOCK, backend);
            for (int i = 0; i < n; i++) {
                double v = kind == KIND_BARRIER
                        ? barrier.pays(red[BLOCK + i], level) ? payoff.value(red[i], strike) : 0.0
                        : payoff.value(red[i], strike);
                if (paired) {
                    if ((i & 1) == 0) samples[i >> 1] = v;
                    else samples[i >> 1] = 0.5 * (samples[i >> 1] + v);
                } else {
                    samples[i] = v;
                }
            }
            acc.add(samples, paired ? n >> 1 : n);
        }
        return acc.estimate(Math.exp(-rate * maturity));
    }
}
