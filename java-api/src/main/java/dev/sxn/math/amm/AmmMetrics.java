package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

/**
 * The formulas of {@link AmmMetric} on a minute value path {@code v[0 .. T)} (quantammsim's
 * {@code _calculate_return_value}). Conventions: standard deviations are population ones; percentiles interpolate
 * linearly (type 7, as {@code dev.sxn.math.risk}); a chunked metric splits v into complete chunks of D minutes
 * (1440 a day, 10080 a week, 43200 a 30-day month) and drops the trailing partial chunk; years have 365 days.
 *
 * <p>Where these differ from {@code dev.sxn.math.risk} (same words, other definitions): Sharpe ratios here use the
 * population standard deviation and no risk-free rate (risk: ddof 1, a risk-free rate); VaR here is the signed
 * return percentile (negative for a loss; risk: a positive loss); drawdowns here are negative fractions and the ulcer
 * index a negated fraction (risk: positive fractions, ulcer in percent); "greatest_draw_down" is measured from the
 * first value, not from a running peak.
 *
 * <p>With {@code af = 365 / (T / 1440)} and {@code annRet = (V_end/V_0)^af - 1}:
 * RAROC = {@code -annRet / (var sqrt(af 1440 / D))} (var: mean over chunks of the chunk's minute-return
 * percentile); ROVAR = {@code -mean_c((1 + r_c)^(525600/D) - 1) / (var sqrt(af 1440 / D))} with r_c a chunk's
 * last/first - 1 (the "trad" forms take var as the percentile of chunk-end to chunk-end returns); sterling =
 * {@code annRet / -mean_c(maxDrawdown_c)}; calmar = {@code annRet / -maxDrawdown}. O(T) (percentiles: O(T log D)).
 */
public final class AmmMetrics {
    private AmmMetrics() {}

    static final int DAY = 1440, WEEK = 7 * DAY, MONTH = 30 * DAY;
    static final double MINUTES_PER_YEAR = 365.0 * DAY;

    /**
     * The metric of value path {@code v[0 .. len)} of an n-asset pool with initial reserves r0, first and last prices
     * of the bout and total fee revenue.
     *
     * @throws IllegalArgumentException if the path is too short for the metric
     */
    public static double of(AmmMetric m, double[] v, int len, double[] r0, double[] pFirst, double[] pLast, double feeRevenue) {
        Checks.notNull(m, "metric");
        Checks.notNull(v, "v");
        Checks.inRange(len, "len", 1, v.length, "the path's length");
        checkLength(m, len);
        int n = r0.length;
        return compute(m, v, len, n, r0, pFirst, pLast, feeRevenue, PoolScratch.get());
    }

    /** The shortest path a metric accepts (two samples for returns, one complete chunk, two for the "trad" ones). */
    static int minLength(AmmMetric m) {
        return switch (m) {
            case DAILY_SHARPE, DAILY_LOG_SHARPE -> DAY + 1;
            case WEEKLY_MAX_DRAWDOWN, WEEKLY_VAR_95, WEEKLY_VAR_99, WEEKLY_RAROC, WEEKLY_ROVAR -> WEEK;
            case DAILY_VAR_95, DAILY_VAR_99, DAILY_RAROC, DAILY_ROVAR -> DAY;
            case DAILY_VAR_95_TRAD, DAILY_VAR_99_TRAD, DAILY_ROVAR_TRAD -> 2 * DAY;
            case WEEKLY_VAR_95_TRAD, WEEKLY_VAR_99_TRAD, WEEKLY_ROVAR_TRAD -> 2 * WEEK;
            case MONTHLY_ROVAR, ULCER, STERLING -> MONTH;
            case MONTHLY_ROVAR_TRAD -> 2 * MONTH;
            default -> 2;
        };
    }

    static void checkLength(AmmMetric m, int rows) {
        int min = minLength(m);
        if (rows < min) throw Checks.invalid("rows (boutLength - 1)", rows, "be >= " + min + " for " + m.key());
    }

