package dev.sxn.math.risk;

import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.Scratch;
import java.util.Arrays;

/**
 * Value at risk and expected shortfall of one returns series at a tail probability {@code alpha} (0.05 for the
 * "95%" VaR), reported as positive losses ({@link TailRisk}). {@code mu} is the sample mean and {@code sigma} the
 * sample standard deviation (ddof 1) of the returns; {@code z_a = Phi^-1(alpha)}, {@code phi} the normal density.
 *
 * <ul>
 *   <li>{@link #historical}: {@code VaR = -Q(alpha)}, Q the type-7 quantile (R's default, NumPy {@code 'linear'});
 *       {@code ES = -mean{r_i : r_i <= Q(alpha)}}.
 *   <li>{@link #normal}: {@code VaR = -(mu + sigma z_a)}, {@code ES = -(mu - sigma phi(z_a) / alpha)}.
 *   <li>{@link #studentT}: the STANDARDIZED Student-t with {@code nu > 2} degrees of freedom (unit variance, as
 *       fGarch's "std"), so {@code sigma} stays the returns' standard deviation: with
 *       {@code s = sigma sqrt((nu - 2) / nu)} and {@code t_a} the t quantile, {@code VaR = -(mu + s t_a)},
 *       {@code ES = -(mu - s f_nu(t_a) (nu + t_a^2) / ((nu - 1) alpha))}, {@code f_nu} the t density.
 *       {@code nu} is given, not fitted.
 *   <li>{@link #cornishFisher}: the modified VaR {@code -(mu + sigma p(z_a))} with the Cornish-Fisher transform
 *       {@code p(z) = z + (z^2 - 1) S/6 + (z^3 - 3z) K/24 - (2z^3 - 5z) S^2/36}, S and K the population skewness
 *       g1 and excess kurtosis g2 ({@link Moments}); ES the exact tail mean of the same law,
 *       {@code -(mu + sigma E[p(Z) | Z <= z_a])}, from the truncated normal moments
 *       {@code M0 = alpha, M1 = -phi, M2 = alpha - z_a phi, M3 = -(z_a^2 + 2) phi}. Domain of validity: p must
 *       increase (see {@link CornishFisherMethod}); outside it, Maillard's (2012) corrected expansion (parameters
 *       whose transformed law has the sample's skewness and kurtosis, rescaled to unit variance). Where no
 *       corrected parameters exist inside the domain (excess kurtosis too low for the skewness, e.g. any negative
 *       kurtosis, or beyond the reachable skewness), an IllegalArgumentException says so.
 *   <li>{@link #ewma}: RiskMetrics, zero mean: {@code v_1 = r_1^2} (pinned initialisation: the first squared
 *       return), {@code v_{t+1} = lambda v_t + (1 - lambda) r_t^2} over all T returns, so {@code v_{T+1}} is the
 *       forecast for the next period; {@code VaR = -sqrt(v_{T+1}) z_a}, {@code ES = sqrt(v_{T+1}) phi(z_a) / alpha}.
 *       {@link #RISKMETRICS_LAMBDA} = 0.94 for daily data.
 * </ul>
 * O(T) each (historical O(T log T), sorting per-thread scratch); no allocation beyond the result.
 */
public final class ValueAtRisk {
    private ValueAtRisk() {}

    /** RiskMetrics' decay for daily returns. */
    public static final double RISKMETRICS_LAMBDA = 0.94;

    /** Historical VaR/ES (type-7 quantile, tail mean at or below it). Needs {@code T >= 1}. O(T log T). */
    public static TailRisk historical(double[] returns, double alpha) {
        RiskChecks.returns(returns, "returns", 1, "a quantile");
        RiskChecks.tailProbability(alpha);
        int n = returns.length;
        try (Scratch s = Scratch.open()) {
            double[] x = s.doubles(n);
            System.arraycopy(returns, 0, x, 0, n);
            Arrays.sort(x, 0, n);
            double q = SortedSample.quantile(x, n, alpha);
            return new TailRisk(-q, -SortedSample.meanAtOrBelow(x, n, q));
        }
    }

