package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.Shapes.BATCH;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.TtrLines.Adx;
import dev.sxn.math.indicators.VolatilityEstimators.Method;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import java.util.function.Consumer;

/**
 * The batch forms of ADX/DMI, TTR's volatility estimators and the moving averages HMA, ZLEMA, ALMA, EVWMA and Wilder's
 * sum on the kernel family {@code indicators.ttr.trend}, with the backend kind chosen per call or pinned. The batch
 * methods of {@link TrendIndicators}, {@link VolatilityEstimators} and {@link MovingAverages} call these with
 * {@code kind = null}; definitions, defaults and warm-up are theirs.
 *
 * <p><b>Kinds.</b> JAVA runs each asset's finite runs afresh (the NaN rule, see {@link Segments}). VECTOR (assets in
 * lanes), NATIVE (C over the time-major layout, the loop over assets innermost) and OPENCL (an asset per work-item)
 * compute each asset as one run from bar 0, so they are taken only when one scan finds every input finite (and, for
 * the volatility estimators, positive: their logarithms); otherwise the call runs on JAVA, whatever {@code kind} says.
 * They give JAVA's bits except the volatility estimators, whose logarithms come from the kind's own {@code log}
 * (within a few ulps of {@link Math#log}; the tests bound the results to 1e-12 relative, plus 2e-13 absolute for
 * close-to-close, whose returns are differences of two logarithms).
 *
 * <p>Outputs are new batches of the inputs' shape. O(k t) plus each indicator's per-bar cost; thread-safe.
 */
public final class TrendBatches {
    /** The family's dispatch. */
    static final KernelSet<TrendKernels> KERNELS = KernelSet.of(KernelFamilies.INDICATORS_TTR_TREND, TrendKernels.class,
            new JavaTrendKernels());
    private static final ThreadLocal<double[][]> ALMA_WEIGHTS = ThreadLocal.withInitial(() -> new double[1][0]);

    private TrendBatches() {}

    private static final String[] HLC = {"high", "low", "close"};
    private static final String[] OHLC = {"open", "high", "low", "close"};
    private static final String[] C = {"close"};
    private static final String[] X = {"x"};
    private static final String[] PV = {"price", "volume"};

    /**
     * {@link TrendIndicators#adx(double[], double[], double[], int)} of every asset, on {@code kind} (null: chosen per
     * call; a non-finite input runs on JAVA).
     *
     * @throws IllegalArgumentException if the shapes differ or n is outside [1, length]
     * @throws IllegalStateException if {@code kind} is pinned and unavailable here (the message says why)
     */
    public static Adx<SeriesBatch> adx(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n, Backend kind) {
        SeriesBatch[] in = {high, low, close};
        Segments.sameShape(in, HLC);
        Shapes.window(n, "n", high.length(), BATCH);
        SeriesBatch dip = high.like(), din = high.like(), dx = high.like(), adx = high.like();
        int k = high.assets(), t = high.length();
        run(kind, in, false, kr -> kr.adx(high.data(), low.data(), close.data(), k, t, n, dip.data(), din.data(), dx.data(),
                adx.data()));
        return new Adx<>(dip, din, dx, adx);
    }

    /**
     * {@link VolatilityEstimators#volatility(double[], double[], double[], double[], int, Method, double)} of every
     * asset, on {@code kind} (null: chosen per call; an input that is not finite and positive runs on JAVA).
     *
     * @throws IllegalArgumentException if the shapes differ, n is outside its range or N is not positive
     * @throws IllegalStateException if {@code kind} is pinned and unavailable here (the message says why)
     */
    public static SeriesBatch volatility(SeriesBatch open, SeriesBatch high, SeriesBatch low, SeriesBatch close, int n,
            Method method, double periodsPerYear, Backend kind) {
        Checks.notNull(method, "method");
        SeriesBatch[] in = {open, high, low, close};
        Segments.sameShape(in, OHLC);
        VolatilityEstimators.check(n, method, periodsPerYear, open.length(), BATCH);
        SeriesBatch out = open.like();
        int k = open.assets(), t = open.length(), code = code(method);
        run(kind, in, true, kr -> kr.volatility(code, open.data(), high.data(), low.data(), close.data(), k, t, n, periodsPerYear,
                out.data()));
        return out;
    }

    /**
     * {@link VolatilityEstimators#close(double[], int, double, boolean)} of every asset, on {@code kind} (null: chosen
     * per call; an input that is not finite and positive runs on JAVA).
     *
     * @throws IllegalArgumentException if n is outside [3, length] or N is not positive
     * @throws IllegalStateException if {@code kind} is pinned and unavailable here (the message says why)
     */
    public static SeriesBatch close(SeriesBatch close, int n, double periodsPerYear, boolean mean0, Backend kind) {
        SeriesBatch[] in = {close};
        Segments.sameShape(in, C);
        VolatilityEstimators.check(n, Method.CLOSE, periodsPerYear, close.length(), BATCH);
        SeriesBatch out = close.like();
        int k = close.assets(), t = close.length(), code = mean0 ? TrendKernels.CLOSE_MEAN0 : TrendKernels.CLOSE;
        run(kind, in, true, kr -> kr.volatility(code, null, null, null, close.data(), k, t, n, periodsPerYear, out.data()));
        return out;
    }

