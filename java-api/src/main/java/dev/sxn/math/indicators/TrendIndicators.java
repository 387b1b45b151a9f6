package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.Shapes.BATCH;
import static dev.sxn.math.indicators.Shapes.SERIES;
import static dev.sxn.math.indicators.TtrOps.NaN;

import dev.sxn.math.indicators.TtrLines.Adx;
import dev.sxn.math.indicators.TtrLines.Aroon;
import dev.sxn.math.indicators.TtrLines.Tdi;
import dev.sxn.math.internal.Checks;

/**
 * Trend indicators from R's TTR 0.24.3: ADX/DMI, Aroon, VHF, parabolic SAR, ZigZag, DPO and TDI. Each follows
 * TTR's definition, defaults and warm-up (NaN where TTR gives NA), in TTR's operation order; where TA-Lib differs
 * the method says so. Every method has a one-series form ({@code double[]} columns of one length) and a batch form
 * ({@link SeriesBatch}es of one shape, each asset computed as its own series, bit-identical to the one-series form).
 *
 * <p>Missing values: a NaN or infinite input makes that position NaN in every output and the indicator starts a
 * fresh warm-up after it (see {@link Segments}). Outputs are new arrays; temporaries are per-thread scratch.
 * Thread-safe.
 */
public final class TrendIndicators {
    private TrendIndicators() {}

    private static final String[] HLC = {"high", "low", "close"};
    private static final String[] HL = {"high", "low"};
    private static final String[] X = {"x"};

    // ---- ADX

    /**
     * Welles Wilder's directional movement index (TTR {@code ADX(HLC, n = 14)}): +DM and -DM from the high and low
     * changes (zero when equal or both negative), DI = 100 wilderSum(DM, n) / wilderSum(TR, n), DX = 100 |DI+ - DI-|
     * / (DI+ + DI-), and ADX = Wilder's EMA (ratio 1/n, seeded by the mean of the first n DX) of DX. TTR sums with
     * {@code wilderSum} (seeded by a plain sum of n - 1 values, then {@code x + s (n-1)/n}), where TA-Lib seeds
     * with n - 1 values differently; this follows TTR. DI starts at index n, ADX at 2n - 1. O(t).
     *
     * @throws IllegalArgumentException if lengths differ or n is outside [1, length]
     */
    public static Adx<double[]> adx(double[] high, double[] low, double[] close, int n) {
        double[][] in = {high, low, close};
        Shapes.window(n, "n", Segments.seriesLength(in, HLC), SERIES);
        double[][] o = Segments.series(4, (x, m, out, w) -> adx(x[0], x[1], x[2], m, n, out, w), in);
        return new Adx<>(o[0], o[1], o[2], o[3]);
    }

    /** {@link #adx(double[], double[], double[], int)} of every asset of the batches. */
    public static Adx<SeriesBatch> adx(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n) {
        return TrendBatches.adx(high, low, close, n, null);
    }

    /** The one-run ADX kernel (also the JAVA kernel of {@link TrendBatches}). */
    static void adx(double[] h, double[] l, double[] c, int m, int n, double[][] out, Segments.Work w) {
        double[] dmp = w.tmp(0, m), dmn = w.tmp(1, m), tr = w.tmp(2, m), trs = w.tmp(3, m), s = w.tmp(4, m);
        double[] dip = out[0], din = out[1], dx = out[2];
        dmp[0] = dmn[0] = NaN;
        for (int i = 1; i < m; i++) {
            double dh = h[i] - h[i - 1], dl = -(l[i] - l[i - 1]);
            boolean none = dh == dl || (dh < 0 && dl < 0);
            dmp[i] = none ? 0 : (dh > dl ? dh : 0);
            dmn[i] = none ? 0 : (dh < dl ? dl : 0);
        }
        TtrOps.trueRange(h, l, c, m, tr, null, null);
        TtrOps.wilderSum(tr, m, n, trs);
        TtrOps.wilderSum(dmp, m, n, s);
        for (int i = 0; i < m; i++) dip[i] = 100 * s[i] / trs[i];
        TtrOps.wilderSum(dmn, m, n, s);
        for (int i = 0; i < m; i++) din[i] = 100 * s[i] / trs[i];
        for (int i = 0; i < m; i++) dx[i] = 100 * (Math.abs(dip[i] - din[i]) / (dip[i] + din[i]));
        TtrOps.ema(dx, m, n, 1.0 / n, out[3]);
    }

