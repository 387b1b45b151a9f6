package dev.sxn.math.indicators;

import dev.sxn.math.indicators.TtrStreams.EmaStep;
import dev.sxn.math.indicators.stream.BarStream;
import dev.sxn.math.indicators.stream.SeriesStream;
import dev.sxn.math.internal.Checks;
import java.util.Arrays;

/**
 * Streaming forms of more TTR breadth indicators (see {@link dev.sxn.math.indicators.stream.IndicatorStream} for
 * the verbs and the contract): Williams %R, CCI, MFI, CMO, TRIX, the volatility estimators, Donchian and Keltner
 * channels, CMF, EMV, VHF, ZLEMA, and the running median, MAD and percent rank. Each performs its
 * array function's operations in the same order ({@link TtrSteps} replays TtrOps' window kernels), so every value
 * equals the array's bit for bit; a missing input (NaN or +-Inf in a field the indicator reads) gives NaN and
 * restarts the warm-up, as the array functions' finite runs do.
 *
 * <p>Costs per update: O(1) amortised, except where the array kernel itself recomputes a window statistic around
 * a centre that moves with every value: CCI (mean deviation around the current SMA), the close-to-close and
 * Yang-Zhang volatilities (sample variances around the current window mean) are O(n), the running median and
 * MAD O(n log n) and the percent rank O(n) (see each factory), because an O(1) update
 * would change the operation order and so the bits. {@code peek} steps a copy of the state: O(window). No update
 * or peek allocates. DPO and ZigZag read later values than the one they are placed at (they look ahead), so they
 * have no stream.
 */
public final class TtrStreams2 {
    private TtrStreams2() {}

    /**
     * The stream of {@link Oscillators#wpr(double[], double[], double[], int)} (reads high, low, close). Lookback
     * n - 1.
     */
    public static BarStream wpr(int n) {
        Checks.atLeast(n, "n", 1);
        return new Bars(new Wpr(n), n - 1, 1, H | L | C);
    }

    /**
     * The stream of {@link Oscillators#cci(double[], double[], double[], int, double)} (reads high, low, close).
     * Lookback n - 1; O(n) per update.
     *
     * @throws IllegalArgumentException if n is below 1 or c is not positive
     */
    public static BarStream cci(int n, double c) {
        Checks.atLeast(n, "n", 1);
        Checks.positive(c, "c");
        return new Bars(new Cci(n, c), n - 1, 1, H | L | C);
    }

    /**
     * The stream of {@link VolumeIndicators#mfi(double[], double[], double[], double[], int)} (reads high, low,
     * close, volume). Lookback n.
     */
    public static BarStream mfi(int n) {
        Checks.atLeast(n, "n", 1);
        return new Bars(new Mfi(n), n, 1, H | L | C | V);
    }

    /** The stream of {@link Oscillators#cmo(double[], int)}. Lookback n. */
    public static SeriesStream cmo(int n) {
        Checks.atLeast(n, "n", 1);
        return new Series(new Cmo(n), n, 1);
    }

    /**
     * The stream of {@link Oscillators#trix(double[], int, boolean)}: lines TRIX, signal. Lookback 3(n - 1) + 1
     * (the signal from 4(n - 1) + 1 on).
     */
    public static SeriesStream trix(int n, boolean percent) {
        Checks.atLeast(n, "n", 1);
        return new Series(new Trix(n, percent), 3 * (n - 1) + 1, 2);
    }

    /**
     * The stream of {@link VolatilityEstimators#volatility(double[], double[], double[], double[], int,
     * VolatilityEstimators.Method, double)} (reads open, high, low, close, as the array function does for every
     * method). Lookback n - 1 (CLOSE, GK, Parkinson, RS), n (GK-YZ, Yang-Zhang); O(n) per update for CLOSE and
     * Yang-Zhang.
     *
     * @throws IllegalArgumentException if n is below 2 (CLOSE: 3) or periodsPerYear is not positive and finite
     */
    public static BarStream volatility(int n, VolatilityEstimators.Method method, double periodsPerYear) {
        Checks.notNull(method, "method");
        check(n, method, periodsPerYear);
        int lookback = switch (method) {
            case CLOSE, GARMAN_KLASS, PARKINSON, ROGERS_SATCHELL -> n - 1;
            default -> n;
        };
        return new Bars(new Volatility(n, method, periodsPerYear), lookback, 1, O | H | L | C);
    }

