package dev.sxn.math.stochastic;

/**
 * A coefficient of a scalar SDE {@code dX = a(t, X) dt + b(t, X) dW}: the drift {@code a}, the diffusion
 * {@code b}, or (for {@link Milstein}) {@code db/dx}. Primitive doubles: no boxing per step. Called once per
 * path and step; it must be pure (the schemes call it in any path order) and may be called from the
 * caller's thread only.
 */
@FunctionalInterface
public interface SdeFunction {
    /** The coefficient at time {@code t} and state {@code x}. */
    double value(double t, double x);
}
