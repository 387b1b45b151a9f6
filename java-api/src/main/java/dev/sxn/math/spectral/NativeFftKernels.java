package dev.sxn.math.spectral;

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
 * Stockham stages in libsxnkernels ({@code native/src/spectral.c}: the same radix 4/2/3/5 stages as
 * the JAVA kernel, compiled for AVX-512, AVX2+FMA and baseline and chosen at run time). One critical
 * downcall per transform passes the heap arrays and the plan's arrays without copying. Stateless;
 * loaded only when NATIVE is available.
 */
final class NativeFftKernels implements FftKernels {
    static final MethodHandle FFT = SxnNative.downcall("sxn_spectral_fft", FunctionDescriptor.ofVoid(
            JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));

    static final MethodHandle RFFT = SxnNative.downcall("sxn_spectral_rfft", FunctionDescriptor.ofVoid(
            ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_DOUBLE, ADDRESS,
            ADDRESS, ADDRESS));

    /** Real FFTs of even length in one downcall: packing and unpacking in C as well (short transforms). */
    @Override
    public boolean realEven(FftPlan half, double[] x, int off, double[] outRe, double[] outIm, double scale) {
        double[] work = FftPlan.Workspace.get().slot(4, 4 * half.n);
        try {
            RFFT.invokeExact(MemorySegment.ofArray(x).asSlice((long) off * Double.BYTES), (long) half.n, half.radix.length,
                    MemorySegment.ofArray(half.radix), MemorySegment.ofArray(half.stride), MemorySegment.ofArray(half.twOffset),
                    MemorySegment.ofArray(half.flatTwRe), MemorySegment.ofArray(half.flatTwIm), MemorySegment.ofArray(half.realTwRe),
                    MemorySegment.ofArray(half.realTwIm), scale, MemorySegment.ofArray(outRe), MemorySegment.ofArray(outIm),
                    MemorySegment.ofArray(work));
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_spectral_rfft", t);
        }
        return true;
    }

    @Override
    public void transform(FftPlan plan, double[] re, double[] im, double[] sre, double[] sim) {
        try {
            FFT.invokeExact((long) plan.n, plan.radix.length, MemorySegment.ofArray(plan.radix), MemorySegment.ofArray(plan.stride),
                    MemorySegment.ofArray(plan.twOffset), MemorySegment.ofArray(plan.flatTwRe), MemorySegment.ofArray(plan.flatTwIm),
                    MemorySegment.ofArray(re), MemorySegment.ofArray(im), MemorySegment.ofArray(sre), MemorySegment.ofArray(sim));
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_spectral_fft", t);
        }
    }
}
