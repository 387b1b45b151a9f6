package dev.sxn.math.risk;

import dev.sxn.math.stochastic.BlackScholes;

/**
 * The special functions a GARCH fit needs: log-gamma and digamma (the Student-t likelihood and its shape
 * derivative), and quantiles and tail means of the unit-variance innovation distributions (VaR and ES from a
 * forecast). Stateless, O(1) per call (quantiles: a safeguarded Newton iteration on the distribution function).
 */
final class GarchDistributions {
    private GarchDistributions() {}

    private static final double HALF_LOG_2PI = 0.9189385332046727418;

    /**
     * log Gamma(x) for x > 0: the recurrence Gamma(x) = Gamma(x + 1) / x up to x >= 10, then Stirling's series
     * to the 1/x^13 term (absolute error below 1e-15 there).
     */
    static double logGamma(double x) {
        double shift = 0;
        while (x < 10) {
            shift += Math.log(x);
            x += 1;
        }
        double r = 1.0 / (x * x);
        double series = (1.0 / 12 - r * (1.0 / 360 - r * (1.0 / 1260 - r * (1.0 / 1680 - r * (1.0 / 1188 - r * (691.0 / 360360
                - r / 156)))))) / x;
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series - shift;
    }

    /** The digamma function psi(x) = d log Gamma(x) / dx for x > 0: recurrence to x >= 10, then the asymptotic series. */
    static double digamma(double x) {
        double shift = 0;
        while (x < 10) {
            shift += 1.0 / x;
            x += 1;
        }
        double r = 1.0 / (x * x);
        double series = r * (1.0 / 12 - r * (1.0 / 120 - r * (1.0 / 252 - r * (1.0 / 240 - r * (1.0 / 132 - r * 691.0 / 32760)))));
        return Math.log(x) - 0.5 / x - series - shift;
    }

    /** The regularized incomplete beta I_x(a, b) by Lentz's continued fraction (Numerical Recipes' betacf). */
    static double incompleteBeta(double x, double a, double b) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) return front * betaFraction(x, a, b) / a;
        return 1 - front * betaFraction(1 - x, b, a) / b;
    }

    private static double betaFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        if (Math.abs(d) < tiny) d = tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 500; m++) {
            int m2 = 2 * m;
            double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + num * d;
            c = 1 + num / c;
            if (Math.abs(d) < tiny) d = tiny;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + num * d;
            c = 1 + num / c;
            if (Math.abs(d) < tiny) d = tiny;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-16) break;
        }
        return h;
    }

    /** The distribution function of the standard (not unit-variance) Student t with nu degrees of freedom. */
    static double studentCdf(double t, double nu) {
        double tail = 0.5 * incompleteBeta(nu / (nu + t * t), 0.5 * nu, 0.5);
        return t < 0 ? tail : 1 - tail;
    }

    /** The density of the standard Student t with nu degrees of freedom. */
    static double studentDensity(double t, double nu) {
        return Math.exp(logGamma(0.5 * (nu + 1)) - logGamma(0.5 * nu) - 0.5 * Math.log(nu * Math.PI)
                - 0.5 * (nu + 1) * Math.log1p(t * t / nu));
    }

    /**
     * The p-quantile of the unit-variance innovation: {@code Phi^-1(p)} for the normal ({@code nu} infinite),
     * {@code t_nu^-1(p) sqrt((nu - 2) / nu)} for the standardized t (fGarch's {@code qstd}). Lower tail by
     * symmetry for p > 1/2, so small p keep their relative accuracy.
     */
    static double quantile(double p, double nu) {
        if (p > 0.5) return -quantile(1 - p, nu);
        if (p == 0.5) return 0;
        boolean normal = Double.isInfinite(nu);
        // Bracket [lo, hi] with F(lo) < p <= F(hi) = 1/2, then Newton steps kept inside the bracket.
        double hi = 0, lo = -1;
        while (cdf(lo, nu, normal) >= p) {
            hi = lo;
            lo *= 2;
        }
        double t = 0.5 * (lo + hi);
        for (int it = 0; it < 200; it++) {
            double f = cdf(t, nu, normal) - p;
            if (f < 0) lo = t;
            else hi = t;
            double step = f / density(t, nu, normal);
            double next = t - step;
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
            if (Math.abs(next - t) <= 1e-15 * Math.abs(t) || hi - lo <= 1e-15 * Math.abs(t)) {
                t = next;
                break;
            }
            t = next;
        }
        return normal ? t : t * Math.sqrt((nu - 2) / nu);
    }

    /**
     * The lower tail mean {@code E[e | e <= q_p]} of the unit-variance innovation: {@code -phi(q) / p} for the
     * normal; for the t, {@code -(nu + t^2) / (nu - 1) f_nu(t) / p} at {@code t = t_nu^-1(p)}, times
     * {@code sqrt((nu - 2) / nu)}.
     */
    static double tailMean(double p, double nu) {
        if (Double.isInfinite(nu)) {
            double q = quantile(p, nu);
            return -Math.exp(-0.5 * q * q - HALF_LOG_2PI) / p;
        }
        double t = quantile(p, nu) / Math.sqrt((nu - 2) / nu);
        return -(nu + t * t) / (nu - 1) * studentDensity(t, nu) / p * Math.sqrt((nu - 2) / nu);
    }

    private static double cdf(double t, double nu, boolean normal) {
        return normal ? BlackScholes.normalCdf(t) : studentCdf(t, nu);
    }

    private static double density(double t, double nu, boolean normal) {
        return normal ? Math.exp(-0.5 * t * t - HALF_LOG_2PI) : studentDensity(t, nu);
    }
}
