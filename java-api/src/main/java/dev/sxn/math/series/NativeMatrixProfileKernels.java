package dev.sxn.math.series;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.SxnNative;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The diagonal walk in libsxnkernels ({@code native/src/series_mp.c}: AVX-512 / AVX2+FMA / baseline,
 * chosen at run time; 32 or 16 diagonals in vector lanes). Critical downcalls pass the heap arrays
 * without a copy. A critical call keeps the arrays pinned and the thread in native code, so the
 * diagonals are handed over in chunks of about {@value #PAIRS_PER_CALL} pairs each, long enough
 * that the cost of a downcall is negligible beside the chunk's work and short enough to keep the
 * pinning brief. Loaded only when NATIVE is available.
 */
final class NativeMatrixProfileKernels implements MatrixProfileKernels {
    private static final long PAIRS_PER_CALL = 1L << 22;
    private static final MethodHandle DIAGONALS = SxnNative.downcall("sxn_series_mp_diagonals", FunctionDescriptor.ofVoid(
            ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG,
            ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG,
            JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG,
            ADDRESS, ADDRESS, ADDRESS, ADDRESS));

    private static MemorySegment seg(double[] a) {
        return MemorySegment.ofArray(a);
    }

    @Override
    public void diagonals(Windows a, Windows b, int m, int period, int kLo, int kHi,
                          double[] rowCorr, double[] rowIdx, double[] colCorr, double[] colIdx) {
        // Chunks are multiples of 32 diagonals, the widest tile, so the split changes no tile.
        long perDiagonal = Math.max(1, Math.min(a.count, b.count - kLo));
        int step = (int) Math.max(32, PAIRS_PER_CALL / perDiagonal / 32 * 32);
        // From the highest chunk down: the C kernel's column update relies on that order (see series_mp.c).
        int chunks = (int) (((long) kHi - kLo + step - 1) / step);
        // The segments once per call, not per chunk: a long series has thousands of chunks.
        MemorySegment ax = seg(a.x), amu = seg(a.mu), adf = seg(a.df), adg = seg(a.dg), ainv = seg(a.inv);
        MemorySegment bx = seg(b.x), bmu = seg(b.mu), bdf = seg(b.df), bdg = seg(b.dg), binv = seg(b.inv);
        MemorySegment rc = seg(rowCorr), ri = seg(rowIdx), cc = seg(colCorr), ci = seg(colIdx);
        for (int c = chunks - 1; c >= 0; c--) {
            int k = kLo + c * step;
            int hi = (int) Math.min(kHi, (long) k + step);
            try {
                DIAGONALS.invokeExact(ax, amu, adf, adg, ainv, (long) a.count, bx, bmu, bdf, bdg, binv, (long) b.count,
                        (long) m, (long) period, (long) k, (long) hi, rc, ri, cc, ci);
            } catch (Throwable t) {
                throw NativeFailure.wrap("sxn_series_mp_diagonals", t);
            }
        }
    }
}
