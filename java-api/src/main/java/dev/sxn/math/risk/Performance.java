package dev.sxn.math.risk;

import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.Scratch;
import java.util.Arrays;

/**
 * Performance ratios of one series of simple returns {@code r_1..r_T} sampled {@code ppy} times a year
 * ({@code periodsPerYear}: always an argument, never an assumed 252). Every annual rate argument (risk-free
 * rate, minimum acceptable return, Omega threshold) is converted to a per-period rate by
 * {@link #perPeriodRate}: {@code (1 + rate)^(1/ppy) - 1}.
 *
 * <ul>
 *   <li>Sharpe {@code = mean(r - rf_p) / std(r - rf_p) * sqrt(ppy)}, std with ddof 1 (annualised).
 *   <li>Sortino {@code = mean(r - mar_p) / DD * sqrt(ppy)}, {@code DD = sqrt((1/T) sum min(r_i - mar_p, 0)^2)}:
 *       downside deviation over ALL {@code T} observations, not only the losing ones.
 *   <li>CAGR {@code = (V_T / V_0)^(ppy / T) - 1}, {@code V_T / V_0 = prod(1 + r_i)}, {@code T} = the number of
 *       returns (so {@code T / ppy} years); NaN when the product is {@code <= 0}.
 *   <li>Calmar {@code = CAGR / MDD}, MDD the maximum drawdown of {@link Drawdowns} (equity seeded at 1).
 *   <li>Sterling (the form pinned here; sources differ): {@code CAGR / mean(MDD_y)}, {@code MDD_y} the maximum
 *       drawdown within each consecutive block of {@code ppy} returns (a "year"; the last block may be
 *       shorter), each block's equity seeded at 1; no 10% offset. Needs a whole {@code ppy}.
 *   <li>Omega at threshold {@code L = l_p}: {@code sum max(r_i - L, 0) / sum max(L - r_i, 0)}.
 *   <li>Win rate: {@code #(r > 0) / #(r != 0)} (flat periods are neither wins nor losses).
 *   <li>Profit factor: {@code sum(r_i > 0) / |sum(r_i < 0)|}; +Infinity with gains and no losses.
 *   <li>Tail ratio: {@code |Q(0.95)| / |Q(0.05)|}, Q the type-7 quantile (NumPy {@code 'linear'}).
 * </ul>
 * A ratio whose denominator is 0 (a constant series, no drawdown, no downside, no loss, no non-zero return)
 * is NaN unless stated otherwise. All O(T) (the tail ratio O(T log T), sorting per-thread scratch), no
 * allocation.
 */
public final class Performance {
    private Performance() {}

    /** {@code (1 + annualRate)^(1/ppy) - 1}, the per-period rate compounding to {@code annualRate} in a year. */
    public static double perPeriodRate(double annualRate, double periodsPerYear) {
        RiskChecks.annualRate(annualRate, "annualRate");
        RiskChecks.periodsPerYear(periodsPerYear);
        return perPeriod(annualRate, periodsPerYear);
    }

    /** The annualised Sharpe ratio with an annual risk-free rate. Needs {@code T >= 2}. O(T). */
    public static double sharpe(double[] returns, double riskFreePerYear, double periodsPerYear) {
        RiskChecks.returns(returns, "returns", 2, "a sample standard deviation");
        RiskChecks.annualRate(riskFreePerYear, "riskFreePerYear");
        RiskChecks.periodsPerYear(periodsPerYear);
        return sharpeOf(returns, 0, returns.length, perPeriod(riskFreePerYear, periodsPerYear), periodsPerYear);
    }

    /** The annualised Sortino ratio with an annual minimum acceptable return. Needs {@code T >= 1}. O(T). */
    public static double sortino(double[] returns, double marPerYear, double periodsPerYear) {
        RiskChecks.returns(returns, "returns", 1, "a downside deviation");
        RiskChecks.annualRate(marPerYear, "marPerYear");
        RiskChecks.periodsPerYear(periodsPerYear);
        double m = perPeriod(marPerYear, periodsPerYear), sum = 0, down = 0;
        for (double r : returns) {
            double e = r - m;
            sum += e;
            if (e < 0) down += e * e;
        }
        int n = returns.length;
        return ratio(sum / n, Math.sqrt(down / n)) * Math.sqrt(periodsPerYear);
    }

    /** Compound annual growth rate. Needs {@code T >= 1}. O(T). */
    public static double cagr(double[] returns, double periodsPerYear) {
        RiskChecks.returns(returns, "returns", 1, "a growth rate");
        RiskChecks.periodsPerYear(periodsPerYear);
        return cagrOf(returns, 0, returns.length, periodsPerYear);
    }

