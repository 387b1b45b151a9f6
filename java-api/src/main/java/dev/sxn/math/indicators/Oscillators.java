package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.Segments.one;
import static dev.sxn.math.indicators.Shapes.BATCH;
import static dev.sxn.math.indicators.Shapes.SERIES;
import static dev.sxn.math.indicators.TtrOps.NaN;

import dev.sxn.math.indicators.TtrLines.Dvi;
import dev.sxn.math.indicators.TtrLines.LineAndSignal;
import dev.sxn.math.internal.Checks;

/**
 * Oscillators and rates of change from R's TTR 0.24.3: momentum, ROC (discrete and continuous), CCI, CMO, CTI,
 * DVI, KST, SMI, TRIX, the ultimate oscillator, Williams %R and SNR. Definitions, defaults, warm-up (NaN where TTR
 * gives NA) and operation order are TTR's; where TA-Lib differs the method says so. Every method has a one-series
 * form and a batch form (each asset its own series, bit-identical to the one-series form); NaN or infinite inputs
 * poison their position and restart the warm-up (see {@link Segments}). Outputs are new arrays; temporaries are
 * per-thread scratch. Thread-safe.
 */
public final class Oscillators {
    private Oscillators() {}

    private static final String[] X = {"x"};
    private static final String[] HLC = {"high", "low", "close"};

    private static double[] hlc(double[] high, double[] low, double[] close, int n, Segments.Kernel k) {
        double[][] in = {high, low, close};
        Shapes.window(n, "n", Segments.seriesLength(in, HLC), SERIES);
        return Segments.series(1, k, in)[0];
    }

    private static SeriesBatch hlc(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n, Segments.Kernel k) {
        SeriesBatch[] in = {high, low, close};
        Segments.sameShape(in, HLC);
        Shapes.window(n, "n", high.length(), BATCH);
        return Segments.batch(1, k, in)[0];
    }

    // ---- momentum and ROC

    /** Momentum {@code x[i] - x[i-n]} (TTR {@code momentum(x, n = 1)}); the first n are NaN. O(t). */
    public static double[] momentum(double[] x, int n) {
        return one(x, n, (v, m, out, w) -> TtrOps.momentum(v[0], m, n, out[0]));
    }

    /** {@link #momentum(double[], int)} of every asset of the batch. */
    public static SeriesBatch momentum(SeriesBatch x, int n) {
        return OscillatorBatches.momentum(x, n, null);
    }

    /**
     * Discrete rate of change {@code x[i] / x[i-n] - 1} (TTR {@code ROC(x, n, type = "discrete")}, a fraction, not
     * percent as TA-Lib's ROC); the first n are NaN. O(t).
     */
    public static double[] rocDiscrete(double[] x, int n) {
        return one(x, n, (v, m, out, w) -> TtrOps.rocDiscrete(v[0], m, n, out[0]));
    }

    /** {@link #rocDiscrete(double[], int)} of every asset of the batch. */
    public static SeriesBatch rocDiscrete(SeriesBatch x, int n) {
        return OscillatorBatches.rocDiscrete(x, n, null);
    }

    /**
     * Continuous rate of change {@code log x[i] - log x[i-n]} (TTR {@code ROC(x, n)}, its default type); the first
     * n are NaN. O(t).
     */
    public static double[] rocContinuous(double[] x, int n) {
        return one(x, n, (v, m, out, w) -> TtrOps.rocContinuous(v[0], m, n, out[0]));
    }

    /** {@link #rocContinuous(double[], int)} of every asset of the batch. */
    public static SeriesBatch rocContinuous(SeriesBatch x, int n) {
        return OscillatorBatches.rocContinuous(x, n, null);
    }

    // ---- CCI

    /**
     * Commodity channel index (TTR {@code CCI(HLC, n = 20, c = 0.015)}): with p the typical price (h + l + c) / 3,
     * {@code (p - SMA(p, n)) / (c * meanDev)}, meanDev the mean of |p - SMA| over the window (around the current
     * SMA, as TTR's runMAD with stat "mean"). For a close-only series pass the close three times (TTR's univariate
     * form uses the close itself; the typical price of three equal values is that value to rounding). First value
     * at index n - 1. O(t n).
     *
     * @throws IllegalArgumentException if lengths differ, n is outside [1, length] or c is not positive
     */
    public static double[] cci(double[] high, double[] low, double[] close, int n, double c) {
        Checks.positive(c, "c");
        return hlc(high, low, close, n, (v, m, out, w) -> cci(v[0], v[1], v[2], m, n, c, out[0], w));
    }

