package dev.sxn.math.amm;

/**
 * The TFMM gradient estimator (QuantAMM's "gradient at infinity"): an exponentially weighted estimate of the
 * proportional price trend {@code (1/p) dp/dt}, one step per coarse sample.
 *
 * <p>With {@code G = 1/(1 - lambda)} and {@code b = lambda/(1 - lambda)^3}, a step on price p updates
 * {@code ewma += (p - ewma)/G}, then {@code a = lambda a + G (p - ewma)} (the updated ewma; {@code |a| < 1e-10} is set
 * to 0) and returns {@code gradient = a / (b ewma)}. A run starts at {@code ewma = p_0, a = 0} and its first gradient
 * row is 0 (quantammsim's {@code _jax_gradient_scan_function}). All methods work in place on caller arrays: O(n),
 * allocation-free.
 */
public final class GradientEstimator {
    private GradientEstimator() {}

    /** The threshold below which the running {@code a} is snapped to 0, as quantammsim. */
    public static final double A_FLOOR = 1e-10;

    /**
     * One estimator step on {@code price[pOff .. pOff + n)}: updates {@code ewma} and {@code a} in place and writes the
     * gradient to {@code gradient[0 .. n)}. Callers check lengths; lambda in [0, 1).
     */
    public static void step(double lambda, double[] price, int pOff, int n, double[] ewma, double[] a, double[] gradient) {
        double gInf = 1.0 / (1.0 - lambda);
        double om = 1.0 - lambda;
        double satB = lambda / (om * om * om);
        for (int i = 0; i < n; i++) {
            double p = price[pOff + i];
            double e = ewma[i] + (p - ewma[i]) / gInf;
            double ai = lambda * a[i] + gInf * (p - e);
            if (Math.abs(ai) < A_FLOOR) ai = 0.0;
            ewma[i] = e;
            a[i] = ai;
            gradient[i] = ai / (satB * e);
        }
    }

    /**
     * The protocol's single update (QuantAMM-V1's {@code runInitialUpdate}) with the moving average already given:
     * {@code a' = lambda a + G (p - movingAverage)}, {@code gradient = a' / (b denominator)} where the denominator is
     * the moving average, or the price itself when {@code rawPriceDenominator}. Writes a' into {@code aOut} and the
     * gradient into {@code gradient}. O(n).
     */
    public static void protocolStep(double lambda, double[] aPrev, double[] movingAverage, double[] price, boolean rawPriceDenominator,
                                    double[] aOut, double[] gradient) {
        double gInf = 1.0 / (1.0 - lambda);
        double om = 1.0 - lambda;
        double satB = lambda / (om * om * om);
        for (int i = 0; i < price.length; i++) {
            double ai = lambda * aPrev[i] + gInf * (price[i] - movingAverage[i]);
            aOut[i] = ai;
            gradient[i] = ai / (satB * (rawPriceDenominator ? price[i] : movingAverage[i]));
        }
    }
}
