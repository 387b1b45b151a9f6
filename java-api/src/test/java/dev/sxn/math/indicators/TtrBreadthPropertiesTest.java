package dev.sxn.math.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.indicators.VolatilityEstimators.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the TTR breadth indicators that the reference vectors cannot show (TTR refuses NA after the start):
 * a batch equals its assets computed one by one, bit for bit, NaN included; a NaN poisons its own position and the
 * indicator restarts after it exactly as on the series that begins there (and, for the causal ones, nothing before
 * it changes); and bad arguments fail with the argument's name.
 */
class TtrBreadthPropertiesTest {

    /** One OHLCV series. */
    record Bars(double[] o, double[] h, double[] l, double[] c, double[] v) {
        Bars from(int p) {
            return new Bars(tail(o, p), tail(h, p), tail(l, p), tail(c, p), tail(v, p));
        }

        private static double[] tail(double[] x, int p) {
            return java.util.Arrays.copyOfRange(x, p, x.length);
        }
    }

    /** k OHLCV series as batches. */
    record Batch(SeriesBatch o, SeriesBatch h, SeriesBatch l, SeriesBatch c, SeriesBatch v) {}

    /** An indicator in both forms; {@code causal}: a value depends only on the bars up to it. */
    record Case(String name, boolean causal, Function<Bars, double[][]> one, Function<Batch, SeriesBatch[]> many) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static double[][] a(double[]... x) {
        return x;
    }

