package dev.sxn.math.risk;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.SxnNative;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The GARCH kernels in libsxnkernels ({@code native/src/risk.c}, {@code sxn_risk_garch_sums}): the time loop in C
 * over blocks of {@code SXN_GARCH_BLOCK} assets, which share each time step's cache line of the time-major batch,
 * in the Java operation order ({@code -ffp-contract=off}); {@link GarchSums} adds the per-asset constants. One
 * scalar body for every ISA: a step costs two libm logarithms (log and log1p for the t), which a SIMD body would need
 * a vector logarithm of the library's own for, and the VECTOR kernel already has the assets in lanes. Values agree
 * with JAVA to a relative 1e-12 (libm's logarithms may differ from Java's in the last bit). Critical downcalls pass
 * the heap arrays without a copy; the sums go to per-thread scratch, so only {@code f} and {@code grad} of the
 * active assets are written. Loaded only when NATIVE is available; allocates nothing warm.
 */
final class NativeGarchKernels implements GarchKernels {
    private static final MethodHandle SUMS = SxnNative.downcall("sxn_risk_garch_sums", FunctionDescriptor.ofVoid(
            JAVA_INT, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[1][0]);

    @Override
    public void likelihood(int flags, int p, double[] x, int k, int n, double[] c, double[] th, byte[] active, double[] f,
            double[] grad) {
        double[][] holder = SCRATCH.get();
        if (holder[0].length < GarchSums.ROWS * k) holder[0] = new double[GarchSums.ROWS * k];
        double[] o = holder[0];
        try {
            SUMS.invokeExact(flags, (long) k, (long) n, MemorySegment.ofArray(x), MemorySegment.ofArray(c), MemorySegment.ofArray(th),
                    MemorySegment.ofArray(active), MemorySegment.ofArray(o));
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_risk_garch_sums", t);
        }
        GarchSums.finish(flags, k, n, th, o, k, 0, 0, k, active, f, grad);
    }
}
