package dev.sxn.math.indicators.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sxn.math.indicators.Bars;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The streaming contract, checked for one stream against the array function's lines: for every split k of the
 * series, a stream opened and filled with the first k inputs, then updated with the rest, gives every line's
 * value bit for bit (NaN as NaN, -0.0 apart from +0.0) at every index; a peek before each update gives the
 * update's values and changes nothing; a copy taken at the split continues exactly as the original; isReady is
 * false within lookback complete inputs of the start or of a missing input.
 */
final class StreamContract {
    private StreamContract() {}

    /** A random walk of length t with missing values (NaN, +-Inf), flat stretches and exact zeros. */
    static double[] series(long seed, int t) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[t];
        double p = 100;
        for (int i = 0; i < t; i++) {
            double u = r.nextDouble();
            if (u < 0.03) x[i] = Double.NaN;
            else if (u < 0.035) x[i] = r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            else if (u < 0.10 && i > 0 && finite(x[i - 1])) x[i] = x[i - 1]; // flat stretch
            else {
                p += r.nextGaussian();
                x[i] = p;
            }
        }
        return x;
    }

    /** A series of changes around zero (exact zeros and both signs), with missing values: for max/min and sums. */
    static double[] signed(long seed, int t) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[t];
        for (int i = 0; i < t; i++) {
            double u = r.nextDouble();
            x[i] = u < 0.04 ? Double.NaN : u < 0.12 ? 0.0 : u < 0.2 ? -0.0 : r.nextInt(-5, 6) * 0.5 + (u < 0.5 ? 0 : r.nextGaussian());
        }
        return x;
    }

    /** OHLCV bars around a random walk with missing fields; high >= low wherever both are finite. */
    static Bars bars(long seed, int t) {
        SplittableRandom r = new SplittableRandom(seed);
        Bars b = Bars.zeros(t);
        double p = 50;
        for (int i = 0; i < t; i++) {
            p += r.nextGaussian() * 0.5;
            double o = p + r.nextGaussian() * 0.2, c = p + r.nextGaussian() * 0.2;
            double h = Math.max(o, c) + Math.abs(r.nextGaussian()) * 0.3, l = Math.min(o, c) - Math.abs(r.nextGaussian()) * 0.3;
            if (r.nextDouble() < 0.05) h = l = c = o; // a flat bar
            b.open()[i] = o;
            b.high()[i] = h;
            b.low()[i] = l;
            b.close()[i] = c;
            b.volume()[i] = r.nextDouble() < 0.05 ? 0 : Math.floor(r.nextDouble() * 1000);
            double u = r.nextDouble();
            if (u < 0.015) b.close()[i] = Double.NaN;
            else if (u < 0.025) b.high()[i] = Double.NaN;
            else if (u < 0.035) b.low()[i] = Double.NaN;
            else if (u < 0.045) b.volume()[i] = Double.NaN;
        }
        return b;
    }

    static boolean finite(double v) {
        return Math.abs(v) <= Double.MAX_VALUE;
    }

    /** Equal bit for bit, all NaNs alike (the NaN rule says where NaN is, not which NaN). */
    static void same(double expected, double actual, String where) {
        if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
            fail(where + ": expected " + expected + " (" + Long.toHexString(Double.doubleToRawLongBits(expected)) + "), was " + actual
                    + " (" + Long.toHexString(Double.doubleToRawLongBits(actual)) + ")");
        }
    }

    /** The contract for a series stream: {@code lines[l][i]} is the array function's line l at index i. */
    static void series(Supplier<SeriesStream> open, double[] x, double[]... lines) {
        int t = x.length;
        check(open.get(), lines, t);
        for (int k = 0; k <= t; k++) {
            SeriesStream s = open.get().fill(x, 0, k);
            assertEquals(k, s.count());
            if (k > 0) lines(s, lines, k - 1, "after fill(x[0.." + k + "))");
            SeriesStream c = s.copy();
            for (int i = k; i < t; i++) {
                double before = s.value();
                double p = s.peek(x[i]);
                same(before, s.value(), "peek changed the value at " + i);
                double v = s.update(x[i]);
                same(p, v, "peek vs update at " + i + " (split " + k + ")");
                for (int l = 0; l < lines.length; l++) same(s.peeked(l), s.value(l), "peeked line " + l + " at " + i);
                lines(s, lines, i, "split " + k);
            }
            for (int i = k; i < t; i++) c.update(x[i]);
            for (int l = 0; l < lines.length; l++) same(s.value(l), c.value(l), "copy at split " + k + ", line " + l);
        }
        readiness(open.get(), x);
    }

    /** The contract for a bar stream against the array function's lines on {@code b}. */
    static void bars(Supplier<BarStream> open, Bars b, double[]... lines) {
        int t = b.length();
        for (int k = 0; k <= t; k++) {
            BarStream s = open.get().fill(b, 0, k);
            assertEquals(k, s.count());
            if (k > 0) lines(s, lines, k - 1, "after fill(bars[0.." + k + "))");
            BarStream c = s.copy();
            for (int i = k; i < t; i++) {
                double before = s.value();
                double p = s.peek(b.open()[i], b.high()[i], b.low()[i], b.close()[i], b.volume()[i]);
                same(before, s.value(), "peek changed the value at " + i);
                double v = s.update(b.bar(i));
                same(p, v, "peek vs update at " + i + " (split " + k + ")");
                lines(s, lines, i, "split " + k);
            }
            for (int i = k; i < t; i++) c.update(b.bar(i));
            for (int l = 0; l < lines.length; l++) same(s.value(l), c.value(l), "copy at split " + k + ", line " + l);
        }
    }

    private static void check(IndicatorStream s, double[][] lines, int t) {
        assertEquals(lines.length, s.lines(), "lines");
        for (double[] line : lines) assertEquals(t, line.length);
        assertFalse(s.isReady());
        assertTrue(Double.isNaN(s.value()));
    }

    private static void lines(IndicatorStream s, double[][] lines, int i, String where) {
        for (int l = 0; l < lines.length; l++) same(lines[l][i], s.value(l), where + ": line " + l + " at index " + i);
    }

    /** isReady: false until lookback + 1 finite inputs in a row, true after them, false again at a missing one. */
    private static void readiness(SeriesStream s, double[] x) {
        int run = 0;
        for (double v : x) {
            s.update(v);
            run = finite(v) ? run + 1 : 0;
            assertEquals(run > s.lookback(), s.isReady(), "isReady after a run of " + run);
        }
    }
}