    /** Gaussian VaR/ES with the sample mean and standard deviation. Needs {@code T >= 2}. O(T). */
    public static TailRisk normal(double[] returns, double alpha) {
        RiskChecks.returns(returns, "returns", 2, "a sample standard deviation");
        RiskChecks.tailProbability(alpha);
        double mu = Moments.meanOf(returns, 0, returns.length), sd = Moments.stdOf(returns, 0, returns.length);
        double z = Distributions.normalQuantile(alpha);
        return new TailRisk(-(mu + sd * z), -(mu - sd * Distributions.normalPdf(z) / alpha));
    }

    /** Standardized Student-t VaR/ES with {@code nu > 2} degrees of freedom. Needs {@code T >= 2}. O(T). */
    public static TailRisk studentT(double[] returns, double alpha, double nu) {
        RiskChecks.returns(returns, "returns", 2, "a sample standard deviation");
        RiskChecks.tailProbability(alpha);
        Checks.finite(nu, "nu");
        if (!(nu > 2)) throw Checks.invalid("nu", nu, "be > 2 (the standardized t needs a finite variance)");
        double mu = Moments.meanOf(returns, 0, returns.length), sd = Moments.stdOf(returns, 0, returns.length);
        double s = sd * Math.sqrt((nu - 2) / nu);
        double t = Distributions.tQuantile(alpha, nu);
        double tailMean = -Distributions.tPdf(t, nu) * (nu + t * t) / ((nu - 1) * alpha);
        return new TailRisk(-(mu + s * t), -(mu + s * tailMean));
    }

    /** Cornish-Fisher (modified) VaR/ES, corrected outside the expansion's domain. Needs {@code T >= 2}. O(T). */
    public static CornishFisherRisk cornishFisher(double[] returns, double alpha) {
        RiskChecks.returns(returns, "returns", 2, "a sample standard deviation");
        RiskChecks.tailProbability(alpha);
        double mu = Moments.meanOf(returns, 0, returns.length), sd = Moments.stdOf(returns, 0, returns.length);
        double S = Moments.g1(returns), K = Moments.g2(returns);
        if (!Double.isFinite(S) || !Double.isFinite(K)) throw Checks.invalid("returns", "constant", "vary (skewness and kurtosis need a variance)");
        double s = S, k = K, scale = 1;
        CornishFisherMethod method = CornishFisherMethod.STANDARD;
        if (!CornishFisher.valid(S, K)) {
            double[] sk = CornishFisher.corrected(S, K);
            if (sk == null) {
                throw Checks.invalid("returns' (skewness, excess kurtosis)", "(" + S + ", " + K + ")",
                        "be reachable by a valid Cornish-Fisher expansion, also after Maillard's correction (use historical or Student-t VaR)");
            }
            s = sk[0];
            k = sk[1];
            double[] m = new double[3];
            CornishFisher.moments(s, k, m);
            scale = 1 / Math.sqrt(m[0]);
            method = CornishFisherMethod.CORRECTED;
        }
        double[] c = new double[4];
        CornishFisher.poly(s, k, c);
        double z = Distributions.normalQuantile(alpha), phi = Distributions.normalPdf(z);
        double pz = c[0] + z * (c[1] + z * (c[2] + z * c[3]));
        double tail = c[0] * alpha - c[1] * phi + c[2] * (alpha - z * phi) - c[3] * (z * z + 2) * phi;
        TailRisk risk = new TailRisk(-(mu + sd * scale * pz), -(mu + sd * scale * tail / alpha));
        return new CornishFisherRisk(risk, method, s, k, scale);
    }

    /** RiskMetrics EWMA VaR/ES for the next period (zero mean). Needs {@code T >= 1}, {@code 0 < lambda < 1}. O(T). */
    public static TailRisk ewma(double[] returns, double alpha, double lambda) {
        RiskChecks.returns(returns, "returns", 1, "a variance forecast");
        RiskChecks.tailProbability(alpha);
        Checks.inOpen(lambda, "lambda", 0, 1);
        double v = returns[0] * returns[0];
        for (double r : returns) v = lambda * v + (1 - lambda) * r * r;
        double sd = Math.sqrt(v), z = Distributions.normalQuantile(alpha);
        return new TailRisk(-sd * z, sd * Distributions.normalPdf(z) / alpha);
    }
}
