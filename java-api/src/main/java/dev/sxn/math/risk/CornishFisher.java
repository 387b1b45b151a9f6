package dev.sxn.math.risk;

/**
 * The Cornish-Fisher quantile transform {@code z -> p(z) = z + (z^2 - 1) s/6 + (z^3 - 3z) k/24 - (2z^3 - 5z) s^2/36}
 * of a standard normal z, its domain of validity and its actual moments (Maillard, "A User's Guide to the Cornish
 * Fisher Expansion", SSRN 1997178, 2012).
 *
 * <p>Domain: {@code p} is a quantile function only where it increases; {@code p'(z) = a0 + a1 z + a2 z^2} with
 * {@code a2 = k/8 - s^2/6}, {@code a1 = s/3}, {@code a0 = 1 - k/8 + 5 s^2/36}, positive for every z iff
 * {@code a2 >= 0} and {@code a1^2 - 4 a2 a0 <= 0}. Actual moments: {@code p} is a cubic, so the moments of
 * {@code p(Z)} are exact sums of the normal's moments {@code E Z^(2m) = (2m - 1)!!}; the corrected parameters solve
 * (skewness, excess kurtosis of {@code p(Z)}) = the targets by Newton's method with a central-difference Jacobian.
 * Stateless; each call O(1).
 */
final class CornishFisher {
    private CornishFisher() {}

    /** Coefficients c0..c3 of p. */
    static void poly(double s, double k, double[] c) {
        c[0] = -s / 6;
        c[1] = 1 - k / 8 + 5 * s * s / 36;
        c[2] = s / 6;
        c[3] = k / 24 - s * s / 18;
    }

    static boolean valid(double s, double k) {
        double a2 = k / 8 - s * s / 6, a1 = s / 3, a0 = 1 - k / 8 + 5 * s * s / 36;
        return a2 >= 0 && a1 * a1 - 4 * a2 * a0 <= 0;
    }

    /** (variance, skewness, excess kurtosis) of p(Z) into {@code out[0..3)}. */
    static void moments(double s, double k, double[] out) {
        double[] c = new double[4];
        poly(s, k, c);
        double[] p1 = c, p2 = times(c, 4, c, 4), p3 = times(p2, 7, c, 4), p4 = times(p2, 7, p2, 7);
        double e1 = normalExpectation(p1, 4), e2 = normalExpectation(p2, 7), e3 = normalExpectation(p3, 10), e4 = normalExpectation(p4, 13);
        double var = e2 - e1 * e1;
        double c3 = e3 - 3 * e1 * e2 + 2 * e1 * e1 * e1;
        double c4 = e4 - 4 * e1 * e3 + 6 * e1 * e1 * e2 - 3 * e1 * e1 * e1 * e1;
        out[0] = var;
        out[1] = c3 / (var * Math.sqrt(var));
        out[2] = c4 / (var * var) - 3;
    }

    private static double[] times(double[] a, int na, double[] b, int nb) {
        double[] r = new double[na + nb - 1];
        for (int i = 0; i < na; i++) for (int j = 0; j < nb; j++) r[i + j] += a[i] * b[j];
        return r;
    }

    private static double normalExpectation(double[] p, int n) {
        double sum = 0, moment = 1;
        for (int m = 0; m < n; m += 2) {
            sum += p[m] * moment;
            moment *= m + 1;
        }
        return sum;
    }

    /**
     * The corrected parameters {@code (s, k)} whose {@code p(Z)} has skewness {@code S} and excess kurtosis
     * {@code K}, started at {@code (S/2, K/2)}; null when Newton's method finds none inside the domain.
     */
    static double[] corrected(double S, double K) {
        double s = S / 2, k = K / 2, h = 1e-6;
        double[] m = new double[3], mp = new double[3], mm = new double[3];
        for (int it = 0; it < 100; it++) {
            moments(s, k, m);
            double f1 = m[1] - S, f2 = m[2] - K;
            if (!Double.isFinite(f1) || !Double.isFinite(f2)) return null;
            if (Math.abs(f1) < 1e-13 && Math.abs(f2) < 1e-12 * Math.max(1, Math.abs(K))) {
                return valid(s, k) ? new double[] {s, k} : null;
            }
            moments(s + h, k, mp);
            moments(s - h, k, mm);
            double j11 = (mp[1] - mm[1]) / (2 * h), j21 = (mp[2] - mm[2]) / (2 * h);
            moments(s, k + h, mp);
            moments(s, k - h, mm);
            double j12 = (mp[1] - mm[1]) / (2 * h), j22 = (mp[2] - mm[2]) / (2 * h);
            double det = j11 * j22 - j12 * j21;
            if (det == 0 || !Double.isFinite(det)) return null;
            double ds = (f1 * j22 - f2 * j12) / det, dk = (j11 * f2 - j21 * f1) / det;
            // Damped: a full step may leave the region where the moments are monotone in (s, k).
            double damp = 1;
            while (Math.abs(ds * damp) > 1 || Math.abs(dk * damp) > 4) damp /= 2;
            s -= damp * ds;
            k -= damp * dk;
        }
        return null;
    }
}