    /**
     * The stream of {@link VolatilityEstimators#close(double[], int, double, boolean)}. Lookback n - 1; O(n) per
     * update unless {@code mean0}.
     */
    public static SeriesStream volatilityClose(int n, double periodsPerYear, boolean mean0) {
        check(n, VolatilityEstimators.Method.CLOSE, periodsPerYear);
        return new Series(new CloseVol(n, periodsPerYear, mean0), n - 1, 1);
    }

    /**
     * The stream of {@link Channels#donchian(double[], double[], int)} (reads high, low): lines lower, middle,
     * upper. Lookback n - 1.
     */
    public static BarStream donchian(int n) {
        Checks.atLeast(n, "n", 1);
        return new Bars(new Donchian(n), n - 1, 3, H | L);
    }

    /**
     * The stream of {@link Channels#keltner(double[], double[], double[], int, double)} (reads high, low, close):
     * lines lower, middle, upper. Lookback n.
     *
     * @throws IllegalArgumentException if n is below 1 or atr is not finite
     */
    public static BarStream keltner(int n, double atr) {
        Checks.atLeast(n, "n", 1);
        Checks.finite(atr, "atr");
        return new Bars(new Keltner(n, atr), n, 3, H | L | C);
    }

    /**
     * The stream of {@link VolumeIndicators#cmf(double[], double[], double[], double[], int)} (reads high, low,
     * close, volume). Lookback n - 1.
     */
    public static BarStream cmf(int n) {
        Checks.atLeast(n, "n", 1);
        return new Bars(new Cmf(n), n - 1, 1, H | L | C | V);
    }

    /**
     * The stream of {@link VolumeIndicators#emv(double[], double[], double[], int, double)} (reads high, low,
     * volume): lines EMV, its SMA. Lookback 1 (the SMA from n on).
     *
     * @throws IllegalArgumentException if n is below 1 or divisor is not positive
     */
    public static BarStream emv(int n, double divisor) {
        Checks.atLeast(n, "n", 1);
        Checks.positive(divisor, "divisor");
        return new Bars(new Emv(n, divisor), 1, 2, H | L | V);
    }

    /**
     * The stream of {@link TrendIndicators#vhf(double[], double[], double[], int)} (reads high, low, close).
     * Lookback n.
     */
    public static BarStream vhf(int n) {
        Checks.atLeast(n, "n", 1);
        return new Bars(new Vhf(n), n, 1, H | L | C);
    }

    /** The stream of {@link MovingAverages#zlema(double[], int)}. Lookback n - 1. */
    public static SeriesStream zlema(int n) {
        Checks.atLeast(n, "n", 1);
        return new Series(new Zlema(n), n - 1, 1);
    }

    /**
     * The stream of {@link RunningStatistics#runMedian(double[], int)}. Lookback n - 1; O(n log n) per update: the
     * window is copied and sorted as the array kernel does (an order-statistics structure would give the same
     * median in O(log n), but a plain sort keeps one code path and no per-update allocation).
     */
    public static SeriesStream runMedian(int n) {
        Checks.atLeast(n, "n", 1);
        return new Series(new Window(n, 0, false, 0), n - 1, 1);
    }

    /**
     * The stream of {@link RunningStatistics#runMad(double[], int, boolean, double)}. Lookback n - 1; O(n log n)
     * per update: the deviations are taken around the window's current median, so every one changes with each
     * value.
     *
     * @throws IllegalArgumentException if n is below 1 or constant is not finite
     */
    public static SeriesStream runMad(int n, boolean median, double constant) {
        Checks.atLeast(n, "n", 1);
        Checks.finite(constant, "constant");
        return new Series(new Window(n, 1, median, constant), n - 1, 1);
    }

