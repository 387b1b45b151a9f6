package dev.sxn.math.spectral;

import static dev.sxn.math.spectral.SpectralReference.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.sxn.math.testing.ReferenceData;
import dev.sxn.math.testing.Tolerance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Morlet CWT against PyWavelets 1.1.1 (reference/gen_spectral.py). */
class WaveletsTest {
    @Test
    void cwtMatchesPyWavelets() {
        Map<String, double[]> ref = ReferenceData.csv("spectral_cwt.csv");
        double[] x = sigRe(300);
        double[] scales = {0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0, 16.0, 32.0, 70.0};
        double[][] w = Wavelets.cwtMorlet(x, scales);
        double[] energy = Wavelets.scaleEnergy(w);
        for (int si = 0; si < scales.length; si++) {
            List<Integer> rows = rows(ref, "si", si);
            double max = 0, e = 0;
            for (int r : rows) {
                max = Math.max(max, Math.abs(ref.get("coef")[r]));
                e += ref.get("coef")[r] * ref.get("coef")[r];
            }
            for (int r : rows) {
                int t = (int) ref.get("t")[r];
                // 1e-10 relative, with 1e-12 of the scale's largest coefficient for values near zero
                Tolerance.assertClose(ref.get("coef")[r], w[si][t], 1e-12 * max, 1e-10, "W(" + scales[si] + ", " + t + ")");
            }
            Tolerance.assertClose(e, energy[si], 0, 1e-10, "energy at scale " + scales[si]);
        }
        assertEquals(0.8125, Wavelets.morletFrequencies(new double[] {1})[0]);
    }

    @Test
    void badInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> Wavelets.cwtMorlet(new double[] {1, 2}, new double[] {1, 0}));
        assertTrue(e.getMessage().contains("scales[1]") && e.getMessage().contains("was 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Wavelets.cwtMorlet(new double[] {1, Double.NaN}, new double[] {1}));
        assertTrue(e.getMessage().contains("x[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Wavelets.cwtMorlet(new double[0], new double[] {1}));
        assertTrue(e.getMessage().contains("x.length must be >= 1, was 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Wavelets.cwtMorlet(new double[] {1}, new double[0]));
        assertTrue(e.getMessage().contains("scales.length must be >= 1, was 0"), e.getMessage());
        // a scale so small that its filter has one tap is refused up front, naming it
        e = assertThrows(IllegalArgumentException.class, () -> Wavelets.cwtMorlet(new double[] {1, 2}, new double[] {1, 0.01}));
        assertTrue(e.getMessage().startsWith("scales[1] must") && e.getMessage().contains("was 0.01"), e.getMessage());
    }
}
