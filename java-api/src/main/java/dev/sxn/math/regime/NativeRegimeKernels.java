package dev.sxn.math.regime;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.Scratch;
import dev.sxn.math.internal.SxnNative;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** FFM critical downcall into libsxnkernels' {@code sxn_regime_forward} (native/src/regime.c), on the heap arrays. */
final class NativeRegimeKernels implements RegimeKernels {
    private static final MethodHandle FORWARD = SxnNative.downcall("sxn_regime_forward", FunctionDescriptor.ofVoid(
            JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS));

    @Override
    public void forward(int lanes, int steps, int k, int d, boolean diagonal, double[] params, int paramLanes, double[] x, int xLanes,
                        double[] filtered, double[] ll) {
        try (Scratch sc = Scratch.open()) {
            double[] work = sc.doubles(k * lanes + 2 * k + d);
            MemorySegment out = filtered == null ? MemorySegment.NULL : MemorySegment.ofArray(filtered);
            FORWARD.invokeExact((long) lanes, (long) steps, k, d, diagonal ? 1 : 0, MemorySegment.ofArray(params), (long) paramLanes,
                    MemorySegment.ofArray(x), (long) xLanes, out, MemorySegment.ofArray(ll), MemorySegment.ofArray(work));
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_regime_forward", t);
        }
    }
}