    /**
     * The stream of {@link RunningStatistics#runPercentRank(double[], int, double)}. Lookback n - 1; O(n) per
     * update: the rank of the newest value counts the window's values against it (with TTR's 1e-8 tolerance,
     * which no sorted structure reproduces in the array's summation order).
     *
     * @throws IllegalArgumentException if n is below 1 or exactMultiplier is outside [0, 1]
     */
    public static SeriesStream runPercentRank(int n, double exactMultiplier) {
        Checks.atLeast(n, "n", 1);
        Checks.inClosed(exactMultiplier, "exactMultiplier", 0, 1);
        return new Series(new Window(n, 2, false, exactMultiplier), n - 1, 1);
    }

    private static void check(int n, VolatilityEstimators.Method method, double periodsPerYear) {
        Checks.positive(periodsPerYear, "periodsPerYear");
        Checks.finite(periodsPerYear, "periodsPerYear");
        Checks.atLeast(n, "n", method == VolatilityEstimators.Method.CLOSE ? 3 : 2);
    }

    // ---- the state machinery: a State steps one complete input; the streams reset it at a missing one

    /** The fields a bar stream reads (a missing one resets it): open, high, low, close, volume. */
    static final int O = 1, H = 2, L = 4, C = 8, V = 16;

    /** An indicator's whole state, so that a peek can step a copy. */
    abstract static class State {
        /** Forgets the run (a missing input). */
        abstract void reset();

        /** Steps with one complete input (the fields the indicator reads are finite); writes each line. */
        abstract void step(double o, double h, double l, double c, double v, double[] out);

        /** Becomes a copy of {@code from} (a state of the same class and parameters). */
        abstract void copyFrom(State from);

        /** A new state of the same class and parameters, reset. */
        abstract State fresh();
    }

    /** A bar stream of a {@link State} that reads the {@code fields} (O | H | L | C | V). */
    static final class Bars extends BarStream {
        private final State st, twin;
        private final int fields;

        Bars(State st, int lookback, int lines, int fields) {
            super(lookback, lines);
            this.st = st;
            this.fields = fields;
            st.reset();
            twin = st.fresh();
        }

        private Bars(Bars o) {
            super(o);
            fields = o.fields;
            st = o.st.fresh();
            st.copyFrom(o.st);
            twin = o.st.fresh();
        }

        @Override
        public Bars copy() {
            return new Bars(this);
        }

        private boolean complete(double o, double h, double l, double c, double v) {
            return ((fields & O) == 0 || finite(o)) && ((fields & H) == 0 || finite(h))
                    && ((fields & L) == 0 || finite(l)) && ((fields & C) == 0 || finite(c))
                    && ((fields & V) == 0 || finite(v));
        }

        @Override
        protected boolean commit(double o, double h, double l, double c, double v, double[] out) {
            if (!complete(o, h, l, c, v)) {
                st.reset();
                Arrays.fill(out, Double.NaN);
                return false;
            }
            st.step(o, h, l, c, v, out);
            return true;
        }

        @Override
        protected void trial(double o, double h, double l, double c, double v, double[] out) {
            if (!complete(o, h, l, c, v)) {
                Arrays.fill(out, Double.NaN);
                return;
            }
            twin.copyFrom(st);
            twin.step(o, h, l, c, v, out);
        }
    }

    /** A series stream: the value is passed as the close. */
    static final class Series extends SeriesStream {
        private final State st, twin;

        Series(State st, int lookback, int lines) {
            super(lookback, lines);
            this.st = st;
            st.reset();
            twin = st.fresh();
        }

        private Series(Series o) {
            super(o);
            st = o.st.fresh();
            st.copyFrom(o.st);
            twin = o.st.fresh();
        }

        @Override
        public Series copy() {
            return new Series(this);
        }

