package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.Shapes.BATCH;
import static dev.sxn.math.indicators.Shapes.SERIES;
import static dev.sxn.math.indicators.TtrOps.NaN;

import dev.sxn.math.internal.Checks;

/**
 * Historical volatility estimators of R's TTR 0.24.3 ({@code volatility}: close-to-close, Garman-Klass, Parkinson,
 * Rogers-Satchell, Garman-Klass/Yang-Zhang, Yang-Zhang) and Chaikin volatility. Annualised by {@code sqrt(N)}, N
 * the periods per year (TTR's default 260). Definitions, warm-up and operation order are TTR's. Every method has a
 * one-series form and a batch form (each asset its own series, bit-identical to the one-series form); NaN or
 * infinite inputs poison their position and restart the warm-up (see {@link Segments}). Thread-safe.
 */
public final class VolatilityEstimators {
    private VolatilityEstimators() {}

    /** The estimator, as TTR's {@code calc} argument names it. */
    public enum Method {
        /** Close-to-close: sqrt(N) times the sample SD of the last n - 1 log returns ({@code "close"}). */
        CLOSE,
        /** Garman-Klass: sqrt(N/n sum(0.5 log(H/L)^2 - (2 log 2 - 1) log(C/O)^2)) ({@code "garman.klass"}). */
        GARMAN_KLASS,
        /** Parkinson: sqrt(N / (4 n log 2) sum log(H/L)^2) ({@code "parkinson"}). */
        PARKINSON,
        /** Rogers-Satchell: sqrt(N/n sum(log(H/C) log(H/O) + log(L/C) log(L/O))) ({@code "rogers.satchell"}). */
        ROGERS_SATCHELL,
        /** Garman-Klass with Yang-Zhang's overnight term log(O / previous C)^2 ({@code "gk.yz"}). */
        GK_YZ,
        /**
         * Yang-Zhang: sqrt(s2_overnight + k s2_open-to-close + (1 - k) s2_RS), k = 0.34 / (1.34 + (n+1)/(n-1)), the
         * first two sample variances over n ({@code "yang.zhang"}).
         */
        YANG_ZHANG
    }

    private static final String[] OHLC = {"open", "high", "low", "close"};
    private static final String[] C = {"close"};
    private static final String[] HL = {"high", "low"};

    /**
     * TTR's {@code volatility(OHLC, n, calc, N)} for an OHLC estimator. The window sums start at index n - 1 (GK,
     * Parkinson, RS), n (GK-YZ, Yang-Zhang: they use the previous close); {@link Method#CLOSE} uses the close only
     * (see {@link #close}). O(t) (O(t n) for the variances of Yang-Zhang and CLOSE).
     *
     * @throws IllegalArgumentException if lengths differ, n is outside [2, length] (CLOSE: [3, length]) or N is not
     *     positive
     */
    public static double[] volatility(double[] open, double[] high, double[] low, double[] close, int n,
            Method method, double periodsPerYear) {
        Checks.notNull(method, "method");
        double[][] in = {open, high, low, close};
        check(n, method, periodsPerYear, Segments.seriesLength(in, OHLC), SERIES);
        return Segments.series(1, (v, m, out, w) -> ohlc(v[0], v[1], v[2], v[3], m, n, method, periodsPerYear,
                out[0], w), in)[0];
    }

    /** {@link #volatility(double[], double[], double[], double[], int, Method, double)} of every asset. */
    public static SeriesBatch volatility(SeriesBatch open, SeriesBatch high, SeriesBatch low, SeriesBatch close, int n,
            Method method, double periodsPerYear) {
        return TrendBatches.volatility(open, high, low, close, n, method, periodsPerYear, null);
    }

    /**
     * Close-to-close volatility (TTR {@code volatility(close, n = 10, calc = "close", N = 260, mean0)}):
     * {@code sqrt(N) sd(r, n - 1)} of the log returns r (sample SD), or with {@code mean0} the zero-mean form
     * {@code sqrt(N) sqrt(sum r^2 / (n - 2))} over n - 1 returns. First value at index n - 1. O(t n).
     *
     * @throws IllegalArgumentException if n is outside [3, length] or N is not positive
     */
    public static double[] close(double[] close, int n, double periodsPerYear, boolean mean0) {
        double[][] in = {close};
        check(n, Method.CLOSE, periodsPerYear, Segments.seriesLength(in, C), SERIES);
        return Segments.series(1, (v, m, out, w) -> close(v[0], m, n, periodsPerYear, mean0, out[0], w), in)[0];
    }

    /** {@link #close(double[], int, double, boolean)} of every asset of the batch. */
    public static SeriesBatch close(SeriesBatch close, int n, double periodsPerYear, boolean mean0) {
        return TrendBatches.close(close, n, periodsPerYear, mean0, null);
    }

    static void check(int n, Method method, double periodsPerYear, int t, String length) {
        Checks.positive(periodsPerYear, "periodsPerYear");
        Checks.finite(periodsPerYear, "periodsPerYear");
        int lo = method == Method.CLOSE ? 3 : 2;
        if (n < lo || n > Math.max(lo, t)) {
            throw Checks.invalid("n", n, "be in [" + lo + ", " + Math.max(lo, t) + "] (" + length + "; " + method + ")");
        }
    }

