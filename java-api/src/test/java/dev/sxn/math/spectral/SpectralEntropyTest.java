package dev.sxn.math.spectral;

import static dev.sxn.math.spectral.SpectralReference.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.sxn.math.testing.ReferenceData;
import dev.sxn.math.testing.Tolerance;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Spectral entropy, power spectrum and distributions against NumPy/SciPy (reference/gen_spectral.py) and by property. */
class SpectralEntropyTest {

    @Test
    void entropyMatchesNumpy() {
        Map<String, double[]> ref = ReferenceData.csv("spectral_entropy.csv");
        for (int r = 0; r < ref.get("n").length; r++) {
            int n = (int) ref.get("n")[r];
            boolean keep = ref.get("keep_dc")[r] == 1;
            double h = ref.get("entropy")[r], bins = ref.get("bins")[r];
            double[] x = sigRe(n);
            // 1e-12 relative: the entropy is a sum of n/2 terms of p ln p, each with a few ulps of error
            Tolerance.assertClose(h, SpectralEntropy.entropy(x, Math.E, false, keep), 1e-13, 1e-12, "H n=" + n + " keepDc=" + keep);
            Tolerance.assertClose(h / Math.log(2), SpectralEntropy.entropy(x, 2, false, keep), 1e-13, 1e-12, "H bits n=" + n);
            double norm = bins > 1 ? h / Math.log(bins) : 0.0;
            Tolerance.assertClose(norm, SpectralEntropy.entropy(x, 10, true, keep), 1e-13, 1e-12, "normalised H n=" + n);
        }
    }

    @Test
    void whiteNoiseIsNearMaximumAndAPureToneNearZero() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 4096;
        double[] noise = new double[n], tone = new double[n];
        for (int i = 0; i < n; i++) {
            noise[i] = rnd.nextGaussian();
            tone[i] = 3 + Math.sin(2 * Math.PI * 64 * i / n); // on a bin; the offset 3 lives in DC, excluded
        }
        double hn = SpectralEntropy.entropy(noise, Math.E, true);
        // E[H] of exponential periodogram ordinates is ln B - (1 - gamma) ~ ln B - 0.42: normalised ~ 0.95
        assertTrue(hn > 0.9 && hn <= 1.0, "white noise normalised entropy " + hn);
        double ht = SpectralEntropy.entropy(tone, Math.E, true);
        assertTrue(ht < 1e-6, "pure tone normalised entropy " + ht);
        assertTrue(SpectralEntropy.entropy(tone, Math.E, true, true) > ht, "keeping DC spreads the distribution");
    }

    @Test
    void rollingEntropyEqualsWholeEntropyPerWindowAndNaNStaysLocal() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 700, window = 96, step = 5;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian() + Math.sin(i * 0.3);
        double[] r = SpectralEntropy.rollingEntropy(x, window, step);
        assertEquals(SpectralEntropy.windowCount(n, window, step), r.length);
        assertEquals((n - window) / step + 1, r.length);
        for (int w = 0; w < r.length; w++) {
            double[] seg = java.util.Arrays.copyOfRange(x, w * step, w * step + window);
            assertEquals(SpectralEntropy.entropy(seg, Math.E, true), r[w], 1e-14, "window " + w);
        }
        double[] y = x.clone();
        y[300] = Double.NaN;
        double[] ry = SpectralEntropy.rollingEntropy(y, window, step);
        for (int w = 0; w < r.length; w++) {
            int start = w * step;
            boolean hit = start <= 300 && 300 < start + window;
            if (hit) assertTrue(Double.isNaN(ry[w]), "window " + w + " contains the NaN");
            else assertEquals(r[w], ry[w], 0.0, "window " + w + " is unaffected");
        }
        // batched equals one-by-one
        double[][] batch = SpectralEntropy.rollingEntropy(new double[][] {x, y}, window, step);
        assertArrayEquals(r, batch[0]);
        assertArrayEquals(ry, batch[1]);
        // a flat window has no power outside DC: NaN, not a number
        double[] flat = new double[64];
        java.util.Arrays.fill(flat, 2.5);
        assertTrue(Double.isNaN(SpectralEntropy.rollingEntropy(flat, 32, 1)[0]));
    }

    @Test
    void distributions() {
        assertEquals(Math.log(4), SpectralEntropy.shannonEntropy(new double[] {1, 1, 1, 1}, Math.E), 1e-15);
        assertEquals(1.0, SpectralEntropy.shannonEntropy(new double[] {0.5, 0.5, 0}, 2), 1e-15, "0 log 0 = 0");
        assertEquals(0.0, SpectralEntropy.klDivergence(new double[] {1, 2, 3}, new double[] {2, 4, 6}, Math.E), 1e-15);
        // scipy.stats.entropy([0.5, 0.5], [0.9, 0.1]) = 0.5 ln(0.5/0.9) + 0.5 ln(0.5/0.1) = 0.5108256237659907
        assertEquals(0.5108256237659907, SpectralEntropy.klDivergence(new double[] {0.5, 0.5}, new double[] {0.9, 0.1}, Math.E), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, SpectralEntropy.klDivergence(new double[] {0.5, 0.5}, new double[] {1, 0}, Math.E));
        assertEquals(0.0, SpectralEntropy.klDivergence(new double[] {1, 0}, new double[] {0.5, 0.5}, 2) - 1.0, 1e-15);
        var e = assertThrows(IllegalArgumentException.class, () -> SpectralEntropy.shannonEntropy(new double[] {0.5, -0.1}, 2));
        assertTrue(e.getMessage().contains("p[1]") && e.getMessage().contains("-0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralEntropy.shannonEntropy(new double[] {0, 0}, 2));
        assertTrue(e.getMessage().contains("sum of p must be > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralEntropy.klDivergence(new double[] {1}, new double[] {1, 1}, 2));
        assertTrue(e.getMessage().contains("same length"), e.getMessage());
    }

    @Test
    void badInput() {
        double[] x = sigRe(100);
        var e = assertThrows(IllegalArgumentException.class, () -> SpectralEntropy.entropy(new double[0], 2, true));
        assertTrue(e.getMessage().contains("x.length must be >= 1, was 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralEntropy.entropy(new double[] {1, Double.NaN, 3}, 2, true));
        assertTrue(e.getMessage().contains("x[1]") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralEntropy.entropy(x, 1, false));
        assertTrue(e.getMessage().contains("base") && e.getMessage().contains("was 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralEntropy.rollingEntropy(x, 101, 1));
        assertEquals("window must be in [2, 100] (the series length), was 101", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralEntropy.rollingEntropy(x, 10, 0));
        assertEquals("step must be >= 1, was 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralEntropy.rollingEntropy(new double[][] {x, new double[3]}, 10, 1));
        assertTrue(e.getMessage().contains("series[1]") && e.getMessage().contains("was 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralEntropy.powerSpectrum(new double[] {Double.POSITIVE_INFINITY}));
        assertTrue(e.getMessage().contains("x[0]"), e.getMessage());
        assertThrows(NullPointerException.class, () -> SpectralEntropy.powerSpectrum(null));
    }

    @Test
    void powerSpectrumIsSquaredMagnitude() {
        double[] x = sigRe(97);
        double[] p = SpectralEntropy.powerSpectrum(x);
        FFT.ComplexArray X = FFT.rfft(x);
        for (int k = 0; k < p.length; k++) assertEquals(X.re()[k] * X.re()[k] + X.im()[k] * X.im()[k], p[k], 0.0);
    }
}