        @Override
        protected boolean commit(double x, double[] out) {
            if (!finite(x)) {
                st.reset();
                Arrays.fill(out, Double.NaN);
                return false;
            }
            st.step(0, 0, 0, x, 0, out);
            return true;
        }

        @Override
        protected void trial(double x, double[] out) {
            if (!finite(x)) {
                Arrays.fill(out, Double.NaN);
                return;
            }
            twin.copyFrom(st);
            twin.step(0, 0, 0, x, 0, out);
        }
    }

    // ---- Williams %R

    private static final class Wpr extends State {
        final int n;
        final TtrSteps.Extreme hi, lo;

        Wpr(int n) {
            this.n = n;
            hi = new TtrSteps.Extreme(n, true);
            lo = new TtrSteps.Extreme(n, false);
        }

        @Override
        void reset() {
            hi.reset();
            lo.reset();
        }

        @Override
        void step(double o, double h, double l, double c, double v, double[] out) {
            double hmax = hi.step(h), lmin = lo.step(l);
            if (hi.i < n) {
                out[0] = Double.NaN;
                return;
            }
            double r = (hmax - c) / (hmax - lmin);
            out[0] = Double.isNaN(r) ? 0.5 : r;
        }

        @Override
        void copyFrom(State from) {
            Wpr f = (Wpr) from;
            hi.copyFrom(f.hi);
            lo.copyFrom(f.lo);
        }

        @Override
        State fresh() {
            return new Wpr(n);
        }
    }

    // ---- CCI: (p - SMA(p)) / (c meanDev), the mean deviation around the current SMA (newest first)

    private static final class Cci extends State {
        final int n;
        final double c;
        final TtrSteps.Sum sum;

        Cci(int n, double c) {
            this.n = n;
            this.c = c;
            sum = new TtrSteps.Sum(n);
        }

        @Override
        void reset() {
            sum.reset();
        }

        @Override
        void step(double o, double h, double l, double cl, double v, double[] out) {
            double p = TtrOps.mean3(h, l, cl);
            double ma = sum.step(p) / n;
            if (sum.k < n) {
                out[0] = Double.NaN;
                return;
            }
            double dev = Math.abs(sum.back(0) - ma) / n;
            for (int j = 1; j < n; j++) dev += Math.abs(sum.back(j) - ma) / n;
            out[0] = (p - ma) / (c * dev);
        }

        @Override
        void copyFrom(State from) {
            sum.copyFrom(((Cci) from).sum);
        }

        @Override
        State fresh() {
            return new Cci(n, c);
        }
    }

    // ---- MFI

    private static final class Mfi extends State {
        final int n;
        final TtrSteps.Sum pos, neg;
        boolean hasPrev;
        double prev;

        Mfi(int n) {
            this.n = n;
            pos = new TtrSteps.Sum(n);
            neg = new TtrSteps.Sum(n);
        }

        @Override
        void reset() {
            pos.reset();
            neg.reset();
            hasPrev = false;
        }

        @Override
        void step(double o, double h, double l, double c, double v, double[] out) {
            double p = TtrOps.mean3(h, l, c), pmf = Double.NaN, nmf = Double.NaN;
            if (hasPrev) {
                double mf = p * v;
                pmf = p > prev ? mf : 0;
                nmf = p < prev ? mf : 0;
            }
            hasPrev = true;
            prev = p;
            double num = pos.step(pmf), den = neg.step(nmf);
            double r = 100 - (100 / (1 + num / den));
            if (den == 0) r = num == 0 ? 50 : 100;
            out[0] = r;
        }

        @Override
        void copyFrom(State from) {
            Mfi f = (Mfi) from;
            pos.copyFrom(f.pos);
            neg.copyFrom(f.neg);
            hasPrev = f.hasPrev;
            prev = f.prev;
        }

        @Override
        State fresh() {
            return new Mfi(n);
        }
    }

    // ---- CMO

    private static final class Cmo extends State {
        final int n;
        final TtrSteps.Sum up, dn;
        boolean hasPrev;
        double prev;

        Cmo(int n) {
            this.n = n;
            up = new TtrSteps.Sum(n);
            dn = new TtrSteps.Sum(n);
        }