    // ---- Aroon

    /**
     * Aroon (TTR {@code aroon(HL, n = 20)}): up = 100 (n - bars since the highest high) / n, down likewise from the
     * lowest low, oscillator = up - down. TTR's C routine looks back over n + 1 bars once its window is full and
     * its first value is at index n - 1 (from the n bars seen so far); this follows it. For a close-only series
     * pass the close as both high and low. O(t n) worst case.
     *
     * @throws IllegalArgumentException if lengths differ or n is outside [1, length]
     */
    public static Aroon<double[]> aroon(double[] high, double[] low, int n) {
        double[][] in = {high, low};
        Shapes.window(n, "n", Segments.seriesLength(in, HL), SERIES);
        double[][] o = Segments.series(3, (x, m, out, w) -> aroon(x[0], x[1], m, n, out, w), in);
        return new Aroon<>(o[0], o[1], o[2]);
    }

    /** {@link #aroon(double[], double[], int)} of every asset of the batches. */
    public static Aroon<SeriesBatch> aroon(SeriesBatch high, SeriesBatch low, int n) {
        SeriesBatch[] in = {high, low};
        Segments.sameShape(in, HL);
        Shapes.window(n, "n", high.length(), BATCH);
        SeriesBatch[] o = Segments.batch(3, (x, m, out, w) -> aroon(x[0], x[1], m, n, out, w), in);
        return new Aroon<>(o[0], o[1], o[2]);
    }

    private static void aroon(double[] h, double[] l, int m, int n, double[][] out, Segments.Work w) {
        double[] neg = w.tmp(0, m);
        for (int i = 0; i < m; i++) neg[i] = -l[i];
        aroonMax(h, m, n, out[0]);
        aroonMax(neg, m, n, out[1]);
        for (int i = 0; i < m; i++) out[2][i] = out[0][i] - out[1][i];
    }

    /** TTR's {@code aroon_max}: 100 (n - bars since the maximum) / n, ties to the newest. */
    private static void aroonMax(double[] x, int m, int n, double[] o) {
        if (n > m) {
            TtrOps.nan(o, 0, m);
            return;
        }
        int loc = 0;
        double max = x[0];
        for (int i = 0; i < n - 1; i++) {
            o[i] = NaN;
            if (x[i] >= max) {
                max = x[i];
                loc = 0;
            }
            loc++;
        }
        for (int i = n - 1; i < m; i++) {
            if (loc > n) {
                max = x[i];
                loc = 0;
                for (int j = 1; j < n + 1; j++) {
                    if (x[i - j] > max) {
                        max = x[i - j];
                        loc = j;
                    }
                }
            } else if (x[i] >= max) {
                max = x[i];
                loc = 0;
            }
            o[i] = (100.0 * (n - loc)) / n;
            loc++;
        }
    }

    // ---- VHF

    /**
     * Vertical horizontal filter (TTR {@code VHF(price, n = 28)}): (runMax(high, n) - runMin(low, n)) /
     * runSum(|close - previous close|, n); first value at index n. For a close-only series pass the close three
     * times. O(t n).
     *
     * @throws IllegalArgumentException if lengths differ or n is outside [1, length]
     */
    public static double[] vhf(double[] high, double[] low, double[] close, int n) {
        double[][] in = {high, low, close};
        Shapes.window(n, "n", Segments.seriesLength(in, HLC), SERIES);
        return Segments.series(1, (x, m, out, w) -> vhf(x[0], x[1], x[2], m, n, out[0], w), in)[0];
    }

    /** {@link #vhf(double[], double[], double[], int)} of every asset of the batches. */
    public static SeriesBatch vhf(SeriesBatch high, SeriesBatch low, SeriesBatch close, int n) {
        SeriesBatch[] in = {high, low, close};
        Segments.sameShape(in, HLC);
        Shapes.window(n, "n", high.length(), BATCH);
        return Segments.batch(1, (x, m, out, w) -> vhf(x[0], x[1], x[2], m, n, out[0], w), in)[0];
    }

