package dev.sxn.math.risk;

import dev.sxn.math.internal.Checks;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.linalg.Linalg;

/**
 * Kelly position sizing: the fraction of capital that maximises the expected log growth.
 *
 * <ul>
 *   <li>{@link #discrete(double, double, double)}: a bet won with probability {@code p} gains {@code W} per unit
 *       staked and otherwise loses {@code L} per unit: {@code f = p/L - q/W}, {@code q = 1 - p}. With the whole stake
 *       lost ({@code L = 1}) and net odds {@code b = W}, {@code f = (p b - q) / b} ({@link #discrete(double, double)}).
 *       Dividing by the average loss is what the one-argument form hides when losses are partial.
 *   <li>{@link #continuous}: a log-normal asset with drift {@code mu}, volatility {@code sigma} and risk-free rate
 *       {@code r}, all per the same period (annual, say): {@code f = (mu - r) / sigma^2}.
 *   <li>{@link #multiAsset}: {@code f = Sigma^-1 (mu - r)} by a Cholesky factorisation of the covariance
 *       ({@link Linalg#cholesky}); pass {@link LedoitWolf#shrink} of the sample covariance for a well-conditioned
 *       Sigma.
 *   <li>{@link #fractional}: {@code c f} (half Kelly: c = 0.5); {@link #capped}: {@code f} clamped to
 *       {@code [-cap, cap]}.
 *   <li>{@link #correlationAdjustment}: a HEURISTIC from our source material, not a result of Kelly's theory: scale a
 *       position by {@code max(0.5, 1 - |rho| / 2)} when it is correlated {@code rho} with what is already held.
 * </ul>
 * O(1) each; the multi-asset form O(n^3) for the factorisation.
 */
public final class Kelly {
    private Kelly() {}

    /** {@code (p b - q) / b}: whole stake lost, net odds {@code b > 0}. */
    public static double discrete(double p, double b) {
        return discrete(p, b, 1);
    }

    /** {@code p / L - q / W}: gain {@code W > 0} or lose {@code L > 0} per unit staked. */
    public static double discrete(double p, double winPerUnit, double lossPerUnit) {
        Checks.inClosed(p, "p", 0, 1);
        Checks.positive(winPerUnit, "winPerUnit");
        Checks.positive(lossPerUnit, "lossPerUnit");
        return p / lossPerUnit - (1 - p) / winPerUnit;
    }

    /** {@code (mu - r) / sigma^2}, all rates per the same period. */
    public static double continuous(double mu, double riskFree, double sigma) {
        Checks.finite(mu, "mu");
        Checks.finite(riskFree, "riskFree");
        Checks.positive(sigma, "sigma");
        return (mu - riskFree) / (sigma * sigma);
    }

    /** {@code fraction * f}, {@code 0 <= fraction <= 1}. */
    public static double fractional(double f, double fraction) {
        Checks.finite(f, "f");
        Checks.inClosed(fraction, "fraction", 0, 1);
        return fraction * f;
    }

    /** {@code f} clamped to {@code [-cap, cap]}, {@code cap >= 0}. */
    public static double capped(double f, double cap) {
        Checks.finite(f, "f");
        Checks.nonNegative(cap, "cap");
        return Math.max(-cap, Math.min(cap, f));
    }

    /** The heuristic scale {@code max(0.5, 1 - |rho| / 2)}, {@code -1 <= rho <= 1}. */
    public static double correlationAdjustment(double rho) {
        Checks.inClosed(rho, "rho", -1, 1);
        return Math.max(0.5, 1 - Math.abs(rho) / 2);
    }

    /**
     * {@code Sigma^-1 (mu - r)} through the Cholesky factor of {@code covariance} (n x n, symmetric positive
     * definite; the linear-algebra checks name a failing pivot). O(n^3).
     */
    public static double[] multiAsset(double[] mu, double riskFree, DMatrix covariance) {
        Checks.notNull(mu, "mu");
        Checks.allFinite(mu, "mu");
        Checks.finite(riskFree, "riskFree");
        Checks.notNull(covariance, "covariance");
        if (covariance.rows() != mu.length || covariance.cols() != mu.length) {
            throw Checks.invalid("covariance", covariance.shape(), "be " + mu.length + "x" + mu.length + " (mu.length)");
        }
        double[] excess = new double[mu.length];
        for (int i = 0; i < mu.length; i++) excess[i] = mu[i] - riskFree;
        return Linalg.cholesky(covariance).solve(DMatrix.wrap(mu.length, 1, excess)).data();
    }
}