    /** {@link #cci(double[], double[], double[], int, double)} of every asset of the batches. */
    public static SeriesBatch cci(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n, double c) {
        return OscillatorBatches.cci(high, low, close, n, c, null);
    }

    /** CCI of a single price series (TTR's univariate form, {@code CCI(close)}). */
    public static double[] cci(double[] x, int n, double c) {
        Checks.positive(c, "c");
        return one(x, n, (v, m, out, w) -> cciOf(v[0], m, n, c, out[0], w));
    }

    /** {@link #cci(double[], int, double)} of every asset of the batch. */
    public static SeriesBatch cci(SeriesBatch x, int n, double c) {
        return OscillatorBatches.cci(x, n, c, null);
    }

    static void cci(double[] h, double[] l, double[] cl, int m, int n, double c, double[] o,
            Segments.Work w) {
        double[] p = w.tmp(5, m);
        TtrOps.typical(h, l, cl, m, p);
        cciOf(p, m, n, c, o, w);
    }

    static void cciOf(double[] p, int m, int n, double c, double[] o, Segments.Work w) {
        double[] ma = w.tmp(0, m), dev = w.tmp(1, m), win = w.tmp(2, n);
        TtrOps.sma(p, m, n, ma);
        TtrOps.runMad(p, ma, m, n, false, win, dev);
        for (int i = 0; i < m; i++) o[i] = (p[i] - ma[i]) / (c * dev[i]);
    }

    // ---- CMO

    /**
     * Chande momentum oscillator (TTR {@code CMO(x, n = 14)}): 100 (U - D) / (U + D), U and D the n-bar sums of
     * the up and down moves; first value at index n. O(t).
     */
    public static double[] cmo(double[] x, int n) {
        return one(x, n, (v, m, out, w) -> cmo(v[0], m, n, out[0], w));
    }

    /** {@link #cmo(double[], int)} of every asset of the batch. */
    public static SeriesBatch cmo(SeriesBatch x, int n) {
        return one(x, n, (v, m, out, w) -> cmo(v[0], m, n, out[0], w));
    }

    static void cmo(double[] x, int m, int n, double[] o, Segments.Work w) {
        double[] up = w.tmp(6, m), dn = w.tmp(7, m), su = w.tmp(8, m), sd = w.tmp(9, m);
        TtrOps.momentum(x, m, 1, up);
        for (int i = 0; i < m; i++) {
            double u = up[i];
            dn[i] = Double.isNaN(u) ? NaN : (u < 0 ? Math.abs(u) : 0);
            up[i] = Double.isNaN(u) ? NaN : (u > 0 ? u : 0);
        }
        TtrOps.runSum(up, m, n, su);
        TtrOps.runSum(dn, m, n, sd);
        for (int i = 0; i < m; i++) o[i] = 100 * (su[i] - sd[i]) / (su[i] + sd[i]);
    }

    // ---- CTI

    /**
     * Correlation trend indicator (TTR {@code CTI(price, n = 20, slope = 1)}): Spearman's rank correlation of the
     * last n prices with a straight line of the given slope (ties get average ranks); NaN for a flat window or a
     * zero slope. First value at index n - 1. O(t n^2).
     *
     * @throws IllegalArgumentException if n is outside [2, length] or slope is not finite
     */
    public static double[] cti(double[] x, int n, double slope) {
        Checks.finite(slope, "slope");
        Checks.atLeast(n, "n", 2);
        return one(x, n, (v, m, out, w) -> cti(v[0], m, n, slope, out[0], w));
    }

    /** {@link #cti(double[], int, double)} of every asset of the batch. */
    public static SeriesBatch cti(SeriesBatch x, int n, double slope) {
        Checks.finite(slope, "slope");
        Checks.atLeast(n, "n", 2);
        return one(x, n, (v, m, out, w) -> cti(v[0], m, n, slope, out[0], w));
    }

