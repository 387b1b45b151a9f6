package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.TtrStreams2.C;
import static dev.sxn.math.indicators.TtrStreams2.H;
import static dev.sxn.math.indicators.TtrStreams2.L;

import dev.sxn.math.indicators.TtrStreams.EmaStep;
import dev.sxn.math.indicators.TtrStreams2.State;
import dev.sxn.math.indicators.stream.BarStream;
import dev.sxn.math.indicators.stream.SeriesStream;
import dev.sxn.math.internal.Checks;

/**
 * Streaming forms of the last TTR trend indicators and oscillators (see
 * {@link dev.sxn.math.indicators.stream.IndicatorStream} for the verbs and the contract): aroon, the ultimate
 * oscillator, KST, SMI and TDI. Each performs its array function's floating-point operations in the same order
 * ({@link TtrSteps} replays TtrOps' window kernels, {@link EmaStep} TTR's EMA), so every value equals the array's
 * bit for bit; a missing input (NaN or +-Inf in a field the indicator reads) gives NaN and restarts the warm-up, as
 * the array functions' finite runs do. Updates are O(1) amortised (aroon's rare rescan of its window is O(n)) and
 * allocate nothing; {@code peek} steps a copy of the state (O(window)).
 *
 * <p>No stream by design: DPO (its average is taken {@code shift} bars ahead), ZigZag (pivots confirmed by later
 * bars, the lines between them drawn in hindsight) and SAR (TTR's start gap is the standard deviation of high - low
 * over the whole run) read values after the index they are placed at, so no causal update can give their values.
 */
public final class TtrStreams4 {
    private TtrStreams4() {}

    /**
     * The stream of {@link TrendIndicators#aroon(double[], double[], int)} (reads high, low): lines up, down,
     * oscillator. Lookback n - 1.
     *
     * @throws IllegalArgumentException if n is below 1
     */
    public static BarStream aroon(int n) {
        Checks.atLeast(n, "n", 1);
        return new TtrStreams2.Bars(new Aroon(n), n - 1, 3, H | L);
    }

    /**
     * The stream of {@link Oscillators#ultimateOscillator(double[], double[], double[], int[], double[])} (reads
     * high, low, close). Lookback max(n).
     *
     * @throws IllegalArgumentException if n or wts is null, does not hold three values, a window is below 1 or a
     *     weight is not finite
     */
    public static BarStream ultimateOscillator(int[] n, double[] wts) {
        Checks.notNull(n, "n");
        Checks.notNull(wts, "wts");
        if (n.length != 3) throw Checks.invalid("n.length", n.length, "be 3");
        Checks.length(wts, "wts", 3, "three weights");
        Checks.allFinite(wts, "wts");
        for (int j = 0; j < 3; j++) Checks.atLeast(n[j], "n[" + j + "]", 1);
        return new TtrStreams2.Bars(new Ultimate(n.clone(), wts.clone()), Math.max(n[0], Math.max(n[1], n[2])), 1,
                H | L | C);
    }

    /** {@link #ultimateOscillator(int[], double[])} with TTR's defaults: n = (7, 14, 28), wts = (4, 2, 1). */
    public static BarStream ultimateOscillator() {
        return ultimateOscillator(new int[] {7, 14, 28}, new double[] {4, 2, 1});
    }

    /**
     * The stream of {@link Oscillators#kst(double[], int[], int[], int, double[])}: lines KST, signal. Lookback
     * max_j(nRoc[j] + n[j] - 1) (the signal nSig - 1 later).
     *
     * @throws IllegalArgumentException if an array is null, empty or of a different length than n, a window is
     *     below 1 or a weight is not finite
     */
    public static SeriesStream kst(int[] n, int[] nRoc, int nSig, double[] wts) {
        Oscillators.checkKstArrays(n, nRoc, wts);
        int lookback = 0;
        for (int j = 0; j < n.length; j++) {
            Checks.atLeast(n[j], "n[" + j + "]", 1);
            Checks.atLeast(nRoc[j], "nRoc[" + j + "]", 1);
            lookback = Math.max(lookback, nRoc[j] + n[j] - 1);
        }
        Checks.atLeast(nSig, "nSig", 1);
        return new TtrStreams2.Series(new Kst(n.clone(), nRoc.clone(), nSig, wts.clone()), lookback, 2);
    }

