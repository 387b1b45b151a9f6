package dev.sxn.math.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.TtrOscillatorData;
import dev.sxn.math.testing.BackendSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernels of {@code indicators.ttr.oscillators}: every accelerated kind against JAVA (bit for bit, NaN equal to
 * NaN; ROC continuous on NATIVE and OPENCL within 8 eps (|log x[i]| + |log x[i-n]|) absolute, since libm's and the
 * device's logarithms are within a few ulps of Math.log; VECTOR uses Math.log and is held to JAVA's bits there too)
 * on seeded OHLCV batches of 1, 7, 11 and 19 assets (under, at and past a lane
 * group with a tail) and windows 1, 3, 14 and n = t; JAVA pinned against the one-series functions per asset (the
 * batch form's results are unchanged); batches with NaN, infinities or values past {@link OscillatorBatches#LIMIT}
 * run JAVA on every pinned kind and keep the NaN rule.
 */
class TtrOscillatorKernelsTest {
    private static final double EPS = Math.ulp(1.0);
    private static final int T = 240;

    static Stream<Backend> accelerated() {
        return BackendSupport.accelerated(KernelFamilies.INDICATORS_TTR_OSCILLATORS);
    }

    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.INDICATORS_TTR_OSCILLATORS);
    }

    /** One indicator of the family on a (high, low, close, volume) batch, pinned to a kind. */
    record Op(String name, BiFunction<SeriesBatch[], Backend, SeriesBatch> batch, java.util.function.Function<double[][], double[]> series) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Op> ops(int n) {
        return List.of(
                new Op("momentum " + n, (b, k) -> OscillatorBatches.momentum(b[2], n, k), s -> Oscillators.momentum(s[2], n)),
                new Op("rocDiscrete " + n, (b, k) -> OscillatorBatches.rocDiscrete(b[2], n, k), s -> Oscillators.rocDiscrete(s[2], n)),
                new Op("wpr " + n, (b, k) -> OscillatorBatches.wpr(b[0], b[1], b[2], n, k), s -> Oscillators.wpr(s[0], s[1], s[2], n)),
                new Op("cci " + n, (b, k) -> OscillatorBatches.cci(b[0], b[1], b[2], n, 0.015, k), s -> Oscillators.cci(s[0], s[1], s[2], n, 0.015)),
                new Op("cci close " + n, (b, k) -> OscillatorBatches.cci(b[2], n, 0.02, k), s -> Oscillators.cci(s[2], n, 0.02)),
                new Op("mfi " + n, (b, k) -> OscillatorBatches.mfi(b[0], b[1], b[2], b[3], n, k), s -> VolumeIndicators.mfi(s[0], s[1], s[2], s[3], n)));
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        accelerated().forEach(kind -> {
            for (int k : new int[] {1, 7, 11, 19}) {
                for (int n : new int[] {1, 3, 14, T}) all.add(Arguments.of(kind, k, n));
            }
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0} k={1} n={2}")
    @MethodSource("cases")
    void acceleratedKindsGiveJavasBits(Backend kind, int k, int n) {
        BackendSupport.assumeAvailable(kind);
        SeriesBatch[] b = TtrOscillatorData.bars(k, T, 1000L * k + n);
        for (Op op : ops(n)) {
            double[] want = op.batch.apply(b, Backend.JAVA).data(), got = op.batch.apply(b, kind).data();
            for (int q = 0; q < want.length; q++) {
                int at = q;
                assertEquals(Double.doubleToLongBits(want[q]), Double.doubleToLongBits(got[q]),
                        () -> kind + " " + op + " at " + at + ": " + got[at] + " vs JAVA " + want[at]);
            }
        }
        double[] c = b[2].data(), want = OscillatorBatches.rocContinuous(b[2], n, Backend.JAVA).data();
        double[] got = OscillatorBatches.rocContinuous(b[2], n, kind).data();
        for (int q = 0; q < want.length; q++) {
            if (q < n * k) {
                assertTrue(Double.isNaN(got[q]), "warm-up NaN");
                continue;
            }
            double atol = kind == Backend.VECTOR ? 0 : 8 * EPS * (Math.abs(Math.log(c[q])) + Math.abs(Math.log(c[q - n * k])));
            int at = q;
            assertTrue(Math.abs(got[q] - want[q]) <= atol, () -> kind + " rocContinuous at " + at + ": " + got[at] + " vs " + want[at]);
        }
    }

    @Test
    void unpinnedRocContinuousEqualsTheOneSeriesFunctionBitForBit() {
        int k = 19;
        SeriesBatch[] b = TtrOscillatorData.bars(k, T, 3);
        Backend chosen = OscillatorBatches.KERNELS.choose((long) k * T, TtrOscKernels::exactLog);
        assertTrue(OscillatorBatches.KERNELS.kernel(chosen).exactLog(), chosen + " chosen for ROC continuous");
        SeriesBatch got = Oscillators.rocContinuous(b[2], 10);
        for (int a = 0; a < k; a++) {
            double[] want = Oscillators.rocContinuous(b[2].series(a), 10), g = got.series(a);
            for (int i = 0; i < T; i++) assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(g[i]), "asset " + a + " bar " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKindMatchesTheOneSeriesFunctionsPerAsset(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int k = 13;
        SeriesBatch[] b = TtrOscillatorData.bars(k, T, 7);
        for (int n : new int[] {2, 20}) {
            for (Op op : ops(n)) assertPerAsset(op, b, kind);
        }
    }

    /** {@code op} pinned to {@code kind} on the batch equals its one-series function on each asset, bit for bit. */
    private static void assertPerAsset(Op op, SeriesBatch[] b, Backend kind) {
        SeriesBatch got = op.batch.apply(b, kind);
        for (int a = 0; a < got.assets(); a++) {
            double[][] s = {b[0].series(a), b[1].series(a), b[2].series(a), b[3].series(a)};
            double[] want = op.series.apply(s), g = got.series(a);
            for (int i = 0; i < want.length; i++) {
                assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(g[i]), kind + " " + op + " asset " + a + " bar " + i);
            }
        }
    }

    /** Inputs the accelerated kinds do not take: NaN, infinities and values past LIMIT, in some assets only. */
    static Stream<Arguments> spoiled() {
        List<Arguments> all = new ArrayList<>();
        kinds().forEach(kind -> {
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 0x1p1021}) all.add(Arguments.of(kind, bad));
        });
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("spoiled")
    void ineligibleBatchesRunJavaAndKeepTheNanRule(Backend kind, double bad) {
        BackendSupport.assumeAvailable(kind);
        int k = 11;
        SeriesBatch[] b = TtrOscillatorData.bars(k, T, 11);
        SplittableRandom r = new SplittableRandom(5);
        for (int j = 0; j < 12; j++) {
            int a = r.nextInt(k), i = r.nextInt(T), col = r.nextInt(4);
            b[col].set(a, i, bad);
            if (col != 3) b[2].set((a + 3) % k, r.nextInt(T), bad);
        }
        for (Op op : ops(5)) assertPerAsset(op, b, kind);
        if (Double.isNaN(bad)) {
            // the NaN rule itself: a NaN close poisons its own bar, and the run after it starts a fresh warm-up
            SeriesBatch c = b[2];
            SeriesBatch m = OscillatorBatches.momentum(c, 3, kind);
            for (int a = 0; a < k; a++) {
                for (int i = 0; i < T; i++) {
                    boolean poisoned = false;
                    for (int j = Math.max(0, i - 3); j <= i; j++) poisoned |= Double.isNaN(c.get(a, j));
                    if (poisoned || i < 3) assertTrue(Double.isNaN(m.get(a, i)), "NaN at asset " + a + " bar " + i);
                    else assertEquals(c.get(a, i) - c.get(a, i - 3), m.get(a, i), 0.0);
                }
            }
        }
    }

    @Test
    void eligibilityIsFiniteAndBelowTheLimit() {
        assertTrue(OscillatorBatches.eligible(new double[] {1, -OscillatorBatches.LIMIT, OscillatorBatches.LIMIT}));
        for (double bad : new double[] {Double.NaN, Double.NEGATIVE_INFINITY, Math.nextUp(OscillatorBatches.LIMIT)}) {
            assertTrue(!OscillatorBatches.eligible(new double[] {1, bad, 2}), "eligible with " + bad);
        }
    }

    @Test
    void headerAndKernelSourceTakeTheJavaTypes() {
        assertEquals(TtrOscKernels.DIFF, dev.sxn.math.testing.NativeSources.longDefine("ttr_osc.h", "SXN_TTR_DIFF"));
        assertEquals(TtrOscKernels.DISCRETE, dev.sxn.math.testing.NativeSources.longDefine("ttr_osc.h", "SXN_TTR_DISCRETE"));
        assertEquals(TtrOscKernels.CONTINUOUS, dev.sxn.math.testing.NativeSources.longDefine("ttr_osc.h", "SXN_TTR_CONTINUOUS"));
        assertEquals(java.util.Map.of("SXN_TTR_DIFF", "0", "SXN_TTR_DISCRETE", "1"),
                dev.sxn.math.testing.NativeSources.options(OpenClTtrOscKernels.OPENCL_OPTIONS));
    }
}
