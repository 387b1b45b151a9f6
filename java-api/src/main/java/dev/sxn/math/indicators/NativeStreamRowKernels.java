package dev.sxn.math.indicators;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.SxnNative;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The {@link StreamRowKernels} in libsxnkernels ({@code native/src/stream.c}, prototypes in {@code stream.h}):
 * scalar C per asset with the Java steps' operations in their order (no contraction), so equal to JAVA bit for
 * bit. Critical downcalls pass the heap arrays without a copy. Loaded only when NATIVE is available.
 */
final class NativeStreamRowKernels implements StreamRowKernels {
    private static final MethodHandle EMA = SxnNative.downcall("sxn_stream_ema",
            FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, JAVA_DOUBLE, ADDRESS));
    private static final MethodHandle RSI = SxnNative.downcall("sxn_stream_rsi",
            FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    private static final MethodHandle SUM = SxnNative.downcall("sxn_stream_sum",
            FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, JAVA_DOUBLE, ADDRESS));
    private static final MethodHandle ATR = SxnNative.downcall("sxn_stream_atr",
            FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));

    private static MemorySegment seg(double[] a) {
        return MemorySegment.ofArray(a);
    }

    @Override
    public void ema(double[] x, int k, double[] stIn, double[] stOut, int seed, double alpha, double[] out) {
        try {
            EMA.invokeExact(seg(x), (long) k, seg(stIn), seg(stOut), (long) seed, alpha, seg(out));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_stream_ema", e);
        }
    }

    @Override
    public void rsi(double[] x, int k, double[] stIn, double[] stOut, int n, double[] out) {
        try {
            RSI.invokeExact(seg(x), (long) k, seg(stIn), seg(stOut), (long) n, seg(out));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_stream_rsi", e);
        }
    }

    @Override
    public void sum(double[] ring, int p, int back, int k, double[] stIn, double[] stOut, int w, double scale, double[] out) {
        try {
            SUM.invokeExact(seg(ring), (long) p, (long) back, (long) k, seg(stIn), seg(stOut), (long) w, scale, seg(out));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_stream_sum", e);
        }
    }

    @Override
    public void atr(double[] high, double[] low, double[] close, int k, double[] stIn, double[] stOut, int n, double[] out) {
        try {
            ATR.invokeExact(seg(high), seg(low), seg(close), (long) k, seg(stIn), seg(stOut), (long) n, seg(out));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_stream_atr", e);
        }
    }
}