    static void close(double[] c, int m, int n, double nY, boolean mean0, double[] o, Segments.Work w) {
        double[] r = w.tmp(0, m), s = w.tmp(1, m);
        TtrOps.rocContinuous(c, m, 1, r);
        if (mean0) {
            for (int i = 0; i < m; i++) s[i] = r[i] * r[i];
            TtrOps.runSum(s, m, n - 1, o);
            for (int i = 0; i < m; i++) o[i] = Math.sqrt(nY) * Math.sqrt(o[i] / (n - 2));
        } else {
            TtrOps.runCov(r, r, m, n - 1, true, s);
            for (int i = 0; i < m; i++) o[i] = Math.sqrt(nY) * Math.sqrt(s[i]);
        }
    }

    static void ohlc(double[] op, double[] h, double[] l, double[] c, int m, int n, Method method, double nY,
            double[] out, Segments.Work w) {
        double k2 = 2 * Math.log(2) - 1;
        double[] a = w.tmp(0, m), s = w.tmp(1, m);
        switch (method) {
            case CLOSE -> close(c, m, n, nY, false, out, w);
            case GARMAN_KLASS -> {
                for (int i = 0; i < m; i++) {
                    double hl = Math.log(h[i] / l[i]), co = Math.log(c[i] / op[i]);
                    a[i] = 0.5 * (hl * hl) - k2 * (co * co);
                }
                TtrOps.runSum(a, m, n, s);
                for (int i = 0; i < m; i++) out[i] = Math.sqrt(nY / n * s[i]);
            }
            case PARKINSON -> {
                for (int i = 0; i < m; i++) {
                    double hl = Math.log(h[i] / l[i]);
                    a[i] = hl * hl;
                }
                TtrOps.runSum(a, m, n, s);
                for (int i = 0; i < m; i++) out[i] = Math.sqrt(nY / (4 * n * Math.log(2)) * s[i]);
            }
            case ROGERS_SATCHELL -> rogersSatchell(op, h, l, c, m, n, nY, out, a, s);
            case GK_YZ -> {
                a[0] = NaN;
                for (int i = 1; i < m; i++) {
                    double oc = Math.log(op[i] / c[i - 1]), hl = Math.log(h[i] / l[i]), co = Math.log(c[i] / op[i]);
                    a[i] = oc * oc + 0.5 * (hl * hl) - k2 * (co * co);
                }
                TtrOps.runSum(a, m, n, s);
                for (int i = 0; i < m; i++) out[i] = Math.sqrt(nY / n * s[i]);
            }
            case YANG_ZHANG -> {
                double alpha = 1.34, k = (alpha - 1) / (alpha + (double) (n + 1) / (n - 1));
                double[] so = w.tmp(2, m), sc = w.tmp(3, m);
                a[0] = NaN;
                for (int i = 1; i < m; i++) a[i] = Math.log(op[i] / c[i - 1]);
                TtrOps.runCov(a, a, m, n, true, so);
                for (int i = 0; i < m; i++) a[i] = Math.log(c[i] / op[i]);
                TtrOps.runCov(a, a, m, n, true, sc);
                rogersSatchell(op, h, l, c, m, n, nY, out, a, s);
                for (int i = 0; i < m; i++) {
                    double rs = out[i];
                    out[i] = Math.sqrt(nY * so[i] + k * (nY * sc[i]) + (1 - k) * (rs * rs));
                }
            }
        }
    }

    private static void rogersSatchell(double[] op, double[] h, double[] l, double[] c, int m, int n, double nY,
            double[] out, double[] a, double[] s) {
        for (int i = 0; i < m; i++) {
            a[i] = Math.log(h[i] / c[i]) * Math.log(h[i] / op[i]) + Math.log(l[i] / c[i]) * Math.log(l[i] / op[i]);
        }
        TtrOps.runSum(a, m, n, s);
        for (int i = 0; i < m; i++) out[i] = Math.sqrt(nY / n * s[i]);
    }

    // ---- Chaikin volatility

    /**
     * Chaikin volatility (TTR {@code chaikinVolatility(HL, n = 10)}): the n-bar discrete rate of change of the
     * n-bar EMA of high - low, a fraction. First value at index 2n - 1. O(t).
     *
     * @throws IllegalArgumentException if lengths differ or n is outside [1, length]
     */
    public static double[] chaikinVolatility(double[] high, double[] low, int n) {
        double[][] in = {high, low};
        Shapes.window(n, "n", Segments.seriesLength(in, HL), SERIES);
        return Segments.series(1, (v, m, out, w) -> chaikin(v[0], v[1], m, n, out[0], w), in)[0];
    }

    /** {@link #chaikinVolatility(double[], double[], int)} of every asset of the batches. */
    public static SeriesBatch chaikinVolatility(SeriesBatch high, SeriesBatch low, int n) {
        SeriesBatch[] in = {high, low};
        Segments.sameShape(in, HL);
        Shapes.window(n, "n", high.length(), BATCH);
        return Segments.batch(1, (v, m, out, w) -> chaikin(v[0], v[1], m, n, out[0], w), in)[0];
    }

    private static void chaikin(double[] h, double[] l, int m, int n, double[] o, Segments.Work w) {
        double[] d = w.tmp(0, m), e = w.tmp(1, m);
        for (int i = 0; i < m; i++) d[i] = h[i] - l[i];
        TtrOps.ema(d, m, n, e);
        TtrOps.rocDiscrete(e, m, n, o);
    }
}
