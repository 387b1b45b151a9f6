package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.Shapes.BATCH;
import static dev.sxn.math.indicators.Shapes.SERIES;

import dev.sxn.math.indicators.BatchResults.BollingerBatch;
import dev.sxn.math.indicators.BatchResults.MacdBatch;
import dev.sxn.math.indicators.BatchResults.StochasticBatch;
import dev.sxn.math.internal.Checks;
import java.lang.ref.SoftReference;

/**
 * The composite indicators, built from the rolling-window and recurrence kernels of {@link Indicators}: rolling
 * z-score, DEMA and TEMA, MACD, Bollinger bands, ATR, rolling VWAP and the stochastic oscillator. Shapes, warm-up
 * (NaN), missing values, definitions (TTR 0.24.3; where TA-Lib differs the method says which is followed),
 * accuracy and allocation follow the contract in {@link Indicators}' class documentation.
 *
 * <p>Each kernel step (rolling sum, rolling variance, EMA/Wilder) chooses its backend per call from the problem
 * size, as the static forms of {@link Indicators} do ({@code sxn.backend} forces one); the element-wise steps,
 * the true range and the rolling min/max run in plain Java. The {@code ...Into} forms allocate nothing of the
 * input's size once warm: the temporaries of z-score, DEMA, TEMA, ATR and rolling VWAP are kept per thread.
 *
 * <p>Each indicator has one checked core here; its public forms check their shape and hand it the time-major
 * data. Thread-safe; O(k t) per call.
 */
public final class CompositeIndicators {
    private CompositeIndicators() {}

    // ---- rolling z-score

    /**
     * Rolling z-score {@code (x[i] - mean) / sd} over the last {@code n} values, with the sample standard
     * deviation (n - 1), as R's {@code scale} of the window's last value; a flat window is NaN (0 / 0). Needs
     * n >= 2; indices below n - 1 are NaN.
     *
     * @throws IllegalArgumentException if n is outside [2, x.length]
     */
    public static double[] zscore(double[] x, int n) {
        double[] out = Shapes.like(x, "x");
        zscoreInto(x, n, out);
        return out;
    }

    /** {@link #zscore(double[], int)} into {@code out}. */
    public static void zscoreInto(double[] x, int n, double[] out) {
        Shapes.out(out, "out", x, "x");
        zscore(x, 1, x.length, SERIES, n, out);
    }

    /** {@link #zscore(double[], int)} of every series of the batch. */
    public static SeriesBatch zscore(SeriesBatch x, int n) {
        SeriesBatch out = Shapes.like(x, "x");
        zscore(x.data(), x.assets(), x.length(), BATCH, n, out.data());
        return out;
    }

    private static void zscore(double[] x, int k, int t, String length, int n, double[] out) {
        Shapes.sampleWindow(n, "n", t, length);
        double[] sd = scratch(0, x.length);
        IndicatorDispatch.rollingSum(null, x, k, t, n, 1.0 / n, out);
        IndicatorDispatch.rollingVar(null, x, k, t, n, 1, true, sd);
        for (int i = 0; i < x.length; i++) out[i] = (x[i] - out[i]) / sd[i];
    }

    // ---- DEMA / TEMA

    /**
     * Double EMA {@code 2 EMA(x) - EMA(EMA(x))} (TTR {@code DEMA} with v = 1, TA-Lib {@code DEMA}); the inner EMA
     * is seeded on the first n values of the outer one, so the first value is at index 2(n - 1).
     */
    public static double[] dema(double[] x, int n) {
        double[] out = Shapes.like(x, "x");
        demaInto(x, n, out);
        return out;
    }

    /** {@link #dema(double[], int)} into {@code out}. */
    public static void demaInto(double[] x, int n, double[] out) {
        Shapes.out(out, "out", x, "x");
        multiEma(x, 1, x.length, SERIES, n, 2, out);
    }

    /** {@link #dema(double[], int)} of every series of the batch. */
    public static SeriesBatch dema(SeriesBatch x, int n) {
        SeriesBatch out = Shapes.like(x, "x");
        multiEma(x.data(), x.assets(), x.length(), BATCH, n, 2, out.data());
        return out;
    }

    /**
     * Triple EMA {@code 3 e1 - 3 e2 + e3} with {@code e2 = EMA(e1)}, {@code e3 = EMA(e2)} (TTR {@code TEMA}, TA-Lib
     * {@code TEMA}); first value at index 3(n - 1).
     */
    public static double[] tema(double[] x, int n) {
        double[] out = Shapes.like(x, "x");
        temaInto(x, n, out);
        return out;
    }

