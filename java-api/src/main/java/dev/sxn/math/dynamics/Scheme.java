package dev.sxn.math.dynamics;

/**
 * One integrator at one step size, in the form every kernel executes (so all backends run the same
 * sequence of operations). For a chunk of S steps of one particle:
 * <pre>
 *   g = grad(q); if friction: p = p * cHalf
 *   p = p - kick[0] g
 *   for s in 0..S-1:
 *     for j in 0..m-1:
 *       q = q + drift[j] p;  g = grad(q)
 *       if j &lt; m-1: p = p - kick[j+1] g
 *     if s &lt; S-1:                          (the last kick of a step meets the first of the next)
 *       if friction: p = (p - kick[m] g) * cFull - kick[0] g
 *       else:        p = p - kickJoin g           (kickJoin = kick[m] + kick[0])
 *     else:
 *       p = p - kick[m] g; if friction: p = p * cHalf
 * </pre>
 * kick and drift are the integrator's coefficients times h; cHalf = exp(-gamma h / 2) and
 * cFull = exp(-gamma h), the exact friction flow. Joining the kicks saves d multiply-adds per step
 * and is exact in exact arithmetic; it changes results only in rounding.
 */
record Scheme(double[] kick, double[] drift, double kickJoin, boolean friction, double cHalf, double cFull) {
    static Scheme of(Integrator integrator, double h, double gamma) {
        double[] b = integrator.kicksRaw(), a = integrator.driftsRaw();
        double[] kick = new double[b.length];
        double[] drift = new double[a.length];
        for (int j = 0; j < b.length; j++) kick[j] = b[j] * h;
        for (int j = 0; j < a.length; j++) drift[j] = a[j] * h;
        int m = drift.length;
        return new Scheme(kick, drift, kick[m] + kick[0], gamma != 0, Math.exp(-gamma * h / 2), Math.exp(-gamma * h));
    }

    int stages() {
        return drift.length;
    }
}
