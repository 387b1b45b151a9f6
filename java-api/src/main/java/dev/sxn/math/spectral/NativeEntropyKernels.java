package dev.sxn.math.spectral;

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
 * Rolling spectral entropy in libsxnkernels: every window of every series in one downcall
 * ({@code sxn_spectral_rolling_entropy}) when the window is even and half of it has only the prime
 * factors 2, 3, 5; other windows run the per-window algorithm of {@link JavaEntropyKernels} on the
 * native FFT stages. Loaded only when NATIVE is available; stateless.
 */
final class NativeEntropyKernels implements EntropyKernels {
    private static final MethodHandle ROLL = SxnNative.downcall("sxn_spectral_rolling_entropy", FunctionDescriptor.ofVoid(
            ADDRESS, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_DOUBLE,
            JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));

    private final JavaEntropyKernels generic = new JavaEntropyKernels(new NativeFftKernels());

    @Override
    public void rollingEntropy(double[] x, int series, int length, int window, int step, boolean keepDc, double logScale,
            double[] out) {
        FftPlan plan = (window & 1) == 0 ? FftPlan.of(window / 2) : null;
        if (plan == null || plan.isBluestein()) {
            generic.rollingEntropy(x, series, length, window, step, keepDc, logScale, out);
            return;
        }
        int h = plan.n;
        try (Scratch scratch = Scratch.open()) {
            double[] work = scratch.doubles(5 * h + 1);
            ROLL.invokeExact(MemorySegment.ofArray(x), series, (long) length, (long) window, (long) step, keepDc ? 1 : 0, logScale,
                    (long) h, plan.radix.length, MemorySegment.ofArray(plan.radix), MemorySegment.ofArray(plan.stride),
                    MemorySegment.ofArray(plan.twOffset), MemorySegment.ofArray(plan.flatTwRe), MemorySegment.ofArray(plan.flatTwIm),
                    MemorySegment.ofArray(plan.realTwRe), MemorySegment.ofArray(plan.realTwIm), MemorySegment.ofArray(work),
                    MemorySegment.ofArray(out));
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_spectral_rolling_entropy", t);
        }
    }
}
