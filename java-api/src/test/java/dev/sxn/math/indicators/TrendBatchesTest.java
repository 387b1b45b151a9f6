package dev.sxn.math.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.TtrLines.Adx;
import dev.sxn.math.indicators.VolatilityEstimators.Method;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The family {@code indicators.ttr.trend} ({@link TrendBatches}): every accelerated kind against JAVA on random OHLCV
 * batches of 1 asset, of 19 (two lane groups of 8 and a tail, or more groups on narrower lanes) and of 37, 300 bars.
 * ADX and the moving averages bit for bit; the volatility estimators, whose logarithms are each kind's own, to
 * |a - b| <= atol + 1e-12 |b|: atol 1e-15 for the OHLC estimators (logs of ratios near 1, summed as non-negative terms:
 * a last-bit difference stays within a few ulps of the sum), 2e-13 for close-to-close, whose returns are TTR's
 * differences of two logs of the price (about 4.6 here): a last-bit difference in one log is an absolute 1e-15 in a
 * return of about 0.02, which sqrt(N) = 16 and a window of two returns carry to about 1e-13 in the result. JAVA itself is pinned to the one-series functions asset by
 * asset (bit for bit). Input with a NaN runs on JAVA whatever the kind and keeps the NaN rule.
 */
class TrendBatchesTest {
    static final int T = 300;
    static final double ATOL = 1e-15, ATOL_CLOSE = 2e-13, RTOL = 1e-12;

    static Stream<Backend> kinds() {
        return BackendSupport.accelerated(KernelFamilies.INDICATORS_TTR_TREND);
    }

    /** open, high, low, close, volume: k assets of a positive random walk, t bars (time-major). */
    static SeriesBatch[] ohlcv(int k, int t, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        SeriesBatch[] b = new SeriesBatch[5];
        for (int j = 0; j < 5; j++) b[j] = SeriesBatch.zeros(k, t);
        for (int a = 0; a < k; a++) {
            double p = 50 + 50 * r.nextDouble();
            for (int i = 0; i < t; i++) {
                double o = p, c = Math.max(1, p * Math.exp(0.02 * r.nextGaussian()));
                double hi = Math.max(o, c) * (1 + 0.01 * r.nextDouble()), lo = Math.min(o, c) * (1 - 0.01 * r.nextDouble());
                b[0].set(a, i, o);
                b[1].set(a, i, hi);
                b[2].set(a, i, lo);
                b[3].set(a, i, c);
                b[4].set(a, i, 1000 + 1000 * r.nextDouble());
                p = c;
            }
        }
        return b;
    }

    /** Every asset's first {@code bars} bars flat (high = low = close): DX is 0/0 there and ADX's EMA starts later. */
    static void flatOpening(SeriesBatch[] b, int bars) {
        for (int a = 0; a < b[0].assets(); a++) {
            for (int i = 0; i < bars; i++) {
                for (int j = 0; j < 4; j++) b[j].set(a, i, 100);
            }
        }
    }

    static void close(String what, double[] want, double[] got) {
        close(what, want, got, ATOL);
    }

