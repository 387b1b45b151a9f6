package dev.sxn.math.stochastic;

/**
 * A diagonal-noise coefficient of a d-dimensional SDE: {@code b_i(t, x_i)} (component i's diffusion, a
 * function of its own component only, so the noise is commutative and Milstein needs no Lévy areas), or its
 * derivative {@code db_i/dx_i} for {@link Milstein}. Pure; called once per path, step and component.
 */
@FunctionalInterface
public interface SdeDiagonal {
    /** The coefficient of component {@code i} at time {@code t} and that component's value {@code xi}. */
    double value(double t, double xi, int i);
}
