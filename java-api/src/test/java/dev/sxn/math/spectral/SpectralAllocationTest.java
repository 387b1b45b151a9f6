package dev.sxn.math.spectral;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.Allocations;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spectral kernels allocate nothing proportional to the problem once warm, on every kind of both families.
 * In-place and output-taking FFTs (powers of two, a mixed radix and a Bluestein length): {@value #CONSTANT} bytes
 * per call. Rolling entropy returns a fresh array of its windows: the budget is that array plus
 * {@value #CONSTANT} bytes, so per-window temporaries, or a per-call array over the series (the NaN and
 * flat-window counts), break it.
 */
class SpectralAllocationTest {
    private static final long CONSTANT = 2 * 1024;

    static Stream<Backend> fftKinds() {
        return BackendSupport.kinds(KernelFamilies.FFT);
    }

    static Stream<Backend> entropyKinds() {
        return BackendSupport.kinds(KernelFamilies.ROLLING_ENTROPY);
    }

    private static double[] signal(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.sin(0.01 * i) + r.nextGaussian();
        return x;
    }

    @ParameterizedTest
    @MethodSource("fftKinds")
    void transformsAllocateAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int n : new int[] {1 << 12, 1 << 16, 3 * 5 * 7 * 16, 1009}) {
            double[] re = signal(n, 1), im = signal(n, 2), x = signal(n, 3);
            double[] outRe = new double[n / 2 + 1], outIm = new double[n / 2 + 1], back = new double[n];
            Allocations.assertUnder("forward+inverse " + n + " " + kind, () -> {
                FFT.forward(kind, re, im, FFT.Norm.BACKWARD);
                FFT.inverse(kind, re, im, FFT.Norm.BACKWARD);
            }, CONSTANT);
            Allocations.assertUnder("rfft+irfft " + n + " " + kind, () -> {
                FFT.rfft(kind, x, 0, n, outRe, outIm, FFT.Norm.ORTHO);
                FFT.irfft(kind, outRe, outIm, n, back, FFT.Norm.ORTHO);
            }, CONSTANT);
        }
    }

    @ParameterizedTest
    @MethodSource("entropyKinds")
    void rollingEntropyAllocatesItsResult(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        double[] x = signal(20_000, 4);
        x[5000] = Double.NaN;
        for (int window : new int[] {64, 256}) {
            for (boolean keepDc : new boolean[] {true, false}) {
                int count = SpectralEntropy.windowCount(x.length, window, 1);
                long result = 16 + 8L * count;
                Allocations.assertUnder("rollingEntropy w=" + window + " keepDc=" + keepDc + " " + kind,
                        () -> SpectralEntropy.rollingEntropy(kind, x, window, 1, Math.E, true, keepDc), result + CONSTANT);
            }
        }
    }
}
