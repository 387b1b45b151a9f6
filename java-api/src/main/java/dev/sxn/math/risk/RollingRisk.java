package dev.sxn.math.risk;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import dev.sxn.math.internal.Scratch;

/**
 * Rolling forms of the hot metrics over windows of {@code w} returns, for one series or for a {@link SeriesBatch}
 * of k assets (time-major, each asset on its own). Outputs have the input's length; the value at index {@code i}
 * belongs to the window {@code r[i - w + 1 .. i]}; indices {@code i < w - 1} (the warm-up) are NaN. The
 * definitions are those of {@link ValueAtRisk#historical} and {@link Performance#sharpe} applied to each window,
 * and the annualised volatility {@code std(window) sqrt(ppy)} (ddof 1).
 *
 * <ul>
 *   <li>{@link #historical}: VaR and ES per window through an order-statistic window ({@code RankWindow}: Fenwick
 *       trees of counts and sums over the ranks of the series' distinct values, {@code O(log n)} per step;
 *       {@code O(n log n)} to rank the series first). Total {@code O(n log n)}, not {@code O(n w log w)}.
 *   <li>{@link #sharpe}, {@link #volatility}: the window's mean and sum of squared deviations updated as a value
 *       enters and one leaves (Welford's update and its inverse), recomputed exactly from the window every
 *       {@code w} steps so rounding cannot build up. {@code O(n)}.
 * </ul>
 * Inputs must be finite (checked). Scratch per thread; a warm call allocates nothing proportional to the input.
 * The single-series forms run JAVA; the batch forms run family {@code risk.rolling} ({@link RollingKernels}: JAVA
 * asset by asset; VECTOR vol and Sharpe with assets in lanes, VaR/ES delegated to JAVA; NATIVE and OPENCL the same
 * algorithms per asset), every kind giving JAVA's bits; the forms without a backend choose the kind per call.
 */
public final class RollingRisk {
    /** The family's dispatch. */
    static final KernelSet<RollingKernels> KERNELS = KernelSet.of(KernelFamilies.RISK_ROLLING, RollingKernels.class,
            new JavaRollingKernels());

    private RollingRisk() {}

    /** Rolling historical VaR and ES (positive losses) into {@code var} and {@code es}. {@code 1 <= w <= n}. */
    public static void historical(double[] returns, int w, double alpha, double[] var, double[] es) {
        checkSeries(returns, w, 1, var, "var");
        Checks.length(es, "es", returns.length, "returns.length");
        Checks.distinct(var, "var", es, "es");
        RiskChecks.tailProbability(alpha);
        historicalCore(returns, 0, 1, returns.length, w, alpha, var, es);
    }

    /** Rolling historical VaR and ES of each asset of {@code returns} into batches of its shape. */
    public static void historical(SeriesBatch returns, int w, double alpha, SeriesBatch var, SeriesBatch es) {
        historical(returns, w, alpha, var, es, null);
    }

    /**
     * Rolling historical VaR and ES of each asset on the kind of {@code backend} (null: chosen per call).
     *
     * @throws IllegalStateException if {@code backend} is pinned and unavailable here (the message says why)
     */
    public static void historical(SeriesBatch returns, int w, double alpha, SeriesBatch var, SeriesBatch es, Backend backend) {
        checkBatch(returns, w, 1, var, "var");
        checkShape(returns, es, "es");
        Checks.distinct(var.data(), "var", es.data(), "es");
        Checks.distinct(returns.data(), "returns", es.data(), "es");
        RiskChecks.tailProbability(alpha);
        int k = returns.assets(), n = returns.length();
        double[] x = returns.data(), v = var.data(), e = es.data();
        KERNELS.run(backend, (long) k * n, kern -> kern.historical(x, k, n, w, alpha, v, e));
    }

    /** Rolling annualised Sharpe ratio (annual risk-free rate converted per period). {@code 2 <= w <= n}. */
    public static void sharpe(double[] returns, int w, double riskFreePerYear, double periodsPerYear, double[] out) {
        checkSeries(returns, w, 2, out, "out");
        RiskChecks.annualRate(riskFreePerYear, "riskFreePerYear");
        RiskChecks.periodsPerYear(periodsPerYear);
        momentsCore(returns, 0, 1, returns.length, w, Performance.perPeriod(riskFreePerYear, periodsPerYear), periodsPerYear, true, out);
    }

    /** Rolling annualised Sharpe ratio of each asset. */
    public static void sharpe(SeriesBatch returns, int w, double riskFreePerYear, double periodsPerYear, SeriesBatch out) {
        sharpe(returns, w, riskFreePerYear, periodsPerYear, out, null);
    }

    /**
     * Rolling annualised Sharpe ratio of each asset on the kind of {@code backend} (null: chosen per call).
     *
     * @throws IllegalStateException if {@code backend} is pinned and unavailable here (the message says why)
     */
    public static void sharpe(SeriesBatch returns, int w, double riskFreePerYear, double periodsPerYear, SeriesBatch out,
            Backend backend) {
        checkBatch(returns, w, 2, out, "out");
        RiskChecks.annualRate(riskFreePerYear, "riskFreePerYear");
        RiskChecks.periodsPerYear(periodsPerYear);
        moments(returns, w, Performance.perPeriod(riskFreePerYear, periodsPerYear), periodsPerYear, true, out, backend);
    }

    /** Rolling annualised volatility {@code std sqrt(ppy)} (ddof 1). {@code 2 <= w <= n}. */
    public static void volatility(double[] returns, int w, double periodsPerYear, double[] out) {
        checkSeries(returns, w, 2, out, "out");
        RiskChecks.periodsPerYear(periodsPerYear);
        momentsCore(returns, 0, 1, returns.length, w, 0, periodsPerYear, false, out);
    }

