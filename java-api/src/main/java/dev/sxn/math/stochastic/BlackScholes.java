package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * The Black-Scholes-Merton prices of European options on an underlying with a continuous dividend yield:
 * {@code call = S e^{-qT} N(d1) - K e^{-rT} N(d2)}, {@code put = K e^{-rT} N(-d2) - S e^{-qT} N(-d1)},
 * {@code d1 = (ln(S/K) + (r - q + sigma^2/2) T) / (sigma sqrt(T))}, {@code d2 = d1 - sigma sqrt(T)}; with
 * {@code sigma sqrt(T) = 0} the discounted intrinsic value of the forward. N is {@link #normalCdf}. Rates
 * and variance per year, T in years (or any one unit). O(1). Reference: F. Black, M. Scholes (1973);
 * R. C. Merton (1973).
 */
public final class BlackScholes {
    private BlackScholes() {}

    /**
     * The price of a European {@code payoff} at {@code strike}.
     *
     * @throws IllegalArgumentException if spot or strike is not positive and finite, a rate is not finite,
     *     volatility or maturity is negative or not finite
     */
    public static double price(Payoff payoff, double spot, double strike, double rate, double dividendYield, double volatility,
                               double maturity) {
        Checks.notNull(payoff, "payoff");
        Checks.positive(spot, "spot");
        Checks.positive(strike, "strike");
        Checks.finite(rate, "rate");
        Checks.finite(dividendYield, "dividendYield");
        Checks.nonNegative(volatility, "volatility");
        Checks.nonNegative(maturity, "maturity");
        double fwd = spot * Math.exp(-dividendYield * maturity), disc = strike * Math.exp(-rate * maturity);
        double sd = volatility * Math.sqrt(maturity);
        if (sd == 0) return payoff.value(fwd, disc);
        double d1 = (Math.log(spot / strike) + (rate - dividendYield + 0.5 * volatility * volatility) * maturity) / sd;
        double d2 = d1 - sd;
        return payoff == Payoff.CALL ? fwd * normalCdf(d1) - disc * normalCdf(d2) : disc * normalCdf(-d2) - fwd * normalCdf(-d1);
    }

    /** The standard normal distribution function {@code N(x) = erfc(-x / sqrt 2) / 2}, relative error near 1e-15. */
    public static double normalCdf(double x) {
        return 0.5 * erfc(-x * 0.7071067811865475244);
    }

    // W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969), as in
    // his SPECFUN routine CALERF: three rational approximations, and exp(-x^2) split as exp(-y^2) exp(-(x-y)(x+y))
    // with y = x rounded down to 1/16 so the square loses no bits.
    private static final double[] A = {3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02, 3.20937758913846947e03,
        1.85777706184603153e-1};
    private static final double[] B = {2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03};
    private static final double[] C = {5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02,
        8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8};
    private static final double[] D = {1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03,
        3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03};
    private static final double[] P = {3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2,
        6.58749161529837803e-4, 1.63153871373020978e-2};
    private static final double[] Q = {2.56852019228982242e00, 1.87295284992346725e00, 5.27905102951428412e-1, 6.05183413124413191e-2,
        2.33520497626869185e-3};
    private static final double INV_SQRT_PI = 5.6418958354775628695e-1;

    /** The complementary error function (Cody's CALERF, erfc branch). */
    static double erfc(double x) {
        double y = Math.abs(x);
        double result;
        if (y <= 0.46875) {
            double ysq = y > 1.11e-16 ? y * y : 0.0;
            double num = A[4] * ysq, den = ysq;
            for (int i = 0; i < 3; i++) {
                num = (num + A[i]) * ysq;
                den = (den + B[i]) * ysq;
            }
            return 1.0 - x * (num + A[3]) / (den + B[3]);
        } else if (y <= 4.0) {
            double num = C[8] * y, den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            result = (num + C[7]) / (den + D[7]);
        } else if (y >= 26.543) {
            result = 0.0;
        } else {
            double ysq = 1.0 / (y * y);
            double num = P[5] * ysq, den = ysq;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * ysq;
                den = (den + Q[i]) * ysq;
            }
            result = (INV_SQRT_PI - ysq * (num + P[4]) / (den + Q[4])) / y;
        }
        if (result != 0.0) {
            double ysq = Math.floor(y * 16.0) / 16.0;
            double del = (y - ysq) * (y + ysq);
            result = Math.exp(-ysq * ysq) * Math.exp(-del) * result;
        }
        return x < 0 ? 2.0 - result : result;
    }
}
