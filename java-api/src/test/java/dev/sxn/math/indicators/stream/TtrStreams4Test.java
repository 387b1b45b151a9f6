package dev.sxn.math.indicators.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.indicators.Bars;
import dev.sxn.math.indicators.Oscillators;
import dev.sxn.math.indicators.TrendIndicators;
import dev.sxn.math.indicators.TtrLines.Aroon;
import dev.sxn.math.indicators.TtrLines.LineAndSignal;
import dev.sxn.math.indicators.TtrLines.Tdi;
import dev.sxn.math.indicators.TtrStreams4;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streams of {@link TtrStreams4} (aroon, ultimate oscillator, KST, SMI, TDI) against their array functions,
 * bit for bit (tolerance 0) at every index and every split (the {@link StreamContract}, NaN included), on random
 * series and bars with missing values, flat stretches, flat bars and exact zeros; plus long runs without missing
 * values, so that TTR's default windows (warm-ups of up to 52 bars) reach their steady state.
 */
class TtrStreams4Test {
    private static final int T = 150;

    @ParameterizedTest
    @CsvSource({"91, 1", "92, 2", "93, 3", "94, 5", "95, 14"})
    void aroonStreams(long seed, int n) {
        for (Bars b : new Bars[] {StreamContract.bars(seed, T), clean(seed, T), steps(seed, T)}) {
            Aroon<double[]> a = TrendIndicators.aroon(b.high(), b.low(), n);
            StreamContract.bars(() -> TtrStreams4.aroon(n), b, a.up(), a.down(), a.oscillator());
        }
    }

    @ParameterizedTest
    @CsvSource({"101, 1, 2, 3", "102, 2, 3, 5", "103, 7, 14, 28", "104, 3, 1, 2"})
    void ultimateOscillatorStreams(long seed, int n0, int n1, int n2) {
        int[] n = {n0, n1, n2};
        double[] w = {4, 2, 1};
        for (Bars b : new Bars[] {StreamContract.bars(seed, T), clean(seed, T)}) {
            StreamContract.bars(() -> TtrStreams4.ultimateOscillator(n, w), b,
                    Oscillators.ultimateOscillator(b.high(), b.low(), b.close(), n, w));
        }
        Bars b = clean(seed, T);
        StreamContract.bars(TtrStreams4::ultimateOscillator, b,
                Oscillators.ultimateOscillator(b.high(), b.low(), b.close(), new int[] {7, 14, 28}, new double[] {4, 2, 1}));
    }

    @ParameterizedTest
    @CsvSource({"111, 1, 1, 1", "112, 2, 3, 2", "113, 3, 5, 4", "114, 5, 2, 3"})
    void kstStreams(long seed, int n, int roc, int sig) {
        int[] ns = {n, n + 1, n + 2}, rocs = {roc, roc + 2, 2 * roc};
        double[] w = {1, 2, 3.5};
        for (double[] x : new double[][] {StreamContract.series(seed, T), cleanSeries(seed, T), StreamContract.signed(seed, T)}) {
            LineAndSignal<double[]> k = Oscillators.kst(x, ns, rocs, sig, w);
            StreamContract.series(() -> TtrStreams4.kst(ns, rocs, sig, w), x, k.line(), k.signal());
        }
        double[] x = cleanSeries(seed, T);
        LineAndSignal<double[]> k = Oscillators.kst(x);
        StreamContract.series(TtrStreams4::kst, x, k.line(), k.signal());
    }

    @ParameterizedTest
    @CsvSource({"121, 1, 1, 1, 1", "122, 3, 2, 5, 3", "123, 13, 2, 25, 9", "124, 5, 4, 2, 2"})
    void smiStreams(long seed, int n, int fast, int slow, int sig) {
        for (Bars b : new Bars[] {StreamContract.bars(seed, T), clean(seed, T), steps(seed, T)}) {
            LineAndSignal<double[]> s = Oscillators.smi(b.high(), b.low(), b.close(), n, fast, slow, sig);
            StreamContract.bars(() -> TtrStreams4.smi(n, fast, slow, sig), b, s.line(), s.signal());
        }
    }

