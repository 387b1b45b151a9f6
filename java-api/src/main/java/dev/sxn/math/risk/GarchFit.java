package dev.sxn.math.risk;

import dev.sxn.math.internal.Checks;

/**
 * A fitted constant-mean GARCH(1,1) or GJR-GARCH(1,1), in the units of the returns it was fitted to.
 *
 * <p>{@code parameters} are {@code mu, omega, alpha, [gamma], beta, [shape]} in {@link GarchSpec#parameterNames()}
 * order; {@code standardErrors} the square roots of the diagonal of the inverse of the negative Hessian of the
 * log-likelihood at the estimate (the Hessian by central differences of the exact gradient on the scaled series,
 * then transformed back as fGarch does; NaN when that Hessian is not negative definite or the fit did not
 * reach a point). {@code logLikelihood} is the full log-likelihood of the returns (fGarch's {@code -fit@fit$llh});
 * {@code aic} and {@code bic} use fGarch's normalisation per observation: {@code AIC = (-2 logL + 2 k) / n},
 * {@code BIC = (-2 logL + k log n) / n}, k the number of parameters. {@code sigma} is the conditional standard
 * deviation {@code sqrt(h_t)} for every return (fGarch's {@code sigma.t}); {@code lastResidual} is
 * {@code r_n - mu}. The arrays are the fit's own: a caller that changes them changes this fit.
 *
 * @param spec what was fitted
 * @param parameters the estimates, in the returns' units
 * @param standardErrors their standard errors
 * @param logLikelihood the log-likelihood at the estimate
 * @param aic Akaike's criterion per observation
 * @param bic Schwarz's criterion per observation
 * @param sigma the conditional standard deviation path
 * @param lastResidual the last residual {@code r_n - mu}
 * @param status how the optimiser ended
 * @param iterations the optimiser's iterations
 */
public record GarchFit(GarchSpec spec, double[] parameters, double[] standardErrors, double logLikelihood, double aic,
        double bic, double[] sigma, double lastResidual, GarchStatus status, int iterations) {

    /** The constant mean. */
    public double mu() {
        return parameters[0];
    }

    /** The variance intercept omega. */
    public double omega() {
        return parameters[1];
    }

    /** The ARCH coefficient alpha (fGarch's {@code alpha1}). */
    public double alpha() {
        return parameters[2];
    }

    /** The leverage coefficient gamma of fGarch's GJR form ({@code gamma1}); 0 for plain GARCH. */
    public double gamma() {
        return spec.hasGamma() ? parameters[3] : 0;
    }

    /** The GARCH coefficient beta (fGarch's {@code beta1}). */
    public double beta() {
        return parameters[spec.hasGamma() ? 4 : 3];
    }

    /** The t degrees of freedom nu (fGarch's {@code shape}); NaN for normal innovations. */
    public double shape() {
        return spec.hasShape() ? parameters[parameters.length - 1] : Double.NaN;
    }

    /** GJR's own ARCH coefficient {@code a = alpha (1 - gamma)^2} (the response to a positive residual). */
    public double gjrAlpha() {
        double g = gamma();
        return alpha() * (1 - g) * (1 - g);
    }

    /** GJR's own leverage coefficient {@code g = 4 alpha gamma} (the extra response to a negative residual). */
    public double gjrGamma() {
        return 4 * alpha() * gamma();
    }

    /**
     * The persistence {@code alpha E[(|e| - gamma e)^2] + beta = alpha (1 + gamma^2) + beta} (the expectation for
     * a symmetric unit-variance innovation); below 1 the variance process is covariance stationary.
     */
    public double persistence() {
        double g = gamma();
        return alpha() * (1 + g * g) + beta();
    }

    /**
     * The conditional variances of the next {@code horizon} returns, fGarch's {@code predict}:
     * {@code h_{n+1} = omega + alpha (|z_n| - gamma z_n)^2 + beta h_n}, then
     * {@code h_{n+k+1} = omega + persistence() h_{n+k}}. O(horizon).
     *
     * @throws IllegalArgumentException if {@code horizon < 1}
     */
    public double[] forecastVariance(int horizon) {
        Checks.atLeast(horizon, "horizon", 1);
        double[] out = new double[horizon];
        double z = lastResidual, e = Math.abs(z) - gamma() * z, hn = sigma[sigma.length - 1];
        double h = omega() + alpha() * e * e + beta() * hn * hn;
        double pers = persistence();
        for (int k = 0; k < horizon; k++) {
            out[k] = h;
            h = omega() + pers * h;
        }
        return out;
    }

    /**
     * Value at risk of the return {@code step} periods ahead at confidence {@code level}, as a positive loss:
     * {@code VaR = -(mu + sqrt(h_{n+step}) q_{1-level})}, q the quantile of the unit-variance innovation
     * (normal, or fGarch's standardized t with the fitted shape). O(step).
     *
     * @throws IllegalArgumentException if {@code level} is not in (0, 1) or {@code step < 1}
     */
    public double valueAtRisk(double level, int step) {
        Checks.inOpen(level, "level", 0, 1);
        Checks.atLeast(step, "step", 1);
        return -(mu() + Math.sqrt(forecastVariance(step)[step - 1]) * GarchDistributions.quantile(1 - level, nu()));
    }

    /**
     * Expected shortfall of the return {@code step} periods ahead at confidence {@code level}, as a positive loss:
     * {@code ES = -(mu + sqrt(h_{n+step}) E[e | e <= q_{1-level}])}, the tail mean of the unit-variance innovation
     * ({@code -phi(q)/p} for the normal; for the t, {@code -(nu + t^2)/(nu - 1) f_nu(t)/p sqrt((nu-2)/nu)}). O(step).
     *
     * @throws IllegalArgumentException if {@code level} is not in (0, 1) or {@code step < 1}
     */
    public double expectedShortfall(double level, int step) {
        Checks.inOpen(level, "level", 0, 1);
        Checks.atLeast(step, "step", 1);
        return -(mu() + Math.sqrt(forecastVariance(step)[step - 1]) * GarchDistributions.tailMean(1 - level, nu()));
    }

    private double nu() {
        return spec.hasShape() ? shape() : Double.POSITIVE_INFINITY;
    }
}