    /** {@link #kst(int[], int[], int, double[])} with TTR's defaults (as {@link Oscillators#kst(double[])}). */
    public static SeriesStream kst() {
        return kst(new int[] {10, 10, 10, 15}, new int[] {10, 15, 20, 30}, 9, new double[] {1, 2, 3, 4});
    }

    /**
     * The stream of {@link Oscillators#smi(double[], double[], double[], int, int, int, int)} (reads high, low,
     * close): lines SMI, signal. Lookback nSlow + nFast - 2 (the signal nSig - 1 later).
     *
     * @throws IllegalArgumentException if a window is below 1
     */
    public static BarStream smi(int n, int nFast, int nSlow, int nSig) {
        Checks.atLeast(n, "n", 1);
        Checks.atLeast(nFast, "nFast", 1);
        Checks.atLeast(nSlow, "nSlow", 1);
        Checks.atLeast(nSig, "nSig", 1);
        return new TtrStreams2.Bars(new Smi(n, nFast, nSlow, nSig), nSlow + nFast - 2, 2, H | L | C);
    }

    /**
     * The stream of {@link TrendIndicators#tdi(double[], int, int)}: lines TDI, DI. Lookback n multiple - 1 (DI
     * from n - 1 on).
     *
     * @throws IllegalArgumentException if n or multiple is below 1 or n multiple exceeds the int range
     */
    public static SeriesStream tdi(int n, int multiple) {
        Checks.atLeast(n, "n", 1);
        Checks.atLeast(multiple, "multiple", 1);
        long nm = (long) n * multiple;
        if (nm > Integer.MAX_VALUE) throw Checks.invalid("n * multiple", nm, "be at most " + Integer.MAX_VALUE);
        return new TtrStreams2.Series(new Tdi(n, multiple), (int) nm - 1, 2);
    }

    // ---- aroon

    /**
     * TrendIndicators' {@code aroonMax} (TTR's C {@code aroon_max}) as a step: the location of the newest maximum,
     * rescanned over the last n + 1 values only when it has left the window, as the array does.
     */
    static final class AroonMax {
        final int n;
        final double[] ring; // the last n + 1 values, ring[pos] the oldest once full
        int pos, seen, loc;
        double max;

        AroonMax(int n) {
            this.n = n;
            ring = new double[n + 1];
        }

        void reset() {
            pos = seen = loc = 0;
        }

        /** The value j steps back (0: the newest, which must be in the ring). */
        private double back(int j) {
            int p = pos - 1 - j;
            return ring[p < 0 ? p + n + 1 : p];
        }

        double step(double x) {
            ring[pos] = x;
            pos = pos + 1 == n + 1 ? 0 : pos + 1;
            if (seen == 0) max = x;
            if (seen < n - 1) {
                if (x >= max) {
                    max = x;
                    loc = 0;
                }
                loc++;
                seen++;
                return Double.NaN;
            }
            if (loc > n) {
                // loc > n only after n + 1 values of the run, so all n + 1 read here are in the ring.
                max = x;
                loc = 0;
                for (int j = 1; j < n + 1; j++) {
                    double v = back(j);
                    if (v > max) {
                        max = v;
                        loc = j;
                    }
                }
            } else if (x >= max) {
                max = x;
                loc = 0;
            }
            double o = (100.0 * (n - loc)) / n;
            loc++;
            seen = n; // held at n: only its comparisons with n - 1 matter, and an int would wrap
            return o;
        }

        void copyFrom(AroonMax o) {
            System.arraycopy(o.ring, 0, ring, 0, n + 1);
            pos = o.pos;
            seen = o.seen;
            loc = o.loc;
            max = o.max;
        }
    }

    private static final class Aroon extends State {
        final int n;
        final AroonMax up, dn;

        Aroon(int n) {
            this.n = n;
            up = new AroonMax(n);
            dn = new AroonMax(n);
        }

        @Override
        void reset() {
            up.reset();
            dn.reset();
        }