    /** {@link #tema(double[], int)} into {@code out}. */
    public static void temaInto(double[] x, int n, double[] out) {
        Shapes.out(out, "out", x, "x");
        multiEma(x, 1, x.length, SERIES, n, 3, out);
    }

    /** {@link #tema(double[], int)} of every series of the batch. */
    public static SeriesBatch tema(SeriesBatch x, int n) {
        SeriesBatch out = Shapes.like(x, "x");
        multiEma(x.data(), x.assets(), x.length(), BATCH, n, 3, out.data());
        return out;
    }

    /** DEMA ({@code order} 2) or TEMA ({@code order} 3). */
    private static void multiEma(double[] x, int k, int t, String length, int n, int order, double[] out) {
        Shapes.window(n, "n", t, length);
        double alpha = 2.0 / (n + 1);
        double[] e1 = scratch(0, x.length), e2 = scratch(1, x.length);
        IndicatorDispatch.ema(null, x, k, t, n, alpha, e1);
        IndicatorDispatch.ema(null, e1, k, t, n, alpha, e2);
        if (order == 2) {
            for (int i = 0; i < out.length; i++) out[i] = 2 * e1[i] - e2[i];
        } else {
            IndicatorDispatch.ema(null, e2, k, t, n, alpha, out);
            for (int i = 0; i < out.length; i++) out[i] = 3 * e1[i] - 3 * e2[i] + out[i];
        }
    }

    // ---- MACD

    /**
     * MACD: {@code EMA(x, fast) - EMA(x, slow)}, its signal line {@code EMA(macd, signal)} and the histogram. The
     * difference of prices, as TA-Lib and Appel define it; TTR's default is the percentage {@code 100 (fast / slow
     * - 1)}, and its {@code percent = FALSE} is what this matches. Each EMA is seeded on its own first values (TTR);
     * TA-Lib instead starts the fast EMA late so both begin at index slow - 1, which changes the early values of
     * the fast line. The MACD line starts at index max(fast, slow) - 1, the signal {@code signal - 1} later.
     *
     * @throws IllegalArgumentException if a period is outside [1, x.length], or fast >= slow
     */
    public static Macd macd(double[] x, int fast, int slow, int signal) {
        Macd out = new Macd(Shapes.like(x, "x"), new double[x.length], new double[x.length]);
        macdInto(x, fast, slow, signal, out);
        return out;
    }

    /** {@link #macd(double[], int, int, int)} into the arrays of {@code out} (each of x's length). */
    public static void macdInto(double[] x, int fast, int slow, int signal, Macd out) {
        Shapes.out(out, x);
        macd(x, 1, x.length, SERIES, fast, slow, signal, out.macd(), out.signal(), out.histogram());
    }

    /** {@link #macd(double[], int, int, int)} of every series of the batch. */
    public static MacdBatch macd(SeriesBatch x, int fast, int slow, int signal) {
        MacdBatch out = new MacdBatch(Shapes.like(x, "x"), x.like(), x.like());
        macd(x.data(), x.assets(), x.length(), BATCH, fast, slow, signal, out.macd().data(), out.signal().data(),
                out.histogram().data());
        return out;
    }

    private static void macd(double[] x, int k, int t, String length, int fast, int slow, int signal, double[] m, double[] s,
            double[] h) {
        Shapes.window(fast, "fast", t, length);
        Shapes.window(slow, "slow", t, length);
        Shapes.window(signal, "signal", t, length);
        if (fast >= slow) throw Checks.invalid("fast", fast, "be < slow (" + slow + "): the fast EMA is the shorter one");
        double[] slowEma = h; // scratch: h is written last
        IndicatorDispatch.ema(null, x, k, t, fast, 2.0 / (fast + 1), m);
        IndicatorDispatch.ema(null, x, k, t, slow, 2.0 / (slow + 1), slowEma);
        for (int i = 0; i < m.length; i++) m[i] -= slowEma[i];
        IndicatorDispatch.ema(null, m, k, t, signal, 2.0 / (signal + 1), s);
        for (int i = 0; i < m.length; i++) h[i] = m[i] - s[i];
    }

    // ---- Bollinger

    /**
     * Bollinger bands: {@code SMA(x, n) -/+ k sd} with the population standard deviation of the window (TTR
     * {@code BBands}, TA-Lib {@code BBANDS}, and Bollinger's own definition: the bands describe the window, not an
     * estimate of a wider population). Indices below n - 1 are NaN.
     *
     * @throws IllegalArgumentException if n is outside [1, x.length] or k is negative or not finite
     */
    public static Bollinger bollinger(double[] x, int n, double k) {
        Bollinger out = new Bollinger(Shapes.like(x, "x"), new double[x.length], new double[x.length]);
        bollingerInto(x, n, k, out);
        return out;
    }

