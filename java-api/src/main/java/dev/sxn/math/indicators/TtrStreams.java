package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.BarStream;
import dev.sxn.math.indicators.stream.SeriesStream;
import dev.sxn.math.internal.Checks;
import java.util.Arrays;

/**
 * Streaming forms of TTR breadth indicators (see {@link dev.sxn.math.indicators.stream.IndicatorStream} for the
 * verbs and the contract): momentum, ROC (discrete, continuous), Wilder's sum, CLV, Chaikin A/D, Williams A/D,
 * EVWMA and ADX. Each performs its array function's operations ({@link Oscillators}, {@link MovingAverages},
 * {@link VolumeIndicators}, {@link TrendIndicators}) in the same order, so every value equals the array's bit for
 * bit; a missing input (NaN or +-Inf in a field the indicator reads) gives NaN and restarts the warm-up, as the
 * array functions' finite runs do. Each factory is O(window) and returns a new, independent stream; updates are
 * O(1) and allocate nothing.
 */
public final class TtrStreams {
    private TtrStreams() {}

    /** The stream of {@link Oscillators#momentum(double[], int)}. Lookback n. */
    public static SeriesStream momentum(int n) {
        Checks.atLeast(n, "n", 1);
        return new LagStream(n, 0);
    }

    /** The stream of {@link Oscillators#rocDiscrete(double[], int)}. Lookback n. */
    public static SeriesStream rocDiscrete(int n) {
        Checks.atLeast(n, "n", 1);
        return new LagStream(n, 1);
    }

    /** The stream of {@link Oscillators#rocContinuous(double[], int)}. Lookback n. */
    public static SeriesStream rocContinuous(int n) {
        Checks.atLeast(n, "n", 1);
        return new LagStream(n, 2);
    }

    /** The stream of {@link MovingAverages#wilderSum(double[], int)}. Lookback n - 1. */
    public static SeriesStream wilderSum(int n) {
        Checks.atLeast(n, "n", 1);
        return new WilderSumStream(n);
    }

    /** The stream of {@link VolumeIndicators#clv(double[], double[], double[])} (reads high, low, close). Lookback 0. */
    public static BarStream clv() {
        return new CumulativeStream(0);
    }

    /** The stream of {@link VolumeIndicators#chaikinAD} (reads high, low, close, volume). Lookback 0. */
    public static BarStream chaikinAD() {
        return new CumulativeStream(1);
    }

    /** The stream of {@link VolumeIndicators#williamsAD} (reads high, low, close). Lookback 1. */
    public static BarStream williamsAD() {
        return new CumulativeStream(2);
    }

    /** The stream of {@link MovingAverages#evwma(double[], double[], int)} of close and volume. Lookback n - 1. */
    public static BarStream evwma(int n) {
        Checks.atLeast(n, "n", 1);
        return new EvwmaStream(n);
    }

    /**
     * The stream of {@link TrendIndicators#adx(double[], double[], double[], int)} (reads high, low, close); lines
     * DI+, DI-, DX, ADX (line 0 is DI+: {@code value(3)} is the ADX). Lookback n (DI); ADX from 2n - 1 on.
     */
    public static BarStream adx(int n) {
        Checks.atLeast(n, "n", 1);
        return new AdxStream(n);
    }

    // ---- momentum and ROC: x against the value n inputs back

    private static final class LagStream extends SeriesStream {
        private final int n, kind;
        private final double[] ring;
        private int pos;
        private long run;

        LagStream(int n, int kind) {
            super(n, 1);
            this.n = n;
            this.kind = kind;
            ring = new double[n];
        }

        private LagStream(LagStream o) {
            super(o);
            n = o.n;
            kind = o.kind;
            ring = o.ring.clone();
            pos = o.pos;
            run = o.run;
        }

        @Override
        public LagStream copy() {
            return new LagStream(this);
        }

        private double value(double x) {
            if (run < n) return Double.NaN;
            double old = ring[pos];
            return kind == 0 ? x - old : kind == 1 ? x / old - 1 : Math.log(x) - Math.log(old);
        }

        @Override
        protected boolean commit(double x, double[] out) {
            if (!finite(x)) {
                run = 0;
                out[0] = Double.NaN;
                return false;
            }
            out[0] = value(x);
            ring[pos] = x;
            pos = pos + 1 == n ? 0 : pos + 1;
            run++;
            return true;
        }

        @Override
        protected void trial(double x, double[] out) {
            out[0] = finite(x) ? value(x) : Double.NaN;
        }
    }

    // ---- TTR's EMA and Wilder sum as steps (they skip leading NaN, as TtrOps does)

    /** TtrOps.ema as a step: waits for the first non-NaN value, seeds by the sum of x / n. */
    static final class EmaStep {
        boolean started;
        int k;
        double seed, prev;