        @Override
        void step(double o, double h, double l, double c, double v, double[] out) {
            double u = up.step(h), d = dn.step(-l);
            out[0] = u;
            out[1] = d;
            out[2] = u - d;
        }

        @Override
        void copyFrom(State from) {
            Aroon f = (Aroon) from;
            up.copyFrom(f.up);
            dn.copyFrom(f.dn);
        }

        @Override
        State fresh() {
            return new Aroon(n);
        }
    }

    // ---- ultimate oscillator: 100 sum_j w_j runSum(BP, n_j) / runSum(TR, n_j) / sum w

    private static final class Ultimate extends State {
        final int[] n;
        final double[] wts;
        final double wsum;
        final TtrSteps.Sum[] bp = new TtrSteps.Sum[3], tr = new TtrSteps.Sum[3];
        boolean hasPrev;
        double pc;

        Ultimate(int[] n, double[] wts) {
            this.n = n;
            this.wts = wts;
            double s = 0;
            for (int j = 0; j < 3; j++) {
                s += wts[j];
                bp[j] = new TtrSteps.Sum(n[j]);
                tr[j] = new TtrSteps.Sum(n[j]);
            }
            wsum = s;
        }

        @Override
        void reset() {
            hasPrev = false;
            for (int j = 0; j < 3; j++) {
                bp[j].reset();
                tr[j].reset();
            }
        }

        @Override
        void step(double o, double h, double l, double c, double v, double[] out) {
            double range = Double.NaN, low = Double.NaN;
            if (hasPrev) {
                double hi = Math.max(h, pc);
                low = Math.min(l, pc);
                range = hi - low;
            }
            hasPrev = true;
            pc = c;
            double b = c - low, r = b * 0;
            for (int j = 0; j < 3; j++) r = r + wts[j] * (bp[j].step(b) / tr[j].step(range));
            out[0] = 100 * r / wsum;
        }

        @Override
        void copyFrom(State from) {
            Ultimate f = (Ultimate) from;
            hasPrev = f.hasPrev;
            pc = f.pc;
            for (int j = 0; j < 3; j++) {
                bp[j].copyFrom(f.bp[j]);
                tr[j].copyFrom(f.tr[j]);
            }
        }

        @Override
        State fresh() {
            return new Ultimate(n, wts);
        }
    }

    // ---- KST: 100 sum_j w_j SMA(ROC_cont(x, nRoc_j), n_j) and its SMA

    private static final class Kst extends State {
        final int[] n, nRoc;
        final int nSig, span;
        final double[] wts, logs; // the logs of the last span values, logs[pos] the slot of the next
        final TtrSteps.Sum[] ma;
        final TtrSteps.Sum sig;
        int pos;
        long seen;

        Kst(int[] n, int[] nRoc, int nSig, double[] wts) {
            this.n = n;
            this.nRoc = nRoc;
            this.nSig = nSig;
            this.wts = wts;
            int s = 0;
            ma = new TtrSteps.Sum[n.length];
            for (int j = 0; j < n.length; j++) {
                s = Math.max(s, nRoc[j]);
                ma[j] = new TtrSteps.Sum(n[j]);
            }
            span = s;
            logs = new double[s];
            sig = new TtrSteps.Sum(nSig);
        }

        @Override
        void reset() {
            pos = 0;
            seen = 0;
            for (TtrSteps.Sum m : ma) m.reset();
            sig.reset();
        }

        @Override
        void step(double o, double h, double l, double x, double v, double[] out) {
            // Math.log(x) is the array's log of the same value, taken once here and kept for the later lags.
            double lx = Math.log(x), total = 0;
            for (int j = 0; j < n.length; j++) {
                int p = pos - nRoc[j];
                double roc = seen < nRoc[j] ? Double.NaN : lx - logs[p < 0 ? p + span : p];
                double w = ma[j].step(roc) / n[j] * wts[j];
                total = j == 0 ? w : total + w;
            }
            logs[pos] = lx;
            pos = pos + 1 == span ? 0 : pos + 1;
            if (seen < span) seen++;
            total = 100 * total;
            out[0] = total;
            out[1] = sig.step(total) / nSig;
        }

