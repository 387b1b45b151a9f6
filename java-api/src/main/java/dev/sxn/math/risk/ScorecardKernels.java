package dev.sxn.math.risk;

/**
 * The kernels of family {@code risk.scorecard} (size = assets x returns): one pass over a time-major batch of
 * simple returns ({@code x[t k + a]}) leaving per asset the sums from which {@link Scorecard} finishes its metrics.
 * Rows of {@code out} ({@code out[row k + a]}): {@link #S1} {@code sum (r - K)} and {@link #S2}
 * {@code sum (r - K)^2} with {@code K = x[a]} (the asset's first return: a shift that keeps the variance exact for a
 * constant series and free of cancellation for returns near their mean); {@link #EXCESS} {@code sum (r - mar)};
 * {@link #DOWN} {@code sum min(r - mar, 0)^2}; {@link #GROWTH} {@code prod (1 + r)}; {@link #PEAK} the equity's
 * high-water mark (equity seeded at 1); {@link #MDD} the maximum drawdown {@code max (1 - equity / peak)}.
 *
 * <p>Per step and asset, in this order: {@code d = r - K; s1 += d; s2 += d d; e = r - mar; excess += e;
 * if (e < 0) down += e e; growth *= 1 + r; if (growth > peak) peak = growth; dd = 1 - growth / peak;
 * if (dd > mdd) mdd = dd}. Every kind repeats these IEEE operations lane by lane in this order (no contraction),
 * so every kind gives the JAVA kernel's bits (tested). Every element of the {@value #ROWS} x k rows is written and
 * nothing else, so a failed call is re-run by JAVA exactly. Arguments are checked by {@link Scorecard}.
 */
interface ScorecardKernels {
    int S1 = 0, S2 = 1, EXCESS = 2, DOWN = 3, GROWTH = 4, PEAK = 5, MDD = 6;
    /** Rows of sums per asset. */
    int ROWS = 7;

    /** The sums of the k assets of {@code x} (n >= 1 returns each) into {@code out}. */
    void sums(double[] x, int k, int n, double mar, double[] out);
}
