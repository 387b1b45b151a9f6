package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.Shapes.BATCH;
import static dev.sxn.math.indicators.Shapes.SERIES;
import static dev.sxn.math.indicators.TtrOps.NaN;

import dev.sxn.math.indicators.TtrLines.LineAndSignal;
import dev.sxn.math.internal.Checks;

/**
 * Price-volume indicators from R's TTR 0.24.3: close location value, Chaikin accumulation/distribution, Chaikin
 * money flow, ease of movement, money flow index and Williams' accumulation/distribution. Definitions, defaults,
 * warm-up and operation order are TTR's. Every method has a one-series form and a batch form (each asset its own
 * series, bit-identical to the one-series form); NaN or infinite inputs poison their position and restart the
 * warm-up (see {@link Segments}). Outputs are new arrays. Thread-safe.
 */
public final class VolumeIndicators {
    private VolumeIndicators() {}

    private static final String[] HLC = {"high", "low", "close"};
    private static final String[] HLCV = {"high", "low", "close", "volume"};
    private static final String[] HLV = {"high", "low", "volume"};

    private static double[] hlc(double[] high, double[] low, double[] close, Segments.Kernel k) {
        double[][] in = {high, low, close};
        Segments.seriesLength(in, HLC);
        return Segments.series(1, k, in)[0];
    }

    private static SeriesBatch hlc(SeriesBatch high, SeriesBatch low, SeriesBatch close, Segments.Kernel k) {
        SeriesBatch[] in = {high, low, close};
        Segments.sameShape(in, HLC);
        return Segments.batch(1, k, in)[0];
    }

    private static double[] hlcv(double[] high, double[] low, double[] close, double[] volume, int n,
            Segments.Kernel k) {
        double[][] in = {high, low, close, volume};
        Shapes.window(n, "n", Segments.seriesLength(in, HLCV), SERIES);
        return Segments.series(1, k, in)[0];
    }

    private static SeriesBatch hlcv(SeriesBatch high, SeriesBatch low, SeriesBatch close, SeriesBatch volume, int n,
            Segments.Kernel k) {
        SeriesBatch[] in = {high, low, close, volume};
        Segments.sameShape(in, HLCV);
        Shapes.window(n, "n", high.length(), BATCH);
        return Segments.batch(1, k, in)[0];
    }

    // ---- CLV and Chaikin A/D

    /**
     * Close location value (TTR {@code CLV(HLC)}): {@code ((c - l) - (h - c)) / (h - l)}, in [-1, 1]; 0 where the
     * bar has no range (TTR sets the resulting NaN or infinity to 0). No warm-up. O(t).
     *
     * @throws IllegalArgumentException if lengths differ
     */
    public static double[] clv(double[] high, double[] low, double[] close) {
        return hlc(high, low, close, (v, m, out, w) -> clv(v[0], v[1], v[2], m, out[0]));
    }

    /** {@link #clv(double[], double[], double[])} of every asset of the batches. */
    public static SeriesBatch clv(SeriesBatch high, SeriesBatch low, SeriesBatch close) {
        return hlc(high, low, close, (v, m, out, w) -> clv(v[0], v[1], v[2], m, out[0]));
    }

    static void clv(double[] h, double[] l, double[] c, int m, double[] o) {
        for (int i = 0; i < m; i++) {
            double v = ((c[i] - l[i]) - (h[i] - c[i])) / (h[i] - l[i]);
            o[i] = Double.isFinite(v) ? v : 0;
        }
    }

    /**
     * Chaikin accumulation/distribution line (TTR {@code chaikinAD(HLC, volume)}): the cumulative sum of CLV times
     * volume. R's cumsum accumulates in extended precision; this one is compensated, so both are the running sum
     * rounded once, to within an ulp. O(t).
     *
     * @throws IllegalArgumentException if lengths differ
     */
    public static double[] chaikinAD(double[] high, double[] low, double[] close, double[] volume) {
        return hlcv(high, low, close, volume, 1, (v, m, out, w) -> chaikinAD(v[0], v[1], v[2], v[3], m, out[0], w));
    }

