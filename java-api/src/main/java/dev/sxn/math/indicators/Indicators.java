package dev.sxn.math.indicators;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.indicators.BatchResults.BollingerBatch;
import dev.sxn.math.indicators.BatchResults.MacdBatch;
import dev.sxn.math.indicators.BatchResults.StochasticBatch;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelSet;
import dev.sxn.math.internal.SxnNative;
import java.lang.ref.SoftReference;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Technical indicators on price series ({@code double[]}) and on batches of series
 * ({@link SeriesBatch}, k assets by t samples, time-major).
 *
 * <p><b>Shape.</b> Every indicator returns (or writes into the caller's {@code out}, the
 * {@code ...Into} forms, which allocate nothing) one value per input sample, index for index; the
 * warm-up positions are NaN. A window indicator of window {@code n} is first defined at index
 * {@code n - 1}; EMA/Wilder at {@code n - 1} (seeded with the SMA of the first n values); RSI and
 * ATR at {@code n} (they need a previous close). {@code out} must have the input's length and must
 * not be the input array.
 *
 * <p><b>Missing values.</b> A non-finite input (NaN, +-Inf) is a missing sample. A window indicator
 * is NaN for exactly the windows that contain one; a recursive indicator (EMA, Wilder, DEMA, TEMA,
 * RSI, ATR, MACD, OBV, cumulative VWAP, time-aware EMA) is NaN at it and starts a fresh warm-up
 * at the next finite sample, as if the series began there.
 *
 * <p><b>Definitions.</b> They follow R's TTR 0.24.3, which the tests reproduce to 1e-10 relative;
 * where TTR and TA-Lib differ, the method says which one is followed and why. Notable choices:
 * MACD is the difference of the EMAs (TA-Lib; TTR's default {@code percent = TRUE} gives a ratio),
 * each EMA seeded on its own first n values (TTR; TA-Lib shifts the fast seed); the RSI of a window
 * without any change is NaN (TTR; TA-Lib returns 0); stochastics are in percent (TA-Lib; TTR
 * returns fractions) with NaN for a flat high-low range (TTR).
 *
 * <p><b>Backends.</b> The rolling sum/mean, rolling variance/std, EMA/Wilder and RSI kernels run on
 * JAVA, VECTOR, NATIVE and OPENCL; the indicators built from them (DEMA, TEMA, MACD, Bollinger,
 * ATR, z-score, rolling VWAP, %D) use them too. The others (rolling min/max, WMA, OBV, cumulative
 * VWAP, time-aware EMA, price-matrix operations) are plain Java. Unpinned calls choose the backend
 * per call from the problem size (k * t); the {@code Backend} overloads pin it (a {@code null}
 * backend in the batch overloads that say so means "choose"). Backends agree with JAVA to 1e-12
 * relative (see the tests for the per-kernel bounds); batched VECTOR and NATIVE results equal JAVA
 * bit for bit.
 *
 * <p><b>Allocation.</b> On a single series the {@code ...Into} forms allocate nothing of the
 * input's size once warm, at most a few small arrays (IndicatorsAllocationTest holds each to under
 * 16 KiB per call on 10^5 points): SMA, rolling sum,
 * variance/std, EMA, Wilder, RSI, WMA, MACD, Bollinger, OBV, cumulative VWAP and the time-aware EMA
 * need no temporaries; DEMA, TEMA, z-score, ATR and rolling VWAP keep theirs per thread (softly
 * referenced, reused while the length stays the same); rolling min/max and stochastics allocate a
 * buffer of the window's size per call. Batched forms allocate the per-asset state of their
 * recurrences, O(k) doubles per call on every backend (a few per asset, against the k t values
 * written), and batched rolling min/max and stochastics also two arrays of the series length t
 * (each asset is gathered into one). Until C2 has compiled a VECTOR kernel, its vectors are boxed
 * on the heap (see the test for the rolling variance's rarely run careful path).
 *
 * <p><b>Running sums.</b> Rolling sums are compensated (TwoSum): the error of a window sum is at
 * most {@code 2u|S| + 4 m u^2 sum|x|} (u = 2^-53, m the steps since the run began, the second sum
 * over those steps): below 1e-15 relative for 10^7 prices of one magnitude. Rolling variances
 * slide shifted sums S1 = sum(x - K), S2 = sum((x - K)^2) re-centred on the window mean K after
 * every step, and re-compute them by two passes at the first window of a run, every 1024 steps,
 * and whenever the magnitudes added since exceed 512 S2 (a window much calmer than its recent
 * past); so the error of a variance stays below about 512 u of it (6e-14 relative) plus w ulp(x)^2
 * from rounding the mean (the same as TTR's two-pass), whatever the series length; a flat window is
 * exactly 0.
 *
 * <p>Complexity O(t) per series. Stateless and thread-safe.
 */
public final class Indicators {
    private static final IndicatorKernels JAVA = new JavaIndicatorKernels();

    /*
     * Crossovers from bench/results/indicators.md (IndicatorsBench on the 2-core AMD EPYC, JDK 25) and,
     * for OPENCL on a GPU, bench/results/gpu.md (JMH on an NVIDIA H200 host, transfers included).
     * Three families, because the best kind depends on the shape and the kind of kernel:
     * - single series (k = 1): VECTOR vectorises SMA, EMA and the rolling variance along time, so it
     *   is taken from 4096 points; NATIVE is pinned only. OPENCL is pinned only: one series is too
     *   little work to pay for the transfer.
     * - batched recurrences (EMA, RSI; k > 1): VECTOR is taken from 4096 values. Issue 3's sweep
     *   (bench/results/indicators.md, 16..4096 assets x 10^4) has it ahead of NATIVE at every batch
     *   size once its steady-state paths were in (EMA 1.1x-2.4x, RSI 1.05x-1.4x, RSI's four-row visits
     *   added later), so NATIVE is pinned only. On the H200 the GPU loses to the CPU kinds up to
     *   256 x 10^4 (0.48x-0.76x), is level at 1024 x 10^4 and ahead at 4096 x 10^4 (EMA 1.2x, RSI
     *   1.5x): the kernel is bound by moving the series over PCIe, so it is taken from 2^25 values.
     * - batched windows (rolling sums and variances): VECTOR is 2x-2.7x NATIVE on the rolling std
     *   (both machines), so NATIVE is pinned only and VECTOR runs from 4096 values. The tiled OPENCL
     *   kernel on the H200 is 6.6x NATIVE at 64 x 10^4 and 10x-16x from 256 x 10^4, so on a GPU it
     *   is taken from 2^19 values. OPENCL on PoCL (a CPU driver) is 10x-15x slower than NATIVE:
     *   never chosen on a CPU device.
     */
    private static final KernelSet<IndicatorKernels> SERIES = KernelSet
            .builder("indicators.Indicators.series", IndicatorKernels.class, JAVA)
            .with(Backend.VECTOR, "dev.sxn.math.indicators.VectorIndicatorKernels", 4096)
            .with(Backend.NATIVE, "dev.sxn.math.indicators.NativeIndicatorKernels", KernelSet.NEVER)
            .withOpenCl("dev.sxn.math.indicators.OpenClIndicatorKernels", KernelSet.NEVER, KernelSet.NEVER)
            .build();
    /*
     * Single-series rolling variance / std with windows of 16..96 where libsxnkernels runs its AVX-512
     * body: NATIVE's eight-lane blocks (indicators.c, var_lanes_avx512) beat VECTOR's scans there
     * (IndicatorsCpuTime, population std(20), CPU time per call, 10^6 points: NATIVE 0.85-0.88 ms,
     * VECTOR 1.94-2.00 ms; a scratch CPU-time loop over the same data, best of 5 rounds, std(20 / 40 /
     * 64 / 96) NATIVE against VECTOR: 10^6 points 1.05 / 1.07 / 1.18 / 1.36 against 2.57 / 1.75 / 2.41 /
     * 1.99 ms; 65536: 0.052 / 0.054 / 0.060 / 0.069 against 0.120 / 0.114 / 0.148 / 0.121 ms; 4096:
     * 0.003-0.005 against 0.007-0.009 ms; 2048: 0.002-0.003 against 0.004-0.005 ms; std(20) level at 1024),
     * so NATIVE is taken from 2048 points; VECTOR as in the single-series family. From w = 97 on NATIVE
     * runs its carried blocks (std(97) 2.31 ms, std(200) 1.85-2.07 ms against VECTOR's 2.00 / 1.60-1.75:
     * lanes were tried up to w = 248 and lost from about w = 128), and other ISA bodies have no lanes:
     * those use the single-series family.
     */
    private static final KernelSet<IndicatorKernels> SERIES_VARIANCE = KernelSet
            .builder("indicators.Indicators.seriesVariance", IndicatorKernels.class, JAVA)
            .with(Backend.VECTOR, "dev.sxn.math.indicators.VectorIndicatorKernels", 4096)
            .with(Backend.NATIVE, "dev.sxn.math.indicators.NativeIndicatorKernels", 2048)
            .withOpenCl("dev.sxn.math.indicators.OpenClIndicatorKernels", KernelSet.NEVER, KernelSet.NEVER)
            .build();
    /** The windows NATIVE's lane blocks take (indicators.c: VAR_FAST_MIN_W, VAR_LANE_MAX_W). */
    private static final int LANES_MIN_W = 16, LANES_MAX_W = 96;
    private static final KernelSet<IndicatorKernels> BATCH = KernelSet
            .builder("indicators.Indicators.batch", IndicatorKernels.class, JAVA)
            .with(Backend.VECTOR, "dev.sxn.math.indicators.VectorIndicatorKernels", 4096)
            .with(Backend.NATIVE, "dev.sxn.math.indicators.NativeIndicatorKernels", KernelSet.NEVER)
            .withOpenCl("dev.sxn.math.indicators.OpenClIndicatorKernels", KernelSet.NEVER, 1L << 25)
            .build();
    private static final KernelSet<IndicatorKernels> BATCH_WINDOWS = KernelSet
            .builder("indicators.Indicators.batchWindows", IndicatorKernels.class, JAVA)
            .with(Backend.VECTOR, "dev.sxn.math.indicators.VectorIndicatorKernels", 4096)
            .with(Backend.NATIVE, "dev.sxn.math.indicators.NativeIndicatorKernels", KernelSet.NEVER)
            .withOpenCl("dev.sxn.math.indicators.OpenClIndicatorKernels", KernelSet.NEVER, 1L << 19)
            .build();

    private Indicators() {}

    /**
     * The kinds the four kernel families (single series, single-series variance with the windows NATIVE's
     * AVX-512 lane blocks take, batched recurrences, batched windows) have,
     * their crossovers and what they lack, one line each.
     */
    public static String describeKernels() {
        return SERIES.describe() + "\n" + SERIES_VARIANCE.describe() + "\n" + BATCH.describe() + "\n" + BATCH_WINDOWS.describe();
    }

    // ================================================================== dispatch and checks

    private static void run(Backend pinned, int k, int t, boolean window, Consumer<IndicatorKernels> op) {
        run(k == 1 ? SERIES : window ? BATCH_WINDOWS : BATCH, pinned, k, t, op);
    }

    /**
     * Whether an unpinned single-series variance of window n goes to the seriesVariance family: only
     * for the windows NATIVE's lane blocks take, and only when NATIVE is available (not switched off by
     * sxn.disable, library loaded) with its AVX-512 body, so no other case consults the library.
     */
    private static boolean nativeLanes(int n) {
        if (n < LANES_MIN_W || n > LANES_MAX_W || !Backends.isAvailable(Backend.NATIVE)) return false;
        SxnNative.Library lib = SxnNative.library();
        return lib != null && lib.isa().equals("AVX-512");
    }

    private static void run(KernelSet<IndicatorKernels> set, Backend pinned, int k, int t, Consumer<IndicatorKernels> op) {
        if (pinned != null) {
            op.accept(set.kernel(pinned));
            return;
        }
        Backend kind = set.choose((long) k * t);
        if (kind == Backend.JAVA) {
            op.accept(JAVA);
            return;
        }
        try {
            op.accept(set.kernel(kind));
        } catch (RuntimeException e) {
            // Kernels write out only after their work succeeded, or fully; either way JAVA rewrites all of it.
            if (set.isForced()) throw e;
            set.fellBack(kind, e);
            op.accept(JAVA);
        }
    }

    private static Backend pin(Backend backend) {
        return Objects.requireNonNull(backend, "backend must not be null");
    }

    private static void window(int n, String name, int length) {
        Checks.inRange(n, name, 1, length, "the series length");
    }

    private static void windowBatch(int n, String name, SeriesBatch b) {
        Checks.inRange(n, name, 1, b.length(), "the batch length");
    }

    private static void sampleWindow(int n, String name, int length) {
        Checks.inRange(n, name, 2, Math.max(2, length), "the series length; a sample variance needs 2 values");
        if (n > length) window(n, name, length);
    }

    private static void outFor(double[] out, String outName, double[] x, String xName) {
        Checks.notNull(out, outName);
        if (out.length != x.length) {
            throw new IllegalArgumentException(outName + ".length must be " + x.length + " (" + xName + ".length), was " + out.length);
        }
        if (out == x) throw new IllegalArgumentException(outName + " must not be the same array as " + xName);
    }

    private static SeriesBatch batch(SeriesBatch b, String name) {
        return Objects.requireNonNull(b, () -> name + " must not be null");
    }

    private static void outFor(SeriesBatch out, String outName, SeriesBatch x, String xName) {
        batch(out, outName);
        if (!out.sameShape(x)) {
            throw new IllegalArgumentException(outName + " must have the shape of " + xName + " (" + x.assets() + " x " + x.length()
                    + "), was " + out.assets() + " x " + out.length());
        }
        if (out.data() == x.data()) throw new IllegalArgumentException(outName + " must not share its array with " + xName);
    }

    private static void sameShape(SeriesBatch a, String an, SeriesBatch b, String bn) {
        batch(a, an);
        batch(b, bn);
        if (!a.sameShape(b)) {
            throw new IllegalArgumentException(an + " and " + bn + " must have the same shape, were " + a.assets() + " x " + a.length()
                    + " and " + b.assets() + " x " + b.length());
        }
    }

    private static void multiplier(double k, String name) {
        if (!(k >= 0) || Double.isInfinite(k)) throw new IllegalArgumentException(name + " must be finite and >= 0, was " + k);
    }

    // ================================================================== kernel-backed primitives

    private static void sum0(Backend pin, double[] x, int k, int t, int n, double scale, double[] out) {
        run(pin, k, t, true, kr -> kr.rollingSum(x, k, t, n, scale, out));
    }

    private static void var0(Backend pin, double[] x, int k, int t, int n, int ddof, boolean sqrt, double[] out) {
        // Pinned calls get the same kernels from either single-series family; only the choice differs.
        KernelSet<IndicatorKernels> set = k == 1 && pin == null && nativeLanes(n) ? SERIES_VARIANCE : k == 1 ? SERIES : BATCH_WINDOWS;
        run(set, pin, k, t, kr -> kr.rollingVar(x, k, t, n, ddof, sqrt, out));
    }

    private static void ema0(Backend pin, double[] x, int k, int t, int n, double alpha, double[] out) {
        run(pin, k, t, false, kr -> kr.ema(x, k, t, n, alpha, out));
    }

    private static void rsi0(Backend pin, double[] x, int k, int t, int n, double[] out) {
        run(pin, k, t, false, kr -> kr.rsi(x, k, t, n, out));
    }

    // ---- SMA / rolling mean ----

    /**
     * Simple moving average: the mean of the last {@code n} values, {@code out[i] = (x[i-n+1] + ... +
     * x[i]) / n} (TTR {@code SMA}, TA-Lib {@code SMA}). Warm-up: indices below n - 1 are NaN.
     *
     * @throws IllegalArgumentException if n is outside [1, x.length]
     */
    public static double[] sma(double[] x, int n) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        smaInto(x, n, out);
        return out;
    }

    /** {@link #sma(double[], int)} into {@code out}. */
    public static void smaInto(double[] x, int n, double[] out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        outFor(out, "out", x, "x");
        sum0(null, x, 1, x.length, n, 1.0 / n, out);
    }

    /** {@link #sma(double[], int)} on the given backend. */
    public static double[] sma(Backend backend, double[] x, int n) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        double[] out = new double[x.length];
        sum0(pin(backend), x, 1, x.length, n, 1.0 / n, out);
        return out;
    }

    /** {@link #smaInto(double[], int, double[])} on the given backend. */
    public static void smaInto(Backend backend, double[] x, int n, double[] out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        outFor(out, "out", x, "x");
        sum0(pin(backend), x, 1, x.length, n, 1.0 / n, out);
    }

    /** {@link #sma(double[], int)} of every series of the batch. */
    public static SeriesBatch sma(SeriesBatch x, int n) {
        SeriesBatch out = batch(x, "x").like();
        smaInto(x, n, out);
        return out;
    }

    /** {@link #sma(SeriesBatch, int)} into {@code out}. */
    public static void smaInto(SeriesBatch x, int n, SeriesBatch out) {
        windowBatch(n, "n", batch(x, "x"));
        outFor(out, "out", x, "x");
        sum0(null, x.data(), x.assets(), x.length(), n, 1.0 / n, out.data());
    }

    /** {@link #sma(SeriesBatch, int)} on the given backend. */
    public static SeriesBatch sma(Backend backend, SeriesBatch x, int n) {
        windowBatch(n, "n", batch(x, "x"));
        SeriesBatch out = x.like();
        sum0(pin(backend), x.data(), x.assets(), x.length(), n, 1.0 / n, out.data());
        return out;
    }

    /** {@link #smaInto(SeriesBatch, int, SeriesBatch)} on the given backend. */
    public static void smaInto(Backend backend, SeriesBatch x, int n, SeriesBatch out) {
        windowBatch(n, "n", batch(x, "x"));
        outFor(out, "out", x, "x");
        sum0(pin(backend), x.data(), x.assets(), x.length(), n, 1.0 / n, out.data());
    }

    /** The rolling mean over {@code n} values: the same as {@link #sma(double[], int)}. */
    public static double[] rollingMean(double[] x, int n) {
        return sma(x, n);
    }

    // ---- rolling sum ----

    /** Rolling sum of the last {@code n} values (TTR {@code runSum}); indices below n - 1 are NaN. */
    public static double[] rollingSum(double[] x, int n) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        rollingSumInto(x, n, out);
        return out;
    }

    /** {@link #rollingSum(double[], int)} into {@code out}. */
    public static void rollingSumInto(double[] x, int n, double[] out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        outFor(out, "out", x, "x");
        sum0(null, x, 1, x.length, n, 1.0, out);
    }

    /** {@link #rollingSum(double[], int)} on the given backend. */
    public static double[] rollingSum(Backend backend, double[] x, int n) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        double[] out = new double[x.length];
        sum0(pin(backend), x, 1, x.length, n, 1.0, out);
        return out;
    }

    /** {@link #rollingSum(double[], int)} of every series of the batch. */
    public static SeriesBatch rollingSum(SeriesBatch x, int n) {
        SeriesBatch out = batch(x, "x").like();
        rollingSumInto(x, n, out);
        return out;
    }

    /** {@link #rollingSum(SeriesBatch, int)} into {@code out}. */
    public static void rollingSumInto(SeriesBatch x, int n, SeriesBatch out) {
        windowBatch(n, "n", batch(x, "x"));
        outFor(out, "out", x, "x");
        sum0(null, x.data(), x.assets(), x.length(), n, 1.0, out.data());
    }

    /** {@link #rollingSum(SeriesBatch, int)} on the given backend. */
    public static SeriesBatch rollingSum(Backend backend, SeriesBatch x, int n) {
        windowBatch(n, "n", batch(x, "x"));
        SeriesBatch out = x.like();
        sum0(pin(backend), x.data(), x.assets(), x.length(), n, 1.0, out.data());
        return out;
    }

    // ---- rolling variance / standard deviation ----

    /**
     * Rolling variance of the last {@code n} values: population ({@code sample = false}, divisor n)
     * or sample ({@code sample = true}, divisor n - 1, needs n >= 2). TTR {@code runVar}; a flat
     * window gives exactly 0. Indices below n - 1 are NaN.
     *
     * <p>Accuracy: JAVA (and batches on every backend) re-centre shifted sums on the window mean
     * every step, with two passes whenever the rounding could exceed about 512 u of the window's
     * sum of squared deviations M2 (relative error near 6e-14). A single series on VECTOR and
     * NATIVE slides shifted sums and proves a rounding-error bound for every output: for windows of
     * 16 or more, one bound per block of outputs (the block's largest sum of squares against its
     * smallest M2), a block that fails being recomputed by the per-output method; for shorter
     * windows a running bound per output; on NATIVE with its AVX-512 body, windows of 16 to 96 slide
     * eight runs of 16 to 32 outputs side by side, one bound per run. A result is used only where its bound is at most
     * 2^-40 (9.1e-13) of M2, otherwise (calm windows after a storm, flat windows) the window is
     * recomputed by two passes: relative error at most 9.1e-13 plus two ulps. O(t) time, O(n)
     * extra per recomputed window.
     */
    public static double[] rollingVar(double[] x, int n, boolean sample) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        rollingVarInto(x, n, sample, out);
        return out;
    }

    /** {@link #rollingVar(double[], int, boolean)} into {@code out}. */
    public static void rollingVarInto(double[] x, int n, boolean sample, double[] out) {
        checkVar(x, n, sample);
        outFor(out, "out", x, "x");
        var0(null, x, 1, x.length, n, sample ? 1 : 0, false, out);
    }

    /** {@link #rollingVar(double[], int, boolean)} on the given backend. */
    public static double[] rollingVar(Backend backend, double[] x, int n, boolean sample) {
        checkVar(x, n, sample);
        double[] out = new double[x.length];
        var0(pin(backend), x, 1, x.length, n, sample ? 1 : 0, false, out);
        return out;
    }

    /**
     * Rolling standard deviation: the square root of {@link #rollingVar(double[], int, boolean)} (TTR
     * {@code runSD}), correctly rounded, except on NATIVE's AVX-512 lane blocks (single series, windows
     * of 16 to 96), where half the roots are a 14-bit reciprocal square root estimate refined by a
     * cubic: within 2^-51 (4.4e-16) relative of the correctly rounded root, so the std's relative error
     * is at most about 2^-41 (4.5e-13) plus three ulps. Flat windows give exactly 0; NaN as rollingVar.
     */
    public static double[] rollingStd(double[] x, int n, boolean sample) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        rollingStdInto(x, n, sample, out);
        return out;
    }

    /** {@link #rollingStd(double[], int, boolean)} into {@code out}. */
    public static void rollingStdInto(double[] x, int n, boolean sample, double[] out) {
        checkVar(x, n, sample);
        outFor(out, "out", x, "x");
        var0(null, x, 1, x.length, n, sample ? 1 : 0, true, out);
    }

    /** {@link #rollingStd(double[], int, boolean)} on the given backend. */
    public static double[] rollingStd(Backend backend, double[] x, int n, boolean sample) {
        checkVar(x, n, sample);
        double[] out = new double[x.length];
        var0(pin(backend), x, 1, x.length, n, sample ? 1 : 0, true, out);
        return out;
    }

    /** {@link #rollingStdInto(double[], int, boolean, double[])} on the given backend. */
    public static void rollingStdInto(Backend backend, double[] x, int n, boolean sample, double[] out) {
        checkVar(x, n, sample);
        outFor(out, "out", x, "x");
        var0(pin(backend), x, 1, x.length, n, sample ? 1 : 0, true, out);
    }

    /** {@link #rollingVar(double[], int, boolean)} of every series of the batch. */
    public static SeriesBatch rollingVar(SeriesBatch x, int n, boolean sample) {
        return rollingVar(null, x, n, sample);
    }

    /** {@link #rollingStd(double[], int, boolean)} of every series of the batch. */
    public static SeriesBatch rollingStd(SeriesBatch x, int n, boolean sample) {
        return rollingStd(null, x, n, sample);
    }

    /** {@link #rollingVar(SeriesBatch, int, boolean)} on the given backend ({@code null}: chosen per call). */
    public static SeriesBatch rollingVar(Backend backend, SeriesBatch x, int n, boolean sample) {
        checkVar(batch(x, "x"), n, sample);
        SeriesBatch out = x.like();
        var0(backend, x.data(), x.assets(), x.length(), n, sample ? 1 : 0, false, out.data());
        return out;
    }

    /** {@link #rollingStd(SeriesBatch, int, boolean)} on the given backend ({@code null}: chosen per call). */
    public static SeriesBatch rollingStd(Backend backend, SeriesBatch x, int n, boolean sample) {
        checkVar(batch(x, "x"), n, sample);
        SeriesBatch out = x.like();
        var0(backend, x.data(), x.assets(), x.length(), n, sample ? 1 : 0, true, out.data());
        return out;
    }

    /** {@link #rollingStd(SeriesBatch, int, boolean)} into {@code out}. */
    public static void rollingStdInto(SeriesBatch x, int n, boolean sample, SeriesBatch out) {
        checkVar(batch(x, "x"), n, sample);
        outFor(out, "out", x, "x");
        var0(null, x.data(), x.assets(), x.length(), n, sample ? 1 : 0, true, out.data());
    }

    /** {@link #rollingStdInto(SeriesBatch, int, boolean, SeriesBatch)} on the given backend. */
    public static void rollingStdInto(Backend backend, SeriesBatch x, int n, boolean sample, SeriesBatch out) {
        checkVar(batch(x, "x"), n, sample);
        outFor(out, "out", x, "x");
        var0(pin(backend), x.data(), x.assets(), x.length(), n, sample ? 1 : 0, true, out.data());
    }

    private static void checkVar(double[] x, int n, boolean sample) {
        Checks.notNull(x, "x");
        if (sample) sampleWindow(n, "n", x.length);
        else window(n, "n", x.length);
    }

    private static void checkVar(SeriesBatch x, int n, boolean sample) {
        if (sample) Checks.inRange(n, "n", 2, Math.max(2, x.length()), "the batch length; a sample variance needs 2 values");
        windowBatch(n, "n", x);
    }

    // ---- rolling z-score ----

    /**
     * Rolling z-score {@code (x[i] - mean) / sd} over the last {@code n} values, with the sample
     * standard deviation (n - 1), as R's {@code scale} of the window's last value; a flat window is
     * NaN (0 / 0). Needs n >= 2; indices below n - 1 are NaN.
     */
    public static double[] zscore(double[] x, int n) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        zscoreInto(x, n, out);
        return out;
    }

    /** {@link #zscore(double[], int)} into {@code out}. */
    public static void zscoreInto(double[] x, int n, double[] out) {
        checkVar(x, n, true);
        outFor(out, "out", x, "x");
        zscore0(x, 1, x.length, n, out);
    }

    /** {@link #zscore(double[], int)} of every series of the batch. */
    public static SeriesBatch zscore(SeriesBatch x, int n) {
        checkVar(batch(x, "x"), n, true);
        SeriesBatch out = x.like();
        zscore0(x.data(), x.assets(), x.length(), n, out.data());
        return out;
    }

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

    private static void zscore0(double[] x, int k, int t, int n, double[] out) {
        double[] sd = scratch(0, x.length);
        sum0(null, x, k, t, n, 1.0 / n, out);
        var0(null, x, k, t, n, 1, true, sd);
        for (int i = 0; i < x.length; i++) out[i] = (x[i] - out[i]) / sd[i];
    }

    // ---- rolling min / max ----

    /**
     * Rolling maximum of the last {@code n} values (TTR {@code runMax}); van Herk / Gil-Werman block
     * prefix/suffix maxima, O(1) per point and branch-free, exact (an input is selected; of equal
     * values the newest, so -0.0 and +0.0 come out as they are in the series). NaN while fewer than
     * n values, and for windows holding a NaN or +-Inf.
     */
    public static double[] rollingMax(double[] x, int n) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        rollingMaxInto(x, n, out);
        return out;
    }

    /** {@link #rollingMax(double[], int)} into {@code out}. */
    public static void rollingMaxInto(double[] x, int n, double[] out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        outFor(out, "out", x, "x");
        RollingExtremes.rollingExtreme(x, 1, x.length, n, true, out);
    }

    /** Rolling minimum of the last {@code n} values (TTR {@code runMin}); as {@link #rollingMax(double[], int)}. */
    public static double[] rollingMin(double[] x, int n) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        rollingMinInto(x, n, out);
        return out;
    }

    /** {@link #rollingMin(double[], int)} into {@code out}. */
    public static void rollingMinInto(double[] x, int n, double[] out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        outFor(out, "out", x, "x");
        RollingExtremes.rollingExtreme(x, 1, x.length, n, false, out);
    }

    /** {@link #rollingMax(double[], int)} of every series of the batch. */
    public static SeriesBatch rollingMax(SeriesBatch x, int n) {
        windowBatch(n, "n", batch(x, "x"));
        SeriesBatch out = x.like();
        RollingExtremes.rollingExtreme(x.data(), x.assets(), x.length(), n, true, out.data());
        return out;
    }

    /** {@link #rollingMin(double[], int)} of every series of the batch. */
    public static SeriesBatch rollingMin(SeriesBatch x, int n) {
        windowBatch(n, "n", batch(x, "x"));
        SeriesBatch out = x.like();
        RollingExtremes.rollingExtreme(x.data(), x.assets(), x.length(), n, false, out.data());
        return out;
    }

    // ---- EMA / Wilder ----

    /**
     * Exponential moving average with {@code alpha = 2 / (n + 1)}, seeded with the SMA of the first
     * n values: {@code out[n-1] = mean(x[0..n-1])}, then {@code out[i] = alpha x[i] + (1 - alpha)
     * out[i-1]} (TTR {@code EMA}, TA-Lib {@code EMA}: they agree). Indices below n - 1 are NaN.
     */
    public static double[] ema(double[] x, int n) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        emaInto(x, n, out);
        return out;
    }

    /** {@link #ema(double[], int)} into {@code out}. */
    public static void emaInto(double[] x, int n, double[] out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        outFor(out, "out", x, "x");
        ema0(null, x, 1, x.length, n, 2.0 / (n + 1), out);
    }

    /** {@link #ema(double[], int)} on the given backend. */
    public static double[] ema(Backend backend, double[] x, int n) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        double[] out = new double[x.length];
        ema0(pin(backend), x, 1, x.length, n, 2.0 / (n + 1), out);
        return out;
    }

    /** {@link #emaInto(double[], int, double[])} on the given backend. */
    public static void emaInto(Backend backend, double[] x, int n, double[] out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        outFor(out, "out", x, "x");
        ema0(pin(backend), x, 1, x.length, n, 2.0 / (n + 1), out);
    }

    /** {@link #ema(double[], int)} of every series of the batch: vectorised across the assets. */
    public static SeriesBatch ema(SeriesBatch x, int n) {
        return ema(null, x, n);
    }

    /** {@link #ema(SeriesBatch, int)} on the given backend ({@code null}: chosen per call). */
    public static SeriesBatch ema(Backend backend, SeriesBatch x, int n) {
        windowBatch(n, "n", batch(x, "x"));
        SeriesBatch out = x.like();
        ema0(backend, x.data(), x.assets(), x.length(), n, 2.0 / (n + 1), out.data());
        return out;
    }

    /** {@link #ema(SeriesBatch, int)} into {@code out}. */
    public static void emaInto(SeriesBatch x, int n, SeriesBatch out) {
        windowBatch(n, "n", batch(x, "x"));
        outFor(out, "out", x, "x");
        ema0(null, x.data(), x.assets(), x.length(), n, 2.0 / (n + 1), out.data());
    }

    /** {@link #emaInto(SeriesBatch, int, SeriesBatch)} on the given backend. */
    public static void emaInto(Backend backend, SeriesBatch x, int n, SeriesBatch out) {
        windowBatch(n, "n", batch(x, "x"));
        outFor(out, "out", x, "x");
        ema0(pin(backend), x.data(), x.assets(), x.length(), n, 2.0 / (n + 1), out.data());
    }

    /**
     * Wilder's smoothing: the EMA with {@code alpha = 1 / n}, seeded with the SMA of the first n
     * values (TTR {@code EMA(wilder = TRUE)}; Wilder's "smoothed moving average", TA-Lib's internal
     * RSI/ATR smoothing). Indices below n - 1 are NaN.
     */
    public static double[] wilder(double[] x, int n) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        wilderInto(x, n, out);
        return out;
    }

    /** {@link #wilder(double[], int)} into {@code out}. */
    public static void wilderInto(double[] x, int n, double[] out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        outFor(out, "out", x, "x");
        ema0(null, x, 1, x.length, n, 1.0 / n, out);
    }

    /** {@link #wilder(double[], int)} of every series of the batch. */
    public static SeriesBatch wilder(SeriesBatch x, int n) {
        windowBatch(n, "n", batch(x, "x"));
        SeriesBatch out = x.like();
        ema0(null, x.data(), x.assets(), x.length(), n, 1.0 / n, out.data());
        return out;
    }

    // ---- WMA ----

    /**
     * Linearly weighted moving average: weights 1..n, the newest value heaviest, divided by
     * n(n+1)/2 (TTR {@code WMA}, TA-Lib {@code WMA}). O(1) per output by running plain and weighted
     * sums, recomputed from the window at the start of every run and every max(64, n) steps: the
     * error stays below about (n + 2R + 2R^2/n) u max|x| (R = max(64, n), u = 2^-53; 1.5e-13
     * max|x| at n = 20), see the kernel's comment. Indices below n - 1 are NaN.
     */
    public static double[] wma(double[] x, int n) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        wmaInto(x, n, out);
        return out;
    }

    /** {@link #wma(double[], int)} into {@code out}. */
    public static void wmaInto(double[] x, int n, double[] out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        outFor(out, "out", x, "x");
        JavaOnlyKernels.wma(x, 1, x.length, n, out);
    }

    /** {@link #wma(double[], int)} of every series of the batch. */
    public static SeriesBatch wma(SeriesBatch x, int n) {
        windowBatch(n, "n", batch(x, "x"));
        SeriesBatch out = x.like();
        JavaOnlyKernels.wma(x.data(), x.assets(), x.length(), n, out.data());
        return out;
    }

    // ---- DEMA / TEMA ----

    /**
     * Double EMA {@code 2 EMA(x) - EMA(EMA(x))} (TTR {@code DEMA} with v = 1, TA-Lib {@code DEMA});
     * the inner EMA is seeded on the first n values of the outer one, so the first value is at
     * index 2(n - 1).
     */
    public static double[] dema(double[] x, int n) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        demaInto(x, n, out);
        return out;
    }

    /** {@link #dema(double[], int)} into {@code out}. */
    public static void demaInto(double[] x, int n, double[] out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        outFor(out, "out", x, "x");
        multiEma(x, 1, x.length, n, 2, out);
    }

    /** {@link #dema(double[], int)} of every series of the batch. */
    public static SeriesBatch dema(SeriesBatch x, int n) {
        windowBatch(n, "n", batch(x, "x"));
        SeriesBatch out = x.like();
        multiEma(x.data(), x.assets(), x.length(), n, 2, out.data());
        return out;
    }

    /**
     * Triple EMA {@code 3 e1 - 3 e2 + e3} with {@code e2 = EMA(e1)}, {@code e3 = EMA(e2)} (TTR
     * {@code TEMA}, TA-Lib {@code TEMA}); first value at index 3(n - 1).
     */
    public static double[] tema(double[] x, int n) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        temaInto(x, n, out);
        return out;
    }

    /** {@link #tema(double[], int)} into {@code out}. */
    public static void temaInto(double[] x, int n, double[] out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        outFor(out, "out", x, "x");
        multiEma(x, 1, x.length, n, 3, out);
    }

    /** {@link #tema(double[], int)} of every series of the batch. */
    public static SeriesBatch tema(SeriesBatch x, int n) {
        windowBatch(n, "n", batch(x, "x"));
        SeriesBatch out = x.like();
        multiEma(x.data(), x.assets(), x.length(), n, 3, out.data());
        return out;
    }

    private static void multiEma(double[] x, int k, int t, int n, int order, double[] out) {
        double alpha = 2.0 / (n + 1);
        double[] e1 = scratch(0, x.length), e2 = scratch(1, x.length);
        ema0(null, x, k, t, n, alpha, e1);
        ema0(null, e1, k, t, n, alpha, e2);
        if (order == 2) {
            for (int i = 0; i < out.length; i++) out[i] = 2 * e1[i] - e2[i];
        } else {
            ema0(null, e2, k, t, n, alpha, out);
            for (int i = 0; i < out.length; i++) out[i] = 3 * e1[i] - 3 * e2[i] + out[i];
        }
    }

    // ---- RSI ----

    /**
     * Relative strength index (Wilder): gains and losses of the price changes, each smoothed by
     * Wilder's average seeded with the mean of the first n changes; {@code 100 up / (up + down)}
     * (TTR {@code RSI}, TA-Lib {@code RSI}). First value at index n. A window without any change is
     * NaN (0/0): TTR's choice, where TA-Lib returns 0; a flat market has no defined strength and a 0
     * would read as "oversold".
     */
    public static double[] rsi(double[] x, int n) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        rsiInto(x, n, out);
        return out;
    }

    /** {@link #rsi(double[], int)} into {@code out}. */
    public static void rsiInto(double[] x, int n, double[] out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        outFor(out, "out", x, "x");
        rsi0(null, x, 1, x.length, n, out);
    }

    /** {@link #rsi(double[], int)} on the given backend. */
    public static double[] rsi(Backend backend, double[] x, int n) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        double[] out = new double[x.length];
        rsi0(pin(backend), x, 1, x.length, n, out);
        return out;
    }

    /** {@link #rsiInto(double[], int, double[])} on the given backend. */
    public static void rsiInto(Backend backend, double[] x, int n, double[] out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        outFor(out, "out", x, "x");
        rsi0(pin(backend), x, 1, x.length, n, out);
    }

    /** {@link #rsi(double[], int)} of every series of the batch: vectorised across the assets. */
    public static SeriesBatch rsi(SeriesBatch x, int n) {
        return rsi(null, x, n);
    }

    /** {@link #rsi(SeriesBatch, int)} on the given backend ({@code null}: chosen per call). */
    public static SeriesBatch rsi(Backend backend, SeriesBatch x, int n) {
        windowBatch(n, "n", batch(x, "x"));
        SeriesBatch out = x.like();
        rsi0(backend, x.data(), x.assets(), x.length(), n, out.data());
        return out;
    }

    /** {@link #rsi(SeriesBatch, int)} into {@code out}. */
    public static void rsiInto(SeriesBatch x, int n, SeriesBatch out) {
        windowBatch(n, "n", batch(x, "x"));
        outFor(out, "out", x, "x");
        rsi0(null, x.data(), x.assets(), x.length(), n, out.data());
    }

    /** {@link #rsiInto(SeriesBatch, int, SeriesBatch)} on the given backend. */
    public static void rsiInto(Backend backend, SeriesBatch x, int n, SeriesBatch out) {
        windowBatch(n, "n", batch(x, "x"));
        outFor(out, "out", x, "x");
        rsi0(pin(backend), x.data(), x.assets(), x.length(), n, out.data());
    }

    // ---- MACD ----

    /**
     * MACD: {@code EMA(x, fast) - EMA(x, slow)}, its signal line {@code EMA(macd, signal)} and the
     * histogram. The difference of prices, as TA-Lib and Appel define it; TTR's default is the
     * percentage {@code 100 (fast / slow - 1)}, and its {@code percent = FALSE} is what this matches.
     * Each EMA is seeded on its own first values (TTR); TA-Lib instead starts the fast EMA late so
     * both begin at index slow - 1, which changes the early values of the fast line. The MACD line
     * starts at index max(fast, slow) - 1, the signal {@code signal - 1} later.
     *
     * @throws IllegalArgumentException if a period is outside [1, x.length]
     */
    public static Macd macd(double[] x, int fast, int slow, int signal) {
        Checks.notNull(x, "x");
        Macd m = new Macd(new double[x.length], new double[x.length], new double[x.length]);
        macdInto(x, fast, slow, signal, m);
        return m;
    }

    /** {@link #macd(double[], int, int, int)} into the arrays of {@code out} (each of x's length). */
    public static void macdInto(double[] x, int fast, int slow, int signal, Macd out) {
        Checks.notNull(x, "x");
        window(fast, "fast", x.length);
        window(slow, "slow", x.length);
        window(signal, "signal", x.length);
        Objects.requireNonNull(out, "out must not be null");
        outFor(out.macd(), "out.macd", x, "x");
        outFor(out.signal(), "out.signal", x, "x");
        outFor(out.histogram(), "out.histogram", x, "x");
        macd0(x, 1, x.length, fast, slow, signal, out.macd(), out.signal(), out.histogram());
    }

    /** {@link #macd(double[], int, int, int)} of every series of the batch. */
    public static MacdBatch macd(SeriesBatch x, int fast, int slow, int signal) {
        batch(x, "x");
        windowBatch(fast, "fast", x);
        windowBatch(slow, "slow", x);
        windowBatch(signal, "signal", x);
        MacdBatch m = new MacdBatch(x.like(), x.like(), x.like());
        macd0(x.data(), x.assets(), x.length(), fast, slow, signal, m.macd().data(), m.signal().data(), m.histogram().data());
        return m;
    }

    private static void macd0(double[] x, int k, int t, int fast, int slow, int signal, double[] m, double[] s, double[] h) {
        double[] slowEma = h; // scratch: h is written last
        ema0(null, x, k, t, fast, 2.0 / (fast + 1), m);
        ema0(null, x, k, t, slow, 2.0 / (slow + 1), slowEma);
        for (int i = 0; i < m.length; i++) m[i] -= slowEma[i];
        ema0(null, m, k, t, signal, 2.0 / (signal + 1), s);
        for (int i = 0; i < m.length; i++) h[i] = m[i] - s[i];
    }

    // ---- Bollinger ----

    /**
     * Bollinger bands: {@code SMA(x, n) -/+ k sd} with the population standard deviation of the
     * window (TTR {@code BBands}, TA-Lib {@code BBANDS}, and Bollinger's own definition: the bands
     * describe the window, not an estimate of a wider population). Indices below n - 1 are NaN.
     *
     * @throws IllegalArgumentException if n is outside [1, x.length] or k is negative or not finite
     */
    public static Bollinger bollinger(double[] x, int n, double k) {
        Checks.notNull(x, "x");
        Bollinger b = new Bollinger(new double[x.length], new double[x.length], new double[x.length]);
        bollingerInto(x, n, k, b);
        return b;
    }

    /** {@link #bollinger(double[], int, double)} into the arrays of {@code out}. */
    public static void bollingerInto(double[] x, int n, double k, Bollinger out) {
        Checks.notNull(x, "x");
        window(n, "n", x.length);
        multiplier(k, "k");
        Objects.requireNonNull(out, "out must not be null");
        outFor(out.lower(), "out.lower", x, "x");
        outFor(out.middle(), "out.middle", x, "x");
        outFor(out.upper(), "out.upper", x, "x");
        bollinger0(x, 1, x.length, n, k, out.lower(), out.middle(), out.upper());
    }

    /** {@link #bollinger(double[], int, double)} of every series of the batch. */
    public static BollingerBatch bollinger(SeriesBatch x, int n, double k) {
        windowBatch(n, "n", batch(x, "x"));
        multiplier(k, "k");
        BollingerBatch b = new BollingerBatch(x.like(), x.like(), x.like());
        bollinger0(x.data(), x.assets(), x.length(), n, k, b.lower().data(), b.middle().data(), b.upper().data());
        return b;
    }

    private static void bollinger0(double[] x, int kk, int t, int n, double k, double[] lo, double[] mid, double[] up) {
        sum0(null, x, kk, t, n, 1.0 / n, mid);
        var0(null, x, kk, t, n, 0, true, up);
        for (int i = 0; i < mid.length; i++) {
            double d = k * up[i];
            lo[i] = mid[i] - d;
            up[i] = mid[i] + d;
        }
    }

    // ---- ATR ----

    /**
     * Average true range: Wilder's smoothing (alpha 1/n, seeded with the mean of the first n true
     * ranges) of {@code TR[i] = max(high[i], close[i-1]) - min(low[i], close[i-1])} (TTR {@code ATR},
     * TA-Lib {@code ATR}: they agree). TR needs the previous close, so the first ATR is at index n.
     * In price units.
     *
     * @throws IllegalArgumentException if the lengths differ or n is outside [1, close.length]
     */
    public static double[] atr(double[] high, double[] low, double[] close, int n) {
        Checks.notNull(close, "close");
        double[] out = new double[close.length];
        atrInto(high, low, close, n, out);
        return out;
    }

    /** {@link #atr(double[], double[], double[], int)} into {@code out}. */
    public static void atrInto(double[] high, double[] low, double[] close, int n, double[] out) {
        hlc(high, low, close);
        window(n, "n", close.length);
        outFor(out, "out", close, "close");
        if (out == high || out == low) throw new IllegalArgumentException("out must not be the same array as high or low");
        atr0(high, low, close, 1, close.length, n, out);
    }

    /** {@link #atr(double[], double[], double[], int)} of every series of the batches (same shapes). */
    public static SeriesBatch atr(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n) {
        sameShape(high, "high", close, "close");
        sameShape(low, "low", close, "close");
        windowBatch(n, "n", close);
        SeriesBatch out = close.like();
        atr0(high.data(), low.data(), close.data(), close.assets(), close.length(), n, out.data());
        return out;
    }

    private static void atr0(double[] h, double[] l, double[] c, int k, int t, int n, double[] out) {
        double[] tr = scratch(0, c.length);
        JavaOnlyKernels.trueRange(h, l, c, k, t, tr);
        ema0(null, tr, k, t, n, 1.0 / n, out);
    }

    private static void hlc(double[] high, double[] low, double[] close) {
        Checks.sameLength(high, "high", close, "close");
        Checks.sameLength(low, "low", close, "close");
    }

    // ---- VWAP ----

    /**
     * Rolling VWAP: {@code sum(price * volume) / sum(volume)} over the last {@code n} samples (TTR
     * {@code VWAP}). Indices below n - 1 are NaN; a window of zero volume is NaN (0/0).
     */
    public static double[] vwap(double[] price, double[] volume, int n) {
        Checks.notNull(price, "price");
        double[] out = new double[price.length];
        vwapInto(price, volume, n, out);
        return out;
    }

    /** {@link #vwap(double[], double[], int)} into {@code out}. */
    public static void vwapInto(double[] price, double[] volume, int n, double[] out) {
        Checks.sameLength(price, "price", volume, "volume");
        window(n, "n", price.length);
        outFor(out, "out", price, "price");
        if (out == volume) throw new IllegalArgumentException("out must not be the same array as volume");
        vwap0(price, volume, 1, price.length, n, out);
    }

    /** {@link #vwap(double[], double[], int)} of every series of the batches. */
    public static SeriesBatch vwap(SeriesBatch price, SeriesBatch volume, int n) {
        sameShape(price, "price", volume, "volume");
        windowBatch(n, "n", price);
        SeriesBatch out = price.like();
        vwap0(price.data(), volume.data(), price.assets(), price.length(), n, out.data());
        return out;
    }

    private static void vwap0(double[] p, double[] v, int k, int t, int n, double[] out) {
        double[] pv = scratch(0, p.length), vs = scratch(1, p.length);
        for (int i = 0; i < pv.length; i++) {
            // A missing price must also drop the volume from the window, so both sums see the same gaps.
            pv[i] = p[i] * v[i];
            vs[i] = JavaIndicatorKernels.finite(p[i]) ? v[i] : Double.NaN;
        }
        sum0(null, pv, k, t, n, 1.0, out);
        sum0(null, vs, k, t, n, 1.0, pv);
        for (int i = 0; i < out.length; i++) out[i] /= pv[i];
    }

    /**
     * Cumulative VWAP: {@code sum(price * volume) / sum(volume)} from the start of the run (the first
     * sample, or the first after a missing one), with compensated sums. Defined from index 0.
     */
    public static double[] vwapCumulative(double[] price, double[] volume) {
        Checks.sameLength(price, "price", volume, "volume");
        double[] out = new double[price.length];
        JavaOnlyKernels.vwapCumulative(price, volume, 1, price.length, out);
        return out;
    }

    /** {@link #vwapCumulative(double[], double[])} into {@code out}. */
    public static void vwapCumulativeInto(double[] price, double[] volume, double[] out) {
        Checks.sameLength(price, "price", volume, "volume");
        outFor(out, "out", price, "price");
        if (out == volume) throw new IllegalArgumentException("out must not be the same array as volume");
        JavaOnlyKernels.vwapCumulative(price, volume, 1, price.length, out);
    }

    /** {@link #vwapCumulative(double[], double[])} of every series of the batches. */
    public static SeriesBatch vwapCumulative(SeriesBatch price, SeriesBatch volume) {
        sameShape(price, "price", volume, "volume");
        SeriesBatch out = price.like();
        JavaOnlyKernels.vwapCumulative(price.data(), volume.data(), price.assets(), price.length(), out.data());
        return out;
    }

    // ---- OBV ----

    /**
     * On-balance volume: starts at {@code volume[0]}, then adds the volume when the price rises,
     * subtracts it when it falls and keeps the total when it is unchanged (TA-Lib {@code OBV}; TTR
     * also starts at volume[0] but counts a change below sqrt(machine eps) relative as unchanged, a
     * tolerance TA-Lib and the usual definition do not have; exact comparison is followed).
     */
    public static double[] obv(double[] price, double[] volume) {
        Checks.sameLength(price, "price", volume, "volume");
        double[] out = new double[price.length];
        JavaOnlyKernels.obv(price, volume, 1, price.length, out);
        return out;
    }

    /** {@link #obv(double[], double[])} into {@code out}. */
    public static void obvInto(double[] price, double[] volume, double[] out) {
        Checks.sameLength(price, "price", volume, "volume");
        outFor(out, "out", price, "price");
        if (out == volume) throw new IllegalArgumentException("out must not be the same array as volume");
        JavaOnlyKernels.obv(price, volume, 1, price.length, out);
    }

    /** {@link #obv(double[], double[])} of every series of the batches. */
    public static SeriesBatch obv(SeriesBatch price, SeriesBatch volume) {
        sameShape(price, "price", volume, "volume");
        SeriesBatch out = price.like();
        JavaOnlyKernels.obv(price.data(), volume.data(), price.assets(), price.length(), out.data());
        return out;
    }

    // ---- Stochastic ----

    /**
     * Stochastic oscillator, in percent: {@code %K = 100 (close - lowest low) / (highest high -
     * lowest low)} over the last {@code nK} samples, {@code %D = SMA(%K, nD)} (TTR {@code stoch}'s
     * fastK and fastD times 100; TA-Lib {@code STOCHF}). A flat range (highest high = lowest low) is
     * NaN, as in TTR (TA-Lib returns 0, which reads as a signal where there is none). %K starts at
     * index nK - 1, %D at nK + nD - 2.
     */
    public static Stochastic stochastic(double[] high, double[] low, double[] close, int nK, int nD) {
        Checks.notNull(close, "close");
        Stochastic s = new Stochastic(new double[close.length], new double[close.length]);
        stochasticInto(high, low, close, nK, nD, s);
        return s;
    }

    /** {@link #stochastic(double[], double[], double[], int, int)} into the arrays of {@code out}. */
    public static void stochasticInto(double[] high, double[] low, double[] close, int nK, int nD, Stochastic out) {
        hlc(high, low, close);
        window(nK, "nK", close.length);
        window(nD, "nD", close.length);
        Objects.requireNonNull(out, "out must not be null");
        outFor(out.k(), "out.k", close, "close");
        outFor(out.d(), "out.d", close, "close");
        // %K and %D are built in place (out.k holds the highest highs, out.d the lowest lows).
        outFor(out.k(), "out.k", high, "high");
        outFor(out.k(), "out.k", low, "low");
        outFor(out.d(), "out.d", high, "high");
        outFor(out.d(), "out.d", low, "low");
        if (out.k() == out.d()) throw new IllegalArgumentException("out.k must not be the same array as out.d");
        stoch0(high, low, close, 1, close.length, nK, nD, out.k(), out.d());
    }

    /** {@link #stochastic(double[], double[], double[], int, int)} of every series of the batches. */
    public static StochasticBatch stochastic(SeriesBatch high, SeriesBatch low, SeriesBatch close, int nK, int nD) {
        sameShape(high, "high", close, "close");
        sameShape(low, "low", close, "close");
        windowBatch(nK, "nK", close);
        windowBatch(nD, "nD", close);
        StochasticBatch s = new StochasticBatch(close.like(), close.like());
        stoch0(high.data(), low.data(), close.data(), close.assets(), close.length(), nK, nD, s.k().data(), s.d().data());
        return s;
    }

    private static void stoch0(double[] h, double[] l, double[] c, int k, int t, int nK, int nD, double[] pk, double[] pd) {
        // pk holds the highest high and pd the lowest low until %K overwrites them: no scratch.
        RollingExtremes.rollingExtreme(h, k, t, nK, true, pk);
        RollingExtremes.rollingExtreme(l, k, t, nK, false, pd);
        for (int i = 0; i < c.length; i++) {
            double lmin = pd[i];
            pk[i] = 100 * (c[i] - lmin) / (pk[i] - lmin);
        }
        sum0(null, pk, k, t, nD, 1.0 / nD, pd);
    }

    // ---- time-aware EMA ----

    /**
     * EMA for irregular ticks: {@code v[0] = x[0]}, {@code v[i] = v[i-1] + (1 - exp(-(time[i] -
     * time[i-1]) / tau)) (x[i] - v[i-1])}: each tick's weight depends on the time since the last one,
     * with time constant {@code tau} in the units of {@code time}. A tick at the same time as the last
     * has no weight. Defined from index 0 (and from the first tick after a missing one).
     *
     * @throws IllegalArgumentException if the lengths differ, tau is not finite and > 0, or the
     *     timestamps are not finite and non-decreasing (naming the first offending index)
     */
    public static double[] timeEma(double[] x, double[] time, double tau) {
        Checks.notNull(x, "x");
        double[] out = new double[x.length];
        timeEmaInto(x, time, tau, out);
        return out;
    }

    /** {@link #timeEma(double[], double[], double)} into {@code out}. */
    public static void timeEmaInto(double[] x, double[] time, double tau, double[] out) {
        Checks.sameLength(x, "x", time, "time");
        Checks.positive(tau, "tau");
        checkTimes(time);
        outFor(out, "out", x, "x");
        if (out == time) throw new IllegalArgumentException("out must not be the same array as time");
        JavaOnlyKernels.timeEma(x, time, 1, x.length, tau, out);
    }

    /** {@link #timeEma(double[], double[], double)} of every series of the batch, on shared timestamps. */
    public static SeriesBatch timeEma(SeriesBatch x, double[] time, double tau) {
        batch(x, "x");
        Checks.notNull(time, "time");
        if (time.length != x.length()) {
            throw new IllegalArgumentException("time.length must be " + x.length() + " (the batch length), was " + time.length);
        }
        Checks.positive(tau, "tau");
        checkTimes(time);
        SeriesBatch out = x.like();
        JavaOnlyKernels.timeEma(x.data(), time, x.assets(), x.length(), tau, out.data());
        return out;
    }

    private static void checkTimes(double[] time) {
        for (int i = 0; i < time.length; i++) {
            if (!Double.isFinite(time[i])) throw new IllegalArgumentException("time[" + i + "] must be finite, was " + time[i]);
            if (i > 0 && time[i] < time[i - 1]) {
                throw new IllegalArgumentException("time must be non-decreasing, but time[" + i + "] = " + time[i] + " < time["
                        + (i - 1) + "] = " + time[i - 1]);
            }
        }
    }

    // ================================================================== price matrices

    /**
     * Per-cycle delta of a price matrix (rows = cycles, one column per asset, as a time-major
     * batch): {@code d[i][a] = p[i][a] - p[i-1][a]}; row 0 is NaN.
     */
    public static SeriesBatch delta(SeriesBatch prices) {
        batch(prices, "prices");
        SeriesBatch out = prices.like();
        JavaOnlyKernels.delta(prices.data(), prices.assets(), prices.length(), 1, false, out.data());
        return out;
    }

    /**
     * Per-cycle delta in percent: {@code 100 (p[i][a] - p[i-1][a]) / p[i-1][a]}; row 0 is NaN, a
     * zero previous price gives an IEEE infinity (or NaN for 0/0).
     */
    public static SeriesBatch deltaPercent(SeriesBatch prices) {
        batch(prices, "prices");
        SeriesBatch out = prices.like();
        JavaOnlyKernels.delta(prices.data(), prices.assets(), prices.length(), 1, true, out.data());
        return out;
    }

    /**
     * The frame-to-frame change of delta percent: {@code deltaPercent[i] - deltaPercent[i-1]}, in
     * percentage points; rows 0 and 1 are NaN.
     */
    public static SeriesBatch deltaPercentChange(SeriesBatch prices) {
        SeriesBatch pct = deltaPercent(prices);
        SeriesBatch out = prices.like();
        JavaOnlyKernels.delta(pct.data(), prices.assets(), prices.length(), 1, false, out.data());
        if (prices.length() > 1) java.util.Arrays.fill(out.data(), 0, prices.assets() * 2, Double.NaN);
        return out;
    }

    /**
     * Cross-sectional z-score: each row (cycle) normalised over its assets, {@code (v - mean) / sd}
     * with the mean and population standard deviation of the row's finite entries (the row is the
     * whole population being ranked, not a sample). Non-finite entries stay NaN; a row with fewer than
     * two finite entries or no spread is all NaN.
     */
    public static SeriesBatch crossSectionalZScore(SeriesBatch m) {
        batch(m, "m");
        SeriesBatch out = m.like();
        JavaOnlyKernels.crossSectionalZ(m.data(), m.assets(), m.length(), out.data());
        return out;
    }

    /** {@link #crossSectionalZScore(SeriesBatch)} into {@code out}. */
    public static void crossSectionalZScoreInto(SeriesBatch m, SeriesBatch out) {
        batch(m, "m");
        outFor(out, "out", m, "m");
        JavaOnlyKernels.crossSectionalZ(m.data(), m.assets(), m.length(), out.data());
    }
}
