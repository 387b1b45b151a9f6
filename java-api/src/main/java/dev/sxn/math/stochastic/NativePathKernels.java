package dev.sxn.math.stochastic;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.SxnNative;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The path kernels in libsxnkernels ({@code native/src/paths.c}: AVX-512 with 32 stream lanes per group,
 * or the scalar body, chosen at run time). Only the stream's seed, id and generator and the block's corner
 * cross the call: the kernel draws each path's normals from its own (lane, step) slots (Philox and AS241
 * as {@code stochastic.h} computes them for the fills) and repeats {@link PathExp} in the same IEEE
 * operations, so every value is the JAVA kernel's bit for bit. Critical downcalls pass the heap array
 * without a copy; a large block is handed over in chunks of whole path tiles, about
 * {@value #WORK_PER_CALL} path steps each, so a downcall's cost is negligible and the array's pinning brief.
 * Chunks cannot change a value: a path depends on its index only. Only GBM has native code: the other path
 * methods run the JAVA kernel's code. Loaded only when NATIVE is available; stateless.
 */
final class NativePathKernels implements PathKernels {
    private static final long WORK_PER_CALL = 1L << 20;
    private static final MethodHandle GBM = SxnNative.downcall("sxn_paths_gbm", FunctionDescriptor.ofVoid(
            JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT,
            ADDRESS, JAVA_LONG, JAVA_LONG));

    @Override
    public void gbm(RandomStream s, double x0, double drift, double vol, long firstPath, int paths, int steps, boolean antithetic,
                    int what, double[] out, int off, int ld) {
        if (paths <= 0 || steps <= 0) return;
        MemorySegment seg = MemorySegment.ofArray(out);
        int gen = RngConstants.code(s.generator());
        int chunk = chunkPaths(steps);
        for (int i = 0; i < paths; i += chunk) {
            int n = Math.min(chunk, paths - i);
            try {
                GBM.invokeExact(gen, s.seed(), s.stream(), x0, drift, vol, firstPath + i, (long) n, (long) steps, antithetic ? 1 : 0, what,
                        seg, (long) off + i, (long) ld);
            } catch (Throwable t) {
                throw NativeFailure.wrap("sxn_paths_gbm", t);
            }
        }
    }

    /** Paths per downcall: a whole number of tiles (even, so pairs stay whole) with about WORK_PER_CALL path steps. */
    static int chunkPaths(int steps) {
        return (int) (Math.max(1, WORK_PER_CALL / steps / PathScratch.LANES) * PathScratch.LANES);
    }

    /**
     * Heston by Andersen's QE scheme: the JAVA kernel's code ({@link HestonQeKernel}), as for every path method
     * beyond {@link #gbm} until it has a version of its own ({@link #hasOwnHeston} says so to the automatic choice).
     */
    @Override
    public void hestonQe(RandomStream s, double[] c, double x0, double v0, long firstPath, int paths, int steps, boolean antithetic,
                         int what, double[] out, int off, int ld) {
        HestonQeKernel.run(c, x0, v0, s, firstPath, paths, steps, antithetic, what, out, off, ld);
    }

    @Override
    public boolean hasOwnHeston() {
        return false;
    }
}
