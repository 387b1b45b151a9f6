package dev.sxn.math.risk;

/**
 * Moments of a returns series, each estimator named by its bias convention.
 *
 * <p>With {@code n} values, mean {@code m} and central moments {@code m_k = (1/n) sum (r_i - m)^k}:
 * <ul>
 *   <li>{@link #std}: the sample standard deviation, {@code sqrt(sum (r_i - m)^2 / (n - 1))} (ddof 1);
 *   <li>{@link #skewnessPopulation} g1 {@code = m_3 / m_2^(3/2)}; {@link #skewnessSample} G1
 *       {@code = g1 sqrt(n (n - 1)) / (n - 2)} (SciPy {@code skew(bias=False)}, Excel SKEW);
 *   <li>{@link #excessKurtosisPopulation} g2 {@code = m_4 / m_2^2 - 3}; {@link #excessKurtosisSample} G2
 *       {@code = ((n + 1) g2 + 6) (n - 1) / ((n - 2) (n - 3))} (SciPy {@code kurtosis(bias=False)}, Excel KURT).
 * </ul>
 * A constant series has {@code m_2 = 0}: skewness and kurtosis are NaN. Two passes (mean, then central sums)
 * for accuracy; O(n), no allocation.
 */
public final class Moments {
    private Moments() {}

    /** The arithmetic mean. Needs {@code n >= 1}. O(n). */
    public static double mean(double[] r) {
        RiskChecks.returns(r, "returns", 1, "a mean");
        return meanOf(r, 0, r.length);
    }

    /** The sample standard deviation (ddof 1). Needs {@code n >= 2}. O(n). */
    public static double std(double[] r) {
        RiskChecks.returns(r, "returns", 2, "a sample standard deviation");
        return stdOf(r, 0, r.length);
    }

    /** Population skewness g1. Needs {@code n >= 2}. O(n). */
    public static double skewnessPopulation(double[] r) {
        RiskChecks.returns(r, "returns", 2, "a skewness");
        return g1(r);
    }

    /** Sample-adjusted skewness G1. Needs {@code n >= 3}. O(n). */
    public static double skewnessSample(double[] r) {
        RiskChecks.returns(r, "returns", 3, "the sample skewness");
        double n = r.length;
        return g1(r) * Math.sqrt(n * (n - 1)) / (n - 2);
    }

    /** Population excess kurtosis g2. Needs {@code n >= 2}. O(n). */
    public static double excessKurtosisPopulation(double[] r) {
        RiskChecks.returns(r, "returns", 2, "a kurtosis");
        return g2(r);
    }

    /** Sample-adjusted excess kurtosis G2. Needs {@code n >= 4}. O(n). */
    public static double excessKurtosisSample(double[] r) {
        RiskChecks.returns(r, "returns", 4, "the sample kurtosis");
        double n = r.length;
        return ((n + 1) * g2(r) + 6) * (n - 1) / ((n - 2) * (n - 3));
    }

    static double meanOf(double[] r, int off, int n) {
        double s = 0;
        for (int i = off; i < off + n; i++) s += r[i];
        return s / n;
    }

    static double stdOf(double[] r, int off, int n) {
        double m = meanOf(r, off, n), s = 0;
        for (int i = off; i < off + n; i++) {
            double d = r[i] - m;
            s += d * d;
        }
        return Math.sqrt(s / (n - 1));
    }

    /** Population g1 of an already checked series. */
    static double g1(double[] r) {
        double m = meanOf(r, 0, r.length), m2 = 0, m3 = 0;
        for (double x : r) {
            double d = x - m;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= r.length;
        m3 /= r.length;
        return m2 == 0 ? Double.NaN : m3 / (m2 * Math.sqrt(m2));
    }

    /** Population g2 of an already checked series. */
    static double g2(double[] r) {
        double m = meanOf(r, 0, r.length), m2 = 0, m4 = 0;
        for (double x : r) {
            double d2 = (x - m) * (x - m);
            m2 += d2;
            m4 += d2 * d2;
        }
        m2 /= r.length;
        m4 /= r.length;
        return m2 == 0 ? Double.NaN : m4 / (m2 * m2) - 3;
    }
}
