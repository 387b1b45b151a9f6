package dev.sxn.math.dynamics;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.SxnNative;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Dynamics kernels in libsxnkernels ({@code native/src/dynamics.c}: AVX-512 with three vectors of
 * particles in flight, AVX2+FMA with one, a scalar baseline; chosen at run time). The ensemble is passed
 * in blocks of {@value #BLOCK} particles per critical downcall: each call stays in the milliseconds
 * (critical downcalls pin the heap arrays and must be short) and its block, 16 d {@value #BLOCK} bytes,
 * stays in L2 for the chunk. No copies. Stateless; thread-safe. Loaded only when NATIVE is available.
 */
final class NativeDynamicsKernels implements DynamicsKernels {
    static final int BLOCK = 8192;
    private static final MethodHandle ADVANCE = SxnNative.downcall("sxn_dynamics_advance", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_LONG));

    @Override
    public void advance(double[] q, double[] p, int n, int d, int code, double a, double b, double c, Scheme s, int steps) {
        double[] params = params(a, b, c, s);
        MemorySegment qs = MemorySegment.ofArray(q), ps = MemorySegment.ofArray(p), pr = MemorySegment.ofArray(params);
        int m = s.stages();
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int count = Math.min(BLOCK, n - i0);
            long off = (long) i0 * Double.BYTES;
            int rc;
            try {
                rc = (int) ADVANCE.invokeExact(qs.asSlice(off), ps.asSlice(off), (long) count, (long) n, d, code, m,
                        s.friction() ? 1 : 0, pr, (long) steps);
            } catch (Throwable t) {
                throw NativeFailure.wrap("sxn_dynamics_advance", t);
            }
            if (rc != 0) {
                // Checked before the first block, so no block has been advanced yet when this is thrown.
                throw new IllegalStateException("sxn_dynamics_advance refused d=" + d + ", stages=" + m + " (rc " + rc + ")");
            }
        }
    }

    /** {a, b, c, kickJoin, cHalf, cFull, kick[0..m], drift[0..m-1]}, the layout dynamics.c reads. */
    static double[] params(double a, double b, double c, Scheme s) {
        int m = s.stages();
        double[] out = new double[7 + 2 * m];
        out[0] = a;
        out[1] = b;
        out[2] = c;
        out[3] = s.kickJoin();
        out[4] = s.cHalf();
        out[5] = s.cFull();
        System.arraycopy(s.kick(), 0, out, 6, m + 1);
        System.arraycopy(s.drift(), 0, out, 7 + m, m);
        return out;
    }
}
