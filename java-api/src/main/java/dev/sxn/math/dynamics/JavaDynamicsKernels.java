package dev.sxn.math.dynamics;

/**
 * The reference kernels: plain Java, one particle at a time over the whole chunk of steps, its state
 * copied into small scratch arrays (so a large ensemble is read and written once per chunk, not once
 * per step). Also runs user-written potentials. Stateless apart from per-call scratch; thread-safe.
 */
final class JavaDynamicsKernels implements DynamicsKernels {
    @Override
    public void advance(double[] q, double[] p, int n, int d, int code, double a, double b, double c, Scheme s, int steps) {
        Potential v = code == HENON_HEILES ? HenonHeilesPotential.INSTANCE : new RadialPotential("kernel", a, b, c, 0);
        advanceUser(q, p, n, d, v, s, steps);
    }

    @Override
    public boolean runsUserPotentials() {
        return true;
    }

    /** The same sequence with any potential, through {@link Potential#gradient}. */
    @Override
    public void advanceUser(double[] q, double[] p, int n, int d, Potential v, Scheme s, int steps) {
        double[] qi = new double[d], pi = new double[d], g = new double[d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                qi[k] = q[k * n + i];
                pi[k] = p[k * n + i];
            }
            run(qi, pi, g, v, s, steps);
            for (int k = 0; k < d; k++) {
                q[k * n + i] = qi[k];
                p[k * n + i] = pi[k];
            }
        }
    }

    /** {@link Scheme}'s sequence for one particle over {@code steps} steps, in place. */
    static void run(double[] q, double[] p, double[] g, Potential v, Scheme s, long steps) {
        int d = q.length, m = s.stages();
        double[] kick = s.kick(), drift = s.drift();
        v.gradient(q, g);
        if (s.friction()) for (int k = 0; k < d; k++) p[k] *= s.cHalf();
        for (int k = 0; k < d; k++) p[k] -= kick[0] * g[k];
        for (long st = 0; st < steps; st++) {
            for (int j = 0; j < m; j++) {
                double dj = drift[j];
                for (int k = 0; k < d; k++) q[k] += dj * p[k];
                v.gradient(q, g);
                if (j < m - 1) {
                    double kj = kick[j + 1];
                    for (int k = 0; k < d; k++) p[k] -= kj * g[k];
                }
            }
            if (st < steps - 1) {
                if (s.friction()) {
                    for (int k = 0; k < d; k++) p[k] = (p[k] - kick[m] * g[k]) * s.cFull() - kick[0] * g[k];
                } else {
                    double kj = s.kickJoin();
                    for (int k = 0; k < d; k++) p[k] -= kj * g[k];
                }
            } else {
                for (int k = 0; k < d; k++) p[k] -= kick[m] * g[k];
                if (s.friction()) for (int k = 0; k < d; k++) p[k] *= s.cHalf();
            }
        }
    }
}