    /** Calmar ratio: CAGR over the maximum drawdown. Needs {@code T >= 1}. O(T). */
    public static double calmar(double[] returns, double periodsPerYear) {
        RiskChecks.returns(returns, "returns", 1, "a growth rate");
        RiskChecks.periodsPerYear(periodsPerYear);
        return ratio(cagrOf(returns, 0, returns.length, periodsPerYear), Drawdowns.of(returns, 0, returns.length).maxDrawdown());
    }

    /** Sterling ratio: CAGR over the mean of the yearly-block maximum drawdowns. Needs {@code T >= 1}, whole {@code ppy}. O(T). */
    public static double sterling(double[] returns, double periodsPerYear) {
        RiskChecks.returns(returns, "returns", 1, "a growth rate");
        RiskChecks.periodsPerYear(periodsPerYear);
        if (periodsPerYear != Math.rint(periodsPerYear)) {
            throw Checks.invalid("periodsPerYear", periodsPerYear, "be a whole number (the Sterling ratio's year blocks)");
        }
        int n = returns.length, block = (int) Math.min(periodsPerYear, n);
        double sum = 0;
        int blocks = 0;
        for (int off = 0; off < n; off += block, blocks++) sum += Drawdowns.of(returns, off, Math.min(block, n - off)).maxDrawdown();
        return ratio(cagrOf(returns, 0, n, periodsPerYear), sum / blocks);
    }

    /** Omega ratio at an annual threshold (converted per period). Needs {@code T >= 1}. O(T). */
    public static double omega(double[] returns, double thresholdPerYear, double periodsPerYear) {
        RiskChecks.returns(returns, "returns", 1, "an Omega ratio");
        RiskChecks.annualRate(thresholdPerYear, "thresholdPerYear");
        RiskChecks.periodsPerYear(periodsPerYear);
        double l = perPeriod(thresholdPerYear, periodsPerYear), up = 0, down = 0;
        for (double r : returns) {
            if (r > l) up += r - l;
            else down += l - r;
        }
        return ratio(up, down);
    }

    /** Win rate: positive returns over non-zero returns. Needs {@code T >= 1}. O(T). */
    public static double winRate(double[] returns) {
        RiskChecks.returns(returns, "returns", 1, "a win rate");
        int wins = 0, nonZero = 0;
        for (double r : returns) {
            if (r > 0) wins++;
            if (r != 0) nonZero++;
        }
        return nonZero == 0 ? Double.NaN : (double) wins / nonZero;
    }

    /** Profit factor: the sum of gains over the absolute sum of losses. Needs {@code T >= 1}. O(T). */
    public static double profitFactor(double[] returns) {
        RiskChecks.returns(returns, "returns", 1, "a profit factor");
        double gains = 0, losses = 0;
        for (double r : returns) {
            if (r > 0) gains += r;
            else losses -= r;
        }
        if (losses == 0) return gains > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        return gains / losses;
    }

    /** Tail ratio {@code |Q(0.95)| / |Q(0.05)|} (type-7 quantiles). Needs {@code T >= 1}. O(T log T). */
    public static double tailRatio(double[] returns) {
        RiskChecks.returns(returns, "returns", 1, "a quantile");
        int n = returns.length;
        try (Scratch s = Scratch.open()) {
            double[] x = s.doubles(n);
            System.arraycopy(returns, 0, x, 0, n);
            Arrays.sort(x, 0, n);
            return ratio(Math.abs(SortedSample.quantile(x, n, 0.95)), Math.abs(SortedSample.quantile(x, n, 0.05)));
        }
    }

    static double perPeriod(double annualRate, double ppy) {
        return Math.pow(1 + annualRate, 1 / ppy) - 1;
    }

    /** Sharpe of {@code r[off .. off+n)} with a per-period risk-free rate; the same two passes as {@link Moments}. */
    static double sharpeOf(double[] r, int off, int n, double rfPerPeriod, double ppy) {
        double m = Moments.meanOf(r, off, n);
        return ratio(m - rfPerPeriod, Moments.stdOf(r, off, n)) * Math.sqrt(ppy);
    }

    static double cagrOf(double[] r, int off, int n, double ppy) {
        double v = 1;
        for (int i = off; i < off + n; i++) v *= 1 + r[i];
        return v <= 0 ? Double.NaN : Math.pow(v, ppy / n) - 1;
    }

    private static double ratio(double num, double den) {
        return den == 0 ? Double.NaN : num / den;
    }
}
