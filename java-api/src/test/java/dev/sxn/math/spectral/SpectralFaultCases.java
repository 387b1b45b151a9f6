package dev.sxn.math.spectral;

import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.FaultCase.Call;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The spectral calls of the fault-injection suite ({@code FaultInjectionTest}). A complex FFT of a smooth length
 * transforms the caller's arrays in place (one kernel call: the kernel contract keeps them until it succeeded);
 * Bluestein lengths, real transforms and the rolling entropy work on scratch the dispatched op fills itself.
 */
public final class SpectralFaultCases {
    private SpectralFaultCases() {}

    /** The cases. */
    public static List<FaultCase> cases() {
        return List.of(
                complex("FFT.forward, n = 64", 64, false, FFT.Norm.BACKWARD).inPlaceOnCallersData(),
                complex("FFT.inverse, n = 60", 60, true, FFT.Norm.ORTHO).inPlaceOnCallersData(),
                complex("FFT.forward, n = 67 (Bluestein)", 67, false, FFT.Norm.FORWARD),
                real("FFT.rfft, n = 128", 128),
                real("FFT.rfft, n = 45 (odd)", 45),
                real("FFT.rfft, n = 106 (Bluestein half)", 106),
                FaultCase.of("FFT.irfft, n = 96", KernelFamilies.FFT, k -> {
                    double[] re = signal(49, 5), im = signal(49, 6);
                    double[] out = new double[96];
                    return Call.of(() -> FFT.irfft(k, re, im, 96, out, FFT.Norm.BACKWARD), () -> out, new Object[] {re, im});
                }),
                FaultCase.of("Welch.psd", KernelFamilies.FFT, k -> {
                    double[] x = signal(1000, 7);
                    Welch.Psd[] r = new Welch.Psd[1];
                    return Call.of(() -> r[0] = Welch.psd(x), () -> new Object[] {r[0].frequencies(), r[0].power()}, x);
                }).unpinnedOnly(),
                FaultCase.of("SpectralEntropy.entropy and powerSpectrum", KernelFamilies.FFT, k -> {
                    double[] x = signal(300, 8);
                    Object[] r = new Object[2];
                    return Call.of(() -> {
                        r[0] = SpectralEntropy.entropy(x, 2.0, true);
                        r[1] = SpectralEntropy.powerSpectrum(x);
                    }, () -> r, x);
                }).unpinnedOnly(),
                FaultCase.of("SpectralEntropy.rollingEntropy", KernelFamilies.ROLLING_ENTROPY, k -> {
                    double[] x = signal(700, 9);
                    x[350] = Double.NaN;
                    double[][] r = new double[1][];
                    return Call.of(() -> r[0] = SpectralEntropy.rollingEntropy(k, x, 64, 5, Math.E, true, false), () -> r, x);
                }),
                FaultCase.of("SpectralEntropy.rollingEntropy, batched", KernelFamilies.ROLLING_ENTROPY, k -> {
                    double[][] xs = {signal(300, 10), signal(300, 11), signal(300, 12)};
                    double[][][] r = new double[1][][];
                    return Call.of(() -> r[0] = SpectralEntropy.rollingEntropy(k, xs, 50, 7, 2.0, false, true), () -> r, xs);
                }));
    }

    private static FaultCase complex(String name, int n, boolean inverse, FFT.Norm norm) {
        return FaultCase.of(name, KernelFamilies.FFT, k -> {
            double[] re = signal(n, n), im = signal(n, n + 1);
            return Call.of(() -> {
                if (inverse) FFT.inverse(k, re, im, norm);
                else FFT.forward(k, re, im, norm);
            }, () -> new Object[] {re, im}, null, () -> new Object[] {re, im});
        });
    }

    private static FaultCase real(String name, int n) {
        return FaultCase.of(name, KernelFamilies.FFT, k -> {
            double[] x = signal(n + 3, n);
            double[] re = new double[n / 2 + 1], im = new double[n / 2 + 1];
            return Call.of(() -> FFT.rfft(k, x, 3, n, re, im, FFT.Norm.ORTHO), () -> new Object[] {re, im}, x);
        });
    }

    private static double[] signal(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.sin(0.3 * i) + 0.5 * rnd.nextGaussian();
        return x;
    }
}