        @Override
        void reset() {
            up.reset();
            dn.reset();
            hasPrev = false;
        }

        @Override
        void step(double o, double h, double l, double x, double v, double[] out) {
            double u = hasPrev ? x - prev : Double.NaN;
            hasPrev = true;
            prev = x;
            double d = Double.isNaN(u) ? Double.NaN : (u < 0 ? Math.abs(u) : 0);
            u = Double.isNaN(u) ? Double.NaN : (u > 0 ? u : 0);
            double su = up.step(u), sd = dn.step(d);
            out[0] = 100 * (su - sd) / (su + sd);
        }

        @Override
        void copyFrom(State from) {
            Cmo f = (Cmo) from;
            up.copyFrom(f.up);
            dn.copyFrom(f.dn);
            hasPrev = f.hasPrev;
            prev = f.prev;
        }

        @Override
        State fresh() {
            return new Cmo(n);
        }
    }

    // ---- TRIX: a triple EMA, its one-bar change, and an EMA of that

    private static final class Trix extends State {
        final int n;
        final boolean percent;
        final double ratio;
        final EmaStep e1 = new EmaStep(), e2 = new EmaStep(), e3 = new EmaStep(), sig = new EmaStep();
        boolean hasPrev;
        double prev;

        Trix(int n, boolean percent) {
            this.n = n;
            this.percent = percent;
            ratio = 2.0 / (n + 1);
        }

        @Override
        void reset() {
            e1.reset();
            e2.reset();
            e3.reset();
            sig.reset();
            hasPrev = false;
        }

        @Override
        void step(double o, double h, double l, double x, double v, double[] out) {
            double t = e3.step(e2.step(e1.step(x, n, ratio), n, ratio), n, ratio);
            double line = Double.NaN;
            if (hasPrev) line = percent ? 100 * (t / prev - 1) : t - prev;
            hasPrev = true;
            prev = t;
            out[0] = line;
            out[1] = sig.step(line, n, ratio);
        }

        @Override
        void copyFrom(State from) {
            Trix f = (Trix) from;
            e1.copyFrom(f.e1);
            e2.copyFrom(f.e2);
            e3.copyFrom(f.e3);
            sig.copyFrom(f.sig);
            hasPrev = f.hasPrev;
            prev = f.prev;
        }

        @Override
        State fresh() {
            return new Trix(n, percent);
        }
    }

    // ---- volatility estimators

    /** Close-to-close volatility of the log returns (mean0: around zero, by a running sum of squares). */
    private static final class CloseVol extends State {
        final int n;
        final double nY;
        final boolean mean0;
        final TtrSteps.Sum sq;
        final TtrSteps.Cov cov;
        boolean hasPrev;
        double prev;

        CloseVol(int n, double nY, boolean mean0) {
            this.n = n;
            this.nY = nY;
            this.mean0 = mean0;
            sq = new TtrSteps.Sum(n - 1);
            cov = new TtrSteps.Cov(n - 1, true);
        }

        @Override
        void reset() {
            sq.reset();
            cov.reset();
            hasPrev = false;
        }

        @Override
        void step(double o, double h, double l, double c, double v, double[] out) {
            double r = hasPrev ? Math.log(c) - Math.log(prev) : Double.NaN;
            hasPrev = true;
            prev = c;
            out[0] = mean0 ? Math.sqrt(nY) * Math.sqrt(sq.step(r * r) / (n - 2))
                    : Math.sqrt(nY) * Math.sqrt(cov.step(r, r));
        }

        @Override
        void copyFrom(State from) {
            CloseVol f = (CloseVol) from;
            sq.copyFrom(f.sq);
            cov.copyFrom(f.cov);
            hasPrev = f.hasPrev;
            prev = f.prev;
        }

        @Override
        State fresh() {
            return new CloseVol(n, nY, mean0);
        }
    }

