package dev.sxn.math.indicators;

import dev.sxn.math.indicators.TtrStreams2.State;
import dev.sxn.math.indicators.stream.PairStream;
import dev.sxn.math.indicators.stream.SeriesStream;
import dev.sxn.math.internal.Checks;
import java.util.Arrays;

/**
 * Streaming forms of the last TTR moving averages and running statistics (see
 * {@link dev.sxn.math.indicators.stream.IndicatorStream} for the verbs and the contract): ALMA, HMA, and the
 * two-series running covariance and correlation ({@link PairStream}). Each performs its array function's
 * floating-point operations in the same order, so every value equals the array's bit for bit; a missing input
 * gives NaN and restarts the warm-up, as the array functions' finite runs do. No update or peek allocates;
 * {@code peek} steps a copy of the state (O(window)).
 */
public final class TtrStreams3 {
    private TtrStreams3() {}

    /**
     * The stream of {@link MovingAverages#alma(double[], int, double, double)}. Lookback n - 1; O(n) per update:
     * every Gaussian weight moves to a new value with each update, and the array sums the weighted window oldest
     * first, so the sum is taken afresh in that order.
     *
     * @throws IllegalArgumentException if n is below 1, offset outside [0, 1] or sigma not positive and finite
     */
    public static SeriesStream alma(int n, double offset, double sigma) {
        Checks.atLeast(n, "n", 1);
        Checks.inClosed(offset, "offset", 0, 1);
        Checks.positive(sigma, "sigma");
        Checks.finite(sigma, "sigma");
        double[] w = new double[n];
        double mid = Math.floor(offset * (n - 1)), s = n / sigma, sum = 0;
        for (int j = 0; j < n; j++) {
            double d = j - mid;
            w[j] = Math.exp(-(d * d) / (2 * s * s));
            sum += w[j];
        }
        if (sum != 0) {
            for (int j = 0; j < n; j++) w[j] = w[j] / sum;
        }
        return new TtrStreams2.Series(new Ma(new Wma(w)), n - 1, 1);
    }

    /**
     * The stream of {@link MovingAverages#hma(double[], int)}. Lookback n + trunc(sqrt n) - 2; O(n) per update:
     * three weighted windows, each summed afresh oldest first as the array kernel does (a running linear-weight
     * update would change the operation order and so the bits).
     *
     * @throws IllegalArgumentException if n is below 2
     */
    public static SeriesStream hma(int n) {
        Checks.atLeast(n, "n", 2);
        int r = (int) Math.sqrt(n);
        return new TtrStreams2.Series(new Hma(n), n + r - 2, 1);
    }

    /**
     * The stream of {@link RunningStatistics#runCov(double[], double[], int, boolean)}. Lookback n - 1; O(n) per
     * update: the window means change with every pair, so the centred products are summed afresh in the array's
     * order.
     *
     * @throws IllegalArgumentException if n is below 1
     */
    public static PairStream runCov(int n, boolean sample) {
        Checks.atLeast(n, "n", 1);
        return new Pair(new Cov(n, sample, false), n - 1);
    }

    /**
     * The stream of {@link RunningStatistics#runCor(double[], double[], int, boolean)}: runCov(x, y) / (sqrt
     * runCov(x, x) sqrt runCov(y, y)). Lookback n - 1; O(n) per update, for the reason of {@link #runCov}.
     *
     * @throws IllegalArgumentException if n is below 1
     */
    public static PairStream runCor(int n, boolean sample) {
        Checks.atLeast(n, "n", 1);
        return new Pair(new Cov(n, sample, true), n - 1);
    }

    // ---- the weighted window: TtrOps.wma as a step (waits for the first non-NaN value, as TtrOps' start)

    /** TtrOps.wma with fixed weights (oldest first), one value at a time; O(n) per step. */
    static final class Wma {
        final double[] w, ring;
        final int n;
        final double wtsum;
        boolean started;
        int k, pos;

        Wma(double[] w) {
            this.w = w;
            n = w.length;
            ring = new double[n];
            double s = 0;
            for (int j = 0; j < n; j++) s += w[j];
            wtsum = s;
        }

        static Wma linear(int n) {
            double[] w = new double[n];
            for (int j = 0; j < n; j++) w[j] = j + 1;
            return new Wma(w);
        }