    /** {@link #bollinger(double[], int, double)} into the arrays of {@code out}. */
    public static void bollingerInto(double[] x, int n, double k, Bollinger out) {
        Shapes.out(out, x);
        bollinger(x, 1, x.length, SERIES, n, k, out.lower(), out.middle(), out.upper());
    }

    /** {@link #bollinger(double[], int, double)} of every series of the batch. */
    public static BollingerBatch bollinger(SeriesBatch x, int n, double k) {
        BollingerBatch out = new BollingerBatch(Shapes.like(x, "x"), x.like(), x.like());
        bollinger(x.data(), x.assets(), x.length(), BATCH, n, k, out.lower().data(), out.middle().data(), out.upper().data());
        return out;
    }

    /** {@code width}: the argument k, in standard deviations (k here counts the assets). */
    private static void bollinger(double[] x, int k, int t, String length, int n, double width, double[] lo, double[] mid,
            double[] up) {
        Shapes.window(n, "n", t, length);
        Checks.nonNegative(width, "k");
        IndicatorDispatch.rollingSum(null, x, k, t, n, 1.0 / n, mid);
        IndicatorDispatch.rollingVar(null, x, k, t, n, 0, true, up);
        for (int i = 0; i < mid.length; i++) {
            double d = width * up[i];
            lo[i] = mid[i] - d;
            up[i] = mid[i] + d;
        }
    }

    // ---- ATR

    /**
     * Average true range: Wilder's smoothing (alpha 1/n, seeded with the mean of the first n true ranges) of
     * {@code TR[i] = max(high[i], close[i-1]) - min(low[i], close[i-1])} (TTR {@code ATR}, TA-Lib {@code ATR}: they
     * agree). TR needs the previous close, so the first ATR is at index n. In price units.
     *
     * @throws IllegalArgumentException if the lengths differ, n is outside [1, close.length], or a high is below
     *     its low (NaN on either side is a missing bar)
     */
    public static double[] atr(double[] high, double[] low, double[] close, int n) {
        double[] out = Shapes.like(close, "close");
        atrInto(high, low, close, n, out);
        return out;
    }

    /** {@link #atr(double[], double[], double[], int)} into {@code out}. */
    public static void atrInto(double[] high, double[] low, double[] close, int n, double[] out) {
        Shapes.out(out, "out", high, low, close);
        atr(high, low, close, 1, close.length, SERIES, n, out);
    }

    /** {@link #atr(double[], double[], double[], int)} of every series of the batches (same shapes). */
    public static SeriesBatch atr(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n) {
        Shapes.hlc(high, low, close);
        SeriesBatch out = close.like();
        atr(high.data(), low.data(), close.data(), close.assets(), close.length(), BATCH, n, out.data());
        return out;
    }

    private static void atr(double[] h, double[] l, double[] c, int k, int t, String length, int n, double[] out) {
        Shapes.window(n, "n", t, length);
        Checks.notBelow(h, k == 1 ? "high" : "high.data()", l, k == 1 ? "low" : "low.data()");
        double[] tr = scratch(0, c.length);
        JavaOnlyKernels.trueRange(h, l, c, k, t, tr);
        IndicatorDispatch.ema(null, tr, k, t, n, 1.0 / n, out);
    }

    // ---- rolling VWAP

    /**
     * Rolling VWAP: {@code sum(price * volume) / sum(volume)} over the last {@code n} samples (TTR {@code VWAP}).
     * Indices below n - 1 are NaN; a window of zero volume is NaN (0/0). The cumulative VWAP is
     * {@link Indicators#vwapCumulative(double[], double[])}.
     *
     * @throws IllegalArgumentException if n is outside [1, price.length] or a finite volume is negative (a non-finite one is missing)
     */
    public static double[] vwap(double[] price, double[] volume, int n) {
        double[] out = Shapes.like(price, "price");
        vwapInto(price, volume, n, out);
        return out;
    }

    /** {@link #vwap(double[], double[], int)} into {@code out}. */
    public static void vwapInto(double[] price, double[] volume, int n, double[] out) {
        Shapes.out(out, "out", price, "price", volume, "volume");
        vwap(price, volume, 1, price.length, SERIES, n, out);
    }