    private static void vhf(double[] h, double[] l, double[] c, int m, int n, double[] o, Segments.Work w) {
        double[] hmax = w.tmp(0, m), lmin = w.tmp(1, m), d = w.tmp(2, m), s = w.tmp(3, m);
        TtrOps.runExtreme(h, m, n, true, hmax);
        TtrOps.runExtreme(l, m, n, false, lmin);
        TtrOps.momentum(c, m, 1, d);
        for (int i = 0; i < m; i++) d[i] = Math.abs(d[i]);
        TtrOps.runSum(d, m, n, s);
        for (int i = 0; i < m; i++) o[i] = (hmax[i] - lmin[i]) / s[i];
    }

    // ---- SAR

    /**
     * Parabolic stop-and-reverse (TTR {@code SAR(HL, accel = c(0.02, 0.2))}). TTR starts long, at the first low
     * minus an initial gap equal to the sample standard deviation of high - low over the <em>whole</em> series (a
     * look-ahead: the first values depend on later bars; here over the finite run), and raises the acceleration
     * factor by {@code accel} per new extreme until it equals {@code maxAccel} exactly. TA-Lib starts from the
     * direction of the first two bars instead; this follows TTR. O(t).
     *
     * @throws IllegalArgumentException if lengths differ, accel is not positive or maxAccel is not above accel
     */
    public static double[] sar(double[] high, double[] low, double accel, double maxAccel) {
        double[][] in = {high, low};
        Segments.seriesLength(in, HL);
        checkAccel(accel, maxAccel);
        return Segments.series(1, (x, m, out, w) -> sar(x[0], x[1], m, accel, maxAccel, out[0]), in)[0];
    }

    /** {@link #sar(double[], double[], double, double)} of every asset of the batches. */
    public static SeriesBatch sar(SeriesBatch high, SeriesBatch low, double accel, double maxAccel) {
        SeriesBatch[] in = {high, low};
        Segments.sameShape(in, HL);
        checkAccel(accel, maxAccel);
        return Segments.batch(1, (x, m, out, w) -> sar(x[0], x[1], m, accel, maxAccel, out[0]), in)[0];
    }

    private static void checkAccel(double accel, double maxAccel) {
        Checks.positive(accel, "accel");
        Checks.finite(maxAccel, "maxAccel");
        if (!(maxAccel > accel)) throw Checks.invalid("maxAccel", maxAccel, "be above accel (" + accel + ")");
    }

    private static void sar(double[] h, double[] l, int m, double a0, double a1, double[] o) {
        // R's sd(): the mean refined by a second pass, then the sum of squares over n - 1.
        double mean = 0;
        for (int i = 0; i < m; i++) mean += h[i] - l[i];
        mean /= m;
        double corr = 0;
        for (int i = 0; i < m; i++) corr += (h[i] - l[i]) - mean;
        mean += corr / m;
        double ss = 0;
        for (int i = 0; i < m; i++) {
            double d = (h[i] - l[i]) - mean;
            ss += d * d;
        }
        double gap = Math.sqrt(ss / (m - 1));
        int sig0 = 1;
        double xpt0 = h[0], af0 = a0;
        o[0] = l[0] - gap;
        for (int i = 1; i < m; i++) {
            int sig1 = sig0;
            double xpt1 = xpt0, af1 = af0;
            double lmin = Math.min(l[i - 1], l[i]), lmax = Math.max(h[i - 1], h[i]);
            if (sig1 == 1) {
                sig0 = l[i] > o[i - 1] ? 1 : -1;
                xpt0 = Math.max(lmax, xpt1);
            } else {
                sig0 = h[i] < o[i - 1] ? -1 : 1;
                xpt0 = Math.min(lmin, xpt1);
            }
            if (sig0 == sig1) {
                o[i] = o[i - 1] + (xpt1 - o[i - 1]) * af1;
                af0 = af1 == a1 ? a1 : a0 + af1;
                if (sig0 == 1) {
                    af0 = xpt0 > xpt1 ? af0 : af1;
                    o[i] = Math.min(o[i], lmin);
                } else {
                    af0 = xpt0 < xpt1 ? af0 : af1;
                    o[i] = Math.max(o[i], lmax);
                }
            } else {
                af0 = a0;
                o[i] = xpt0;
            }
        }
    }

