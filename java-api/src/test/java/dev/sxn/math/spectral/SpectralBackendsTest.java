package dev.sxn.math.spectral;

import static dev.sxn.math.spectral.SpectralReference.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.spectral.FFT.Norm;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every accelerated backend against the plain-Java kernels. FFTs: normwise relative difference
 * <= 1e-12 max(1, log2 n) (the two run the same algorithm; only rounding may differ). Rolling
 * entropy: |a - b| <= 1e-12 per window (normalised entropies lie in [0, 1]), NaN windows identical.
 */
class SpectralBackendsTest {
    static final int[] SIZES = {1, 2, 3, 4, 5, 7, 8, 12, 15, 16, 17, 31, 32, 60, 64, 97, 100, 128, 243, 256, 500, 625, 1000,
            1024, 2048, 3000, 4096, 4099, 6561, 8192, 15625};

    static Stream<Backend> fftKinds() {
        return BackendSupport.accelerated(KernelFamilies.FFT);
    }

    static Stream<Backend> rollingEntropyKinds() {
        return BackendSupport.accelerated(KernelFamilies.ROLLING_ENTROPY);
    }

    @ParameterizedTest
    @MethodSource("fftKinds")
    void fftAgreesWithJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n : SIZES) {
            double[] re = new double[n], im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = rnd.nextDouble(-1, 1);
                im[i] = rnd.nextDouble(-1, 1);
            }
            for (Norm norm : Norm.values()) {
                double[] ar = re.clone(), ai = im.clone(), br = re.clone(), bi = im.clone();
                FFT.forward(Backend.JAVA, ar, ai, norm);
                FFT.forward(kind, br, bi, norm);
                assertRel(br, bi, ar, ai, fftTol(n), kind + " forward n=" + n + " " + norm);
                FFT.inverse(Backend.JAVA, ar, ai, norm);
                FFT.inverse(kind, br, bi, norm);
                assertRel(br, bi, ar, ai, fftTol(n), kind + " inverse n=" + n + " " + norm);
            }
            int bins = n / 2 + 1;
            // an offset into a longer array, to catch kernels that ignore it
            double[] x = new double[n + 3];
            System.arraycopy(re, 0, x, 3, n);
            double[] jr = new double[bins], ji = new double[bins], kr = new double[bins], ki = new double[bins];
            FFT.rfft(Backend.JAVA, x, 3, n, jr, ji, Norm.BACKWARD);
            FFT.rfft(kind, x, 3, n, kr, ki, Norm.BACKWARD);
            assertRel(kr, ki, jr, ji, fftTol(n), kind + " rfft n=" + n);
            double[] jo = new double[n], ko = new double[n];
            FFT.irfft(Backend.JAVA, jr, ji, n, jo, Norm.ORTHO);
            FFT.irfft(kind, jr, ji, n, ko, Norm.ORTHO);
            assertRel(ko, new double[n], jo, new double[n], fftTol(n), kind + " irfft n=" + n);
        }
    }

    @ParameterizedTest
    @MethodSource("rollingEntropyKinds")
    void rollingEntropyAgreesWithJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        SplittableRandom rnd = new SplittableRandom(5);
        int series = 3, len = 1200;
        double[] data = new double[series * len];
        double p = 0;
        for (int i = 0; i < data.length; i++) data[i] = p += rnd.nextGaussian();
        data[len + 700] = Double.NaN;
        for (int i = 0; i < 100; i++) data[2 * len + 200 + i] = 4.0; // a flat stretch: NaN windows (no power)
        for (int window : new int[] {2, 3, 16, 30, 64, 97, 256, 600}) {
            for (int step : new int[] {1, 7}) {
                for (boolean keepDc : new boolean[] {false, true}) {
                    double[] a = SpectralEntropy.rollingEntropyFlat(Backend.JAVA, data, series, len, window, step, Math.E, true, keepDc);
                    double[] b = SpectralEntropy.rollingEntropyFlat(kind, data, series, len, window, step, Math.E, true, keepDc);
                    assertEquals(a.length, b.length);
                    for (int i = 0; i < a.length; i++) {
                        String what = kind + " window=" + window + " step=" + step + " keepDc=" + keepDc + " [" + i + "]";
                        if (Double.isNaN(a[i])) assertTrue(Double.isNaN(b[i]), what + " expected NaN, was " + b[i]);
                        else assertEquals(a[i], b[i], 1e-12, what);
                    }
                }
            }
        }
        double[] a = SpectralEntropy.rollingEntropy(Backend.JAVA, data, 256, 1, 2.0, false, false);
        double[] b = SpectralEntropy.rollingEntropy(kind, data, 256, 1, 2.0, false, false);
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i])) assertTrue(Double.isNaN(b[i]));
            else assertEquals(a[i], b[i], 1e-11, kind + " bits [" + i + "]");
        }
    }

    /**
     * Step 1 on VECTOR slides the DFT between exact recomputations: over long series, through a spike 10^8
     * times the series' scale that enters and leaves the window, infinities and NaNs, it stays within the
     * same 1e-12 of the JAVA kernel's FFT per window (windows from 32, where VECTOR slides).
     */
    @ParameterizedTest
    @MethodSource("rollingEntropyKinds")
    void slidingWindowsStayWithinRoundingOfTheFft(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        SplittableRandom rnd = new SplittableRandom(17);
        int len = 20_000;
        double[] data = new double[len];
        double p = 0;
        for (int i = 0; i < len; i++) data[i] = p += rnd.nextGaussian();
        data[3_000] = 1e8;
        data[9_000] = Double.POSITIVE_INFINITY;
        data[12_345] = Double.NaN;
        for (int i = 15_000; i < 15_400; i++) data[i] = 1e-3 * rnd.nextGaussian(); // tiny after a large stretch
        for (int window : new int[] {32, 100, 255, 256}) {
            for (boolean keepDc : new boolean[] {false, true}) {
                double[] a = SpectralEntropy.rollingEntropy(Backend.JAVA, data, window, 1, Math.E, true, keepDc);
                double[] b = SpectralEntropy.rollingEntropy(kind, data, window, 1, Math.E, true, keepDc);
                for (int i = 0; i < a.length; i++) {
                    String what = kind + " window=" + window + " keepDc=" + keepDc + " [" + i + "]";
                    if (Double.isNaN(a[i])) assertTrue(Double.isNaN(b[i]), what + " expected NaN, was " + b[i]);
                    else assertEquals(a[i], b[i], 1e-12, what);
                }
            }
        }
    }

    /**
     * An unpinned step-1 call goes to the kernel that slides the DFT (VECTOR) where it is reachable, even at
     * sizes where the crossovers alone would pick NATIVE; other steps keep the crossovers' choice.
     */
    @Test
    void stepOnePrefersTheSlidingKernel() {
        BackendSupport.assumeAvailable(Backend.VECTOR);
        long size = 1L << 24;
        assertEquals(Backend.VECTOR, SpectralEntropy.KERNELS.choose(size, SpectralEntropy.eligibility(size, 256, 1)));
        assertEquals(SpectralEntropy.KERNELS.choose(size), SpectralEntropy.KERNELS.choose(size, SpectralEntropy.eligibility(size, 256, 2)));
        assertEquals(SpectralEntropy.KERNELS.choose(size), SpectralEntropy.KERNELS.choose(size, SpectralEntropy.eligibility(size, 16, 1)));
    }
}
