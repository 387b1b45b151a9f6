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
 * The oscillator kernels in libsxnkernels ({@code sxn_ttr_*} in {@code native/src/ttr_osc.c}): the loops of
 * {@link VectorTtrOscKernels} in C with {@code -ffp-contract=off} (time outer, assets inner over contiguous rows,
 * which the compiler may vectorise without changing any asset's operation order), so the bits are JAVA's except ROC
 * continuous (libm's log). Critical downcalls pass the heap arrays without a copy; the typical price and the running
 * sums live in per-thread scratch. Given only finite, eligible batches ({@link OscillatorBatches}).
 */
final class NativeTtrOscKernels implements TtrOscKernels {
    private static final MethodHandle MOMENTUM = SxnNative.downcall("sxn_ttr_momentum",
            FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS));
    private static final MethodHandle WPR = SxnNative.downcall("sxn_ttr_wpr",
            FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS));
    private static final MethodHandle CCI = SxnNative.downcall("sxn_ttr_cci", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS,
            ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_DOUBLE, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle MFI = SxnNative.downcall("sxn_ttr_mfi", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS,
            ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS));

    @Override
    public void momentum(double[] x, int k, int t, int n, int type, double[] out) {
        try {
            MOMENTUM.invokeExact(MemorySegment.ofArray(x), (long) k, (long) t, (long) n, type, MemorySegment.ofArray(out));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_ttr_momentum", e);
        }
    }

    @Override
    public void wpr(double[] h, double[] l, double[] c, int k, int t, int n, double[] out) {
        try {
            WPR.invokeExact(MemorySegment.ofArray(h), MemorySegment.ofArray(l), MemorySegment.ofArray(c), (long) k, (long) t,
                    (long) n, MemorySegment.ofArray(out));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_ttr_wpr", e);
        }
    }

    @Override
    public void cci(double[] h, double[] l, double[] c, int k, int t, int n, double coef, double[] out) {
        try (Scratch w = Scratch.open()) {
            MemorySegment ls = MemorySegment.NULL, cs = MemorySegment.NULL, ps = MemorySegment.NULL;
            if (l != null) {
                ls = MemorySegment.ofArray(l);
                cs = MemorySegment.ofArray(c);
                ps = MemorySegment.ofArray(w.doubles(k * t));
            }
            CCI.invokeExact(MemorySegment.ofArray(h), ls, cs, (long) k, (long) t, (long) n, coef, ps,
                    MemorySegment.ofArray(w.doubles(k)), MemorySegment.ofArray(out));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_ttr_cci", e);
        }
    }

    @Override
    public void mfi(double[] h, double[] l, double[] c, double[] v, int k, int t, int n, double[] out) {
        try (Scratch w = Scratch.open()) {
            MFI.invokeExact(MemorySegment.ofArray(h), MemorySegment.ofArray(l), MemorySegment.ofArray(c), MemorySegment.ofArray(v),
                    (long) k, (long) t, (long) n, MemorySegment.ofArray(w.doubles(k * t)), MemorySegment.ofArray(w.doubles(k)),
                    MemorySegment.ofArray(w.doubles(k)), MemorySegment.ofArray(out));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_ttr_mfi", e);
        }
    }
}
