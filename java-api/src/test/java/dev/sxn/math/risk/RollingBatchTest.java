package dev.sxn.math.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The family {@code risk.rolling}: every kind against the JAVA kernel bit for bit (tolerance 0: the VaR/ES kinds
 * pick the same order statistics and add and remove the same values in the same order in the same Fenwick trees; the
 * vol/Sharpe kinds repeat JAVA's replace-update lane by lane without contraction). The batch has a lane tail (13
 * assets), ties (returns rounded to basis points), a constant asset (sd 0: Sharpe NaN, vol 0) and windows from 1 (VaR
 * only) to the whole series. JAVA itself is tested against R/NumPy references and the single-series forms in
 * {@link RollingRiskTest}.
 */
class RollingBatchTest {
    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.RISK_ROLLING);
    }

    /** k assets by n returns with ties and -0.0 (rounded assets), one constant asset (index 3, 2^-10: sums exact). */
    static SeriesBatch returns(int k, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[k * n];
        for (int t = 0; t < n; t++) {
            for (int a = 0; a < k; a++) {
                double v = 0.0002 * (a % 3 - 1) + 0.003 * (1 + a % 5) * r.nextGaussian();
                d[t * k + a] = a == 3 ? 0.0009765625 : a % 4 == 1 ? Math.rint(v * 1e4) / 1e4 : v;
            }
        }
        return SeriesBatch.wrap(k, n, d);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKindIsJavasBits(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int k = 13, n = 300;
        SeriesBatch x = returns(k, n, 91);
        for (int w : new int[] {1, 2, 20, 63, 299, 300}) {
            for (double alpha : new double[] {0.01, 0.05, 0.5}) {
                SeriesBatch v = x.like(), e = x.like(), v0 = x.like(), e0 = x.like();
                RollingRisk.historical(x, w, alpha, v, e, kind);
                RollingRisk.historical(x, w, alpha, v0, e0, Backend.JAVA);
                assertArrayEquals(v0.data(), v.data(), 0, kind + " VaR w=" + w + " alpha=" + alpha);
                assertArrayEquals(e0.data(), e.data(), 0, kind + " ES w=" + w + " alpha=" + alpha);
            }
            if (w < 2) continue;
            SeriesBatch s = x.like(), s0 = x.like(), vol = x.like(), vol0 = x.like();
            RollingRisk.sharpe(x, w, 0.03, 252, s, kind);
            RollingRisk.sharpe(x, w, 0.03, 252, s0, Backend.JAVA);
            RollingRisk.volatility(x, w, 252, vol, kind);
            RollingRisk.volatility(x, w, 252, vol0, Backend.JAVA);
            assertArrayEquals(s0.data(), s.data(), 0, kind + " Sharpe w=" + w);
            assertArrayEquals(vol0.data(), vol.data(), 0, kind + " vol w=" + w);
            // The warm-up is NaN, the constant asset's Sharpe NaN, everything else finite (from w = 20: two rounded
            // returns in a row may tie).
            if (w < 20) continue;
            for (int t = 0; t < n; t++) {
                for (int a = 0; a < k; a++) {
                    double sh = s.get(a, t);
                    if (t < w - 1 || a == 3) assertTrue(Double.isNaN(sh), kind + " Sharpe NaN at " + a + "," + t);
                    else assertFalse(Double.isNaN(sh), kind + " Sharpe finite at " + a + "," + t);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aLongSeriesStaysJavasBits(Backend kind) {
        // Many restarts of the replace-update and a rank window over thousands of distinct values.
        BackendSupport.assumeAvailable(kind);
        SeriesBatch x = returns(9, 2600, 92);
        SeriesBatch v = x.like(), e = x.like(), v0 = x.like(), e0 = x.like();
        RollingRisk.historical(x, 250, 0.01, v, e, kind);
        RollingRisk.historical(x, 250, 0.01, v0, e0, Backend.JAVA);
        assertArrayEquals(v0.data(), v.data(), 0, kind + " VaR");
        assertArrayEquals(e0.data(), e.data(), 0, kind + " ES");
        RollingRisk.sharpe(x, 250, 0.0, 252, v, kind);
        RollingRisk.sharpe(x, 250, 0.0, 252, v0, Backend.JAVA);
        assertArrayEquals(v0.data(), v.data(), 0, kind + " Sharpe");
    }
}