    @ParameterizedTest
    @CsvSource({"131, 1, 1", "132, 2, 2", "133, 3, 4", "134, 5, 2", "135, 20, 2"})
    void tdiStreams(long seed, int n, int multiple) {
        for (double[] x : new double[][] {StreamContract.series(seed, T), cleanSeries(seed, T), StreamContract.signed(seed, T)}) {
            Tdi<double[]> t = TrendIndicators.tdi(x, n, multiple);
            StreamContract.series(() -> TtrStreams4.tdi(n, multiple), x, t.tdi(), t.di());
        }
    }

    @Test
    void lookbackIsTheIndexOfTheFirstValue() {
        Bars b = clean(7, T);
        double[] x = cleanSeries(7, T);
        assertEquals(first(TrendIndicators.aroon(b.high(), b.low(), 20).up()), TtrStreams4.aroon(20).lookback());
        assertEquals(first(Oscillators.ultimateOscillator(b.high(), b.low(), b.close(), new int[] {7, 14, 28},
                new double[] {4, 2, 1})), TtrStreams4.ultimateOscillator().lookback());
        assertEquals(first(Oscillators.kst(x).line()), TtrStreams4.kst().lookback());
        assertEquals(first(Oscillators.smi(b.high(), b.low(), b.close(), 13, 2, 25, 9).line()),
                TtrStreams4.smi(13, 2, 25, 9).lookback());
        assertEquals(first(TrendIndicators.tdi(x, 20, 2).tdi()), TtrStreams4.tdi(20, 2).lookback());
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.aroon(0));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.ultimateOscillator(new int[] {7, 14}, new double[] {4, 2, 1}));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.ultimateOscillator(new int[] {7, 0, 28}, new double[] {4, 2, 1}));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.ultimateOscillator(new int[] {7, 14, 28}, new double[] {4, Double.NaN, 1}));
        assertThrows(NullPointerException.class, () -> TtrStreams4.ultimateOscillator(null, new double[] {4, 2, 1}));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.kst(new int[0], new int[0], 9, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.kst(new int[] {1, 2}, new int[] {1}, 9, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.kst(new int[] {1}, new int[] {0}, 9, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.kst(new int[] {1}, new int[] {1}, 0, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.kst(new int[] {1}, new int[] {1}, 1, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.smi(13, 0, 25, 9));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.smi(0, 2, 25, 9));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.tdi(0, 2));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.tdi(20, 0));
        assertThrows(IllegalArgumentException.class, () -> TtrStreams4.tdi(1 << 20, 1 << 12));
    }

    /** The index of the first non-NaN value. */
    private static int first(double[] x) {
        int i = 0;
        while (Double.isNaN(x[i])) i++;
        return i;
    }

    /** StreamContract.series without missing values. */
    private static double[] cleanSeries(long seed, int t) {
        double[] x = StreamContract.series(seed, t);
        for (int i = 0; i < t; i++) {
            if (!StreamContract.finite(x[i])) x[i] = i > 0 ? x[i - 1] : 100;
        }
        return x;
    }

    /** StreamContract.bars without missing fields. */
    private static Bars clean(long seed, int t) {
        Bars b = StreamContract.bars(seed, t);
        for (double[] col : new double[][] {b.high(), b.low(), b.close(), b.volume()}) {
            for (int i = 0; i < t; i++) if (!StreamContract.finite(col[i])) col[i] = b.open()[i];
        }
        for (int i = 0; i < t; i++) {
            b.high()[i] = Math.max(b.high()[i], Math.max(b.low()[i], b.close()[i]));
            b.low()[i] = Math.min(b.low()[i], Math.min(b.high()[i], b.close()[i]));
        }
        return b;
    }

    /**
     * Bars on a coarse grid (many equal highs and lows, zeros of both signs): ties decide aroon's location and
     * the extremes' choice, and flat windows give SMI's 0/0.
     */
    private static Bars steps(long seed, int t) {
        SplittableRandom r = new SplittableRandom(seed);
        Bars b = Bars.zeros(t);
        for (int i = 0; i < t; i++) {
            double c = r.nextInt(-2, 3) * 0.5;
            b.close()[i] = c == 0 && r.nextBoolean() ? -0.0 : c;
            b.high()[i] = Math.max(c, r.nextInt(-1, 3) * 0.5);
            b.low()[i] = Math.min(c, r.nextInt(-2, 2) * 0.5);
            if (r.nextDouble() < 0.04) b.high()[i] = Double.NaN;
        }
        return b;
    }
}