    // ---- ZigZag

    /**
     * ZigZag (TTR {@code ZigZag(HL, change = 10, percent = TRUE, retrace = FALSE, lastExtreme = TRUE)}): the
     * pivots where price reversed by at least {@code change} (percent of the pivot, or price units), joined by
     * straight lines (R's {@code na.approx}); NaN after the last pivot. The pivots depend on later bars (the line
     * is drawn in hindsight). For a close-only series pass the close as both high and low. O(t).
     *
     * @throws IllegalArgumentException if lengths differ or change is not positive
     */
    public static double[] zigZag(double[] high, double[] low, double change, boolean percent, boolean retrace,
            boolean lastExtreme) {
        double[][] in = {high, low};
        Segments.seriesLength(in, HL);
        Checks.positive(change, "change");
        return Segments.series(1, (x, m, out, w) -> zigZag(x[0], x[1], m, change, percent, retrace, lastExtreme,
                out[0]), in)[0];
    }

    /** {@link #zigZag(double[], double[], double, boolean, boolean, boolean)} of every asset of the batches. */
    public static SeriesBatch zigZag(SeriesBatch high, SeriesBatch low, double change, boolean percent,
            boolean retrace, boolean lastExtreme) {
        SeriesBatch[] in = {high, low};
        Segments.sameShape(in, HL);
        Checks.positive(change, "change");
        return Segments.batch(1, (x, m, out, w) -> zigZag(x[0], x[1], m, change, percent, retrace, lastExtreme,
                out[0]), in)[0];
    }