    static double compute(AmmMetric m, double[] v, int len, int n, double[] r0, double[] pFirst, double[] pLast, double feeRevenue,
                          PoolScratch s) {
        double v0 = v[0], vEnd = v[len - 1];
        return switch (m) {
            case SHARPE -> sharpe(v, len, 1, Math.sqrt(MINUTES_PER_YEAR), false);
            case DAILY_SHARPE -> sharpe(v, len, DAY, Math.sqrt(365.0), false);
            case DAILY_LOG_SHARPE -> sharpe(v, len, DAY, Math.sqrt(365.0), true);
            case RETURNS -> vEnd / v0 - 1.0;
            case ANNUALISED_RETURNS -> Math.pow(vEnd / v0, MINUTES_PER_YEAR / (len - 1)) - 1.0;
            case RETURNS_OVER_HODL -> vEnd / hodl(r0, pLast, n) - 1.0;
            case ANNUALISED_RETURNS_OVER_HODL -> Math.pow(vEnd / hodl(r0, pLast, n), MINUTES_PER_YEAR / (len - 1)) - 1.0;
            case RETURNS_OVER_UNIFORM_HODL -> vEnd / uniformHodl(r0, pFirst, pLast, n) - 1.0;
            case ANNUALISED_RETURNS_OVER_UNIFORM_HODL -> Math.pow(vEnd / uniformHodl(r0, pFirst, pLast, n), MINUTES_PER_YEAR / (len - 1)) - 1.0;
            case GREATEST_DRAW_DOWN -> {
                double min = Double.POSITIVE_INFINITY;
                for (int t = 0; t < len; t++) min = Math.min(min, v[t] - v0);
                yield min / v0;
            }
            case WEEKLY_MAX_DRAWDOWN -> worstChunkDrawdown(v, len, WEEK);
            case DAILY_VAR_95 -> chunkVar(v, len, 5.0, DAY, s);
            case DAILY_VAR_99 -> chunkVar(v, len, 1.0, DAY, s);
            case WEEKLY_VAR_95 -> chunkVar(v, len, 5.0, WEEK, s);
            case WEEKLY_VAR_99 -> chunkVar(v, len, 1.0, WEEK, s);
            case DAILY_VAR_95_TRAD -> tradVar(v, len, 5.0, DAY, s);
            case DAILY_VAR_99_TRAD -> tradVar(v, len, 1.0, DAY, s);
            case WEEKLY_VAR_95_TRAD -> tradVar(v, len, 5.0, WEEK, s);
            case WEEKLY_VAR_99_TRAD -> tradVar(v, len, 1.0, WEEK, s);
            case DAILY_RAROC -> raroc(v, len, DAY, s);
            case WEEKLY_RAROC -> raroc(v, len, WEEK, s);
            case DAILY_ROVAR -> rovar(v, len, DAY, false, s);
            case WEEKLY_ROVAR -> rovar(v, len, WEEK, false, s);
            case MONTHLY_ROVAR -> rovar(v, len, MONTH, false, s);
            case DAILY_ROVAR_TRAD -> rovar(v, len, DAY, true, s);
            case WEEKLY_ROVAR_TRAD -> rovar(v, len, WEEK, true, s);
            case MONTHLY_ROVAR_TRAD -> rovar(v, len, MONTH, true, s);
            case ULCER -> ulcer(v, len, MONTH);
            case STERLING -> sterling(v, len, MONTH);
            case CALMAR -> {
                double dd = drawdown(v, 0, len);
                yield dd >= 0 ? Double.POSITIVE_INFINITY : annualisedReturn(v, len) / -dd;
            }
            case FEE_REVENUE_OVER_VALUE -> feeRevenue / v0;
            case FINAL_VALUE -> vEnd;
        };
    }

    private static double hodl(double[] r0, double[] pLast, int n) {
        double h = 0;
        for (int i = 0; i < n; i++) h += r0[i] * pLast[i];
        return h;
    }

    private static double uniformHodl(double[] r0, double[] pFirst, double[] pLast, int n) {
        double v0 = 0;
        for (int i = 0; i < n; i++) v0 += r0[i] * pFirst[i];
        double h = 0;
        for (int i = 0; i < n; i++) h += v0 / (n * pFirst[i]) * pLast[i];
        return h;
    }

    /** Sharpe of returns of v sampled every {@code stride} minutes (log returns of v + 1e-12 with std + 1e-8 when log). */
    static double sharpe(double[] v, int len, int stride, double scale, boolean log) {
        double mean = retMean(v, len, stride, log);
        double std = retStd(v, len, stride, log, mean);
        return log ? scale * (mean / (std + 1e-8)) : scale * (mean / std);
    }

    /** The mean of the {@code (len - 1) / stride} returns of v sampled every stride minutes. */
    static double retMean(double[] v, int len, int stride, boolean log) {
        int k = (len - 1) / stride;
        double sum = 0;
        for (int j = 0; j < k; j++) sum += ret(v, j * stride, (j + 1) * stride, log);
        return sum / k;
    }

