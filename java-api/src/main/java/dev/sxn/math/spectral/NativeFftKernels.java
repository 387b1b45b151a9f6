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
 * the JAVA kernel, compiled for AVX-512, AVX2+FMA and baseline and chosen at run time), and from
 * {@link #blockedMin} on the cache-blocked four-step transform built from the same stages
 * ({@link FftPlan.Blocked}). One critical downcall per transform passes the heap arrays and the plan's
 * arrays without copying; the finiteness check of the public entry points runs in C too (vectorised,
 * or fused into the blocked transform's first pass). Stateless; loaded only when NATIVE is available.
 */
final class NativeFftKernels implements FftKernels {
    /**
     * Doubles past 4 h in the real transforms' work arrays (four arrays of h, skewed against each other
     * modulo 4 KiB) and past the blocked transform's buffer (spectral.h: SXN_SPECTRAL_WORK_PAD).
     */
    static final int WORK_PAD = 256;

    // One holder per function: a downcall handle is made on the function's first use (making one costs far more
    // than loading a class, so a first complex FFT does not pay for the real, packed and blocked handles too), and a
    // static final handle is a constant the JIT inlines.
    private static final class Fft {
        static final MethodHandle H = SxnNative.downcall("sxn_spectral_fft", FunctionDescriptor.of(JAVA_INT,
            JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT));
    }

    private static final class Rfft {
        static final MethodHandle H = SxnNative.downcall("sxn_spectral_rfft", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_DOUBLE, ADDRESS,
            ADDRESS, ADDRESS, JAVA_INT));
    }

    private static final class RfftPacked {
        static final MethodHandle H = SxnNative.downcall("sxn_spectral_rfft_packed", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, JAVA_DOUBLE, ADDRESS, ADDRESS, ADDRESS, JAVA_INT));
    }

    private static final class FftPacked {
        static final MethodHandle H = SxnNative.downcall("sxn_spectral_fft_packed", FunctionDescriptor.of(JAVA_INT,
            JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT));
    }

    private static final class FftBlocked {
        static final MethodHandle H = SxnNative.downcall("sxn_spectral_fft_blocked", FunctionDescriptor.of(JAVA_INT,
            JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
            ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT));
    }

    private static final class RfftBlocked {
        static final MethodHandle H = SxnNative.downcall("sxn_spectral_rfft_blocked", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
            ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_DOUBLE, ADDRESS, ADDRESS, ADDRESS, JAVA_INT));
    }

    /**
     * Shortest complex length that runs the cache-blocked four-step transform instead of the Stockham
     * stages (when the plan has a blocked layout; real FFTs count their complex half length). CPU time
     * per transform, A/B with the property below on the final code (bench/results/history/spectral.md,
     * "Large-n blocked FFT"): Stockham with skewed scratch is ahead up to 2^20 (complex 2^20: 8462 vs
     * 7649 MFLOP/s; real 2^21, h = 2^20: 8628 vs 7931), the blocked transform from 2^21 (complex 2^21:
     * 8100 vs 5589, 2^22: 7777 vs 6827; real 2^22: 8071 vs 7064). Not final so the tests can run the
     * blocked path at small sizes; the property {@code sxn.fft.blockedMin} overrides it for measurements.
     */
    static int blockedMin = Integer.getInteger("sxn.fft.blockedMin", 1 << 21);

    private static FftPlan.Blocked blockedOf(FftPlan plan) {
        FftPlan.Blocked b = plan.blocked;
        return b != null && plan.n >= blockedMin ? b : null;
    }

    @Override
    public boolean checksFinite() {
        return true;
    }

    /** Real FFTs of even length in one downcall: packing and unpacking in C as well (short transforms). */
    @Override
    public boolean realEven(FftPlan half, double[] x, int off, double[] outRe, double[] outIm, double scale) {
        rfft(half, x, off, outRe, outIm, scale, 0);
        return true;
    }

    @Override
    public int realEvenChecked(FftPlan half, double[] x, int off, double[] outRe, double[] outIm, double scale) {
        return rfft(half, x, off, outRe, outIm, scale, 1) == 0 ? 1 : 0;
    }

    private static int rfft(FftPlan half, double[] x, int off, double[] outRe, double[] outIm, double scale, int check) {
        MemorySegment xs = MemorySegment.ofArray(x).asSlice((long) off * Double.BYTES);
        FftPlan.Blocked b = blockedOf(half);
        if (b != null) {
            double[] work = FftPlan.Workspace.get().slot(4, 4 * half.n + WORK_PAD + b.bufferLength());
            try {
                return (int) RfftBlocked.H.invokeExact(xs, (long) b.n1, (long) b.n2, (long) b.wa, (long) b.wb,
                        MemorySegment.ofArray(b.meta1), MemorySegment.ofArray(b.p1.flatTwRe), MemorySegment.ofArray(b.p1.flatTwIm),
                        MemorySegment.ofArray(b.meta2), MemorySegment.ofArray(b.p2.flatTwRe), MemorySegment.ofArray(b.p2.flatTwIm),
                        MemorySegment.ofArray(b.aRe), MemorySegment.ofArray(b.aIm), MemorySegment.ofArray(b.cRe),
                        MemorySegment.ofArray(b.cIm), MemorySegment.ofArray(half.realTwRe), MemorySegment.ofArray(half.realTwIm), scale,
                        MemorySegment.ofArray(outRe), MemorySegment.ofArray(outIm), MemorySegment.ofArray(work), check);
            } catch (Throwable t) {
                throw NativeFailure.wrap("sxn_spectral_rfft_blocked", t);
            }
        }
        double[] work = FftPlan.Workspace.get().slot(4, 4 * half.n + WORK_PAD);
        if (half.packedTw != null) {
            try {
                return (int) RfftPacked.H.invokeExact(xs, (long) half.n, MemorySegment.ofArray(half.packedMeta),
                        MemorySegment.ofArray(half.packedTw), scale, MemorySegment.ofArray(outRe), MemorySegment.ofArray(outIm),
                        MemorySegment.ofArray(work), check);
            } catch (Throwable t) {
                throw NativeFailure.wrap("sxn_spectral_rfft_packed", t);
            }
        }
        try {
            return (int) Rfft.H.invokeExact(xs, (long) half.n, half.radix.length, MemorySegment.ofArray(half.radix),
                    MemorySegment.ofArray(half.stride), MemorySegment.ofArray(half.twOffset), MemorySegment.ofArray(half.flatTwRe),
                    MemorySegment.ofArray(half.flatTwIm), MemorySegment.ofArray(half.realTwRe), MemorySegment.ofArray(half.realTwIm),
                    scale, MemorySegment.ofArray(outRe), MemorySegment.ofArray(outIm), MemorySegment.ofArray(work), check);
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_spectral_rfft", t);
        }
    }

    @Override
    public void transform(FftPlan plan, double[] re, double[] im, double[] sre, double[] sim) {
        fft(plan, re, im, sre, sim, 0);
    }

    @Override
    public boolean transformChecked(FftPlan plan, double[] re, double[] im, double[] sre, double[] sim) {
        return fft(plan, re, im, sre, sim, 1) == 0;
    }

    private static int fft(FftPlan plan, double[] re, double[] im, double[] sre, double[] sim, int check) {
        // scratch beyond n lets C skew its start (spectral.c, skew_to); the C side ignores slack < FftEngine.SCRATCH_SLACK
        long slack = Math.min(sre.length, sim.length) - (long) plan.n;
        FftPlan.Blocked b = blockedOf(plan);
        if (b != null) {
            double[] buf = FftPlan.Workspace.get().slot(8, b.bufferLength());
            try {
                return (int) FftBlocked.H.invokeExact((long) b.n1, (long) b.n2, (long) b.wa, (long) b.wb,
                        MemorySegment.ofArray(b.meta1), MemorySegment.ofArray(b.p1.flatTwRe), MemorySegment.ofArray(b.p1.flatTwIm),
                        MemorySegment.ofArray(b.meta2), MemorySegment.ofArray(b.p2.flatTwRe), MemorySegment.ofArray(b.p2.flatTwIm),
                        MemorySegment.ofArray(b.aRe), MemorySegment.ofArray(b.aIm), MemorySegment.ofArray(b.cRe),
                        MemorySegment.ofArray(b.cIm), MemorySegment.ofArray(re), MemorySegment.ofArray(im), MemorySegment.ofArray(sre),
                        MemorySegment.ofArray(sim), slack, MemorySegment.ofArray(buf), check);
            } catch (Throwable t) {
                throw NativeFailure.wrap("sxn_spectral_fft_blocked", t);
            }
        }
        if (plan.packedTw != null) {
            try {
                return (int) FftPacked.H.invokeExact((long) plan.n, MemorySegment.ofArray(plan.packedMeta),
                        MemorySegment.ofArray(plan.packedTw), MemorySegment.ofArray(re), MemorySegment.ofArray(im),
                        MemorySegment.ofArray(sre), MemorySegment.ofArray(sim), slack, check);
            } catch (Throwable t) {
                throw NativeFailure.wrap("sxn_spectral_fft_packed", t);
            }
        }
        try {
            return (int) Fft.H.invokeExact((long) plan.n, plan.radix.length, MemorySegment.ofArray(plan.radix),
                    MemorySegment.ofArray(plan.stride), MemorySegment.ofArray(plan.twOffset), MemorySegment.ofArray(plan.flatTwRe),
                    MemorySegment.ofArray(plan.flatTwIm), MemorySegment.ofArray(re), MemorySegment.ofArray(im),
                    MemorySegment.ofArray(sre), MemorySegment.ofArray(sim), slack, check);
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_spectral_fft", t);
        }
    }
}
