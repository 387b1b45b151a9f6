package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.Shapes.BATCH;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;

/**
 * The batched oscillators of {@link Oscillators} and {@link VolumeIndicators} that have kernels on every kind (family
 * {@code indicators.ttr.oscillators}, {@link TtrOscKernels}): momentum, ROC (discrete and continuous), Williams %R, CCI
 * (HLC and close-only) and MFI over a time-major {@link SeriesBatch}, with the kind chosen per call or pinned. The
 * unpinned forms in {@link Oscillators} and {@link VolumeIndicators} call these with a null backend.
 *
 * <p>Kinds: JAVA runs each asset's finite runs ({@link Segments}: the NaN rule). VECTOR runs assets in lanes over the
 * time-major rows (one time step of all assets is contiguous), NATIVE the same loops in C, OPENCL an asset per
 * work-item. <b>The accelerated kinds are eligible only when every input value is finite and at most {@link #LIMIT}
 * in magnitude</b> (one scan of the inputs per call); any other batch runs on JAVA, also when a kind is pinned or
 * forced, so the NaN rule always holds. On eligible batches every kind gives JAVA's bits, except ROC continuous on
 * NATIVE and OPENCL, whose logarithm is libm's or the device's (within a few ulps of {@link Math#log}): the per-call
 * choice never takes them for it, so an unpinned call always equals the one-series functions bit for bit.
 *
 * <p>Definitions, warm-ups and errors are the unpinned forms'. O(k t) for momentum and ROC, O(k t n) for %R and CCI,
 * O(k t) for MFI; the result is a new batch; temporaries are per-thread scratch. Thread-safe.
 */
public final class OscillatorBatches {
    /** The family's dispatch. */
    static final KernelSet<TtrOscKernels> KERNELS =
            KernelSet.of(KernelFamilies.INDICATORS_TTR_OSCILLATORS, TtrOscKernels.class, new JavaTtrOscKernels());

    /**
     * The largest input magnitude the accelerated kinds take (2^1020): below it the typical price's sum of three
     * values stays finite, so a batch that passes the scan has one finite run per asset on every kind.
     */
    public static final double LIMIT = 0x1p1020;

    private static final String[] X = {"x"};
    private static final String[] HLC = {"high", "low", "close"};
    private static final String[] HLCV = {"high", "low", "close", "volume"};

    private OscillatorBatches() {}

    /**
     * {@link Oscillators#momentum(SeriesBatch, int)} on the kind of {@code backend} (null: chosen per call).
     *
     * @throws IllegalStateException if {@code backend} is pinned and unavailable here (the message says why)
     */
    public static SeriesBatch momentum(SeriesBatch x, int n, Backend backend) {
        return rate(x, n, TtrOscKernels.DIFF, backend);
    }

    /** {@link Oscillators#rocDiscrete(SeriesBatch, int)} on the kind of {@code backend} (null: chosen per call). */
    public static SeriesBatch rocDiscrete(SeriesBatch x, int n, Backend backend) {
        return rate(x, n, TtrOscKernels.DISCRETE, backend);
    }

    /**
     * {@link Oscillators#rocContinuous(SeriesBatch, int)} on the kind of {@code backend} (null: chosen per call, never
     * NATIVE or OPENCL); pinned NATIVE and OPENCL take their own logarithm, within a few ulps of {@link Math#log}.
     */
    public static SeriesBatch rocContinuous(SeriesBatch x, int n, Backend backend) {
        return rate(x, n, TtrOscKernels.CONTINUOUS, backend);
    }

    /** {@link Oscillators#wpr(SeriesBatch, SeriesBatch, SeriesBatch, int)} on the kind of {@code backend}. */
    public static SeriesBatch wpr(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n, Backend backend) {
        hlc(high, low, close, n);
        SeriesBatch out = high.like();
        double[] h = high.data(), l = low.data(), c = close.data(), o = out.data();
        int k = high.assets(), t = high.length();
        Backend pin = eligible(h) && eligible(l) && eligible(c) ? backend : Backend.JAVA;
        KERNELS.run(pin, (long) k * t, kr -> kr.wpr(h, l, c, k, t, n, o));
        return out;
    }

    /** {@link Oscillators#cci(SeriesBatch, SeriesBatch, SeriesBatch, int, double)} on the kind of {@code backend}. */
    public static SeriesBatch cci(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n, double c, Backend backend) {
        Checks.positive(c, "c");
        hlc(high, low, close, n);
        SeriesBatch out = high.like();
        double[] h = high.data(), l = low.data(), cl = close.data(), o = out.data();
        int k = high.assets(), t = high.length();
        Backend pin = eligible(h) && eligible(l) && eligible(cl) ? backend : Backend.JAVA;
        KERNELS.run(pin, (long) k * t, kr -> kr.cci(h, l, cl, k, t, n, c, o));
        return out;
    }

    /** {@link Oscillators#cci(SeriesBatch, int, double)} (close-only) on the kind of {@code backend}. */
    public static SeriesBatch cci(SeriesBatch x, int n, double c, Backend backend) {
        Checks.positive(c, "c");
        one(x, n);
        SeriesBatch out = x.like();
        double[] xd = x.data(), o = out.data();
        int k = x.assets(), t = x.length();
        KERNELS.run(eligible(xd) ? backend : Backend.JAVA, (long) k * t, kr -> kr.cci(xd, null, null, k, t, n, c, o));
        return out;
    }

    /** {@link VolumeIndicators#mfi(SeriesBatch, SeriesBatch, SeriesBatch, SeriesBatch, int)} on the kind of {@code backend}. */
    public static SeriesBatch mfi(SeriesBatch high, SeriesBatch low, SeriesBatch close, SeriesBatch volume, int n,
            Backend backend) {
        SeriesBatch[] in = {high, low, close, volume};
        Segments.sameShape(in, HLCV);
        Shapes.window(n, "n", high.length(), BATCH);
        SeriesBatch out = high.like();
        double[] h = high.data(), l = low.data(), c = close.data(), v = volume.data(), o = out.data();
        int k = high.assets(), t = high.length();
        Backend pin = eligible(h) && eligible(l) && eligible(c) && eligible(v) ? backend : Backend.JAVA;
        KERNELS.run(pin, (long) k * t, kr -> kr.mfi(h, l, c, v, k, t, n, o));
        return out;
    }

    private static SeriesBatch rate(SeriesBatch x, int n, int type, Backend backend) {
        one(x, n);
        SeriesBatch out = x.like();
        double[] xd = x.data(), o = out.data();
        int k = x.assets(), t = x.length();
        Backend pin = eligible(xd) ? backend : Backend.JAVA;
        if (type == TtrOscKernels.CONTINUOUS) KERNELS.run(pin, (long) k * t, TtrOscKernels::exactLog, kr -> kr.momentum(xd, k, t, n, type, o));
        else KERNELS.run(pin, (long) k * t, kr -> kr.momentum(xd, k, t, n, type, o));
        return out;
    }

    private static void one(SeriesBatch x, int n) {
        Segments.sameShape(new SeriesBatch[] {x}, X);
        Shapes.window(n, "n", x.length(), BATCH);
    }

    private static void hlc(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n) {
        Segments.sameShape(new SeriesBatch[] {high, low, close}, HLC);
        Shapes.window(n, "n", high.length(), BATCH);
    }

    /** Whether every value is finite and at most {@link #LIMIT} in magnitude (false for NaN). */
    static boolean eligible(double[] x) {
        boolean ok = true;
        for (double v : x) ok &= Math.abs(v) <= LIMIT;
        return ok;
    }
}