    /** Their population standard deviation about {@code mean}. */
    static double retStd(double[] v, int len, int stride, boolean log, double mean) {
        int k = (len - 1) / stride;
        double ss = 0;
        for (int j = 0; j < k; j++) {
            double d = ret(v, j * stride, (j + 1) * stride, log) - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / k);
    }

    static double ret(double[] v, int a, int b, boolean log) {
        return log ? Math.log(v[b] + 1e-12) - Math.log(v[a] + 1e-12) : (v[b] - v[a]) / v[a];
    }

    /** The most negative (v - running max)/running max over v[from .. to). */
    static double drawdown(double[] v, int from, int to) {
        double peak = v[from], worst = 0;
        for (int t = from; t < to; t++) {
            peak = Math.max(peak, v[t]);
            worst = Math.min(worst, (v[t] - peak) / peak);
        }
        return worst;
    }

    private static double worstChunkDrawdown(double[] v, int len, int d) {
        int chunks = len / d;
        double worst = Double.POSITIVE_INFINITY;
        for (int c = 0; c < chunks; c++) worst = Math.min(worst, drawdown(v, c * d, (c + 1) * d));
        return worst;
    }

    /**
     * Type-7 percentile q (in percent) of x[0 .. k), reordering x in place: the two order statistics it needs by
     * selection ({@link OrderStatistics}; Arrays.sort allocates on the JDK, once per chunk of every set of a sweep).
     */
    static double percentile(double[] x, int k, double q) {
        double h = (k - 1) * (q / 100.0);
        int j = (int) Math.floor(h);
        if (j >= k - 1) return OrderStatistics.select(x, k, k - 1);
        double lo = OrderStatistics.select(x, k, j), hi = OrderStatistics.min(x, j + 1, k);
        double g = h - j;
        return lo + g * (hi - lo);
    }

    private static double chunkVar(double[] v, int len, double q, int d, PoolScratch s) {
        int chunks = len / d;
        double[] x = s.work(d);
        double sum = 0;
        for (int c = 0; c < chunks; c++) {
            int o = c * d;
            for (int t = 0; t < d - 1; t++) x[t] = (v[o + t + 1] - v[o + t]) / v[o + t];
            sum += percentile(x, d - 1, q);
        }
        return sum / chunks;
    }

    private static double tradVar(double[] v, int len, double q, int d, PoolScratch s) {
        int chunks = len / d;
        double[] x = s.work(chunks);
        for (int c = 0; c < chunks - 1; c++) {
            double a = v[c * d + d - 1], b = v[(c + 1) * d + d - 1];
            x[c] = (b - a) / a;
        }
        return percentile(x, chunks - 1, q);
    }

    private static double annualisedReturn(double[] v, int len) {
        double af = 365.0 / (len / (double) DAY);
        return Math.pow(1 + (v[len - 1] / v[0] - 1.0), af) - 1;
    }

    private static double raroc(double[] v, int len, int d, PoolScratch s) {
        double var = chunkVar(v, len, 5.0, d, s);
        double af = 365.0 / (len / (double) DAY);
        return -annualisedReturn(v, len) / (var * Math.sqrt(af * DAY / d));
    }

    private static double rovar(double[] v, int len, int d, boolean trad, PoolScratch s) {
        int chunks = len / d;
        double meanAnn = 0;
        for (int c = 0; c < chunks; c++) {
            double r = v[c * d + d - 1] / v[c * d] - 1.0;
            meanAnn += Math.pow(1 + r, MINUTES_PER_YEAR / d) - 1;
        }
        meanAnn /= chunks;
        double var = trad ? tradVar(v, len, 5.0, d, s) : chunkVar(v, len, 5.0, d, s);
        double af = 365.0 / (len / (double) DAY);
        return -meanAnn / (var * Math.sqrt(af * DAY / d));
    }

    private static double ulcer(double[] v, int len, int d) {
        int chunks = len / d;
        double sum = 0;
        for (int c = 0; c < chunks; c++) {
            double peak = v[c * d], ss = 0;
            for (int t = c * d; t < (c + 1) * d; t++) {
                peak = Math.max(peak, v[t]);
                double dd = (v[t] - peak) / peak;
                ss += dd * dd;
            }
            sum += Math.sqrt(ss / d);
        }
        return -(sum / chunks);
    }

    private static double sterling(double[] v, int len, int d) {
        int chunks = len / d;
        double sum = 0;
        for (int c = 0; c < chunks; c++) sum += drawdown(v, c * d, (c + 1) * d);
        double denom = -(sum / chunks);
        return denom <= 0 ? Double.POSITIVE_INFINITY : annualisedReturn(v, len) / denom;
    }
}
