package dev.sxn.math.dynamics;

import dev.sxn.math.internal.Scratch;

/**
 * A potential energy V(q) over positions q in R^d, for a unit-mass Hamiltonian
 * H(q, p) = |p|^2 / 2 + V(q).
 *
 * <p>Users may implement this interface for their own potentials. Which backends run what:
 * <ul>
 *   <li>The built-in potentials of {@link Potentials} run on every backend (JAVA, VECTOR, NATIVE,
 *       OPENCL): the accelerated kernels evaluate them from their parameters.
 *   <li>A user-written potential runs on {@code JAVA} and {@code VECTOR} only. JAVA calls
 *       {@link #gradient} once per particle and stage. VECTOR runs everything the integrator itself
 *       does (drifts, kicks, exact friction, the sub-steps of every {@link Integrator}, the observer's
 *       reductions) in SIMD lanes over blocks of particles held structure-of-arrays, and gets the
 *       gradient of a whole block from {@link #gradients(double[], double[], int, int)}: by default one
 *       {@link #gradient} call per particle, or the user's own vectorised override (for example with
 *       {@code jdk.incubator.vector}), which is how user code itself runs on the Vector API.
 *   <li>NATIVE and OPENCL cannot call Java code once per particle from C or from a device, so pinning
 *       either with a user potential is an {@link IllegalArgumentException} saying so. Unpinned
 *       integrations of a user potential run on JAVA or VECTOR, never NATIVE or OPENCL.
 * </ul>
 *
 * <p>Implementations must be pure functions of {@code q} (no hidden state), so that integrators may
 * call them any number of times, in any order over particles, and from several threads at once.
 */
public interface Potential {
    /** {@link #dimension()} of a potential defined in any dimension. */
    int ANY_DIMENSION = 0;

    /** The dimension d this potential is defined in, or {@link #ANY_DIMENSION}. */
    default int dimension() {
        return ANY_DIMENSION;
    }

    /** V(q); {@code q.length} is the dimension d. */
    double value(double[] q);

    /** Writes the gradient dV/dq at {@code q} into {@code out} ({@code out.length == q.length}). */
    void gradient(double[] q, double[] out);

    /**
     * Writes the gradients of {@code n} particles at once, in the {@link Ensemble}'s structure-of-arrays
     * layout: coordinate k of particle i is {@code q[k * n + i]}, and its gradient component goes to
     * {@code out[k * n + i]}; {@code q.length == out.length == n * d}. Each dimension is one contiguous
     * run of n doubles, so a SIMD vector holds the same coordinate of consecutive particles.
     *
     * <p>The VECTOR backend calls this on blocks of up to a few thousand / d particles (a block stays in
     * cache over a chunk of {@link Dynamics#CHUNK} steps). The default gathers each particle into two
     * scratch arrays of length d, reused across the block, and calls {@link #gradient}: O(n d) copies
     * plus n calls. Override it to vectorise the gradient itself; an override must compute the same
     * gradient as {@link #gradient} (JAVA calls that one; the backends are meant to agree within
     * rounding), write only {@code out}, and treat each particle independently (a non-finite particle
     * must not spoil others: ensembles flag members individually).
     *
     * @param q positions, length n d, layout {@code [k * n + i]}; must not be modified
     * @param out gradients, same length and layout, overwritten
     * @param n particles in this block, >= 1
     * @param d dimension, >= 1
     */
    default void gradients(double[] q, double[] out, int n, int d) {
        // The two arrays of length d come from the thread's scratch: integrations call this once per block
        // and stage, so fresh ones would add up to allocation proportional to the steps.
        try (Scratch w = Scratch.open()) {
            double[] qi = w.exact(d), gi = w.exact(d);
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) qi[k] = q[k * n + i];
                gradient(qi, gi);
                for (int k = 0; k < d; k++) out[k * n + i] = gi[k];
            }
        }
    }
}