    /** {@link #vwap(double[], double[], int)} of every series of the batches. */
    public static SeriesBatch vwap(SeriesBatch price, SeriesBatch volume, int n) {
        Shapes.same(price, "price", volume, "volume");
        SeriesBatch out = price.like();
        vwap(price.data(), volume.data(), price.assets(), price.length(), BATCH, n, out.data());
        return out;
    }

    private static void vwap(double[] p, double[] v, int k, int t, String length, int n, double[] out) {
        Shapes.window(n, "n", t, length);
        Checks.nonNegativeOrMissing(v, k == 1 ? "volume" : "volume.data()");
        double[] pv = scratch(0, p.length), vs = scratch(1, p.length);
        for (int i = 0; i < pv.length; i++) {
            // A missing price must also drop the volume from the window, so both sums see the same gaps.
            pv[i] = p[i] * v[i];
            vs[i] = JavaIndicatorKernels.finite(p[i]) ? v[i] : Double.NaN;
        }
        IndicatorDispatch.rollingSum(null, pv, k, t, n, 1.0, out);
        IndicatorDispatch.rollingSum(null, vs, k, t, n, 1.0, pv);
        for (int i = 0; i < out.length; i++) out[i] /= pv[i];
    }

    // ---- Stochastic

    /**
     * Stochastic oscillator, in percent: {@code %K = 100 (close - lowest low) / (highest high - lowest low)} over
     * the last {@code nK} samples, {@code %D = SMA(%K, nD)} (TTR {@code stoch}'s fastK and fastD times 100; TA-Lib
     * {@code STOCHF}). A flat range (highest high = lowest low) is NaN, as in TTR (TA-Lib returns 0, which reads as
     * a signal where there is none). %K starts at index nK - 1, %D at nK + nD - 2.
     */
    public static Stochastic stochastic(double[] high, double[] low, double[] close, int nK, int nD) {
        Stochastic out = new Stochastic(Shapes.like(close, "close"), new double[close.length]);
        stochasticInto(high, low, close, nK, nD, out);
        return out;
    }

    /** {@link #stochastic(double[], double[], double[], int, int)} into the arrays of {@code out}. */
    public static void stochasticInto(double[] high, double[] low, double[] close, int nK, int nD, Stochastic out) {
        Shapes.out(out, high, low, close);
        stochastic(high, low, close, 1, close.length, SERIES, nK, nD, out.k(), out.d());
    }

    /** {@link #stochastic(double[], double[], double[], int, int)} of every series of the batches. */
    public static StochasticBatch stochastic(SeriesBatch high, SeriesBatch low, SeriesBatch close, int nK, int nD) {
        Shapes.hlc(high, low, close);
        StochasticBatch out = new StochasticBatch(close.like(), close.like());
        stochastic(high.data(), low.data(), close.data(), close.assets(), close.length(), BATCH, nK, nD, out.k().data(),
                out.d().data());
        return out;
    }

    private static void stochastic(double[] h, double[] l, double[] c, int k, int t, String length, int nK, int nD, double[] pk,
            double[] pd) {
        Shapes.window(nK, "nK", t, length);
        Shapes.window(nD, "nD", t, length);
        // pk holds the highest high and pd the lowest low until %K overwrites them: no scratch.
        RollingExtremes.rollingExtreme(h, k, t, nK, true, pk);
        RollingExtremes.rollingExtreme(l, k, t, nK, false, pd);
        for (int i = 0; i < c.length; i++) {
            double lmin = pd[i];
            pk[i] = 100 * (c[i] - lmin) / (pk[i] - lmin);
        }
        IndicatorDispatch.rollingSum(null, pk, k, t, nD, 1.0 / nD, pd);
    }

    // ---- per-thread temporaries

    /*
     * Temporaries of the composites (z-score, DEMA/TEMA, ATR, rolling VWAP), kept per thread and
     * softly, so that their Into forms allocate nothing once a thread has seen the length (the usual
     * loop recomputes series of one length) while a one-off huge series does not pin its memory.
     * Exact lengths only: the kernels and the OpenCL transfers size themselves by the arrays. The
     * composites never nest, so two slots per thread suffice.
     */
    private static final ThreadLocal<SoftReference<double[][]>> SCRATCH = new ThreadLocal<>();

    private static double[] scratch(int slot, int n) {
        SoftReference<double[][]> ref = SCRATCH.get();
        double[][] slots = ref == null ? null : ref.get();
        if (slots == null) {
            slots = new double[2][];
            SCRATCH.set(new SoftReference<>(slots));
        }
        if (slots[slot] == null || slots[slot].length != n) slots[slot] = new double[n];
        return slots[slot];
    }
}
