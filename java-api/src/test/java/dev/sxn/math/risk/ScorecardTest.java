package dev.sxn.math.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batched scorecard and its family {@code risk.scorecard}. JAVA against the single-series definitions
 * ({@link Performance}, {@link Moments}, {@link Drawdowns}, themselves held to NumPy by {@code gen_risk.py}) asset by
 * asset: |a - b| <= 1e-14 + 1e-10 |b| (the shifted one-pass variance against two passes), the maximum drawdown bit for
 * bit (the same operations); every kind against JAVA bit for bit (the same operations lane by lane); the edge cases
 * (constant asset: sd 0, Sharpe NaN; no downside: Sortino NaN; no drawdown: Calmar NaN); argument errors
 * ({@code ScorecardAllocationTest} holds the allocation).
 */
class ScorecardTest {
    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.RISK_SCORECARD);
    }

    /** k assets of daily simple returns; asset 2 constant, asset 4 never negative (when k is large enough). */
    static SeriesBatch returns(int k, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[k * n];
        for (int t = 0; t < n; t++) {
            for (int a = 0; a < k; a++) {
                double v = 0.0003 * (a % 5 - 2) + 0.004 * (1 + a % 7) * r.nextGaussian();
                d[t * k + a] = a == 2 ? 0.001 : a == 4 ? Math.abs(v) : v;
            }
        }
        return SeriesBatch.wrap(k, n, d);
    }

    static double[][] arrays(ScorecardBatch s) {
        return s == null ? null : new double[][] {s.mean(), s.sd(), s.sharpe(), s.sortino(), s.cagr(), s.maxDrawdown(), s.calmar()};
    }

    private static double[] series(SeriesBatch b, int a) {
        double[] s = new double[b.length()];
        for (int t = 0; t < s.length; t++) s[t] = b.data()[t * b.assets() + a];
        return s;
    }

    private static void close(double want, double got, String what) {
        assertTrue(Double.doubleToLongBits(want) == Double.doubleToLongBits(got) || Math.abs(got - want) <= 1e-14 + 1e-10 * Math.abs(want),
                what + ": " + got + " vs " + want);
    }

    @Test
    void javaMatchesTheSingleSeriesDefinitions() {
        SeriesBatch x = returns(13, 777, 5);
        double rf = 0.03, mar = 0.01, ppy = 252;
        ScorecardBatch s = Scorecard.of(x, rf, mar, ppy, Backend.JAVA);
        for (int a = 0; a < x.assets(); a++) {
            double[] r = series(x, a);
            String at = "asset " + a;
            close(Moments.mean(r), s.mean()[a], at + " mean");
            close(Moments.std(r), s.sd()[a], at + " sd");
            if (a != 2) close(Performance.sharpe(r, rf, ppy), s.sharpe()[a], at + " Sharpe");
            close(Performance.sortino(r, mar, ppy), s.sortino()[a], at + " Sortino");
            close(Performance.cagr(r, ppy), s.cagr()[a], at + " CAGR");
            assertEquals(Drawdowns.maxDrawdown(r).maxDrawdown(), s.maxDrawdown()[a], 0.0, at + " max drawdown");
            close(Performance.calmar(r, ppy), s.calmar()[a], at + " Calmar");
        }
        assertEquals(0.0, s.sd()[2], 1e-18, "constant asset");
        assertTrue(Double.isNaN(s.sharpe()[2]) || Math.abs(s.sharpe()[2]) > 1e6, "constant asset's Sharpe");
        assertTrue(Double.isNaN(Scorecard.of(x, rf, 0.0, ppy, Backend.JAVA).sortino()[4]), "no downside");
        assertEquals(0.0, s.maxDrawdown()[4], 0.0, "no drawdown");
        assertTrue(Double.isNaN(s.calmar()[4]), "Calmar without a drawdown");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKindIsJavaBitForBit(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int k : new int[] {1, 7, 8, 16, 61}) {
            SeriesBatch x = returns(k, 500, 40 + k);
            double[][] want = arrays(Scorecard.of(x, 0.02, 0.0, 252, Backend.JAVA));
            double[][] got = arrays(Scorecard.of(x, 0.02, 0.0, 252, kind));
            for (int m = 0; m < want.length; m++) assertArrayEquals(want[m], got[m], 0.0, kind + ", k " + k + ", metric " + m);
        }
    }

    @Test
    void badArgumentsNameTheArgument() {
        SeriesBatch x = returns(3, 10, 1);
        x.data()[7] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scorecard.of(x, 0, 0, 252, null));
        assertTrue(e.getMessage().startsWith("returns.get(1, 2) must be finite"), e.getMessage());
        SeriesBatch ok = returns(3, 10, 1);
        assertThrows(IllegalArgumentException.class, () -> Scorecard.of(ok, 0, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> Scorecard.of(ok, -1, 0, 252, null));
        assertThrows(IllegalArgumentException.class, () -> Scorecard.of(returns(3, 1, 1), 0, 0, 252, null));
        assertThrows(NullPointerException.class, () -> Scorecard.of(null, 0, 0, 252, null));
    }
}
