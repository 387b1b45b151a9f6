package dev.sxn.math.indicators;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;

/**
 * The checked cores of the indicators that are one kernel or one plain-Java pass: rolling sum and mean, rolling
 * variance and standard deviation, EMA and Wilder, RSI, WMA, rolling min/max, OBV, cumulative VWAP and the
 * time-aware EMA. Each core checks the indicator's own rules once and runs it; every public form in
 * {@link IndicatorSet} (and so in {@link Indicators}) is a shape adapter onto it, having checked its shape in
 * {@link Shapes}. The data is time-major, {@code k} series of {@code t} samples ({@code k = 1}: one series);
 * {@code length} is {@link Shapes#SERIES} or {@link Shapes#BATCH}, for the window messages; {@code pin} is the
 * kind the kernel runs on, {@code null} for the choice per call. Definitions: see {@link Indicators}.
 *
 * <p>Stateless; O(k t) per call.
 */
final class Primitives {
    private Primitives() {}

    /** Rolling sum of the last {@code n} values, or their mean when {@code mean}. */
    static void sum(Backend pin, double[] x, int k, int t, String length, int n, boolean mean, double[] out) {
        Shapes.window(n, "n", t, length);
        IndicatorDispatch.rollingSum(pin, x, k, t, n, mean ? 1.0 / n : 1.0, out);
    }

    /** Rolling variance (population, or sample when {@code sample}), or its square root when {@code sqrt}. */
    static void variance(Backend pin, double[] x, int k, int t, String length, int n, boolean sample, boolean sqrt, double[] out) {
        if (sample) Shapes.sampleWindow(n, "n", t, length);
        else Shapes.window(n, "n", t, length);
        IndicatorDispatch.rollingVar(pin, x, k, t, n, sample ? 1 : 0, sqrt, out);
    }

    /** EMA of period {@code n} (alpha 2 / (n + 1)), or Wilder's smoothing (alpha 1 / n) when {@code wilder}. */
    static void ema(Backend pin, double[] x, int k, int t, String length, int n, boolean wilder, double[] out) {
        Shapes.window(n, "n", t, length);
        IndicatorDispatch.ema(pin, x, k, t, n, wilder ? 1.0 / n : 2.0 / (n + 1), out);
    }

    /** Wilder's RSI over {@code n} changes. */
    static void rsi(Backend pin, double[] x, int k, int t, String length, int n, double[] out) {
        Shapes.window(n, "n", t, length);
        IndicatorDispatch.rsi(pin, x, k, t, n, out);
    }

    /** Linearly weighted moving average (plain Java). */
    static void wma(double[] x, int k, int t, String length, int n, double[] out) {
        Shapes.window(n, "n", t, length);
        JavaOnlyKernels.wma(x, k, t, n, out);
    }

    /** Rolling maximum ({@code max}) or minimum of the last {@code n} values (plain Java). */
    static void extreme(double[] x, int k, int t, String length, int n, boolean max, double[] out) {
        Shapes.window(n, "n", t, length);
        RollingExtremes.rollingExtreme(x, k, t, n, max, out);
    }

    /** On-balance volume (plain Java; no rule beyond the shapes: a volume's sign is applied as given). */
    static void obv(double[] price, double[] volume, int k, int t, double[] out) {
        JavaOnlyKernels.obv(price, volume, k, t, out);
    }

    /** Cumulative VWAP (plain Java); finite volumes must be >= 0 (a non-finite one is missing). */
    static void vwapCumulative(double[] price, double[] volume, int k, int t, double[] out) {
        Checks.nonNegativeOrMissing(volume, k == 1 ? "volume" : "volume.data()");
        JavaOnlyKernels.vwapCumulative(price, volume, k, t, out);
    }

    /** Time-aware EMA on timestamps {@code time} (t values, shared by the k series), time constant {@code tau}. */
    static void timeEma(double[] x, double[] time, int k, int t, double tau, double[] out) {
        Checks.positive(tau, "tau");
        Checks.allFinite(time, "time");
        Checks.nonDecreasing(time, "time");
        JavaOnlyKernels.timeEma(x, time, k, t, tau, out);
    }
}
