package dev.sxn.math.risk;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;

/**
 * The batched scorecard: mean, sd, Sharpe, Sortino, CAGR, maximum drawdown and Calmar of every asset of a
 * {@link SeriesBatch} of simple returns, in one pass over the batch on the {@code risk.scorecard} kernels
 * ({@link ScorecardKernels}: JAVA time outer and assets inner; VECTOR assets in lanes; NATIVE the JAVA loop in C;
 * OPENCL an asset per work-item; every kind gives JAVA's bits). The definitions are {@link Performance}'s (periods per
 * year an argument, annual rates converted per period by {@link Performance#perPeriodRate}) and {@link Drawdowns}'
 * (equity seeded at 1); the variance comes from sums shifted by each asset's first return, so it may differ from
 * {@link Moments#std}'s two passes in the last bits (tested to 1e-10 relative). O(k n) time, one read of the batch;
 * the result's 7 k values and per-thread scratch of 7 k.
 */
public final class Scorecard {
    /** The family's dispatch. */
    static final KernelSet<ScorecardKernels> KERNELS = KernelSet.of(KernelFamilies.RISK_SCORECARD, ScorecardKernels.class,
            new JavaScorecardKernels());
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[1][0]);

    private Scorecard() {}

    /**
     * The scorecard of every asset of {@code returns} (k assets, n >= 2 finite simple returns each), with an annual
     * risk-free rate for Sharpe and an annual minimum acceptable return for Sortino, on the kind of {@code backend}
     * (null: chosen per call).
     *
     * @throws NullPointerException if {@code returns} is null
     * @throws IllegalArgumentException if n < 2, a return is not finite, a rate is not finite or at most -1, or
     *     {@code periodsPerYear} is not positive and finite
     * @throws IllegalStateException if {@code backend} is pinned and unavailable here (the message says why)
     */
    public static ScorecardBatch of(SeriesBatch returns, double riskFreePerYear, double marPerYear, double periodsPerYear,
            Backend backend) {
        Checks.notNull(returns, "returns");
        Checks.atLeast(returns.length(), "returns.length() (samples per asset)", 2, "a sample standard deviation");
        RiskChecks.annualRate(riskFreePerYear, "riskFreePerYear");
        RiskChecks.annualRate(marPerYear, "marPerYear");
        RiskChecks.periodsPerYear(periodsPerYear);
        int k = returns.assets(), n = returns.length();
        double[] x = returns.data();
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) throw Checks.invalid("returns.get(" + j % k + ", " + j / k + ")", x[j], "be finite");
        }
        double rf = Performance.perPeriod(riskFreePerYear, periodsPerYear), mar = Performance.perPeriod(marPerYear, periodsPerYear);
        double[][] holder = SCRATCH.get();
        if (holder[0].length < ScorecardKernels.ROWS * k) holder[0] = new double[ScorecardKernels.ROWS * k];
        double[] s = holder[0];
        KERNELS.run(backend, (long) k * n, kern -> kern.sums(x, k, n, mar, s));
        double[] mean = new double[k], sd = new double[k], sharpe = new double[k], sortino = new double[k], cagr = new double[k];
        double[] mdd = new double[k], calmar = new double[k];
        double ann = Math.sqrt(periodsPerYear);
        for (int a = 0; a < k; a++) {
            double s1 = s[ScorecardKernels.S1 * k + a], s2 = s[ScorecardKernels.S2 * k + a];
            mean[a] = x[a] + s1 / n;
            double ss = Math.max(0, s2 - s1 * s1 / n);
            sd[a] = Math.sqrt(ss / (n - 1));
            sharpe[a] = ratio(mean[a] - rf, sd[a]) * ann;
            sortino[a] = ratio(s[ScorecardKernels.EXCESS * k + a] / n, Math.sqrt(s[ScorecardKernels.DOWN * k + a] / n)) * ann;
            double v = s[ScorecardKernels.GROWTH * k + a];
            cagr[a] = v <= 0 ? Double.NaN : Math.pow(v, periodsPerYear / n) - 1;
            mdd[a] = s[ScorecardKernels.MDD * k + a];
            calmar[a] = ratio(cagr[a], mdd[a]);
        }
        return new ScorecardBatch(mean, sd, sharpe, sortino, cagr, mdd, calmar);
    }

    private static double ratio(double num, double den) {
        return den == 0 ? Double.NaN : num / den;
    }
}
