package dev.sxn.math.stochastic;

/**
 * The non-uniform samplers of {@link Variates}, on a slot's uniform sequence ({@link SlotUniforms}). Each
 * consumes a documented number of uniforms per attempt, in a fixed order; the elementary functions are
 * {@link StrictMath}'s (the same bits on every JVM). O(1) expected per variate. Stateless.
 */
final class Samplers {
    private Samplers() {}

    /** Below this mean, Poisson variates are drawn by inversion; from it, by PTRS. */
    static final double POISSON_INVERSION_BELOW = 10;
    private static final int POISSON_INVERSION_MAX = 1000;

    /**
     * Gamma(shape, 1) by Marsaglia and Tsang, "A Simple Method for Generating Gamma Variables", ACM TOMS
     * 26(3), 2000. For {@code shape < 1} the first uniform {@code u} gives the boost {@code u^(1/shape)}
     * and the variate is {@code boost * Gamma(shape + 1)}. Each attempt takes two uniforms: the first
     * gives {@code z = AS241(u)}, the second the acceptance test; an attempt with {@code 1 + c z <= 0} is
     * rejected. Acceptance is at least 95% per attempt.
     */
    static double gamma(double shape, SlotUniforms u) {
        double boost = 1.0;
        double a = shape;
        if (a < 1) {
            boost = StrictMath.pow(u.next(), 1.0 / a);
            a += 1;
        }
        double d = a - 1.0 / 3.0;
        double c = 1.0 / StrictMath.sqrt(9.0 * d);
        while (true) {
            double z = NormalQuantile.of(u.next());
            double accept = u.next();
            double v = 1.0 + c * z;
            if (v <= 0) continue;
            v = v * v * v;
            double z2 = z * z;
            if (accept < 1.0 - 0.0331 * z2 * z2 || StrictMath.log(accept) < 0.5 * z2 + d * (1.0 - v + StrictMath.log(v))) {
                return boost * d * v;
            }
        }
    }

    /**
     * Student's t with {@code nu} degrees of freedom: {@code z / sqrt(X / nu)}, {@code z = AS241} of the
     * slot's first uniform, {@code X = 2 Gamma(nu / 2)} (chi-square with nu degrees) from the uniforms after it.
     */
    static double studentT(double nu, SlotUniforms u) {
        double z = NormalQuantile.of(u.next());
        double chi2 = 2.0 * gamma(0.5 * nu, u);
        return z / StrictMath.sqrt(chi2 / nu);
    }

    /**
     * Poisson(mean). Below {@link #POISSON_INVERSION_BELOW}: inversion of the slot's first uniform by
     * sequential search of the CDF (at most {@value #POISSON_INVERSION_MAX} terms, where the CDF's
     * rounding stops it). From it: Hörmann's PTRS ("The transformed rejection method for generating Poisson
     * random variables", Insurance: Mathematics and Economics 12, 1993), two uniforms per attempt.
     */
    static int poisson(double mean, SlotUniforms u) {
        if (mean == 0) return 0;
        if (mean < POISSON_INVERSION_BELOW) {
            double x = u.next();
            double p = StrictMath.exp(-mean), cdf = p;
            int k = 0;
            while (x > cdf && k < POISSON_INVERSION_MAX) {
                k++;
                p *= mean / k;
                double next = cdf + p;
                if (next == cdf) break; // the remaining terms no longer move the rounded CDF
                cdf = next;
            }
            return k;
        }
        double slam = StrictMath.sqrt(mean), loglam = StrictMath.log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double uu = u.next() - 0.5;
            double v = u.next();
            double us = 0.5 - Math.abs(uu);
            long k = (long) Math.floor((2 * a / us + b) * uu + mean + 0.43);
            if (us >= 0.07 && v <= vr) return (int) k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (StrictMath.log(v) + StrictMath.log(invAlpha) - StrictMath.log(a / (us * us) + b)
                    <= -mean + k * loglam - logGamma(k + 1.0)) {
                return (int) k;
            }
        }
    }

    private static final double[] STIRLING = {8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
        -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03,
        -2.955065359477124e-02, 1.796443723688307e-01, -1.39243221690590e+00};

    /**
     * log Gamma(x) for x >= 1: Stirling's series in 1/x^2 (ten terms) at x + n >= 7, brought down by the
     * recurrence log Gamma(x) = log Gamma(x + 1) - log x. Absolute error below 1e-14 on x >= 1.
     */
    static double logGamma(double x) {
        if (x == 1.0 || x == 2.0) return 0.0;
        int n = x < 7 ? (int) (7 - x) : 0;
        double x0 = x + n;
        double x2 = 1.0 / (x0 * x0);
        double series = STIRLING[9];
        for (int k = 8; k >= 0; k--) series = series * x2 + STIRLING[k];
        double lg = series / x0 + 0.5 * StrictMath.log(2 * Math.PI) + (x0 - 0.5) * StrictMath.log(x0) - x0;
        for (int k = 0; k < n; k++) {
            x0 -= 1.0;
            lg -= StrictMath.log(x0);
        }
        return lg;
    }
}
