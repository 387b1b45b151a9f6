package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.JavaIndicatorKernels.finite;

/**
 * The state of one compensated rolling sum over one series (the sum, its TwoSum error term, the
 * length of the current run) and its step. The {@link IndicatorKernels#rollingSum} kernel of JAVA is
 * a loop of {@link #update} per asset, whichever order the loop takes, and a streaming form (one
 * update per tick, the window's values in a buffer) can call it too, so every path performs the same
 * floating-point operations in the same order. A non-finite value resets it: NaN for every window
 * that contains it.
 */
final class RollingSumState {
    /** Finite values in the current run. */
    int run;
    /** The running sum and the collected rounding errors of its additions. */
    double s, c;

    /** Back to the state of a new instance (a batch reuses its per-thread states across calls). */
    void reset() {
        run = 0;
        s = c = 0;
    }

    /** Takes {@code o}'s state (a stream's fork, or the scratch copy a peek steps). */
    void copyFrom(RollingSumState o) {
        run = o.run;
        s = o.s;
        c = o.c;
    }

    /**
     * The rounding error of {@code sum = fl(a + b)} by TwoSum: {@code sum} plus the result equals
     * {@code a + b} exactly.
     */
    static double twoSumError(double a, double b, double sum) {
        double bp = sum - a;
        return (a - (sum - bp)) + (b - bp);
    }

    /**
     * Consumes {@code x[p]} (the value leaving the window is {@code x[p - back]}, read only once the
     * run is longer than {@code w}); returns {@code scale} times the window's sum, NaN until the run
     * holds w values.
     */
    double update(double[] x, int p, int back, int w, double scale) {
        double v = x[p];
        if (!finite(v)) {
            run = 0;
            s = 0;
            c = 0;
            return Double.NaN;
        }
        run++;
        double sn = s + v;
        c += twoSumError(s, v, sn);
        s = sn;
        if (run > w) {
            double o = -x[p - back];
            sn = s + o;
            c += twoSumError(s, o, sn);
            s = sn;
            return scale * (s + c);
        }
        return run == w ? scale * (s + c) : Double.NaN;
    }
}