        @Override
        void copyFrom(State from) {
            Kst f = (Kst) from;
            System.arraycopy(f.logs, 0, logs, 0, span);
            pos = f.pos;
            seen = f.seen;
            for (int j = 0; j < ma.length; j++) ma[j].copyFrom(f.ma[j]);
            sig.copyFrom(f.sig);
        }

        @Override
        State fresh() {
            return new Kst(n, nRoc, nSig, wts);
        }
    }

    // ---- SMI

    private static final class Smi extends State {
        final int n, nFast, nSlow, nSig;
        final TtrSteps.Extreme hi, lo;
        final EmaStep c1 = new EmaStep(), c2 = new EmaStep(), h1 = new EmaStep(), h2 = new EmaStep(), s = new EmaStep();

        Smi(int n, int nFast, int nSlow, int nSig) {
            this.n = n;
            this.nFast = nFast;
            this.nSlow = nSlow;
            this.nSig = nSig;
            hi = new TtrSteps.Extreme(n, true);
            lo = new TtrSteps.Extreme(n, false);
        }

        @Override
        void reset() {
            hi.reset();
            lo.reset();
            c1.reset();
            c2.reset();
            h1.reset();
            h2.reset();
            s.reset();
        }

        @Override
        void step(double o, double h, double l, double c, double v, double[] out) {
            double hmax = hi.step(h), lmin = lo.step(l);
            double top = Double.isNaN(hmax) ? h : hmax, bottom = Double.isNaN(lmin) ? l : lmin;
            double hd = top - bottom, cd = c - (top + bottom) / 2;
            double fast = 2.0 / (nFast + 1), slow = 2.0 / (nSlow + 1);
            double num = c2.step(c1.step(cd, nSlow, slow), nFast, fast);
            double den = h2.step(h1.step(hd, nSlow, slow), nFast, fast);
            double smi = 100 * (num / (den / 2));
            out[0] = smi;
            out[1] = s.step(smi, nSig, 2.0 / (nSig + 1));
        }

        @Override
        void copyFrom(State from) {
            Smi f = (Smi) from;
            hi.copyFrom(f.hi);
            lo.copyFrom(f.lo);
            c1.copyFrom(f.c1);
            c2.copyFrom(f.c2);
            h1.copyFrom(f.h1);
            h2.copyFrom(f.h2);
            s.copyFrom(f.s);
        }

        @Override
        State fresh() {
            return new Smi(n, nFast, nSlow, nSig);
        }
    }

    // ---- TDI: di = runSum(mom, n), tdi = |di| - (runSum(|mom|, n multiple) - runSum(|mom|, n))

    private static final class Tdi extends State {
        final int n, multiple;
        final double[] ring; // the last n values, ring[pos] the one n back once full
        final TtrSteps.Sum di, s2, s1;
        int pos;
        long seen;

        Tdi(int n, int multiple) {
            this.n = n;
            this.multiple = multiple;
            ring = new double[n];
            di = new TtrSteps.Sum(n);
            s2 = new TtrSteps.Sum(n * multiple);
            s1 = new TtrSteps.Sum(n);
        }

        @Override
        void reset() {
            pos = 0;
            seen = 0;
            di.reset();
            s2.reset();
            s1.reset();
        }

        @Override
        void step(double o, double h, double l, double x, double v, double[] out) {
            // TTR fills the first n momenta (undefined: no value n back) with 0.
            double mom = seen < n ? 0 : x - ring[pos];
            ring[pos] = x;
            pos = pos + 1 == n ? 0 : pos + 1;
            if (seen < n) seen++;
            double am = Math.abs(mom);
            double d = di.step(mom);
            out[0] = Math.abs(d) - (s2.step(am) - s1.step(am));
            out[1] = d;
        }

        @Override
        void copyFrom(State from) {
            Tdi f = (Tdi) from;
            System.arraycopy(f.ring, 0, ring, 0, n);
            pos = f.pos;
            seen = f.seen;
            di.copyFrom(f.di);
            s2.copyFrom(f.s2);
            s1.copyFrom(f.s1);
        }

        @Override
        State fresh() {
            return new Tdi(n, multiple);
        }
    }
}
