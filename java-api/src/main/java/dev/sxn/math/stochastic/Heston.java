package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * The Heston (1993) stochastic-volatility model: {@code dS = mu S dt + sqrt(v) S dW_S},
 * {@code dv = kappa (theta - v) dt + xi sqrt(v) dW_v}, {@code d<W_S, W_v> = rho dt}. Under the risk-neutral
 * measure {@code mu} is the rate minus the dividend yield. Simulated by Andersen's QE scheme ({@link HestonQe});
 * European calls in semi-analytic form by {@link HestonPricing}. Units: per year (or per the unit of dt).
 *
 * @param spot {@code S_0}, finite and {@code > 0}
 * @param variance the initial variance {@code v_0}, finite and {@code >= 0}
 * @param kappa the mean-reversion speed, finite and {@code > 0}
 * @param theta the long-run variance, finite and {@code > 0}
 * @param volOfVol {@code xi}, the volatility of the variance, finite and {@code > 0}
 * @param rho the correlation of the two Brownian motions, in [-1, 1]
 * @param drift {@code mu}, finite
 */
public record Heston(double spot, double variance, double kappa, double theta, double volOfVol, double rho, double drift) {
    /** Checks the parameters. */
    public Heston {
        Checks.positive(spot, "spot");
        Checks.nonNegative(variance, "variance");
        Checks.positive(kappa, "kappa");
        Checks.positive(theta, "theta");
        Checks.positive(volOfVol, "volOfVol");
        Checks.inClosed(rho, "rho", -1.0, 1.0);
        Checks.finite(drift, "drift");
    }
}