        void reset() {
            started = false;
            k = 0;
            seed = 0;
            prev = Double.NaN;
        }

        double step(double x, int n, double ratio) {
            if (!started) {
                if (Double.isNaN(x)) return Double.NaN;
                started = true;
            }
            if (k < n) {
                seed += x / n;
                if (++k < n) return Double.NaN;
                prev = seed;
                return prev;
            }
            prev = x * ratio + prev * (1 - ratio);
            return prev;
        }

        void copyFrom(EmaStep o) {
            started = o.started;
            k = o.k;
            seed = o.seed;
            prev = o.prev;
        }
    }

    /** TtrOps.wilderSum as a step: waits for the first non-NaN value, seeds by the plain sum of n - 1 values. */
    static final class WilderStep {
        boolean started;
        int k;
        double sum, prev;

        void reset() {
            started = false;
            k = 0;
            sum = 0;
            prev = Double.NaN;
        }

        double step(double x, int n) {
            if (!started) {
                if (Double.isNaN(x)) return Double.NaN;
                started = true;
            }
            if (k < n - 1) {
                sum += x;
                k++;
                return Double.NaN;
            }
            prev = k == n - 1 ? x + sum * (n - 1) / n : x + prev * (n - 1) / n;
            k = n;
            return prev;
        }

        void copyFrom(WilderStep o) {
            started = o.started;
            k = o.k;
            sum = o.sum;
            prev = o.prev;
        }
    }

    private static final class WilderSumStream extends SeriesStream {
        private final int n;
        private final WilderStep st = new WilderStep(), twin = new WilderStep();

        WilderSumStream(int n) {
            super(n - 1, 1);
            this.n = n;
            st.reset();
        }

        private WilderSumStream(WilderSumStream o) {
            super(o);
            n = o.n;
            st.copyFrom(o.st);
        }

        @Override
        public WilderSumStream copy() {
            return new WilderSumStream(this);
        }

        @Override
        protected boolean commit(double x, double[] out) {
            if (!finite(x)) {
                st.reset();
                out[0] = Double.NaN;
                return false;
            }
            out[0] = st.step(x, n);
            return true;
        }

        @Override
        protected void trial(double x, double[] out) {
            if (!finite(x)) {
                out[0] = Double.NaN;
                return;
            }
            twin.copyFrom(st);
            out[0] = twin.step(x, n);
        }
    }

    // ---- CLV, Chaikin A/D and Williams A/D

    /** kind 0: CLV; 1: Chaikin A/D (cumulative CLV volume); 2: Williams A/D. */
    private static final class CumulativeStream extends BarStream {
        private final int kind;
        private boolean live;
        private double s, comp, prevClose;

        CumulativeStream(int kind) {
            super(kind == 2 ? 1 : 0, 1);
            this.kind = kind;
        }

        private CumulativeStream(CumulativeStream o) {
            super(o);
            kind = o.kind;
            live = o.live;
            s = o.s;
            comp = o.comp;
            prevClose = o.prevClose;
        }

        @Override
        public CumulativeStream copy() {
            return new CumulativeStream(this);
        }

        private boolean complete(double h, double l, double c, double v) {
            return finite(h) && finite(l) && finite(c) && (kind != 1 || finite(v));
        }

        private static double clv(double h, double l, double c) {
            double v = ((c - l) - (h - c)) / (h - l);
            return Double.isFinite(v) ? v : 0;
        }

        /** The addend of this bar (NaN for Williams' first bar of a run). */
        private double addend(double h, double l, double c, double v) {
            if (kind == 1) return clv(h, l, c) * v;
            if (!live) return Double.NaN;
            double th = Math.max(h, prevClose), tl = Math.min(l, prevClose), d = c - prevClose;
            return d == 0 ? 0 : c - (d > 0 ? tl : th);
        }

        @Override
        protected boolean commit(double open, double h, double l, double c, double v, double[] out) {
            if (!complete(h, l, c, v)) {
                live = false;
                s = comp = 0;
                out[0] = Double.NaN;
                return false;
            }
            if (kind == 0) {
                out[0] = clv(h, l, c);
                return true;
            }
            double a = addend(h, l, c, v);
            live = true;
            prevClose = c;
            if (Double.isNaN(a)) {
                out[0] = Double.NaN;
                return true;
            }
            double sn = s + a;
            comp += RollingSumState.twoSumError(s, a, sn);
            s = sn;
            out[0] = s + comp;
            return true;
        }

