package dev.sxn.math.dynamics;

import dev.sxn.math.internal.Checks;

/**
 * The largest Lyapunov exponent of a Hamiltonian trajectory by Benettin's two-trajectory method
 * (Benettin, Galgani, Giorgilli and Strelcyn 1980): a reference trajectory and a copy displaced by
 * d0 in phase space are integrated side by side; every {@code renormEvery} steps the full
 * phase-space separation D = sqrt(|dq|^2 + |dp|^2) is measured, ln(D / d0) is accumulated and the
 * copy is pulled back to distance d0 along the separation. lambda = sum ln(D / d0) / t.
 *
 * <p>Unlike the reference market-maker design, the separation includes the momenta (a displacement
 * that has rotated into p is not lost at each renormalisation) and the flow is conservative (no
 * friction: friction contracts phase space and would bias lambda down by about gamma).
 *
 * <p>The initial displacement is along (1, 1, ..., 1) / sqrt(2 d) over (q, p): deterministic, so
 * runs repeat exactly. Runs on the plain-Java kernel; any potential. Thread-safe (no shared state).
 */
public final class Lyapunov {
    private Lyapunov() {}

    /**
     * An estimate of the largest Lyapunov exponent.
     *
     * @param exponent lambda, in 1/time
     * @param time the integration time t = steps dt
     * @param renormalisations how many times the separation was renormalised
     */
    public record Estimate(double exponent, double time, long renormalisations) {}

    /**
     * {@link #maxExponent(Potential, double[], double[], Integrator, double, long, int, double)} with
     * renormalisation every 10 steps and d0 = 1e-8.
     */
    public static Estimate maxExponent(Potential potential, double[] q0, double[] p0, Integrator integrator, double dt, long steps) {
        return maxExponent(potential, q0, p0, integrator, dt, steps, 10, 1e-8);
    }

    /**
     * Estimates the largest Lyapunov exponent of the trajectory from (q0, p0) (not modified).
     *
     * @param steps steps, >= renormEvery
     * @param renormEvery steps between renormalisations, >= 1 (small enough that D stays small)
     * @param d0 the separation, finite, in (0, 1e-3]
     * @throws ArithmeticException if a trajectory turns non-finite, naming the step
     */
    public static Estimate maxExponent(Potential potential, double[] q0, double[] p0, Integrator integrator, double dt, long steps,
            int renormEvery, double d0) {
        Dynamics.checkTrajectory(potential, q0, p0, integrator, dt);
        Checks.atLeast(renormEvery, "renormEvery", 1);
        Checks.atLeast(steps, "steps", renormEvery, "renormEvery");
        if (!(d0 > 0 && d0 <= 1e-3)) throw Checks.invalid("d0", d0, "be in (0, 1e-3]");
        int d = q0.length;
        double[] qa = q0.clone(), pa = p0.clone(), qb = q0.clone(), pb = p0.clone();
        double e = d0 / Math.sqrt(2.0 * d);
        for (int k = 0; k < d; k++) {
            qb[k] += e;
            pb[k] += e;
        }
        Scheme s = Scheme.of(integrator, dt, 0);
        double sum = 0;
        long renorms = 0, done = 0;
        while (done + renormEvery <= steps) {
            Dynamics.advanceTrajectory(potential, qa, pa, s, renormEvery, done);
            Dynamics.advanceTrajectory(potential, qb, pb, s, renormEvery, done);
            done += renormEvery;
            double d2 = 0;
            for (int k = 0; k < d; k++) {
                double dq = qb[k] - qa[k], dp = pb[k] - pa[k];
                d2 += dq * dq + dp * dp;
            }
            double dist = Math.sqrt(d2);
            if (dist == 0) {
                // The copy fell onto the reference (rounding); displace it afresh, nothing to accumulate.
                for (int k = 0; k < d; k++) {
                    qb[k] = qa[k] + e;
                    pb[k] = pa[k] + e;
                }
                renorms++;
                continue;
            }
            sum += Math.log(dist / d0);
            double f = d0 / dist;
            for (int k = 0; k < d; k++) {
                qb[k] = qa[k] + (qb[k] - qa[k]) * f;
                pb[k] = pa[k] + (pb[k] - pa[k]) * f;
            }
            renorms++;
        }
        double t = done * dt;
        return new Estimate(sum / t, t, renorms);
    }
}
