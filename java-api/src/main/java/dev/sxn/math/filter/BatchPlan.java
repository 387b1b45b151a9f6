package dev.sxn.math.filter;

/**
 * The model of a {@link BatchKalman}, packed once for the kernels: F, Q, the observation rows and the
 * constants of the sequential scalar update.
 *
 * <p>Packed layout ({@link #packed}, 45 doubles, what the native and OpenCL kernels read): F row-major
 * with stride n at [0, 16), Q at [16, 32), h1 (row 0 of H) at [32, 36), h2 (row 1) at [36, 40),
 * r1 = R(0,0) at 40, r2 = R(1,1) at 41, c = R(0,1)/R(0,0) at 42, r12 = R(0,1) at 43, and the
 * acceleration density of a constant-velocity model at 44 (NaN otherwise; the per-filter dt path
 * builds F = [[1, dt], [0, 1]] and Q = cv [[dt^3/3, dt^2/2], [dt^2/2, dt]] from it).
 *
 * <p>Why sequential scalar updates: a 2-observation update equals two scalar ones when the second uses
 * z2's distribution given z1, z2 - c z1 = (h2 - c h1) x + e with Var e = r2 - c r12 (the Cholesky
 * decorrelation of R). When z1 is missing the second row is used as is (h2, r2). So every update is
 * a division by a scalar innovation variance, which vectorises across filters with masks instead of
 * branches.
 */
final class BatchPlan {
    static final int PACKED = 45;
    static final int F = 0;
    static final int Q = 16;
    static final int H1 = 32;
    static final int H2 = 36;
    static final int R1 = 40;
    static final int R2 = 41;
    static final int C = 42;
    static final int R12 = 43;
    static final int CV = 44;

    final int n;
    final int m;
    /** Number of stored components per filter: n means plus the n(n+1)/2 upper-triangle covariances. */
    final int comps;
    final double[] packed;

    BatchPlan(KalmanModel model) {
        this.n = model.n;
        this.m = model.m;
        this.comps = n + n * (n + 1) / 2;
        double[] p = new double[PACKED];
        System.arraycopy(model.f, 0, p, F, n * n);
        System.arraycopy(model.q, 0, p, Q, n * n);
        System.arraycopy(model.h, 0, p, H1, n);
        p[R1] = model.r[0];
        if (m == 2) {
            System.arraycopy(model.h, n, p, H2, n);
            p[R2] = model.r[3];
            p[R12] = model.r[1];
            p[C] = model.r[1] / model.r[0];
        }
        p[CV] = model.cvDensity;
        this.packed = p;
    }

    /** Index of the upper-triangle covariance component (i, j), i <= j or not, in the state layout. */
    int cov(int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        // Row i of the upper triangle starts after rows 0..i-1, which hold n + (n-1) + ... entries.
        return n + i * n - i * (i - 1) / 2 + (j - i);
    }
}