    static void close(String what, double[] want, double[] got, double atol) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            double w = want[i], g = got[i];
            if (Double.isNaN(w)) {
                assertTrue(Double.isNaN(g), what + " [" + i + "] want NaN, got " + g);
            } else {
                assertTrue(Math.abs(g - w) <= atol + RTOL * Math.abs(w), what + " [" + i + "] want " + w + ", got " + g);
            }
        }
    }

    static void sameAdx(String what, Adx<SeriesBatch> want, Adx<SeriesBatch> got) {
        assertArrayEquals(want.diPlus().data(), got.diPlus().data(), what + " DI+");
        assertArrayEquals(want.diMinus().data(), got.diMinus().data(), what + " DI-");
        assertArrayEquals(want.dx().data(), got.dx().data(), what + " DX");
        assertArrayEquals(want.adx().data(), got.adx().data(), what + " ADX");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void adxAndMovingAveragesGiveJavasBits(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int k : new int[] {1, 19, 37}) {
            SeriesBatch[] b = ohlcv(k, T, 11 + k);
            String at = kind + " k=" + k;
            for (int n : new int[] {1, 14, 40}) {
                sameAdx(at + " adx n=" + n, TrendBatches.adx(b[1], b[2], b[3], n, Backend.JAVA), TrendBatches.adx(b[1], b[2], b[3], n, kind));
            }
            flatOpening(b, 20);
            sameAdx(at + " adx flat", TrendBatches.adx(b[1], b[2], b[3], 14, Backend.JAVA), TrendBatches.adx(b[1], b[2], b[3], 14, kind));
            SeriesBatch x = b[3];
            for (int n : new int[] {2, 9, 20, 49}) {
                assertArrayEquals(TrendBatches.hma(x, n, Backend.JAVA).data(), TrendBatches.hma(x, n, kind).data(), at + " hma " + n);
            }
            for (int n : new int[] {1, 9, 10, 30}) {
                assertArrayEquals(TrendBatches.zlema(x, n, Backend.JAVA).data(), TrendBatches.zlema(x, n, kind).data(), at + " zlema " + n);
                assertArrayEquals(TrendBatches.wilderSum(x, n, Backend.JAVA).data(), TrendBatches.wilderSum(x, n, kind).data(),
                        at + " wilderSum " + n);
                assertArrayEquals(TrendBatches.evwma(x, b[4], n, Backend.JAVA).data(), TrendBatches.evwma(x, b[4], n, kind).data(),
                        at + " evwma " + n);
            }
            assertArrayEquals(TrendBatches.alma(x, 9, 0.85, 6, Backend.JAVA).data(), TrendBatches.alma(x, 9, 0.85, 6, kind).data(), at + " alma");
            assertArrayEquals(TrendBatches.alma(x, 30, 0.3, 2, Backend.JAVA).data(), TrendBatches.alma(x, 30, 0.3, 2, kind).data(), at + " alma 30");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void volatilityEstimatorsMatchJavaToTheLogsRounding(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int k : new int[] {1, 19, 37}) {
            SeriesBatch[] b = ohlcv(k, T, 23 + k);
            for (Method m : Method.values()) {
                for (int n : new int[] {3, 10, 60}) {
                    String at = kind + " k=" + k + " " + m + " n=" + n;
                    close(at, TrendBatches.volatility(b[0], b[1], b[2], b[3], n, m, 260, Backend.JAVA).data(),
                            TrendBatches.volatility(b[0], b[1], b[2], b[3], n, m, 260, kind).data(), m == Method.CLOSE ? ATOL_CLOSE : ATOL);
                }
            }
            for (boolean mean0 : new boolean[] {false, true}) {
                close(kind + " close mean0=" + mean0, TrendBatches.close(b[3], 10, 252, mean0, Backend.JAVA).data(),
                        TrendBatches.close(b[3], 10, 252, mean0, kind).data(), ATOL_CLOSE);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aNaNRunsOnJavaAndKeepsTheNaNRule(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int k = 19;
        SeriesBatch[] b = ohlcv(k, T, 5);
        b[3].set(4, 100, Double.NaN);
        b[2].set(11, 150, Double.NaN);
        Adx<SeriesBatch> got = TrendBatches.adx(b[1], b[2], b[3], 14, kind);
        sameAdx("adx NaN", TrendBatches.adx(b[1], b[2], b[3], 14, Backend.JAVA), got);
        SeriesBatch hma = TrendBatches.hma(b[3], 20, kind), vol = TrendBatches.volatility(b[0], b[1], b[2], b[3], 10, Method.YANG_ZHANG, 260, kind);
        for (int a = 0; a < k; a++) {
            double[] h = b[1].series(a), l = b[2].series(a), c = b[3].series(a);
            Adx<double[]> one = TrendIndicators.adx(h, l, c, 14);
            assertArrayEquals(one.adx(), got.adx().series(a), "adx asset " + a);
            assertArrayEquals(MovingAverages.hma(c, 20), hma.series(a), "hma asset " + a);
            assertArrayEquals(VolatilityEstimators.volatility(b[0].series(a), h, l, c, 10, Method.YANG_ZHANG, 260), vol.series(a),
                    "yang-zhang asset " + a);
        }
        // the NaN poisons its bar and a fresh warm-up follows: HMA(20) is NaN from bar 100 to 100 + 20 + 4 - 2
        assertTrue(Double.isNaN(hma.get(4, 100)) && Double.isNaN(hma.get(4, 122)) && !Double.isNaN(hma.get(4, 123)));
        assertTrue(!Double.isNaN(hma.get(3, 100)));
        // a non-positive price keeps the volatility estimators on JAVA too
        b[0].set(2, 7, -1);
        assertArrayEquals(TrendBatches.volatility(b[0], b[1], b[2], b[3], 10, Method.GARMAN_KLASS, 260, Backend.JAVA).data(),
                TrendBatches.volatility(b[0], b[1], b[2], b[3], 10, Method.GARMAN_KLASS, 260, kind).data());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theBatchEntryPointsEqualTheOneSeriesFunctions(Backend ignored) {
        // the public batch methods (kind chosen per call) against the one-series functions, asset by asset
        SeriesBatch[] b = ohlcv(21, 200, 9);
        SeriesBatch z = MovingAverages.zlema(b[3], 10), al = MovingAverages.alma(b[3], 9, 0.85, 6), ws = MovingAverages.wilderSum(b[3], 10);
        SeriesBatch ev = MovingAverages.evwma(b[3], b[4], 10), cl = VolatilityEstimators.close(b[3], 10, 260, false);
        Adx<SeriesBatch> ad = TrendIndicators.adx(b[1], b[2], b[3], 14);
        for (int a = 0; a < 21; a++) {
            double[] c = b[3].series(a);
            assertArrayEquals(MovingAverages.zlema(c, 10), z.series(a));
            assertArrayEquals(MovingAverages.alma(c, 9, 0.85, 6), al.series(a));
            assertArrayEquals(MovingAverages.wilderSum(c, 10), ws.series(a));
            assertArrayEquals(MovingAverages.evwma(c, b[4].series(a), 10), ev.series(a));
            assertArrayEquals(TrendIndicators.adx(b[1].series(a), b[2].series(a), c, 14).dx(), ad.dx().series(a));
            close("close " + a, VolatilityEstimators.close(c, 10, 260, false), cl.series(a), ATOL_CLOSE);
        }
    }
}