    private static final class Volatility extends State {
        final int n;
        final VolatilityEstimators.Method method;
        final double nY, k2, k;
        final TtrSteps.Sum sum;
        final TtrSteps.Cov so, sc;
        final CloseVol close;
        boolean hasPrev;
        double prevClose;

        Volatility(int n, VolatilityEstimators.Method method, double nY) {
            this.n = n;
            this.method = method;
            this.nY = nY;
            k2 = 2 * Math.log(2) - 1;
            double alpha = 1.34;
            k = (alpha - 1) / (alpha + (double) (n + 1) / (n - 1));
            sum = new TtrSteps.Sum(n);
            so = new TtrSteps.Cov(n, true);
            sc = new TtrSteps.Cov(n, true);
            close = new CloseVol(Math.max(n, 3), nY, false);
        }

        @Override
        void reset() {
            sum.reset();
            so.reset();
            sc.reset();
            close.reset();
            hasPrev = false;
        }

        private double rs(double o, double h, double l, double c) {
            double a = Math.log(h / c) * Math.log(h / o) + Math.log(l / c) * Math.log(l / o);
            return Math.sqrt(nY / n * sum.step(a));
        }

        @Override
        void step(double o, double h, double l, double c, double v, double[] out) {
            switch (method) {
                case CLOSE -> close.step(o, h, l, c, v, out);
                case GARMAN_KLASS -> {
                    double hl = Math.log(h / l), co = Math.log(c / o);
                    out[0] = Math.sqrt(nY / n * sum.step(0.5 * (hl * hl) - k2 * (co * co)));
                }
                case PARKINSON -> {
                    double hl = Math.log(h / l);
                    out[0] = Math.sqrt(nY / (4 * n * Math.log(2)) * sum.step(hl * hl));
                }
                case ROGERS_SATCHELL -> out[0] = rs(o, h, l, c);
                case GK_YZ -> {
                    double a = Double.NaN;
                    if (hasPrev) {
                        double oc = Math.log(o / prevClose), hl = Math.log(h / l), co = Math.log(c / o);
                        a = oc * oc + 0.5 * (hl * hl) - k2 * (co * co);
                    }
                    out[0] = Math.sqrt(nY / n * sum.step(a));
                }
                case YANG_ZHANG -> {
                    double a = hasPrev ? Math.log(o / prevClose) : Double.NaN;
                    double vo = so.step(a, a), b = Math.log(c / o), vc = sc.step(b, b), rs = rs(o, h, l, c);
                    out[0] = Math.sqrt(nY * vo + k * (nY * vc) + (1 - k) * (rs * rs));
                }
            }
            hasPrev = true;
            prevClose = c;
        }

        @Override
        void copyFrom(State from) {
            Volatility f = (Volatility) from;
            sum.copyFrom(f.sum);
            so.copyFrom(f.so);
            sc.copyFrom(f.sc);
            close.copyFrom(f.close);
            hasPrev = f.hasPrev;
            prevClose = f.prevClose;
        }

        @Override
        State fresh() {
            return new Volatility(n, method, nY);
        }
    }

    // ---- Donchian and Keltner channels

    private static final class Donchian extends State {
        final int n;
        final TtrSteps.Extreme hi, lo;

        Donchian(int n) {
            this.n = n;
            hi = new TtrSteps.Extreme(n, true);
            lo = new TtrSteps.Extreme(n, false);
        }

        @Override
        void reset() {
            hi.reset();
            lo.reset();
        }

        @Override
        void step(double o, double h, double l, double c, double v, double[] out) {
            double up = hi.step(h), dn = lo.step(l);
            out[2] = up;
            out[0] = dn;
            out[1] = (up + dn) / 2;
        }

        @Override
        void copyFrom(State from) {
            Donchian f = (Donchian) from;
            hi.copyFrom(f.hi);
            lo.copyFrom(f.lo);
        }

        @Override
        State fresh() {
            return new Donchian(n);
        }
    }

    private static final class Keltner extends State {
        final int n;
        final double k;
        final EmaStep mid = new EmaStep(), atr = new EmaStep();
        boolean hasPrev;
        double prevClose;

