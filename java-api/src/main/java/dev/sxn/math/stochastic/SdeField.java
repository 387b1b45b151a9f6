package dev.sxn.math.stochastic;

/**
 * The drift of a d-dimensional SDE {@code dX_i = a_i(t, X) dt + b_i(t, X_i) dW_i}: component {@code i} at
 * time {@code t} and the full state {@code x} (length d; read it, never write or keep it). Pure; called once
 * per path, step and component.
 */
@FunctionalInterface
public interface SdeField {
    /** {@code a_i(t, x)}. */
    double value(double t, double[] x, int i);
}
