package dev.sxn.math.regime.market;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The market maker's features against direct loops (mean, sample sd, imbalance: 1e-12 relative; the spectral
 * entropy against a direct DFT of the window: 1e-10 absolute), their causality, and the simulator's regimes.
 */
class RegimeFeaturesTest {
    private static final int W = 16;

    @Test
    void featuresEqualDirectComputations() {
        SimulatedRegimeMarket m = SimulatedRegimeMarket.simulate(400, 3, 0.98, 1.5);
        double[] f = RegimeFeatures.of(m, W);
        int d = RegimeFeatures.DIMENSION;
        for (int t = 0; t < W; t++) for (int j = 0; j < d; j++) assertTrue(Double.isNaN(f[t * d + j]), "warm-up row " + t);
        for (int t = W; t < m.ticks(); t++) {
            double[] r = new double[W];
            double sum = 0, net = 0, total = 0, spread = 0;
            for (int i = 0; i < W; i++) {
                int u = t - W + 1 + i;
                r[i] = 1e4 * Math.log(m.price()[u] / m.price()[u - 1]);
                sum += r[i];
                net += m.buyVolume()[u] - m.sellVolume()[u];
                total += m.buyVolume()[u] + m.sellVolume()[u];
                spread += m.spread()[u];
            }
            double mean = sum / W, ss = 0;
            for (double v : r) ss += (v - mean) * (v - mean);
            assertClose(mean, f[t * d], 1e-12, 1e-10, "return t=" + t);
            assertClose(Math.sqrt(ss / (W - 1)), f[t * d + 1], 1e-12, 1e-10, "volatility t=" + t);
            assertClose(spread / W, f[t * d + 2], 1e-12, 1e-12, "spread t=" + t);
            assertClose(net / total, f[t * d + 3], 1e-12, 1e-10, "imbalance t=" + t);
            assertClose(entropy(r), f[t * d + 4], 1e-10, 0, "entropy t=" + t);
        }
    }

    /** Normalised Shannon entropy of the one-sided power spectrum without DC, by a direct DFT. */
    private static double entropy(double[] x) {
        int n = x.length, bins = n / 2;
        double[] p = new double[bins];
        double total = 0;
        for (int k = 1; k <= bins; k++) {
            double re = 0, im = 0;
            for (int t = 0; t < n; t++) {
                re += x[t] * Math.cos(2 * Math.PI * k * t / n);
                im -= x[t] * Math.sin(2 * Math.PI * k * t / n);
            }
            p[k - 1] = re * re + im * im;
            total += p[k - 1];
        }
        double h = 0;
        for (double v : p) if (v > 0) h -= v / total * Math.log(v / total);
        return h / Math.log(bins);
    }

    @Test
    void featuresAreCausal() {
        SimulatedRegimeMarket a = SimulatedRegimeMarket.simulate(300, 5, 0.98, 1.5);
        double[] price = a.price().clone(), spread = a.spread().clone();
        for (int t = 200; t < price.length; t++) {
            price[t] *= 1.5;
            spread[t] += 3;
        }
        double[] fa = RegimeFeatures.of(a, W);
        double[] fb = RegimeFeatures.of(price, spread, a.buyVolume(), a.sellVolume(), W);
        int d = RegimeFeatures.DIMENSION;
        for (int i = 0; i < 200 * d; i++) assertEquals(fa[i], fb[i], 0.0, "feature " + i);
    }

    @Test
    void simulatorIsSeededAndVisitsEveryRegime() {
        SimulatedRegimeMarket a = SimulatedRegimeMarket.simulate(5000, 9, 0.99, 1.5);
        SimulatedRegimeMarket b = SimulatedRegimeMarket.simulate(5000, 9, 0.99, 1.5);
        assertArrayEquals(a.price(), b.price());
        assertArrayEquals(a.regime(), b.regime());
        int[] count = new int[4];
        int switches = 0;
        for (int t = 0; t < a.ticks(); t++) {
            count[a.regime()[t]]++;
            if (t > 0 && a.regime()[t] != a.regime()[t - 1]) switches++;
        }
        for (int r = 0; r < 4; r++) assertTrue(count[r] > 500, "regime " + r + " ticks " + count[r]);
        // 4999 chances to leave at rate 0.01: about 50 switches.
        assertTrue(switches > 25 && switches < 80, "switches " + switches);
    }

    @Test
    void argumentsAreChecked() {
        double[] p = {100, 101, 102, 101, 100, 99};
        double[] s = {1, 1, 1, 1, 1, 1};
        assertEquals("window must be in [4, 5] (4 to the ticks - 1), was 6",
                assertThrows(IllegalArgumentException.class, () -> RegimeFeatures.of(p, s, s, s, 6)).getMessage());
        double[] bad = p.clone();
        bad[2] = 0;
        assertEquals("price[2] must be finite and > 0, was 0.0",
                assertThrows(IllegalArgumentException.class, () -> RegimeFeatures.of(bad, s, s, s, 4)).getMessage());
        assertEquals("stay must be in [0, 1), was 1.0",
                assertThrows(IllegalArgumentException.class, () -> SimulatedRegimeMarket.simulate(10, 1, 1, 1)).getMessage());
    }
}