    private static SeriesBatch[] b(SeriesBatch... x) {
        return x;
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("adx", true, s -> {
            var r = TrendIndicators.adx(s.h, s.l, s.c, 5);
            return a(r.diPlus(), r.diMinus(), r.dx(), r.adx());
        }, s -> {
            var r = TrendIndicators.adx(s.h, s.l, s.c, 5);
            return b(r.diPlus(), r.diMinus(), r.dx(), r.adx());
        }));
        c.add(new Case("aroon", true, s -> {
            var r = TrendIndicators.aroon(s.h, s.l, 6);
            return a(r.up(), r.down(), r.oscillator());
        }, s -> {
            var r = TrendIndicators.aroon(s.h, s.l, 6);
            return b(r.up(), r.down(), r.oscillator());
        }));
        c.add(new Case("vhf", true, s -> a(TrendIndicators.vhf(s.h, s.l, s.c, 7)), s -> b(TrendIndicators.vhf(s.h, s.l, s.c, 7))));
        c.add(new Case("sar", false, s -> a(TrendIndicators.sar(s.h, s.l, 0.02, 0.2)), s -> b(TrendIndicators.sar(s.h, s.l, 0.02, 0.2))));
        c.add(new Case("zigzag", false, s -> a(TrendIndicators.zigZag(s.h, s.l, 3, true, false, true)),
                s -> b(TrendIndicators.zigZag(s.h, s.l, 3, true, false, true))));
        c.add(new Case("dpo", false, s -> a(TrendIndicators.dpo(s.c, 6)), s -> b(TrendIndicators.dpo(s.c, 6, 4, false))));
        c.add(new Case("tdi", true, s -> {
            var r = TrendIndicators.tdi(s.c, 5, 2);
            return a(r.tdi(), r.di());
        }, s -> {
            var r = TrendIndicators.tdi(s.c, 5, 2);
            return b(r.tdi(), r.di());
        }));
        c.add(new Case("momentum", true, s -> a(Oscillators.momentum(s.c, 3)), s -> b(Oscillators.momentum(s.c, 3))));
        c.add(new Case("rocDiscrete", true, s -> a(Oscillators.rocDiscrete(s.c, 2)), s -> b(Oscillators.rocDiscrete(s.c, 2))));
        c.add(new Case("rocContinuous", true, s -> a(Oscillators.rocContinuous(s.c, 2)), s -> b(Oscillators.rocContinuous(s.c, 2))));
        c.add(new Case("cci", true, s -> a(Oscillators.cci(s.h, s.l, s.c, 6, 0.015)), s -> b(Oscillators.cci(s.h, s.l, s.c, 6, 0.015))));
        c.add(new Case("cmo", true, s -> a(Oscillators.cmo(s.c, 5)), s -> b(Oscillators.cmo(s.c, 5))));
        c.add(new Case("cti", true, s -> a(Oscillators.cti(s.c, 6, 1)), s -> b(Oscillators.cti(s.c, 6, 1))));
        c.add(new Case("dvi", true, s -> {
            var r = Oscillators.dvi(s.c, 10);
            return a(r.magnitude(), r.stretch(), r.dvi());
        }, s -> {
            var r = Oscillators.dvi(s.c, 10);
            return b(r.magnitude(), r.stretch(), r.dvi());
        }));
        c.add(new Case("kst", true, s -> {
            var r = Oscillators.kst(s.c, new int[] {3, 4}, new int[] {2, 5}, 3, new double[] {1, 2});
            return a(r.line(), r.signal());
        }, s -> {
            var r = Oscillators.kst(s.c, new int[] {3, 4}, new int[] {2, 5}, 3, new double[] {1, 2});
            return b(r.line(), r.signal());
        }));
        c.add(new Case("smi", true, s -> {
            var r = Oscillators.smi(s.h, s.l, s.c, 5, 2, 6, 3);
            return a(r.line(), r.signal());
        }, s -> {
            var r = Oscillators.smi(s.h, s.l, s.c, 5, 2, 6, 3);
            return b(r.line(), r.signal());
        }));
        c.add(new Case("trix", true, s -> {
            var r = Oscillators.trix(s.c, 4, true);
            return a(r.line(), r.signal());
        }, s -> {
            var r = Oscillators.trix(s.c, 4, true);
            return b(r.line(), r.signal());
        }));
        c.add(new Case("ultimate", true, s -> a(Oscillators.ultimateOscillator(s.h, s.l, s.c, new int[] {3, 5, 8}, new double[] {4, 2, 1})),
                s -> b(Oscillators.ultimateOscillator(s.h, s.l, s.c, new int[] {3, 5, 8}, new double[] {4, 2, 1}))));
        c.add(new Case("wpr", true, s -> a(Oscillators.wpr(s.h, s.l, s.c, 5)), s -> b(Oscillators.wpr(s.h, s.l, s.c, 5))));
        c.add(new Case("snr", true, s -> a(Oscillators.snr(s.h, s.l, s.c, 5)), s -> b(Oscillators.snr(s.h, s.l, s.c, 5))));
        c.add(new Case("clv", true, s -> a(VolumeIndicators.clv(s.h, s.l, s.c)), s -> b(VolumeIndicators.clv(s.h, s.l, s.c))));
        c.add(new Case("chaikinAD", true, s -> a(VolumeIndicators.chaikinAD(s.h, s.l, s.c, s.v)),
                s -> b(VolumeIndicators.chaikinAD(s.h, s.l, s.c, s.v))));
        c.add(new Case("cmf", true, s -> a(VolumeIndicators.cmf(s.h, s.l, s.c, s.v, 5)), s -> b(VolumeIndicators.cmf(s.h, s.l, s.c, s.v, 5))));
        c.add(new Case("emv", true, s -> {
            var r = VolumeIndicators.emv(s.h, s.l, s.v, 4, 10000);
            return a(r.line(), r.signal());
        }, s -> {
            var r = VolumeIndicators.emv(s.h, s.l, s.v, 4, 10000);
            return b(r.line(), r.signal());
        }));
        c.add(new Case("mfi", true, s -> a(VolumeIndicators.mfi(s.h, s.l, s.c, s.v, 5)), s -> b(VolumeIndicators.mfi(s.h, s.l, s.c, s.v, 5))));
        c.add(new Case("williamsAD", true, s -> a(VolumeIndicators.williamsAD(s.h, s.l, s.c)),
                s -> b(VolumeIndicators.williamsAD(s.h, s.l, s.c))));
        c.add(new Case("alma", true, s -> a(MovingAverages.alma(s.c, 5, 0.85, 6)), s -> b(MovingAverages.alma(s.c, 5, 0.85, 6))));
        c.add(new Case("evwma", true, s -> a(MovingAverages.evwma(s.c, s.v, 5)), s -> b(MovingAverages.evwma(s.c, s.v, 5))));
        c.add(new Case("gmma", true, s -> MovingAverages.gmma(s.c, new int[] {2, 3, 7}), s -> MovingAverages.gmma(s.c, new int[] {2, 3, 7})));
        c.add(new Case("hma", true, s -> a(MovingAverages.hma(s.c, 6)), s -> b(MovingAverages.hma(s.c, 6))));
        c.add(new Case("vma", true, s -> a(MovingAverages.vma(s.c, s.o, 0.01)), s -> b(MovingAverages.vma(s.c, s.o, 0.01))));
        c.add(new Case("wilderSum", true, s -> a(MovingAverages.wilderSum(s.c, 5)), s -> b(MovingAverages.wilderSum(s.c, 5))));
        c.add(new Case("zlema", true, s -> a(MovingAverages.zlema(s.c, 5)), s -> b(MovingAverages.zlema(s.c, 5))));
        for (Method m : Method.values()) {
            c.add(new Case("volatility " + m, true, s -> a(VolatilityEstimators.volatility(s.o, s.h, s.l, s.c, 5, m, 252)),
                    s -> b(VolatilityEstimators.volatility(s.o, s.h, s.l, s.c, 5, m, 252))));
        }
        c.add(new Case("volatility close mean0", true, s -> a(VolatilityEstimators.close(s.c, 5, 252, true)),
                s -> b(VolatilityEstimators.close(s.c, 5, 252, true))));
        c.add(new Case("chaikinVolatility", true, s -> a(VolatilityEstimators.chaikinVolatility(s.h, s.l, 4)),
                s -> b(VolatilityEstimators.chaikinVolatility(s.h, s.l, 4))));
        c.add(new Case("donchian", true, s -> {
            var r = Channels.donchian(s.h, s.l, 5);
            return a(r.lower(), r.middle(), r.upper());
        }, s -> {
            var r = Channels.donchian(s.h, s.l, 5);
            return b(r.lower(), r.middle(), r.upper());
        }));
        c.add(new Case("keltner", true, s -> {
            var r = Channels.keltner(s.h, s.l, s.c, 5, 2);
            return a(r.lower(), r.middle(), r.upper());
        }, s -> {
            var r = Channels.keltner(s.h, s.l, s.c, 5, 2);
            return b(r.lower(), r.middle(), r.upper());
        }));
        c.add(new Case("pbands", true, s -> {
            var r = Channels.pbands(s.c, 5, 2, 2);
            return a(r.lower(), r.middle(), r.upper());
        }, s -> {
            var r = Channels.pbands(s.c, 5, 2, 2);
            return b(r.lower(), r.middle(), r.upper());
        }));
        c.add(new Case("runCov", true, s -> a(RunningStatistics.runCov(s.c, s.v, 5, true)), s -> b(RunningStatistics.runCov(s.c, s.v, 5, true))));
        c.add(new Case("runCor", true, s -> a(RunningStatistics.runCor(s.c, s.v, 5, true)), s -> b(RunningStatistics.runCor(s.c, s.v, 5, true))));
        c.add(new Case("runMedian", true, s -> a(RunningStatistics.runMedian(s.c, 4)), s -> b(RunningStatistics.runMedian(s.c, 4))));
        c.add(new Case("runMad", true, s -> a(RunningStatistics.runMad(s.c, 5, true, 1.4826)),
                s -> b(RunningStatistics.runMad(s.c, 5, true, 1.4826))));
        c.add(new Case("runPercentRank", true, s -> a(RunningStatistics.runPercentRank(s.c, 6, 0.5)),
                s -> b(RunningStatistics.runPercentRank(s.c, 6, 0.5))));
        return c.stream();
    }

    /** A random OHLCV series on a 0.01 tick (so ties occur), volumes in whole units. */
    private static Bars bars(Random r, int t) {
        double[] o = new double[t], h = new double[t], l = new double[t], c = new double[t], v = new double[t];
        double p = 50 + 50 * r.nextDouble();
        for (int i = 0; i < t; i++) {
            o[i] = Math.round(p * 100) / 100.0;
            p *= Math.exp(0.02 * r.nextGaussian());
            c[i] = Math.round(p * 100) / 100.0;
            h[i] = Math.max(o[i], c[i]) + Math.round(50 * r.nextDouble()) / 100.0;
            l[i] = Math.min(o[i], c[i]) - Math.round(50 * r.nextDouble()) / 100.0;
            v[i] = 1000 + r.nextInt(100_000);
        }
        return new Bars(o, h, l, c, v);
    }

    private static Batch batch(Bars[] s) {
        int k = s.length;
        double[][] o = new double[k][], h = new double[k][], l = new double[k][], c = new double[k][], v = new double[k][];
        for (int a = 0; a < k; a++) {
            o[a] = s[a].o;
            h[a] = s[a].h;
            l[a] = s[a].l;
            c[a] = s[a].c;
            v[a] = s[a].v;
        }
        return new Batch(SeriesBatch.of(o), SeriesBatch.of(h), SeriesBatch.of(l), SeriesBatch.of(c), SeriesBatch.of(v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void batchEqualsEachAssetBitForBit(Case c) {
        Random r = new Random(c.name.hashCode());
        Bars[] s = new Bars[4];
        for (int a = 0; a < s.length; a++) s[a] = bars(r, 120);
        s[1].c[40] = Double.NaN; // a gap in one asset only
        s[2].h[70] = Double.POSITIVE_INFINITY;
        SeriesBatch[] got = c.many.apply(batch(s));
        for (int a = 0; a < s.length; a++) {
            double[][] want = c.one.apply(s[a]);
            assertEquals(want.length, got.length, c.name + ": lines");
            for (int j = 0; j < want.length; j++) {
                assertArrayEquals(want[j], got[j].series(a), c.name + " line " + j + " asset " + a);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aNaNPoisonsItsPositionAndTheIndicatorRestartsAfterIt(Case c) {
        Random r = new Random(31 * c.name.hashCode());
        Bars s = bars(r, 260);
        int p = 60;
        double[][] clean = c.one.apply(s);
        s.c[p] = Double.NaN;
        s.v[p] = Double.NaN;
        s.o[p] = Double.NaN;
        s.h[p] = Double.NaN;
        s.l[p] = Double.NaN;
        double[][] cut = c.one.apply(s);
        double[][] after = c.one.apply(s.from(p + 1));
        boolean live = false;
        for (int j = 0; j < cut.length; j++) {
            assertTrue(Double.isNaN(cut[j][p]), c.name + " line " + j + " at the NaN");
            for (int i = p + 1; i < cut[j].length; i++) {
                assertEquals(after[j][i - p - 1], cut[j][i], 0.0, c.name + " line " + j + " at " + i + " (restarted)");
                live |= !Double.isNaN(cut[j][i]);
            }
            if (c.causal) {
                for (int i = 0; i < p; i++) assertEquals(clean[j][i], cut[j][i], 0.0, c.name + " line " + j + " at " + i);
            }
        }
        assertTrue(live, c.name + ": some value after the restart");
    }

    @Test
    void badArgumentsNameTheArgument() {
        double[] x = {1, 2, 3, 4, 5}, y = {1, 2, 3};
        assertMessage("n must be in [1, 5]", () -> Oscillators.momentum(x, 6));
        assertMessage("n must be in [1, 5]", () -> TrendIndicators.adx(x, x, x, 0));
        assertMessage("low", () -> TrendIndicators.adx(x, y, x, 2));
        assertMessage("maxAccel must be above accel", () -> TrendIndicators.sar(x, x, 0.02, 0.02));
        assertMessage("accel must", () -> TrendIndicators.sar(x, x, 0, 0.2));
        assertMessage("change must", () -> TrendIndicators.zigZag(x, x, -1, true, false, true));
        assertMessage("offset must", () -> MovingAverages.alma(x, 3, 1.5, 6));
        assertMessage("sigma must", () -> MovingAverages.alma(x, 3, 0.5, 0));
        assertMessage("n must be in [3, 5]", () -> VolatilityEstimators.close(x, 2, 252, false));
        assertMessage("periodsPerYear must", () -> VolatilityEstimators.close(x, 3, 0, false));
        assertMessage("exactMultiplier must", () -> RunningStatistics.runPercentRank(x, 3, 2));
        assertMessage("n.length must be 3", () -> Oscillators.ultimateOscillator(x, x, x, new int[] {1, 2}, new double[] {1, 1, 1}));
        assertMessage("nRoc.length must equal", () -> Oscillators.kst(x, new int[] {1, 2}, new int[] {1}, 1, new double[] {1, 1}));
        assertMessage("windows[1] must be in [1, 5]", () -> MovingAverages.gmma(x, new int[] {2, 9}));
        assertMessage("shift must", () -> TrendIndicators.dpo(x, 2, -1, false));
        assertThrows(NullPointerException.class, () -> Channels.donchian(null, x, 2));
        SeriesBatch a = SeriesBatch.zeros(2, 5), b2 = SeriesBatch.zeros(3, 5);
        assertMessage("low", () -> Channels.donchian(a, b2, 2));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should contain '" + part + "'");
    }
}
