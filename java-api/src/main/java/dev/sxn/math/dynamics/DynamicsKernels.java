package dev.sxn.math.dynamics;

/**
 * Integration kernels over an {@link Ensemble}'s arrays (layout {@code [k * n + i]}). Arguments are
 * checked by {@link Dynamics}: arrays hold n d doubles, steps >= 1, the potential is built in
 * ({@code code} {@link #RADIAL} with parameters a, b, c, or {@link #HENON_HEILES} with d = 2).
 * Every kernel executes {@link Scheme}'s sequence, particle by particle (or lane by lane) over all
 * {@code steps}, so a particle's state stays in registers for the whole chunk (blocking over time).
 * Implementations are stateless or serialise their own state.
 */
interface DynamicsKernels {
    int RADIAL = 0;
    int HENON_HEILES = 1;

    void advance(double[] q, double[] p, int n, int d, int code, double a, double b, double c, Scheme s, int steps);

    /** Whether {@link #advanceUser} runs here: only kernels that can call Java code per particle. */
    default boolean runsUserPotentials() {
        return false;
    }

    /**
     * {@link Scheme}'s sequence with any (user-written) potential, through its Java methods. Unlike
     * {@link #advance}, it may leave q and p partly advanced if the potential throws (the exception
     * is the user's and propagates; there is no fallback).
     */
    default void advanceUser(double[] q, double[] p, int n, int d, Potential v, Scheme s, int steps) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot call Java potentials per particle");
    }

    /** The observer's statistics of {@code e} under {@code v}; the scalar reference unless overridden. */
    default EnsembleStats stats(Ensemble e, Potential v, long step, double time) {
        return EnsembleStats.of(e, v, step, time);
    }
}