    /**
     * {@link MovingAverages#hma(double[], int)} of every asset, on {@code kind} (null: chosen per call; a non-finite
     * input runs on JAVA).
     *
     * @throws IllegalArgumentException if n is outside [2, length]
     * @throws IllegalStateException if {@code kind} is pinned and unavailable here (the message says why)
     */
    public static SeriesBatch hma(SeriesBatch x, int n, Backend kind) {
        Checks.atLeast(n, "n", 2);
        SeriesBatch out = one(x, n);
        run(kind, new SeriesBatch[] {x}, false, kr -> kr.hma(x.data(), x.assets(), x.length(), n, out.data()));
        return out;
    }

    /**
     * {@link MovingAverages#zlema(double[], int)} of every asset, on {@code kind} (null: chosen per call; a non-finite
     * input runs on JAVA).
     *
     * @throws IllegalArgumentException if n is outside [1, length]
     * @throws IllegalStateException if {@code kind} is pinned and unavailable here (the message says why)
     */
    public static SeriesBatch zlema(SeriesBatch x, int n, Backend kind) {
        SeriesBatch out = one(x, n);
        run(kind, new SeriesBatch[] {x}, false, kr -> kr.zlema(x.data(), x.assets(), x.length(), n, out.data()));
        return out;
    }

    /**
     * {@link MovingAverages#alma(double[], int, double, double)} of every asset, on {@code kind} (null: chosen per call;
     * a non-finite input runs on JAVA). The n weights are computed once per call, in per-thread scratch.
     *
     * @throws IllegalArgumentException if n is outside [1, length], offset outside [0, 1] or sigma not positive
     * @throws IllegalStateException if {@code kind} is pinned and unavailable here (the message says why)
     */
    public static SeriesBatch alma(SeriesBatch x, int n, double offset, double sigma, Backend kind) {
        MovingAverages.checkAlma(offset, sigma);
        SeriesBatch out = one(x, n);
        double[][] holder = ALMA_WEIGHTS.get();
        if (holder[0].length < n) holder[0] = new double[n];
        double[] w = holder[0];
        MovingAverages.almaWeights(n, offset, sigma, w);
        run(kind, new SeriesBatch[] {x}, false, kr -> kr.alma(x.data(), x.assets(), x.length(), n, offset, sigma, w, out.data()));
        return out;
    }

    /**
     * {@link MovingAverages#evwma(double[], double[], int)} of every asset, on {@code kind} (null: chosen per call; a
     * non-finite input runs on JAVA).
     *
     * @throws IllegalArgumentException if the shapes differ or n is outside [1, length]
     * @throws IllegalStateException if {@code kind} is pinned and unavailable here (the message says why)
     */
    public static SeriesBatch evwma(SeriesBatch price, SeriesBatch volume, int n, Backend kind) {
        SeriesBatch[] in = {price, volume};
        Segments.sameShape(in, PV);
        Shapes.window(n, "n", price.length(), BATCH);
        SeriesBatch out = price.like();
        run(kind, in, false, kr -> kr.evwma(price.data(), volume.data(), price.assets(), price.length(), n, out.data()));
        return out;
    }

    /**
     * {@link MovingAverages#wilderSum(double[], int)} of every asset, on {@code kind} (null: chosen per call; a
     * non-finite input runs on JAVA).
     *
     * @throws IllegalArgumentException if n is outside [1, length]
     * @throws IllegalStateException if {@code kind} is pinned and unavailable here (the message says why)
     */
    public static SeriesBatch wilderSum(SeriesBatch x, int n, Backend kind) {
        SeriesBatch out = one(x, n);
        run(kind, new SeriesBatch[] {x}, false, kr -> kr.wilderSum(x.data(), x.assets(), x.length(), n, out.data()));
        return out;
    }

    // ---- shared

    /** Checks a one-input batch and its window; returns an output of its shape. */
    private static SeriesBatch one(SeriesBatch x, int n) {
        Segments.sameShape(new SeriesBatch[] {x}, X);
        Shapes.window(n, "n", x.length(), BATCH);
        return x.like();
    }

    /**
     * The one dispatch: on {@code kind} (null: chosen by size) when every input is finite (and positive with
     * {@code positive}), else on JAVA, whose kernel implements the NaN rule.
     */
    private static void run(Backend kind, SeriesBatch[] in, boolean positive, Consumer<TrendKernels> op) {
        long size = (long) in[0].assets() * in[0].length();
        KERNELS.run(accelerable(in, positive) ? kind : Backend.JAVA, size, op);
    }

    /** Whether every value of every input is finite (and above zero with {@code positive}): one scan. */
    static boolean accelerable(SeriesBatch[] in, boolean positive) {
        for (SeriesBatch b : in) {
            double[] d = b.data();
            if (positive) {
                for (double v : d) {
                    if (!(v > 0 && v < Double.POSITIVE_INFINITY)) return false;
                }
            } else {
                for (double v : d) {
                    if (!Double.isFinite(v)) return false;
                }
            }
        }
        return true;
    }

    private static int code(Method m) {
        return switch (m) {
            case CLOSE -> TrendKernels.CLOSE;
            case GARMAN_KLASS -> TrendKernels.GARMAN_KLASS;
            case PARKINSON -> TrendKernels.PARKINSON;
            case ROGERS_SATCHELL -> TrendKernels.ROGERS_SATCHELL;
            case GK_YZ -> TrendKernels.GK_YZ;
            case YANG_ZHANG -> TrendKernels.YANG_ZHANG;
        };
    }
}