        Keltner(int n, double k) {
            this.n = n;
            this.k = k;
        }

        @Override
        void reset() {
            mid.reset();
            atr.reset();
            hasPrev = false;
        }

        @Override
        void step(double o, double h, double l, double c, double v, double[] out) {
            double tr = Double.NaN;
            if (hasPrev) tr = Math.max(h, prevClose) - Math.min(l, prevClose);
            hasPrev = true;
            prevClose = c;
            double m = mid.step(TtrOps.mean3(h, l, c), n, 2.0 / (n + 1)), a = atr.step(tr, n, 1.0 / n);
            out[1] = m;
            out[2] = m + k * a;
            out[0] = m - k * a;
        }

        @Override
        void copyFrom(State from) {
            Keltner f = (Keltner) from;
            mid.copyFrom(f.mid);
            atr.copyFrom(f.atr);
            hasPrev = f.hasPrev;
            prevClose = f.prevClose;
        }

        @Override
        State fresh() {
            return new Keltner(n, k);
        }
    }

    // ---- CMF and EMV

    private static final class Cmf extends State {
        final int n;
        final TtrSteps.Sum flow, vol;

        Cmf(int n) {
            this.n = n;
            flow = new TtrSteps.Sum(n);
            vol = new TtrSteps.Sum(n);
        }

        @Override
        void reset() {
            flow.reset();
            vol.reset();
        }

        @Override
        void step(double o, double h, double l, double c, double v, double[] out) {
            double clv = ((c - l) - (h - c)) / (h - l);
            clv = Double.isFinite(clv) ? clv : 0;
            double s1 = flow.step(clv * v), s2 = vol.step(v);
            out[0] = s1 / s2;
        }

        @Override
        void copyFrom(State from) {
            Cmf f = (Cmf) from;
            flow.copyFrom(f.flow);
            vol.copyFrom(f.vol);
        }

        @Override
        State fresh() {
            return new Cmf(n);
        }
    }

    private static final class Emv extends State {
        final int n;
        final double divisor;
        final TtrSteps.Sum sum;
        boolean hasPrev;
        double ph, pl;

        Emv(int n, double divisor) {
            this.n = n;
            this.divisor = divisor;
            sum = new TtrSteps.Sum(n);
        }

        @Override
        void reset() {
            sum.reset();
            hasPrev = false;
        }

        @Override
        void step(double o, double h, double l, double c, double v, double[] out) {
            double e = Double.NaN;
            if (hasPrev) {
                double mid = (h + l) / 2, prev = (ph + pl) / 2;
                e = (mid - prev) / ((v / divisor) / (h - l));
            }
            hasPrev = true;
            ph = h;
            pl = l;
            out[0] = e;
            out[1] = sum.step(e) / n;
        }

        @Override
        void copyFrom(State from) {
            Emv f = (Emv) from;
            sum.copyFrom(f.sum);
            hasPrev = f.hasPrev;
            ph = f.ph;
            pl = f.pl;
        }

        @Override
        State fresh() {
            return new Emv(n, divisor);
        }
    }

    // ---- VHF

    private static final class Vhf extends State {
        final int n;
        final TtrSteps.Extreme hi, lo;
        final TtrSteps.Sum sum;
        boolean hasPrev;
        double prev;

        Vhf(int n) {
            this.n = n;
            hi = new TtrSteps.Extreme(n, true);
            lo = new TtrSteps.Extreme(n, false);
            sum = new TtrSteps.Sum(n);
        }

        @Override
        void reset() {
            hi.reset();
            lo.reset();
            sum.reset();
            hasPrev = false;
        }

        @Override
        void step(double o, double h, double l, double c, double v, double[] out) {
            double d = hasPrev ? Math.abs(c - prev) : Double.NaN;
            hasPrev = true;
            prev = c;
            double hmax = hi.step(h), lmin = lo.step(l), s = sum.step(d);
            out[0] = (hmax - lmin) / s;
        }

