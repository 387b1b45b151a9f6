package dev.sxn.math.indicators;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.Scratch;
import dev.sxn.math.internal.SxnNative;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Indicator kernels in libsxnkernels ({@code native/src/indicators.c}; prototypes and shared
 * constants in {@code indicators.h}): the first multiple of 16 assets runs SIMD bodies (time outer,
 * streaming one row per step; AVX-512 / AVX2 / SSE2, one lane per asset, chosen at run time) whose
 * arithmetic is the JAVA kernel's, so batched results equal JAVA bit for bit; the remaining assets
 * and single series run scalar C loops, except the rolling variance of a single series (blocks of
 * 4-lane prefix scans with one error check per block, per-ISA bodies; on AVX-512 with windows of
 * {@value IndicatorConstants#VAR_FAST_MIN_W} to {@value IndicatorConstants#VAR_LANE_MAX_W}, eight
 * runs of outputs slid side by side in the lanes with one check per run and a refined
 * reciprocal-square-root std; the guarantees of {@link Indicators#rollingVar(double[], int, boolean)}
 * and {@link Indicators#rollingStd(double[], int, boolean)}). The per-asset state lives in a per-call
 * scratch array of {@value IndicatorConstants#NATIVE_SCRATCH_PER_ASSET} k doubles. Critical downcalls
 * pass the heap arrays without a copy. Loaded only when NATIVE is available.
 *
 * <p>Placement: the scalar single-series loops (SMA, RSI) are sensitive to where the input and
 * output arrays lie. On Java heap arrays of 10^3..10^5 points the same C code varied several-fold in
 * time per point from one allocation to the next, while on off-heap memory it was steady and no slower
 * than the JAVA kernel on the same arrays (bench/results/history/indicators.md, stop 14). Likely the CPU's
 * store/load address-alias prediction; not confirmed, since this VM exposes no counters. This is
 * one reason why NATIVE is pinned only for single series (apart from the rolling variance).
 */
final class NativeIndicatorKernels implements IndicatorKernels {
    private static final MethodHandle SUM = SxnNative.downcall("sxn_indicators_rolling_sum",
            FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_DOUBLE, ADDRESS, ADDRESS));
    private static final MethodHandle VAR = SxnNative.downcall("sxn_indicators_rolling_var",
            FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle EMA = SxnNative.downcall("sxn_indicators_ema",
            FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_DOUBLE, ADDRESS, ADDRESS));
    private static final MethodHandle RSI = SxnNative.downcall("sxn_indicators_rsi",
            FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS));

    private static MemorySegment seg(double[] a) {
        return MemorySegment.ofArray(a);
    }

    /** Scratch for the per-asset state (the kernels initialise it), from the thread's {@link Scratch}: O(k), reused across calls. */
    private static MemorySegment scratch(Scratch s, int k) {
        return MemorySegment.ofArray(s.doubles(IndicatorConstants.NATIVE_SCRATCH_PER_ASSET * k));
    }

    @Override
    public void rollingSum(double[] x, int k, int t, int w, double scale, double[] out) {
        try (Scratch s = Scratch.open()) {
            SUM.invokeExact(seg(x), (long) k, (long) t, (long) w, scale, seg(out), scratch(s, k));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_indicators_rolling_sum", e);
        }
    }

    @Override
    public void rollingVar(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out) {
        try (Scratch s = Scratch.open()) {
            VAR.invokeExact(seg(x), (long) k, (long) t, (long) w, ddof, sqrt ? 1 : 0, seg(out), scratch(s, k));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_indicators_rolling_var", e);
        }
    }

    @Override
    public void ema(double[] x, int k, int t, int seed, double alpha, double[] out) {
        try (Scratch s = Scratch.open()) {
            EMA.invokeExact(seg(x), (long) k, (long) t, (long) seed, alpha, seg(out), scratch(s, k));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_indicators_ema", e);
        }
    }

    @Override
    public void rsi(double[] x, int k, int t, int n, double[] out) {
        try (Scratch s = Scratch.open()) {
            RSI.invokeExact(seg(x), (long) k, (long) t, (long) n, seg(out), scratch(s, k));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_indicators_rsi", e);
        }
    }

    /**
     * Only the AVX-512 body's lane blocks beat VECTOR on a single series, and only for the windows they take
     * ({@link IndicatorConstants#VAR_FAST_MIN_W} to {@link IndicatorConstants#VAR_LANE_MAX_W}).
     */
    @Override
    public boolean takesSeriesVariance(int w) {
        if (w < IndicatorConstants.VAR_FAST_MIN_W || w > IndicatorConstants.VAR_LANE_MAX_W) return false;
        SxnNative.Library lib = SxnNative.library();
        return lib != null && lib.isa().equals("AVX-512");
    }
}
