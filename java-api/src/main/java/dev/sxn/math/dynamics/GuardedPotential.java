package dev.sxn.math.dynamics;

/**
 * A user-written potential as the kernels of an automatically chosen kind see it: what the user's code throws
 * (a RuntimeException or a LinkageError) comes out wrapped in {@link Failure}. Failure is an
 * IllegalArgumentException, which the failure policy of {@code KernelSet} passes through as the call's own (the
 * potential is an argument of the call, and every kind would raise it) instead of switching the kind off and
 * retrying on JAVA; {@link Dynamics} unwraps it and rethrows what the user's code threw, unchanged. A kernel's own
 * failure is not wrapped, so it still falls back. Stateless beyond the wrapped potential; thread-safe if it is.
 */
final class GuardedPotential implements Potential {
    private final Potential user;

    GuardedPotential(Potential user) {
        this.user = user;
    }

    /** What the user's potential threw, on its way through a kernel dispatch. */
    static final class Failure extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Failure(Throwable thrown) {
            super(thrown);
        }

        /** Throws what the user's code threw, as it was thrown. */
        RuntimeException rethrow() {
            if (getCause() instanceof RuntimeException r) throw r;
            throw (Error) getCause();
        }
    }

    @Override
    public int dimension() {
        try {
            return user.dimension();
        } catch (RuntimeException | LinkageError e) {
            throw new Failure(e);
        }
    }

    @Override
    public double value(double[] q) {
        try {
            return user.value(q);
        } catch (RuntimeException | LinkageError e) {
            throw new Failure(e);
        }
    }

    @Override
    public void gradient(double[] q, double[] out) {
        try {
            user.gradient(q, out);
        } catch (RuntimeException | LinkageError e) {
            throw new Failure(e);
        }
    }

    @Override
    public void gradients(double[] q, double[] out, int n, int d) {
        try {
            user.gradients(q, out, n, d);
        } catch (RuntimeException | LinkageError e) {
            throw new Failure(e);
        }
    }

    @Override
    public String toString() {
        return user.toString();
    }
}
