package dev.sxn.math.risk;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.SxnNative;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The scorecard kernel in libsxnkernels ({@code sxn_risk_scorecard} in {@code native/src/risk.c}): the JAVA kernel's
 * loop (time outer, assets inner over contiguous rows, the sums in the output rows) in C with
 * {@code -ffp-contract=off}, which the compiler may vectorise across assets without changing any lane's operation
 * order, so the bits are JAVA's. A critical downcall passes the heap arrays without a copy; allocates nothing.
 */
final class NativeScorecardKernels implements ScorecardKernels {
    private static final MethodHandle SUMS = SxnNative.downcall("sxn_risk_scorecard", FunctionDescriptor.ofVoid(
            ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_DOUBLE, ADDRESS));

    @Override
    public void sums(double[] x, int k, int n, double mar, double[] out) {
        try {
            SUMS.invokeExact(MemorySegment.ofArray(x), (long) k, (long) n, mar, MemorySegment.ofArray(out));
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_risk_scorecard", t);
        }
    }
}
