package dev.sxn.math.linalg;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.SxnNative;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * BLAS-1 kernels in libsxnkernels ({@code native/src/vectorops.c}: AVX-512 / AVX2+FMA / baseline,
 * chosen at run time). Critical downcalls pass the heap arrays themselves, offset to the first
 * element: no copy. Loaded only when NATIVE is available.
 */
final class NativeVectorOpsKernels implements VectorOpsKernels {
    private static final MethodHandle DOT = SxnNative.downcall("sxn_ddot", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle SUM = SxnNative.downcall("sxn_dsum", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_LONG));
    private static final MethodHandle SUMSQ = SxnNative.downcall("sxn_dsumsq", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_LONG));
    private static final MethodHandle AXPY = SxnNative.downcall("sxn_daxpy", FunctionDescriptor.ofVoid(JAVA_DOUBLE, ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle SCAL = SxnNative.downcall("sxn_dscal", FunctionDescriptor.ofVoid(JAVA_DOUBLE, ADDRESS, JAVA_LONG));

    private static MemorySegment at(double[] a, int off) {
        return MemorySegment.ofArray(a).asSlice((long) off * Double.BYTES);
    }

    @Override
    public double dot(double[] x, int xOff, double[] y, int yOff, int n) {
        try {
            return (double) DOT.invokeExact(at(x, xOff), at(y, yOff), (long) n);
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_ddot", t);
        }
    }

    @Override
    public void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        try {
            AXPY.invokeExact(a, at(x, xOff), at(y, yOff), (long) n);
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_daxpy", t);
        }
    }

    @Override
    public void scale(double a, double[] x, int off, int n) {
        try {
            SCAL.invokeExact(a, at(x, off), (long) n);
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_dscal", t);
        }
    }

    @Override
    public double sum(double[] x, int off, int n) {
        try {
            return (double) SUM.invokeExact(at(x, off), (long) n);
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_dsum", t);
        }
    }

    @Override
    public double sumOfSquares(double[] x, int off, int n) {
        try {
            return (double) SUMSQ.invokeExact(at(x, off), (long) n);
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_dsumsq", t);
        }
    }
}