        @Override
        protected void trial(double open, double h, double l, double c, double v, double[] out) {
            if (!complete(h, l, c, v)) {
                out[0] = Double.NaN;
                return;
            }
            if (kind == 0) {
                out[0] = clv(h, l, c);
                return;
            }
            double a = addend(h, l, c, v);
            if (Double.isNaN(a)) {
                out[0] = Double.NaN;
                return;
            }
            double sn = s + a;
            out[0] = sn + (comp + RollingSumState.twoSumError(s, a, sn));
        }
    }

    // ---- EVWMA

    private static final class EvwmaStream extends BarStream {
        private final int n;
        private final double[] vols;
        private int pos;
        private long run;
        private double vs, prev;

        EvwmaStream(int n) {
            super(n - 1, 1);
            this.n = n;
            vols = new double[n];
        }

        private EvwmaStream(EvwmaStream o) {
            super(o);
            n = o.n;
            vols = o.vols.clone();
            pos = o.pos;
            run = o.run;
            vs = o.vs;
            prev = o.prev;
        }

        @Override
        public EvwmaStream copy() {
            return new EvwmaStream(this);
        }

        @Override
        protected boolean commit(double open, double high, double low, double p, double v, double[] out) {
            if (!finite(p) || !finite(v)) {
                run = 0;
                vs = 0;
                out[0] = Double.NaN;
                return false;
            }
            if (run < n) {
                vs += v;
                out[0] = run == n - 1 ? p : Double.NaN;
            } else {
                vs = vs + v - vols[pos];
                out[0] = ((vs - v) * prev + v * p) / vs;
            }
            prev = out[0];
            vols[pos] = v;
            pos = pos + 1 == n ? 0 : pos + 1;
            run++;
            return true;
        }

        @Override
        protected void trial(double open, double high, double low, double p, double v, double[] out) {
            if (!finite(p) || !finite(v)) {
                out[0] = Double.NaN;
            } else if (run < n) {
                out[0] = run == n - 1 ? p : Double.NaN;
            } else {
                double s = vs + v - vols[pos];
                out[0] = ((s - v) * prev + v * p) / s;
            }
        }
    }

    // ---- ADX

    /** ADX's whole state, so that a peek can step a copy. */
    private static final class AdxState {
        boolean hasPrev;
        double ph, pl, pc;
        final WilderStep tr = new WilderStep(), dp = new WilderStep(), dn = new WilderStep();
        final EmaStep adx = new EmaStep();

        void reset() {
            hasPrev = false;
            tr.reset();
            dp.reset();
            dn.reset();
            adx.reset();
        }

        void copyFrom(AdxState o) {
            hasPrev = o.hasPrev;
            ph = o.ph;
            pl = o.pl;
            pc = o.pc;
            tr.copyFrom(o.tr);
            dp.copyFrom(o.dp);
            dn.copyFrom(o.dn);
            adx.copyFrom(o.adx);
        }

        /** TrendIndicators.adx's operations for one bar of a run. */
        void step(double h, double l, double c, int n, double[] out) {
            double dmp = Double.NaN, dmn = Double.NaN, range = Double.NaN;
            if (hasPrev) {
                double dh = h - ph, dl = -(l - pl);
                boolean none = dh == dl || (dh < 0 && dl < 0);
                dmp = none ? 0 : (dh > dl ? dh : 0);
                dmn = none ? 0 : (dh < dl ? dl : 0);
                range = Math.max(h, pc) - Math.min(l, pc);
            }
            hasPrev = true;
            ph = h;
            pl = l;
            pc = c;
            double trs = tr.step(range, n);
            double dip = 100 * dp.step(dmp, n) / trs, din = 100 * dn.step(dmn, n) / trs;
            double dx = 100 * (Math.abs(dip - din) / (dip + din));
            out[0] = dip;
            out[1] = din;
            out[2] = dx;
            out[3] = adx.step(dx, n, 1.0 / n);
        }
    }

    private static final class AdxStream extends BarStream {
        private final int n;
        private final AdxState st = new AdxState(), twin = new AdxState();

        AdxStream(int n) {
            super(n, 4);
            this.n = n;
            st.reset();
        }

        private AdxStream(AdxStream o) {
            super(o);
            n = o.n;
            st.copyFrom(o.st);
        }

        @Override
        public AdxStream copy() {
            return new AdxStream(this);
        }

        @Override
        protected boolean commit(double open, double h, double l, double c, double volume, double[] out) {
            if (!finite(h) || !finite(l) || !finite(c)) {
                st.reset();
                Arrays.fill(out, Double.NaN);
                return false;
            }
            st.step(h, l, c, n, out);
            return true;
        }

        @Override
        protected void trial(double open, double h, double l, double c, double volume, double[] out) {
            if (!finite(h) || !finite(l) || !finite(c)) {
                Arrays.fill(out, Double.NaN);
                return;
            }
            twin.copyFrom(st);
            twin.step(h, l, c, n, out);
        }
    }
}
