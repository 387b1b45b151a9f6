package dev.sxn.math.indicators;

import static dev.sxn.math.testing.Tolerance.assertClose;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every accelerated backend against the JAVA kernels, pinned, on awkward shapes: single series of
 * lengths around the lane widths, batches whose asset count is not a multiple of the vector width,
 * windows from 1 to the whole series, series with missing values (NaN, +Inf) and flat runs, and
 * series longer than the 1024-step re-summation period.
 *
 * <p>Tolerances: relative 1e-12 plus an absolute 1e-12 times the magnitude of the data (prices
 * around 100), except the single-series rolling sum on VECTOR, which scans window differences and
 * re-sums every 1024 outputs: its error bound is (1024 + w) u sum|x| over the window, so there the
 * absolute part is 1e-12 times the window's sum of |x|.
 */
class IndicatorsBackendsTest {
    private static final double RTOL = 1e-12;
    private static final IndicatorSet JAVA = Indicators.on(Backend.JAVA);

    /** Prices with gaps: NaN at a few places, one +Inf, a flat run of 30. */
    static double[] dirtyPrices(long seed, int n) {
        double[] x = IndicatorsPropertiesTest.prices(seed, n);
        SplittableRandom r = new SplittableRandom(seed * 31);
        for (int j = 0; j < n / 150; j++) x[r.nextInt(n)] = Double.NaN;
        if (n > 100) {
            x[n / 3] = Double.POSITIVE_INFINITY;
            for (int i = n / 2; i < Math.min(n, n / 2 + 30); i++) x[i] = x[n / 2 - 1];
        }
        return x;
    }

    /** The kinds the indicator families have besides JAVA, from the registry (all four families have the same). */
    static Stream<Backend> accelerated() {
        return BackendSupport.accelerated(KernelFamilies.INDICATORS_SERIES);
    }

    private static void compare(Backend kind, SeriesBatch x, int w, String what) {
        int k = x.assets();
        double absTol = 1e-12 * 200;
        assertClose(JAVA.sma(x, w).data(), Indicators.on(kind).sma(x, w).data(),
                k == 1 ? 1e-12 * 200 * w : absTol, RTOL, what + " sma w=" + w);
        assertClose(JAVA.rollingSum(x, w).data(), Indicators.on(kind).rollingSum(x, w).data(),
                k == 1 ? 1e-12 * 200 * w : absTol * w, RTOL, what + " rollingSum w=" + w);
        assertClose(JAVA.ema(x, w).data(), Indicators.on(kind).ema(x, w).data(), absTol, RTOL, what + " ema n=" + w);
        assertClose(JAVA.rsi(x, w).data(), Indicators.on(kind).rsi(x, w).data(), 1e-10, RTOL, what + " rsi n=" + w);
        assertClose(JAVA.rollingVar(x, w, false).data(), Indicators.on(kind).rollingVar(x, w, false).data(),
                1e-12, RTOL, what + " var w=" + w);
        if (w >= 2) {
            assertClose(JAVA.rollingStd(x, w, true).data(), Indicators.on(kind).rollingStd(x, w, true).data(),
                    1e-12, RTOL, what + " std w=" + w);
        }
    }

