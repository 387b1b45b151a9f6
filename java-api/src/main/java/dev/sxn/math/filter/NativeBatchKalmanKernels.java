package dev.sxn.math.filter;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.SxnNative;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The batched kernel in libsxnkernels ({@code native/src/filter.c}, AVX-512 / AVX2 / SSE2 bodies
 * chosen at run time, one filter per lane). A critical downcall passes the heap arrays themselves:
 * no copy. Loaded only when NATIVE is available; stateless and thread-safe.
 */
final class NativeBatchKalmanKernels implements BatchKalmanKernels {
    private static final MethodHandle RUN = SxnNative.downcall("sxn_filter_batch_run",
            FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS));
    private static final MethodHandle FIRST_INF = SxnNative.downcall("sxn_filter_first_inf",
            FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_LONG));
    private static final MethodHandle RUN_DT = SxnNative.downcall("sxn_filter_batch_run_dt",
            FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));

    @Override
    public void run(BatchPlan plan, double[] state, int filters, double[] zs, int zOff, int ticks, double[] out) {
        MemorySegment outSeg = out == null ? MemorySegment.NULL : MemorySegment.ofArray(out);
        try {
            RUN.invokeExact(plan.n, plan.m, MemorySegment.ofArray(plan.packed), MemorySegment.ofArray(state), (long) filters,
                    MemorySegment.ofArray(zs).asSlice((long) zOff * Double.BYTES), (long) ticks,
                    outSeg);
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_filter_batch_run", t);
        }
    }

    @Override
    public void runDt(BatchPlan plan, double[] state, int filters, double[] zs, int zOff, double[] dts, int dOff, int ticks, double[] out) {
        MemorySegment outSeg = out == null ? MemorySegment.NULL : MemorySegment.ofArray(out);
        try {
            RUN_DT.invokeExact(MemorySegment.ofArray(plan.packed), MemorySegment.ofArray(state), (long) filters,
                    MemorySegment.ofArray(zs).asSlice((long) zOff * Double.BYTES), MemorySegment.ofArray(dts).asSlice((long) dOff * Double.BYTES),
                    (long) ticks, outSeg);
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_filter_batch_run_dt", t);
        }
    }

    @Override
    public int firstInfinite(double[] a, int off, int len) {
        long i;
        try {
            i = (long) FIRST_INF.invokeExact(MemorySegment.ofArray(a).asSlice((long) off * Double.BYTES), (long) len);
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_filter_first_inf", t);
        }
        return i < 0 ? -1 : off + (int) i;
    }
}
