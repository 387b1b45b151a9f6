package dev.sxn.math.dynamics;

/**
 * Explicit symplectic splitting schemes for H = |p|^2 / 2 + V(q), each a palindrome (or, for
 * symplectic Euler, a pair) of kicks p -= b h grad V(q) and drifts q += a h p:
 * one step is K(b0) D(a0) K(b1) ... D(a_{m-1}) K(b_m).
 *
 * <p>Consecutive steps reuse the gradient at the shared point (first same as last), so a step costs
 * {@link #gradientsPerStep()} gradient evaluations. Friction, when asked for, is applied as the exact
 * flow of dp/dt = -gamma p (p scaled by exp(-gamma h / 2)) before and after each step (a Strang
 * splitting): with gamma = 0 it is skipped and the scheme is exactly symplectic.
 */
public enum Integrator {
    /** K(1) D(1): first order, symplectic, not time-reversible. 1 gradient per step. */
    SYMPLECTIC_EULER(new double[] {1.0, 0.0}, new double[] {1.0}, 1),
    /** Velocity Verlet / leapfrog K(1/2) D(1) K(1/2): second order, symplectic, time-reversible. */
    LEAPFROG(new double[] {0.5, 0.5}, new double[] {1.0}, 2),
    /**
     * Yoshida's fourth-order composition of three leapfrog steps of h w1, h w0, h w1 with
     * w1 = 1 / (2 - 2^(1/3)), w0 = -2^(1/3) / (2 - 2^(1/3)) (Yoshida 1990). 3 gradients per step.
     */
    YOSHIDA4(yoshidaKicks(), yoshidaDrifts(), 4);

    private final double[] kicks;
    private final double[] drifts;
    private final int order;

    Integrator(double[] kicks, double[] drifts, int order) {
        this.kicks = kicks;
        this.drifts = drifts;
        this.order = order;
    }

    private static double w1() {
        return 1.0 / (2.0 - Math.cbrt(2.0));
    }

    private static double w0() {
        return -Math.cbrt(2.0) / (2.0 - Math.cbrt(2.0));
    }

    private static double[] yoshidaKicks() {
        double w1 = w1(), w0 = w0();
        return new double[] {w1 / 2, (w1 + w0) / 2, (w0 + w1) / 2, w1 / 2};
    }

    private static double[] yoshidaDrifts() {
        double w1 = w1(), w0 = w0();
        return new double[] {w1, w0, w1};
    }

    /** The order of the global error in h. */
    public int order() {
        return order;
    }

    /** Gradient evaluations per step (after the first step). */
    public int gradientsPerStep() {
        return drifts.length;
    }

    /** The kick coefficients b0..b_m (a copy). */
    public double[] kickCoefficients() {
        return kicks.clone();
    }

    /** The drift coefficients a0..a_{m-1} (a copy). */
    public double[] driftCoefficients() {
        return drifts.clone();
    }

    double[] kicksRaw() {
        return kicks;
    }

    double[] driftsRaw() {
        return drifts;
    }
}
