package dev.sxn.math.regime;

/** {@code ln Gamma(x)} for x > 0: Lanczos' approximation (g = 7, 9 terms), relative error near 1e-15. */
final class LogGamma {
    private static final double[] C = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private LogGamma() {}

    static double of(double x) {
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - of(1 - x);
        double z = x - 1;
        double s = C[0];
        for (int i = 1; i < 9; i++) s += C[i] / (z + i);
        double t = z + 7.5;
        return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