    /** {@link #chaikinAD(double[], double[], double[], double[])} of every asset of the batches. */
    public static SeriesBatch chaikinAD(SeriesBatch high, SeriesBatch low, SeriesBatch close, SeriesBatch volume) {
        return hlcv(high, low, close, volume, 1, (v, m, out, w) -> chaikinAD(v[0], v[1], v[2], v[3], m, out[0], w));
    }

    private static void chaikinAD(double[] h, double[] l, double[] c, double[] vol, int m, double[] o,
            Segments.Work w) {
        double[] ad = w.tmp(0, m);
        clv(h, l, c, m, ad);
        for (int i = 0; i < m; i++) ad[i] = ad[i] * vol[i];
        TtrOps.cumsum(ad, m, o);
    }

    // ---- CMF

    /**
     * Chaikin money flow (TTR {@code CMF(HLC, volume, n = 20)}): {@code runSum(CLV volume, n) / runSum(volume, n)};
     * first value at index n - 1. O(t).
     *
     * @throws IllegalArgumentException if lengths differ or n is outside [1, length]
     */
    public static double[] cmf(double[] high, double[] low, double[] close, double[] volume, int n) {
        return hlcv(high, low, close, volume, n, (v, m, out, w) -> cmf(v[0], v[1], v[2], v[3], m, n, out[0], w));
    }

    /** {@link #cmf(double[], double[], double[], double[], int)} of every asset of the batches. */
    public static SeriesBatch cmf(SeriesBatch high, SeriesBatch low, SeriesBatch close, SeriesBatch volume, int n) {
        return hlcv(high, low, close, volume, n, (v, m, out, w) -> cmf(v[0], v[1], v[2], v[3], m, n, out[0], w));
    }

    private static void cmf(double[] h, double[] l, double[] c, double[] vol, int m, int n, double[] o,
            Segments.Work w) {
        double[] mf = w.tmp(0, m), s1 = w.tmp(1, m), s2 = w.tmp(2, m);
        clv(h, l, c, m, mf);
        for (int i = 0; i < m; i++) mf[i] = mf[i] * vol[i];
        TtrOps.runSum(mf, m, n, s1);
        TtrOps.runSum(vol, m, n, s2);
        for (int i = 0; i < m; i++) o[i] = s1[i] / s2[i];
    }

    // ---- EMV

    /**
     * Arms' ease of movement (TTR {@code EMV(HL, volume, n = 9, vol.divisor = 10000)}): the change of the bar's
     * midpoint divided by (volume / divisor) / (high - low), and its n-bar SMA. The line starts at index 1, its
     * average at n. O(t).
     *
     * @throws IllegalArgumentException if lengths differ, n is outside [1, length] or divisor is not positive
     */
    public static LineAndSignal<double[]> emv(double[] high, double[] low, double[] volume, int n, double divisor) {
        double[][] in = {high, low, volume};
        Shapes.window(n, "n", Segments.seriesLength(in, HLV), SERIES);
        Checks.positive(divisor, "divisor");
        double[][] o = Segments.series(2, (v, m, out, w) -> emv(v[0], v[1], v[2], m, n, divisor, out), in);
        return new LineAndSignal<>(o[0], o[1]);
    }

    /** {@link #emv(double[], double[], double[], int, double)} of every asset of the batches. */
    public static LineAndSignal<SeriesBatch> emv(SeriesBatch high, SeriesBatch low, SeriesBatch volume, int n,
            double divisor) {
        SeriesBatch[] in = {high, low, volume};
        Segments.sameShape(in, HLV);
        Shapes.window(n, "n", high.length(), BATCH);
        Checks.positive(divisor, "divisor");
        SeriesBatch[] o = Segments.batch(2, (v, m, out, w) -> emv(v[0], v[1], v[2], m, n, divisor, out), in);
        return new LineAndSignal<>(o[0], o[1]);
    }

