package dev.sxn.math.risk;

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
 * The rolling kernels in libsxnkernels ({@code sxn_risk_rolling_*} in {@code native/src/risk_rolling.c}), with
 * {@code -ffp-contract=off}, so the bits are JAVA's. Vol/Sharpe: blocks of assets, time outer (contiguous rows).
 * VaR/ES: the JAVA rank window per asset (qsort, Fenwick trees of counts and sums over ranks) rather than a sorted
 * window with an {@code O(w)} memmove per step, because the Fenwick sums repeat JAVA's additions (ES bit for bit) and a
 * step costs {@code O(log m)}. Its 2 n + 1 doubles and ints of scratch come from per-thread {@link Scratch} and are
 * reused asset by asset. Critical downcalls pass the heap arrays without a copy; allocates nothing.
 */
final class NativeRollingKernels implements RollingKernels {
    private static final MethodHandle MOMENTS = SxnNative.downcall("sxn_risk_rolling_moments", FunctionDescriptor.ofVoid(
            ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_INT, ADDRESS));
    private static final MethodHandle HISTORICAL = SxnNative.downcall("sxn_risk_rolling_historical", FunctionDescriptor.ofVoid(
            ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_DOUBLE, ADDRESS, ADDRESS, ADDRESS, ADDRESS));

    @Override
    public void moments(double[] x, int k, int n, int w, double rf, double ppy, boolean sharpe, double[] out) {
        try {
            MOMENTS.invokeExact(MemorySegment.ofArray(x), (long) k, (long) n, (long) w, rf, ppy, sharpe ? 1 : 0,
                    MemorySegment.ofArray(out));
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_risk_rolling_moments", t);
        }
    }

    @Override
    public void historical(double[] x, int k, int n, int w, double alpha, double[] var, double[] es) {
        try (Scratch s = Scratch.open()) {
            double[] ds = s.doubles(2 * n + 1);
            int[] is = s.ints(2 * n + 1);
            HISTORICAL.invokeExact(MemorySegment.ofArray(x), (long) k, (long) n, (long) w, alpha, MemorySegment.ofArray(var),
                    MemorySegment.ofArray(es), MemorySegment.ofArray(ds), MemorySegment.ofArray(is));
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_risk_rolling_historical", t);
        }
    }
}