    private static void zigZag(double[] high, double[] low, int n, double change, boolean percent, boolean retrace,
            boolean lastEx, double[] z) {
        if (n < 2) return;
        if (percent) change = change / 100.0;
        double refP = (high[0] + low[0]) / 2, infP = (high[1] + low[1]) / 2;
        int refI = 0, infI = 1, signal = 0;
        for (int i = 1; i < n; i++) {
            z[i] = NaN;
            double exMin, exMax;
            if (percent) {
                exMin = infP * (1.0 - change);
                exMax = infP * (1.0 + change);
            } else {
                exMin = infP - change;
                exMax = infP + change;
            }
            double lmax = infP > high[i] ? infP : high[i];
            double lmin = infP < low[i] ? infP : low[i];
            if (signal == 0) {
                if (retrace) {
                    signal = infP >= refP ? 1 : -1;
                } else {
                    if (lmin <= exMin) signal = -1;
                    if (lmax >= exMax) signal = 1;
                }
            }
            if (signal == -1) {
                if (low[i] == lmin && (lastEx || low[i] != low[i - 1])) {
                    infP = low[i];
                    infI = i;
                }
                if (retrace) exMax = infP + ((refP - infP) * change);
                if (high[i] >= exMax) {
                    z[refI] = refP;
                    refP = infP;
                    refI = infI;
                    infP = high[i];
                    infI = i;
                    signal = 1;
                    continue;
                }
            }
            if (signal == 1) {
                if (high[i] == lmax && (lastEx || high[i] != high[i - 1])) {
                    infP = high[i];
                    infI = i;
                }
                if (retrace) exMin = infP - ((infP - refP) * change);
                if (low[i] <= exMin) {
                    z[refI] = refP;
                    refP = infP;
                    refI = infI;
                    infP = low[i];
                    infI = i;
                    signal = -1;
                }
            }
        }
        z[refI] = refP;
        z[infI] = infP;
        // R's approx(): between two pivots a < b, y[a] + (y[b] - y[a]) ((v - a) / (b - a)).
        int a = -1;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(z[i])) continue;
            if (a >= 0) {
                for (int v = a + 1; v < i; v++) z[v] = z[a] + (z[i] - z[a]) * ((double) (v - a) / (i - a));
            }
            a = i;
        }
    }

    // ---- DPO

    /**
     * Detrended price oscillator (TTR {@code DPO(x, n = 10, shift = n/2 + 1, percent = FALSE)}): {@code x[i] -
     * SMA(x, n)[i + shift]} (or {@code 100 (x / SMA - 1)} with percent), the shift truncated to an integer as R's
     * lag does. The average is taken {@code shift} bars <em>ahead</em> (a centred, non-causal indicator, as in TTR):
     * the last {@code shift} values are NaN and so are those whose average is still warming up. O(t).
     *
     * @throws IllegalArgumentException if n is outside [1, length] or shift is negative
     */
    public static double[] dpo(double[] x, int n, int shift, boolean percent) {
        double[][] in = {x};
        Shapes.window(n, "n", Segments.seriesLength(in, X), SERIES);
        Checks.atLeast(shift, "shift", 0);
        return Segments.series(1, (v, m, out, w) -> dpo(v[0], m, n, shift, percent, out[0], w), in)[0];
    }

    /** {@link #dpo(double[], int, int, boolean)} with TTR's defaults: shift = trunc(n/2 + 1), not in percent. */
    public static double[] dpo(double[] x, int n) {
        return dpo(x, n, defaultShift(n), false);
    }

    /** {@link #dpo(double[], int, int, boolean)} of every asset of the batch. */
    public static SeriesBatch dpo(SeriesBatch x, int n, int shift, boolean percent) {
        SeriesBatch[] in = {x};
        Segments.sameShape(in, X);
        Shapes.window(n, "n", x.length(), BATCH);
        Checks.atLeast(shift, "shift", 0);
        return Segments.batch(1, (v, m, out, w) -> dpo(v[0], m, n, shift, percent, out[0], w), in)[0];
    }

    /** TTR's default DPO shift, {@code n/2 + 1} truncated. */
    public static int defaultShift(int n) {
        return (int) (n / 2.0 + 1);
    }

    private static void dpo(double[] x, int m, int n, int shift, boolean percent, double[] o, Segments.Work w) {
        double[] ma = w.tmp(0, m);
        TtrOps.sma(x, m, n, ma);
        for (int i = 0; i < m; i++) {
            int j = i + shift;
            double a = j < m ? ma[j] : NaN;
            o[i] = percent ? 100 * (x[i] / a - 1) : x[i] - a;
        }
    }

    // ---- TDI

    /**
     * Trend detection index (TTR {@code TDI(price, n = 20, multiple = 2)}): with mom = x - x[n bars ago] (0 in
     * the first n bars, as TTR fills them), di = runSum(mom, n) and tdi = |di| - (runSum(|mom|, n multiple) -
     * runSum(|mom|, n)). di starts at index n - 1, tdi at n multiple - 1. O(t).
     *
     * @throws IllegalArgumentException if n or n multiple is outside [1, length]
     */
    public static Tdi<double[]> tdi(double[] x, int n, int multiple) {
        double[][] in = {x};
        int t = Segments.seriesLength(in, X);
        Shapes.window(n, "n", t, SERIES);
        Shapes.window(n * multiple, "n * multiple", t, SERIES);
        double[][] o = Segments.series(2, (v, m, out, w) -> tdi(v[0], m, n, multiple, out, w), in);
        return new Tdi<>(o[0], o[1]);
    }

    /** {@link #tdi(double[], int, int)} of every asset of the batch. */
    public static Tdi<SeriesBatch> tdi(SeriesBatch x, int n, int multiple) {
        SeriesBatch[] in = {x};
        Segments.sameShape(in, X);
        Shapes.window(n, "n", x.length(), BATCH);
        Shapes.window(n * multiple, "n * multiple", x.length(), BATCH);
        SeriesBatch[] o = Segments.batch(2, (v, m, out, w) -> tdi(v[0], m, n, multiple, out, w), in);
        return new Tdi<>(o[0], o[1]);
    }

    private static void tdi(double[] x, int m, int n, int multiple, double[][] out, Segments.Work w) {
        double[] mom = w.tmp(0, m), am = w.tmp(1, m), s2 = w.tmp(2, m), s1 = w.tmp(3, m);
        TtrOps.momentum(x, m, n, mom);
        for (int i = 0; i < Math.min(n, m); i++) mom[i] = 0;
        for (int i = 0; i < m; i++) am[i] = Math.abs(mom[i]);
        double[] di = out[1];
        TtrOps.runSum(mom, m, n, di);
        TtrOps.runSum(am, m, n * multiple, s2);
        TtrOps.runSum(am, m, n, s1);
        for (int i = 0; i < m; i++) out[0][i] = Math.abs(di[i]) - (s2[i] - s1[i]);
    }
}
