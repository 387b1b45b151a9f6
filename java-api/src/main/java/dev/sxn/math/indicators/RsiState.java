package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.JavaIndicatorKernels.finite;

/**
 * The state of one Wilder RSI over one series (average gain, average loss, previous price, count)
 * and its step. The {@link IndicatorKernels#rsi} kernel of JAVA is a loop of {@link #update} per
 * asset, whichever order the loop takes, and a streaming form (one update per tick) can call it too,
 * so every path performs the same floating-point operations in the same order. A non-finite price
 * resets it: NaN there, then a fresh warm-up of {@code n} price changes.
 */
final class RsiState {
    /** Finite prices in the current run. */
    int run;
    /** The previous price (of the run, once {@code run >= 1}). */
    double prev;
    /** Average gain and average loss: sums of the changes until the seed, Wilder averages after it. */
    double up, dn;

    /** Back to the state of a new instance (a batch reuses its per-thread states across calls). */
    void reset() {
        run = 0;
        prev = up = dn = 0;
    }

    /** Takes {@code o}'s state (a stream's fork, or the scratch copy a peek steps). */
    void copyFrom(RsiState o) {
        run = o.run;
        prev = o.prev;
        up = o.up;
        dn = o.dn;
    }

    /** Consumes the price {@code v}; returns the RSI after it, in [0, 100] (NaN in a warm-up or flat average). */
    double update(double v, int n, double alpha, double beta) {
        if (!finite(v)) {
            run = 0;
            up = 0;
            dn = 0;
            return Double.NaN;
        }
        run++;
        double d = v - prev;
        prev = v;
        // Math.max compiles to a branch-free max; the ternaries (d > 0 ? d : 0) branched on the sign of
        // every price change, a coin flip the predictor loses half the time. Same values for every
        // finite d, signed zeros included.
        double g = Math.max(d, 0), l = Math.max(-d, 0);
        int m = run - 1; // price changes in the run
        // The steady state first: tested in this order the batched loop ran as fast as the arrays
        // it replaced (IndicatorsCpuTime); the order of the tests changes no value.
        if (m > n) {
            up = EmaState.step(up, g, alpha, beta);
            dn = EmaState.step(dn, l, alpha, beta);
        } else if (m == n) {
            up = (up + g) / n;
            dn = (dn + l) / n;
        } else {
            if (m > 0) {
                up += g;
                dn += l;
            }
            return Double.NaN;
        }
        return 100 * up / (up + dn);
    }
}
