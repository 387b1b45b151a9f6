package dev.sxn.math.stochastic;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.SxnNative;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The fill in libsxnkernels ({@code native/src/stochastic.c}: AVX-512 eight lanes per vector, or the
 * scalar reference, chosen at run time), bit-identical to the JAVA kernel. Critical downcalls pass the
 * heap array without a copy; a large block is handed over in row chunks of about
 * {@value #VALUES_PER_CALL} values (a whole number of Philox blocks, so no block is computed twice), long
 * enough that a downcall's cost is negligible and short enough to keep the array's pinning brief. Chunks
 * cannot change a value: each depends on its (lane, step) only. Loaded only when NATIVE is available;
 * stateless.
 */
final class NativeRandomKernels implements RandomKernels {
    private static final long VALUES_PER_CALL = 1L << 20;
    private static final MethodHandle FILL = SxnNative.downcall("sxn_stochastic_fill", FunctionDescriptor.ofVoid(
            JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_LONG));

    @Override
    public void fill(RandomStream s, int mode, long lane0, int lanes, long step0, int steps, double[] d, long[] bits, int off, int ld) {
        if (lanes <= 0 || steps <= 0) return;
        MemorySegment out = d != null ? MemorySegment.ofArray(d) : MemorySegment.ofArray(bits);
        int gen = RngConstants.code(s.generator());
        int perBlock = s.generator().stepsPerBlock();
        int rows = (int) Math.max(perBlock, VALUES_PER_CALL / lanes / perBlock * perBlock);
        for (int r = 0; r < steps; r += rows) {
            int n = Math.min(rows, steps - r);
            try {
                FILL.invokeExact(gen, mode, s.seed(), s.stream(), lane0, (long) lanes, step0 + r, (long) n, out, (long) off + (long) r * ld, (long) ld);
            } catch (Throwable t) {
                throw NativeFailure.wrap("sxn_stochastic_fill", t);
            }
        }
    }
}
