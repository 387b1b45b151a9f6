package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.JavaIndicatorKernels.finite;

/**
 * The state of one exponential recurrence (EMA: alpha 2/(n+1); Wilder: 1/n) over one series, and
 * its step. The {@link IndicatorKernels#ema} kernel of JAVA is a loop of {@link #update} per asset,
 * whichever order the loop takes, and a streaming form (one update per tick) can call it too, so
 * every path performs the same floating-point operations in the same order. A non-finite value
 * resets it: NaN at that value, then a fresh warm-up (the mean of the first {@code seed} values of
 * the new run).
 */
final class EmaState {
    /** Finite values in the current run. */
    int run;
    /** Sum of the run's values before the seed. */
    double acc;
    /** The current average (valid once {@code run >= seed}). */
    double e;

    /** Back to the state of a new instance (a batch reuses its per-thread states across calls). */
    void reset() {
        run = 0;
        acc = e = 0;
    }

    /** Takes {@code o}'s state (a stream's fork, or the scratch copy a peek steps). */
    void copyFrom(EmaState o) {
        run = o.run;
        acc = o.acc;
        e = o.e;
    }

    /**
     * One step of the recurrence past its seed, in TTR's form {@code x * ratio + prev * (1 - ratio)}
     * (so the reference matches to the ulp); {@code beta = 1 - alpha}, computed once by the caller.
     */
    static double step(double prev, double x, double alpha, double beta) {
        return x * alpha + prev * beta;
    }

    /** Consumes {@code v}; returns the average after it, or NaN inside a warm-up or at a non-finite v. */
    double update(double v, int seed, double alpha, double beta) {
        if (!finite(v)) {
            run = 0;
            acc = 0;
            return Double.NaN;
        }
        run++;
        if (run < seed) {
            acc += v;
            return Double.NaN;
        }
        e = run == seed ? (acc + v) / seed : step(e, v, alpha, beta);
        return e;
    }
}