    private static void emv(double[] h, double[] l, double[] vol, int m, int n, double divisor, double[][] out) {
        double[] e = out[0];
        e[0] = NaN;
        for (int i = 1; i < m; i++) {
            double mid = (h[i] + l[i]) / 2, prev = (h[i - 1] + l[i - 1]) / 2;
            e[i] = (mid - prev) / ((vol[i] / divisor) / (h[i] - l[i]));
        }
        TtrOps.sma(e, m, n, out[1]);
    }

    // ---- MFI

    /**
     * Money flow index (TTR {@code MFI(HLC, volume, n = 14)}): with p the typical price and mf = p volume, 100 -
     * 100 / (1 + positive flow / negative flow) over n bars; 100 when the negative flow is 0, 50 when both are.
     * First value at index n. O(t).
     *
     * @throws IllegalArgumentException if lengths differ or n is outside [1, length]
     */
    public static double[] mfi(double[] high, double[] low, double[] close, double[] volume, int n) {
        return hlcv(high, low, close, volume, n, (v, m, out, w) -> mfi(v[0], v[1], v[2], v[3], m, n, out[0], w));
    }

    /** {@link #mfi(double[], double[], double[], double[], int)} of every asset of the batches. */
    public static SeriesBatch mfi(SeriesBatch high, SeriesBatch low, SeriesBatch close, SeriesBatch volume, int n) {
        return OscillatorBatches.mfi(high, low, close, volume, n, null);
    }

    static void mfi(double[] h, double[] l, double[] c, double[] vol, int m, int n, double[] o,
            Segments.Work w) {
        double[] p = w.tmp(0, m), pmf = w.tmp(1, m), nmf = w.tmp(2, m), num = w.tmp(3, m), den = w.tmp(4, m);
        TtrOps.typical(h, l, c, m, p);
        pmf[0] = nmf[0] = NaN;
        for (int i = 1; i < m; i++) {
            double mf = p[i] * vol[i];
            pmf[i] = p[i] > p[i - 1] ? mf : 0;
            nmf[i] = p[i] < p[i - 1] ? mf : 0;
        }
        TtrOps.runSum(pmf, m, n, num);
        TtrOps.runSum(nmf, m, n, den);
        for (int i = 0; i < m; i++) {
            double v = 100 - (100 / (1 + num[i] / den[i]));
            if (den[i] == 0) v = num[i] == 0 ? 50 : 100;
            o[i] = v;
        }
    }

    // ---- Williams A/D

    /**
     * Williams' accumulation/distribution (TTR {@code williamsAD(HLC)}): the cumulative sum of close - true low on
     * an up close, close - true high on a down close, 0 on an unchanged close; starts at index 1 (compensated sum,
     * as {@link #chaikinAD}). O(t).
     *
     * @throws IllegalArgumentException if lengths differ
     */
    public static double[] williamsAD(double[] high, double[] low, double[] close) {
        return hlc(high, low, close, (v, m, out, w) -> williamsAD(v[0], v[1], v[2], m, out[0], w));
    }

    /** {@link #williamsAD(double[], double[], double[])} of every asset of the batches. */
    public static SeriesBatch williamsAD(SeriesBatch high, SeriesBatch low, SeriesBatch close) {
        return hlc(high, low, close, (v, m, out, w) -> williamsAD(v[0], v[1], v[2], m, out[0], w));
    }

    private static void williamsAD(double[] h, double[] l, double[] c, int m, double[] o, Segments.Work w) {
        double[] th = w.tmp(0, m), tl = w.tmp(1, m), ad = w.tmp(2, m);
        TtrOps.trueRange(h, l, c, m, null, th, tl);
        ad[0] = NaN;
        for (int i = 1; i < m; i++) {
            double d = c[i] - c[i - 1];
            ad[i] = d == 0 ? 0 : c[i] - (d > 0 ? tl[i] : th[i]);
        }
        TtrOps.cumsum(ad, m, o);
    }
}