    private static void cti(double[] x, int m, int n, double slope, double[] o, Segments.Work w) {
        double[] rx = w.tmp(0, n);
        double mean = (n + 1) / 2.0;
        for (int i = n - 1; i < m; i++) {
            int s = i - n + 1;
            for (int j = 0; j < n; j++) {
                double v = x[s + j];
                int less = 0, equal = 0;
                for (int q = 0; q < n; q++) {
                    double u = x[s + q];
                    if (u < v) less++;
                    else if (u == v) equal++;
                }
                rx[j] = less + (equal + 1) / 2.0;
            }
            double sxy = 0, sxx = 0, syy = 0;
            for (int j = 0; j < n; j++) {
                double dx = rx[j] - mean;
                double dy = slope > 0 ? (j + 1) - mean : slope < 0 ? (n - j) - mean : 0;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
            o[i] = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
        }
    }

    // ---- DVI

    /**
     * David Varadi's intermediate oscillator (TTR {@code DVI(price, n = 252)} with its defaults wts = (0.8, 0.2),
     * smooth = 3, magnitude = (5, 100, 5), stretch = (10, 100, 2), exact.multiplier = 1): the running percent ranks
     * over n of a smoothed magnitude (the price's distance from its 3-bar SMA) and a smoothed stretch (the count of
     * up bars less down bars), and their 0.8/0.2 weighted sum. O(t n).
     *
     * @throws IllegalArgumentException if n is outside [1, length]
     */
    public static Dvi<double[]> dvi(double[] x, int n) {
        double[][] in = {x};
        Shapes.window(n, "n", Segments.seriesLength(in, X), SERIES);
        double[][] o = Segments.series(3, (v, m, out, w) -> dvi(v[0], m, n, out, w), in);
        return new Dvi<>(o[0], o[1], o[2]);
    }

    /** {@link #dvi(double[], int)} of every asset of the batch. */
    public static Dvi<SeriesBatch> dvi(SeriesBatch x, int n) {
        SeriesBatch[] in = {x};
        Segments.sameShape(in, X);
        Shapes.window(n, "n", x.length(), BATCH);
        SeriesBatch[] o = Segments.batch(3, (v, m, out, w) -> dvi(v[0], m, n, out, w), in);
        return new Dvi<>(o[0], o[1], o[2]);
    }

    private static void dvi(double[] x, int m, int n, double[][] out, Segments.Work w) {
        double w1 = 0.8 / (0.8 + 0.2), w2 = 0.2 / (0.8 + 0.2);
        double[] r = w.tmp(0, m), a = w.tmp(1, m), b = w.tmp(2, m), mag = w.tmp(3, m), st = w.tmp(4, m);
        TtrOps.sma(x, m, 3, r);
        for (int i = 0; i < m; i++) r[i] = x[i] / r[i] - 1;
        TtrOps.sma(r, m, 5, a);
        TtrOps.sma(r, m, 100, b);
        for (int i = 0; i < m; i++) a[i] = (a[i] + b[i] / 10) / 2;
        TtrOps.sma(a, m, 5, mag);
        double[] up = r;
        up[0] = NaN;
        for (int i = 1; i < m; i++) up[i] = x[i] > x[i - 1] ? 1 : -1;
        TtrOps.runSum(up, m, 10, a);
        TtrOps.runSum(up, m, 100, b);
        for (int i = 0; i < m; i++) a[i] = (a[i] + b[i] / 10) / 2;
        TtrOps.sma(a, m, 2, st);
        TtrOps.percentRank(mag, m, n, 1, out[0]);
        TtrOps.percentRank(st, m, n, 1, out[1]);
        for (int i = 0; i < m; i++) out[2][i] = w1 * out[0][i] + w2 * out[1][i];
    }

    // ---- KST

    /**
     * Know Sure Thing (TTR {@code KST(price)}: n = (10, 10, 10, 15), nROC = (10, 15, 20, 30), nSig = 9, weights
     * 1..4, SMA): {@code 100 * sum_j w_j SMA(ROC_cont(x, nROC_j), n_j)} and its nSig-bar SMA. TTR uses the
     * continuous (log) rate of change here, TA-Lib-style KSTs the discrete one; this follows TTR. O(t).
     *
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, or a window is out of range
     */
    public static LineAndSignal<double[]> kst(double[] x, int[] n, int[] nRoc, int nSig, double[] wts) {
        double[][] in = {x};
        int t = Segments.seriesLength(in, X);
        checkKst(n, nRoc, nSig, wts, t, SERIES);
        double[][] o = Segments.series(2, (v, m, out, w) -> kst(v[0], m, n, nRoc, nSig, wts, out, w), in);
        return new LineAndSignal<>(o[0], o[1]);
    }

    /** {@link #kst(double[], int[], int[], int, double[])} with TTR's defaults. */
    public static LineAndSignal<double[]> kst(double[] x) {
        return kst(x, new int[] {10, 10, 10, 15}, new int[] {10, 15, 20, 30}, 9, new double[] {1, 2, 3, 4});
    }

    /** {@link #kst(double[], int[], int[], int, double[])} of every asset of the batch. */
    public static LineAndSignal<SeriesBatch> kst(SeriesBatch x, int[] n, int[] nRoc, int nSig, double[] wts) {
        SeriesBatch[] in = {x};
        Segments.sameShape(in, X);
        checkKst(n, nRoc, nSig, wts, x.length(), BATCH);
        SeriesBatch[] o = Segments.batch(2, (v, m, out, w) -> kst(v[0], m, n, nRoc, nSig, wts, out, w), in);
        return new LineAndSignal<>(o[0], o[1]);
    }

    /** KST's arrays, shared with its stream: present, n non-empty, nRoc and wts as long as n, weights finite. */
    static void checkKstArrays(int[] n, int[] nRoc, double[] wts) {
        Checks.notNull(n, "n");
        Checks.notNull(nRoc, "nRoc");
        Checks.notNull(wts, "wts");
        if (n.length == 0) throw Checks.invalid("n.length", 0, "be at least 1");
        if (nRoc.length != n.length) throw Checks.invalid("nRoc.length", nRoc.length, "equal n.length (" + n.length + ")");
        Checks.length(wts, "wts", n.length, "n.length");
        Checks.allFinite(wts, "wts");
    }

    private static void checkKst(int[] n, int[] nRoc, int nSig, double[] wts, int t, String length) {
        checkKstArrays(n, nRoc, wts);
        for (int j = 0; j < n.length; j++) {
            Shapes.window(n[j], "n[" + j + "]", t, length);
            Shapes.window(nRoc[j], "nRoc[" + j + "]", t, length);
        }
        Shapes.window(nSig, "nSig", t, length);
    }

    private static void kst(double[] x, int m, int[] n, int[] nRoc, int nSig, double[] wts, double[][] out,
            Segments.Work w) {
        double[] roc = w.tmp(0, m), ma = w.tmp(1, m), sum = out[0];
        for (int j = 0; j < n.length; j++) {
            TtrOps.rocContinuous(x, m, nRoc[j], roc);
            TtrOps.sma(roc, m, n[j], ma);
            for (int i = 0; i < m; i++) {
                double v = ma[i] * wts[j];
                sum[i] = j == 0 ? v : sum[i] + v;
            }
        }
        for (int i = 0; i < m; i++) sum[i] = 100 * sum[i];
        TtrOps.sma(sum, m, nSig, out[1]);
    }

    // ---- SMI

    /**
     * Stochastic momentum index (TTR {@code SMI(HLC, n = 13, nFast = 2, nSlow = 25, nSig = 9)}, EMA, bounded):
     * with H, L the n-bar high and low (the bar's own before the window fills, as TTR), SMI = 100 EMA(EMA(C -
     * (H + L)/2, nSlow), nFast) / (EMA(EMA(H - L, nSlow), nFast) / 2), and its nSig-bar EMA. O(t n).
     *
     * @throws IllegalArgumentException if lengths differ or a window is outside [1, length]
     */
    public static LineAndSignal<double[]> smi(double[] high, double[] low, double[] close, int n, int nFast,
            int nSlow, int nSig) {
        double[][] in = {high, low, close};
        int t = Segments.seriesLength(in, HLC);
        checkSmi(n, nFast, nSlow, nSig, t, SERIES);
        double[][] o = Segments.series(2, (v, m, out, w) -> smi(v[0], v[1], v[2], m, n, nFast, nSlow, nSig, out, w), in);
        return new LineAndSignal<>(o[0], o[1]);
    }

    /** {@link #smi(double[], double[], double[], int, int, int, int)} of every asset of the batches. */
    public static LineAndSignal<SeriesBatch> smi(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n,
            int nFast, int nSlow, int nSig) {
        SeriesBatch[] in = {high, low, close};
        Segments.sameShape(in, HLC);
        checkSmi(n, nFast, nSlow, nSig, high.length(), BATCH);
        SeriesBatch[] o = Segments.batch(2, (v, m, out, w) -> smi(v[0], v[1], v[2], m, n, nFast, nSlow, nSig, out, w), in);
        return new LineAndSignal<>(o[0], o[1]);
    }

    private static void checkSmi(int n, int nFast, int nSlow, int nSig, int t, String length) {
        Shapes.window(n, "n", t, length);
        Shapes.window(nFast, "nFast", t, length);
        Shapes.window(nSlow, "nSlow", t, length);
        Shapes.window(nSig, "nSig", t, length);
    }

    private static void smi(double[] h, double[] l, double[] c, int m, int n, int nFast, int nSlow, int nSig,
            double[][] out, Segments.Work w) {
        double[] hmax = w.tmp(0, m), lmin = w.tmp(1, m), cd = w.tmp(2, m), hd = w.tmp(3, m), e1 = w.tmp(4, m);
        double[] num = w.tmp(5, m), den = w.tmp(6, m);
        TtrOps.runExtreme(h, m, n, true, hmax);
        TtrOps.runExtreme(l, m, n, false, lmin);
        for (int i = 0; i < m; i++) {
            double hi = Double.isNaN(hmax[i]) ? h[i] : hmax[i], lo = Double.isNaN(lmin[i]) ? l[i] : lmin[i];
            hd[i] = hi - lo;
            cd[i] = c[i] - (hi + lo) / 2;
        }
        TtrOps.ema(cd, m, nSlow, e1);
        TtrOps.ema(e1, m, nFast, num);
        TtrOps.ema(hd, m, nSlow, e1);
        TtrOps.ema(e1, m, nFast, den);
        for (int i = 0; i < m; i++) out[0][i] = 100 * (num[i] / (den[i] / 2));
        TtrOps.ema(out[0], m, nSig, out[1]);
    }

    // ---- TRIX

    /**
     * TRIX (TTR {@code TRIX(price, n = 20, percent = TRUE)}): the one-bar rate of change of a triple EMA(n), in
     * percent ({@code 100 (e3 / e3[-1] - 1)}) or as a difference ({@code percent} false), and its signal line.
     * TTR 0.24.3 smooths the signal with an EMA over <em>n</em> (its nSig argument is not used), so does this;
     * TA-Lib's TRIX has no signal line. First value at index 3(n - 1) + 1. O(t).
     *
     * @throws IllegalArgumentException if n is outside [1, length]
     */
    public static LineAndSignal<double[]> trix(double[] x, int n, boolean percent) {
        double[][] in = {x};
        Shapes.window(n, "n", Segments.seriesLength(in, X), SERIES);
        double[][] o = Segments.series(2, (v, m, out, w) -> trix(v[0], m, n, percent, out, w), in);
        return new LineAndSignal<>(o[0], o[1]);
    }

    /** {@link #trix(double[], int, boolean)} of every asset of the batch. */
    public static LineAndSignal<SeriesBatch> trix(SeriesBatch x, int n, boolean percent) {
        SeriesBatch[] in = {x};
        Segments.sameShape(in, X);
        Shapes.window(n, "n", x.length(), BATCH);
        SeriesBatch[] o = Segments.batch(2, (v, m, out, w) -> trix(v[0], m, n, percent, out, w), in);
        return new LineAndSignal<>(o[0], o[1]);
    }

    private static void trix(double[] x, int m, int n, boolean percent, double[][] out, Segments.Work w) {
        double[] e1 = w.tmp(0, m), e2 = w.tmp(1, m);
        TtrOps.ema(x, m, n, e1);
        TtrOps.ema(e1, m, n, e2);
        TtrOps.ema(e2, m, n, e1);
        if (percent) {
            TtrOps.rocDiscrete(e1, m, 1, out[0]);
            for (int i = 0; i < m; i++) out[0][i] = 100 * out[0][i];
        } else {
            TtrOps.momentum(e1, m, 1, out[0]);
        }
        TtrOps.ema(out[0], m, n, out[1]);
    }

    // ---- ultimate oscillator

    /**
     * Ultimate oscillator (TTR {@code ultimateOscillator(HLC, n = c(7, 14, 28), wts = c(4, 2, 1))}): with buying
     * pressure BP = close - true low and TR the true range, {@code 100 sum_j w_j (runSum(BP, n_j) / runSum(TR,
     * n_j)) / sum w}; first value at index max(n). O(t).
     *
     * @throws IllegalArgumentException if lengths differ, the arrays do not hold three windows and weights, or a
     *     window is outside [1, length - 1]
     */
    public static double[] ultimateOscillator(double[] high, double[] low, double[] close, int[] n, double[] wts) {
        double[][] in = {high, low, close};
        int t = Segments.seriesLength(in, HLC);
        checkUlt(n, wts, t, SERIES);
        return Segments.series(1, (v, m, out, w) -> ult(v[0], v[1], v[2], m, n, wts, out[0], w), in)[0];
    }

    /** {@link #ultimateOscillator(double[], double[], double[], int[], double[])} of every asset of the batches. */
    public static SeriesBatch ultimateOscillator(SeriesBatch high, SeriesBatch low, SeriesBatch close, int[] n,
            double[] wts) {
        SeriesBatch[] in = {high, low, close};
        Segments.sameShape(in, HLC);
        checkUlt(n, wts, high.length(), BATCH);
        return Segments.batch(1, (v, m, out, w) -> ult(v[0], v[1], v[2], m, n, wts, out[0], w), in)[0];
    }

    private static void checkUlt(int[] n, double[] wts, int t, String length) {
        Checks.notNull(n, "n");
        Checks.notNull(wts, "wts");
        if (n.length != 3) throw Checks.invalid("n.length", n.length, "be 3");
        Checks.length(wts, "wts", 3, "three weights");
        Checks.allFinite(wts, "wts");
        for (int j = 0; j < 3; j++) Shapes.window(n[j], "n[" + j + "]", t, length);
    }

    private static void ult(double[] h, double[] l, double[] c, int m, int[] n, double[] wts, double[] o,
            Segments.Work w) {
        double[] tr = w.tmp(0, m), tl = w.tmp(1, m), bp = w.tmp(2, m), sb = w.tmp(3, m), st = w.tmp(4, m);
        TtrOps.trueRange(h, l, c, m, tr, null, tl);
        for (int i = 0; i < m; i++) {
            bp[i] = c[i] - tl[i];
            o[i] = bp[i] * 0;
        }
        double wsum = 0;
        for (int j = 0; j < 3; j++) {
            wsum += wts[j];
            TtrOps.runSum(bp, m, n[j], sb);
            TtrOps.runSum(tr, m, n[j], st);
            for (int i = 0; i < m; i++) o[i] = o[i] + wts[j] * (sb[i] / st[i]);
        }
        for (int i = 0; i < m; i++) o[i] = 100 * o[i] / wsum;
    }

    // ---- Williams %R

    /**
     * Williams %R as TTR defines it ({@code WPR(HLC, n = 14)}): {@code (H - close) / (H - L)} with H, L the n-bar
     * high and low, a fraction in [0, 1], 0.5 for a flat window. TA-Lib's WILLR is {@code -100} times this; TTR's
     * scale is followed. For a close-only series pass the close three times. First value at index n - 1. O(t n).
     *
     * @throws IllegalArgumentException if lengths differ or n is outside [1, length]
     */
    public static double[] wpr(double[] high, double[] low, double[] close, int n) {
        return hlc(high, low, close, n, (v, m, out, w) -> wpr(v[0], v[1], v[2], m, n, out[0], w));
    }

    /** {@link #wpr(double[], double[], double[], int)} of every asset of the batches. */
    public static SeriesBatch wpr(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n) {
        return OscillatorBatches.wpr(high, low, close, n, null);
    }

    static void wpr(double[] h, double[] l, double[] c, int m, int n, double[] o, Segments.Work w) {
        double[] hmax = w.tmp(0, m), lmin = w.tmp(1, m);
        TtrOps.runExtreme(h, m, n, true, hmax);
        TtrOps.runExtreme(l, m, n, false, lmin);
        for (int i = n - 1; i < m; i++) {
            double r = (hmax[i] - c[i]) / (hmax[i] - lmin[i]);
            o[i] = Double.isNaN(r) ? 0.5 : r;
        }
    }

    // ---- SNR

    /**
     * Signal-to-noise ratio (TTR {@code SNR(HLC, n)}): {@code |close - close[n bars ago]| / ATR(n)}, ATR Wilder's
     * EMA of the true range. First value at index n. O(t).
     *
     * @throws IllegalArgumentException if lengths differ or n is outside [1, length]
     */
    public static double[] snr(double[] high, double[] low, double[] close, int n) {
        return hlc(high, low, close, n, (v, m, out, w) -> snr(v[0], v[1], v[2], m, n, out[0], w));
    }

    /** {@link #snr(double[], double[], double[], int)} of every asset of the batches. */
    public static SeriesBatch snr(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n) {
        return hlc(high, low, close, n, (v, m, out, w) -> snr(v[0], v[1], v[2], m, n, out[0], w));
    }

    private static void snr(double[] h, double[] l, double[] c, int m, int n, double[] o, Segments.Work w) {
        double[] tr = w.tmp(0, m), atr = w.tmp(1, m);
        TtrOps.atr(h, l, c, m, n, tr, atr);
        TtrOps.momentum(c, m, n, o);
        for (int i = 0; i < m; i++) o[i] = Math.abs(o[i]) / atr[i];
    }
}