    /** Rolling annualised volatility of each asset. */
    public static void volatility(SeriesBatch returns, int w, double periodsPerYear, SeriesBatch out) {
        volatility(returns, w, periodsPerYear, out, null);
    }

    /**
     * Rolling annualised volatility of each asset on the kind of {@code backend} (null: chosen per call).
     *
     * @throws IllegalStateException if {@code backend} is pinned and unavailable here (the message says why)
     */
    public static void volatility(SeriesBatch returns, int w, double periodsPerYear, SeriesBatch out, Backend backend) {
        checkBatch(returns, w, 2, out, "out");
        RiskChecks.periodsPerYear(periodsPerYear);
        moments(returns, w, 0, periodsPerYear, false, out, backend);
    }

    private static void moments(SeriesBatch returns, int w, double rf, double ppy, boolean sharpe, SeriesBatch out, Backend backend) {
        int k = returns.assets(), n = returns.length();
        double[] x = returns.data(), o = out.data();
        KERNELS.run(backend, (long) k * n, kern -> kern.moments(x, k, n, w, rf, ppy, sharpe, o));
    }

    private static void checkSeries(double[] r, int w, int minW, double[] out, String outName) {
        Checks.notNull(r, "returns");
        Checks.inRange(w, "w", minW, Math.max(minW, r.length), "the series length");
        Checks.minLength(r, "returns", w, "");
        Checks.allFinite(r, "returns");
        Checks.length(out, outName, r.length, "returns.length");
        Checks.distinct(r, "returns", out, outName);
    }

    private static void checkBatch(SeriesBatch r, int w, int minW, SeriesBatch out, String outName) {
        Checks.notNull(r, "returns");
        Checks.inRange(w, "w", minW, Math.max(minW, r.length()), "the series length");
        Checks.atLeast(r.length(), "returns.length()", w, "one window");
        Checks.allFinite(r.data(), "returns.data()");
        checkShape(r, out, outName);
        Checks.distinct(r.data(), "returns", out.data(), outName);
    }

    private static void checkShape(SeriesBatch r, SeriesBatch out, String outName) {
        Checks.notNull(out, outName);
        if (!r.sameShape(out)) {
            throw new IllegalArgumentException("returns is " + r.assets() + "x" + r.length() + " and " + outName + " is "
                    + out.assets() + "x" + out.length() + " (assets x length): shapes differ");
        }
    }

    /** Series at {@code x[off + i * stride]}, {@code i < n}. */
    static void historicalCore(double[] x, int off, int stride, int n, int w, double alpha, double[] var, double[] es) {
        try (Scratch s = Scratch.open()) {
            double[] sorted = s.doubles(n);
            // + 0.0 turns -0.0 into 0.0: the sort orders them apart but == squeezes them together, so a series with
            // both would otherwise look up a rank that is not there.
            for (int i = 0; i < n; i++) sorted[i] = x[off + i * stride] + 0.0;
            int m = RankWindow.distinct(sorted, n);
            int[] ranks = s.ints(n);
            RankWindow win = new RankWindow(sorted, m, s.ints(m + 1), s.doubles(m + 1));
            for (int i = 0; i < n; i++) ranks[i] = win.rank(x[off + i * stride] + 0.0);
            double h = (w - 1) * alpha;
            int j = (int) Math.floor(h);
            double g = h - j;
            for (int i = 0; i < n; i++) {
                int p = off + i * stride;
                win.add(ranks[i], 1);
                if (i >= w) win.add(ranks[i - w], -1);
                if (i < w - 1) {
                    var[p] = Double.NaN;
                    es[p] = Double.NaN;
                    continue;
                }
                int rj = win.select(j);
                double xj = win.value(rj), q = xj;
                int tailRank = rj;
                if (g > 0 && j + 1 < w) {
                    int rk = win.select(j + 1);
                    double xk = win.value(rk);
                    q = xj + g * (xk - xj);
                    if (q >= xk) tailRank = rk;
                }
                var[p] = -q;
                es[p] = -win.sumUpTo(tailRank) / win.countUpTo(tailRank);
            }
        }
    }

    /** Rolling Sharpe ({@code sharpe}) or volatility of the series at {@code x[off + i * stride]}. */
    static void momentsCore(double[] x, int off, int stride, int n, int w, double rf, double ppy, boolean sharpe, double[] out) {
        double mean = 0, m2 = 0, annual = Math.sqrt(ppy);
        for (int i = 0; i < n; i++) {
            int p = off + i * stride;
            if (i < w - 1) {
                out[p] = Double.NaN;
                continue;
            }
            if ((i - (w - 1)) % w == 0) {
                // Exact two-pass restart every w windows.
                int first = off + (i - w + 1) * stride;
                mean = 0;
                for (int t = 0; t < w; t++) mean += x[first + t * stride];
                mean /= w;
                m2 = 0;
                for (int t = 0; t < w; t++) {
                    double d = x[first + t * stride] - mean;
                    m2 += d * d;
                }
            } else {
                double in = x[p], outgoing = x[p - w * stride];
                // Replace: remove the outgoing value (inverse Welford), then add the incoming one, at fixed count w.
                double d = in - outgoing, meanNew = mean + d / w;
                m2 += (in - meanNew + outgoing - mean) * d;
                mean = meanNew;
                if (m2 < 0) m2 = 0;
            }
            double sd = Math.sqrt(m2 / (w - 1));
            out[p] = sharpe ? (sd == 0 ? Double.NaN : (mean - rf) / sd * annual) : sd * annual;
        }
    }
}