        void reset() {
            started = false;
            k = pos = 0;
        }

        double step(double x) {
            if (!started) {
                if (Double.isNaN(x)) return Double.NaN;
                started = true;
            }
            ring[pos] = x;
            pos = pos + 1 == n ? 0 : pos + 1;
            if (k < n) k++;
            if (k < n) return Double.NaN;
            double num = 0;
            for (int j = 0; j < n; j++) {
                int p = pos + j;
                num += ring[p >= n ? p - n : p] * w[j];
            }
            return num / wtsum;
        }

        void copyFrom(Wma o) {
            System.arraycopy(o.ring, 0, ring, 0, n);
            started = o.started;
            k = o.k;
            pos = o.pos;
        }
    }

    private static final class Ma extends State {
        final Wma wma;

        Ma(Wma wma) {
            this.wma = wma;
        }

        @Override
        void reset() {
            wma.reset();
        }

        @Override
        void step(double o, double h, double l, double x, double v, double[] out) {
            out[0] = wma.step(x);
        }

        @Override
        void copyFrom(State from) {
            wma.copyFrom(((Ma) from).wma);
        }

        @Override
        State fresh() {
            return new Ma(new Wma(wma.w));
        }
    }

    private static final class Hma extends State {
        final int n;
        final Wma half, full, hull;

        Hma(int n) {
            this.n = n;
            half = Wma.linear(n / 2);
            full = Wma.linear(n);
            hull = Wma.linear((int) Math.sqrt(n));
        }

        @Override
        void reset() {
            half.reset();
            full.reset();
            hull.reset();
        }

        @Override
        void step(double o, double h, double l, double x, double v, double[] out) {
            double a = half.step(x), b = full.step(x);
            out[0] = hull.step(2 * a - b);
        }

        @Override
        void copyFrom(State from) {
            Hma f = (Hma) from;
            half.copyFrom(f.half);
            full.copyFrom(f.full);
            hull.copyFrom(f.hull);
        }

        @Override
        State fresh() {
            return new Hma(n);
        }
    }

    // ---- running covariance and correlation

    private static final class Cov {
        final int n;
        final boolean sample, cor;
        final TtrSteps.Cov xy, xx, yy;

        Cov(int n, boolean sample, boolean cor) {
            this.n = n;
            this.sample = sample;
            this.cor = cor;
            xy = new TtrSteps.Cov(n, sample);
            xx = cor ? new TtrSteps.Cov(n, sample) : null;
            yy = cor ? new TtrSteps.Cov(n, sample) : null;
        }

        void reset() {
            xy.reset();
            if (cor) {
                xx.reset();
                yy.reset();
            }
        }

        double step(double x, double y) {
            double c = xy.step(x, y);
            if (!cor) return c;
            double vx = xx.step(x, x), vy = yy.step(y, y);
            return c / (Math.sqrt(vx) * Math.sqrt(vy));
        }

        void copyFrom(Cov f) {
            xy.copyFrom(f.xy);
            if (cor) {
                xx.copyFrom(f.xx);
                yy.copyFrom(f.yy);
            }
        }

        Cov fresh() {
            return new Cov(n, sample, cor);
        }
    }

    // ---- the pair stream shell (series use TtrStreams2.Series): a missing input resets the state, as the array
    // functions' finite runs restart

    private static final class Pair extends PairStream {
        private final Cov st, twin;

        Pair(Cov st, int lookback) {
            super(lookback, 1);
            this.st = st;
            st.reset();
            twin = st.fresh();
            twin.reset();
        }

        private Pair(Pair o) {
            super(o);
            st = o.st.fresh();
            st.copyFrom(o.st);
            twin = o.st.fresh();
            twin.reset();
        }

        @Override
        public Pair copy() {
            return new Pair(this);
        }

        @Override
        protected boolean commit(double x, double y, double[] out) {
            if (!finite(x) || !finite(y)) {
                st.reset();
                Arrays.fill(out, Double.NaN);
                return false;
            }
            out[0] = st.step(x, y);
            return true;
        }

        @Override
        protected void trial(double x, double y, double[] out) {
            if (!finite(x) || !finite(y)) {
                Arrays.fill(out, Double.NaN);
                return;
            }
            twin.copyFrom(st);
            out[0] = twin.step(x, y);
        }
    }
}
