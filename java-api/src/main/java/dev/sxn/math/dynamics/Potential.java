package dev.sxn.math.dynamics;

/**
 * A potential energy V(q) over positions q in R^d, for a unit-mass Hamiltonian
 * H(q, p) = |p|^2 / 2 + V(q).
 *
 * <p>Users may implement this interface for their own potentials. A user-written potential runs on
 * the plain-Java ({@code JAVA}) kernel only: the Vector API, native and OpenCL kernels evaluate the
 * built-in potentials of {@link Potentials} from their parameters, in lanes or on a device, and
 * cannot call back into arbitrary Java code per particle. Pinning another backend with a user
 * potential is an {@link IllegalArgumentException}; unpinned calls run it on JAVA.
 *
 * <p>Implementations must be pure functions of {@code q} (no hidden state), so that integrators may
 * call them any number of times and from several threads at once.
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
}