    @ParameterizedTest
    @MethodSource("accelerated")
    void singleSeriesAgreeWithJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int n : new int[] {1, 2, 3, 7, 8, 9, 15, 16, 17, 33, 250, 3001}) {
            double[] x = dirtyPrices(n, n);
            SeriesBatch b = SeriesBatch.wrap(1, n, x);
            for (int w : new int[] {1, 2, 3, 5, 14, 50, n}) {
                if (w <= n) compare(kind, b, w, "n=" + n);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("accelerated")
    void batchesAgreeWithJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int k : new int[] {2, 3, 4, 5, 7, 8, 9, 13, 16, 37}) {
            int t = 260 + k;
            double[][] s = new double[k][];
            for (int a = 0; a < k; a++) s[a] = dirtyPrices(1000 + a, t);
            SeriesBatch b = SeriesBatch.of(s);
            for (int w : new int[] {1, 2, 14, 40, t}) compare(kind, b, w, "k=" + k);
        }
    }

    /** The batched kernels of {@code kind} on a 37-asset batch (NaN, +Inf, flat runs), per asset. */
    private static void assertBatchesExactly(Backend kind, Backend reference, boolean referenceOneByOne) {
        int k = 37, t = 1500;
        double[][] s = new double[k][];
        for (int a = 0; a < k; a++) s[a] = a % 5 == 0 ? IndicatorsPropertiesTest.stormAndCalm(a, t) : dirtyPrices(900 + a, t);
        SeriesBatch b = SeriesBatch.of(s);
        for (int w : new int[] {1, 2, 14, 30}) {
            SeriesBatch[] got = {Indicators.on(kind).rollingSum(b, w), Indicators.on(kind).ema(b, w), Indicators.on(kind).rsi(b, w),
                Indicators.on(kind).rollingVar(b, w, false), w >= 2 ? Indicators.on(kind).rollingStd(b, w, true) : null};
            for (int a = 0; a < k; a++) {
                SeriesBatch one = referenceOneByOne ? SeriesBatch.wrap(1, t, s[a]) : b;
                SeriesBatch[] want = {Indicators.on(reference).rollingSum(one, w), Indicators.on(reference).ema(one, w),
                    Indicators.on(reference).rsi(one, w), Indicators.on(reference).rollingVar(one, w, false),
                    w >= 2 ? Indicators.on(reference).rollingStd(one, w, true) : null};
                for (int op = 0; op < got.length; op++) {
                    if (got[op] == null) continue;
                    double[] wa = referenceOneByOne ? want[op].data() : want[op].series(a);
                    assertClose(wa, got[op].series(a), 0, 0, kind + " op " + op + " w=" + w + " asset " + a);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void javaBatchEqualsJavaOneByOneExactly() {
        assertBatchesExactly(Backend.JAVA, Backend.JAVA, true);
    }

    /** The batch kinds but OPENCL: the documented claim of bit-for-bit batches is theirs (OpenCL C may contract). */
    static Stream<Backend> exactBatchKinds() {
        return BackendSupport.accelerated(KernelFamilies.INDICATORS_BATCH).filter(kind -> kind != Backend.OPENCL);
    }

    @ParameterizedTest
    @MethodSource("exactBatchKinds")
    void batchedVectorAndNativeEqualJavaBitForBit(Backend kind) {
        // The documented claim: same arithmetic, operation for operation, no FMA contraction.
        BackendSupport.assumeAvailable(kind);
        assertBatchesExactly(kind, Backend.JAVA, false);
    }

    @org.junit.jupiter.api.Test
    void automaticChoiceAgreesWithJava() {
        // Unpinned calls on shapes past every crossover (whatever kind is chosen here) equal JAVA.
        String d = String.join("\n", dev.sxn.math.backend.Backends.operations());
        org.junit.jupiter.api.Assertions.assertTrue(d.contains("indicators.Indicators.series") && d.contains("indicators.Indicators.batch"), d);
        for (int k : new int[] {1, 9, 32}) {
            double[][] s = new double[k][];
            for (int a = 0; a < k; a++) s[a] = dirtyPrices(500 + a, 70_000 / k);
            SeriesBatch b = SeriesBatch.of(s);
            assertClose(JAVA.ema(b, 20).data(), Indicators.ema(b, 20).data(), 1e-12 * 200, RTOL, "auto ema k=" + k);
            assertClose(JAVA.rsi(b, 14).data(), Indicators.rsi(b, 14).data(), 1e-10, RTOL, "auto rsi k=" + k);
            assertClose(JAVA.sma(b, 20).data(), Indicators.sma(b, 20).data(), 1e-12 * 200 * 20, RTOL, "auto sma k=" + k);
        }
    }

    @ParameterizedTest
    @MethodSource("accelerated")
    void windowSumsAcrossTileAndBlockBoundaries(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        // Missing values just before, at and after the OpenCL time tiles' edges (256 steps) and the
        // variance restarts, windows shorter and longer than a tile (a tile is then w long), for a
        // single series and a batch. Tolerances as in compare(): sums 1e-12 relative plus
        // 1e-12 x w x price scale, variances 1e-12 relative plus 1e-12.
        int n = 2000;
        double[] x = IndicatorsPropertiesTest.prices(5, n);
        for (int at : new int[] {255, 512, 513, 767, 1300}) x[at] = Double.NaN;
        for (int i = 1500; i < 1540; i++) x[i] = x[1499];
        for (int w : new int[] {1, 3, 20, 255, 256, 300}) {
            assertClose(JAVA.rollingSum(x, w), Indicators.on(kind).rollingSum(x, w), 1e-12 * 200 * w, RTOL,
                    "sum w=" + w);
            assertClose(JAVA.sma(x, w), Indicators.on(kind).sma(x, w), 1e-12 * 200 * w, RTOL, "sma w=" + w);
            assertClose(JAVA.rollingVar(x, w, false), Indicators.on(kind).rollingVar(x, w, false), 1e-12, RTOL,
                    "var w=" + w);
        }
        double[][] s = new double[9][];
        for (int a = 0; a < s.length; a++) {
            s[a] = x.clone();
            s[a][100 + 97 * a] = Double.POSITIVE_INFINITY;
        }
        SeriesBatch b = SeriesBatch.of(s);
        for (int w : new int[] {7, 300}) {
            assertClose(JAVA.rollingSum(b, w).data(), Indicators.on(kind).rollingSum(b, w).data(), 1e-12 * 200 * w,
                    RTOL, "batch sum w=" + w);
        }
    }

    @ParameterizedTest
    @MethodSource("accelerated")
    void calmAfterStormVarianceAgreesWithTwoPass(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        // Against the naive two-pass, not only against JAVA: 1e-11 relative, plus 1e-26 absolute:
        // both round the window mean to the price's ulp (1.4e-14 at 100), which moves a variance by
        // up to w ulp^2 (about 1e-26 here), visible only where the window's sd is near 1e-9.
        double[] x = IndicatorsPropertiesTest.stormAndCalm(8, 3000);
        for (int w : new int[] {2, 7, 20, 70}) {
            double[] want = IndicatorsPropertiesTest.twoPassVar(x, w, 0);
            assertClose(want, Indicators.on(kind).rollingVar(SeriesBatch.wrap(1, x.length, x), w, false).data(), 1e-26, 1e-11,
                    "single w=" + w);
            int k = 19;
            double[][] s = new double[k][];
            for (int a = 0; a < k; a++) s[a] = IndicatorsPropertiesTest.stormAndCalm(8 + a, 3000);
            SeriesBatch got = Indicators.on(kind).rollingVar(SeriesBatch.of(s), w, false);
            for (int a = 0; a < k; a++) {
                assertClose(IndicatorsPropertiesTest.twoPassVar(s[a], w, 0), got.series(a), 1e-26, 1e-11, "batch w=" + w + " asset " + a);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("accelerated")
    void singleSeriesVarianceBlocksAgreeWithTwoPass(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        // The single-series fast blocks (VECTOR: one error check per block, shifts re-chosen per
        // block and carried for long windows) against the naive two-pass, on everything that must
        // send a block to the careful path: storms next to calms, a level jump by 2^34 (the carried
        // shift is then inexact), a flat run (exactly 0), NaN and infinities, a stretch 10^7 times
        // calmer than the random walk. 1e-11 relative (the guarantee is 9.1e-13 plus two ulps; the
        // two-pass itself has about w u), plus 1e-27 w absolute (the two-pass's rounding of the
        // window mean, w ulp(100)^2, see calmAfterStormVarianceAgreesWithTwoPass).
        int n = 24_000;
        double[] x = IndicatorsPropertiesTest.prices(11, n);
        System.arraycopy(IndicatorsPropertiesTest.stormAndCalm(12, 3000), 0, x, 4000, 3000);
        for (int i = 9000; i < 9600; i++) x[i] *= 0x1p34;
        for (int i = 12_000; i < 12_100; i++) x[i] = x[11_999];
        x[15_000] = Double.NaN;
        x[15_500] = Double.POSITIVE_INFINITY;
        x[18_001] = Double.NEGATIVE_INFINITY;
        SplittableRandom r = new SplittableRandom(13);
        for (int i = 20_000; i < 21_000; i++) x[i] = 100 + 1e-9 * r.nextDouble();
        for (int w : new int[] {16, 20, 33, 64, 65, 200, 513}) {
            double[] want = IndicatorsPropertiesTest.twoPassVar(x, w, 0);
            for (int i = 12_000 + w - 1; i < 12_100; i++) want[i] = 0;
            double[] got = Indicators.on(kind).rollingVar(x, w, false);
            assertClose(want, got, 1e-27 * w, 1e-11, "var w=" + w);
            for (int i = 12_000 + w - 1; i < 12_100; i++) {
                if (got[i] != 0) throw new AssertionError("flat window at " + i + " w=" + w + ": " + got[i]);
            }
            double[] sd = Indicators.on(kind).rollingStd(x, w, true);
            double[] wantSd = IndicatorsPropertiesTest.twoPassVar(x, w, 1);
            for (int i = 0; i < n; i++) wantSd[i] = Math.sqrt(wantSd[i]);
            for (int i = 12_000 + w - 1; i < 12_100; i++) wantSd[i] = 0;
            assertClose(wantSd, sd, 1e-13 * Math.sqrt(w), 1e-11, "sample sd w=" + w);
        }
    }

    @ParameterizedTest
    @MethodSource("accelerated")
    void longBatchCrossesTheResummationPeriod(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int k = 11, t = 2600;
        double[][] s = new double[k][];
        for (int a = 0; a < k; a++) s[a] = dirtyPrices(77 + a, t);
        compare(kind, SeriesBatch.of(s), 30, "long");
        compare(kind, SeriesBatch.wrap(1, 20_000, dirtyPrices(5, 20_000)), 30, "long single");
    }
}