        @Override
        void copyFrom(State from) {
            Vhf f = (Vhf) from;
            hi.copyFrom(f.hi);
            lo.copyFrom(f.lo);
            sum.copyFrom(f.sum);
            hasPrev = f.hasPrev;
            prev = f.prev;
        }

        @Override
        State fresh() {
            return new Vhf(n);
        }
    }

    // ---- ZLEMA: an EMA of 2 x - x[lag], x[lag] interpolated between the two values around i - lag

    private static final class Zlema extends State {
        final int n, size;
        final double ratio, lag, wt, w1, r1;
        final double[] ring;
        long i;
        double seed, prev;

        Zlema(int n) {
            this.n = n;
            ratio = 2.0 / (n + 1);
            lag = 1.0 / ratio;
            wt = lag % 1.0;
            w1 = 1.0 - wt;
            r1 = 1.0 - ratio;
            size = (int) Math.ceil(lag) + 2;
            ring = new double[size];
        }

        @Override
        void reset() {
            i = 0;
            seed = 0;
        }

        /** x at run index j (one of the last {@code size} values). */
        private double at(long j) {
            return ring[(int) (j % size)];
        }

        @Override
        void step(double o, double h, double l, double x, double v, double[] out) {
            ring[(int) (i % size)] = x;
            if (i < n) {
                seed += x / n;
                prev = seed;
                out[0] = i == n - 1 ? seed : Double.NaN;
            } else {
                long loc = (long) (i - lag);
                double value = 2 * x - (w1 * at(loc) + wt * at(loc + 1));
                prev = ratio * value + r1 * prev;
                out[0] = prev;
            }
            i++;
        }

        @Override
        void copyFrom(State from) {
            Zlema f = (Zlema) from;
            System.arraycopy(f.ring, 0, ring, 0, size);
            i = f.i;
            seed = f.seed;
            prev = f.prev;
        }

        @Override
        State fresh() {
            return new Zlema(n);
        }
    }

    // ---- running median, MAD and percent rank: the whole window at each step, as the array kernels

    /** kind 0: median; 1: MAD (median or mean of |x - median|); 2: percent rank. */
    private static final class Window extends State {
        final int n, kind;
        final boolean median;
        final double param;
        final double[] ring, win;
        int k, pos;

        Window(int n, int kind, boolean median, double param) {
            this.n = n;
            this.kind = kind;
            this.median = median;
            this.param = param;
            ring = new double[n];
            win = new double[n];
        }

        @Override
        void reset() {
            k = pos = 0;
        }

        /** The value j steps back (0: the newest). */
        private double back(int j) {
            int p = pos - 1 - j;
            return ring[p < 0 ? p + n : p];
        }

        @Override
        void step(double o, double h, double l, double x, double v, double[] out) {
            ring[pos] = x;
            pos = pos + 1 == n ? 0 : pos + 1;
            if (k < n) k++;
            if (kind == 2 && n == 1) {
                out[0] = param;
                return;
            }
            if (k < n) {
                out[0] = Double.NaN;
                return;
            }
            if (kind < 2) {
                for (int j = 0; j < n; j++) win[n - 1 - j] = back(j);
                double center = TtrOps.median(win, n);
                if (kind == 0) {
                    out[0] = center;
                    return;
                }
                for (int j = 0; j < n; j++) win[j] = Math.abs(back(j) - center);
                out[0] = median ? TtrOps.median(win, n) * param : TtrOps.ttrMean(win, 0, n);
            } else {
                double less = param;
                for (int j = n - 1; j >= 1; j--) {
                    double d = back(j) - x;
                    if (d < 0) less = less + 1.0;
                    else if (Math.abs(d) < 1e-8) less = less + param;
                }
                out[0] = less / n;
            }
        }

        @Override
        void copyFrom(State from) {
            Window f = (Window) from;
            System.arraycopy(f.ring, 0, ring, 0, n);
            k = f.k;
            pos = f.pos;
        }

        @Override
        State fresh() {
            return new Window(n, kind, median, param);
        }
    }
}
