package dev.sxn.math.stochastic;

/**
 * The plain-Java QE step loop of {@link HestonQe}, tile by tile like the GBM kernel ({@link PathScratch}: the
 * tile's open uniforms of stream steps {@code [2 t0, 2 t0 + 2 m)} filled by {@link PathTile}). Time step t of
 * path p takes the variance uniform {@code U} from slot (lane(p), 2t) and the price normal from slot
 * (lane(p), 2t + 1), the AS241 quantile of that slot's uniform; an odd path of an antithetic pair takes
 * {@code 1 - U} and {@code -Z}. Every logarithm is {@link FdLog}, every exponential {@link PathExp}, so a NATIVE,
 * OPENCL or VECTOR kernel can repeat the same operations. Stateless apart from the per-thread scratch.
 */
final class HestonQeKernel {
    private HestonQeKernel() {}

    /** Andersen's switching threshold psi_c. */
    static final double PSI_C = 1.5;

    /** The per-step constants (index names of the {@code c} array built by {@link HestonQe}). */
    static final int THETA = 0, E = 1, C1 = 2, C2 = 3, K0 = 4, K1 = 5, K2 = 6, K3 = 7, K4 = 8, A = 9, MU_DT = 10, CORRECT = 11, SIZE = 12;

    static void run(double[] c, double x0, double v0, RandomStream s, long firstPath, int paths, int steps, boolean antithetic,
                    int what, double[] out, int off, int ld) {
        PathScratch sc = PathScratch.get();
        final int w = PathScratch.LANES;
        double[] z = sc.z, x = sc.x, v = sc.v, mx = sc.max, mn = sc.min, sum = sc.sum;
        boolean avg = (what & PathReduction.AVERAGE.bit()) != 0;
        for (int i0 = 0; i0 < paths; i0 += w) {
            int n = Math.min(w, paths - i0);
            JavaPathKernels.startTile(x0, n, sc);
            for (int i = 0; i < n; i++) v[i] = v0;
            for (int t0 = 0; t0 < steps; t0 += PathScratch.STEPS) {
                int m = Math.min(PathScratch.STEPS, steps - t0);
                PathTile.fill(PathTile.JAVA, s, RngConstants.MODE_OPEN, antithetic, firstPath + i0, n, 2L * t0, 2 * m, sc);
                for (int r = 0; r < m; r++) {
                    int ur = 2 * r * w, zr = ur + w;
                    for (int i = 0; i < n; i++) {
                        double xi = step(c, x[i], v, i, z[ur + i], NormalQuantile.of(z[zr + i]));
                        x[i] = xi;
                        if (what == PathKernels.WHAT_PATHS) {
                            out[off + (t0 + r) * ld + i0 + i] = PathExp.exp(xi);
                        } else {
                            mx[i] = Math.max(mx[i], xi);
                            mn[i] = Math.min(mn[i], xi);
                            if (avg) sum[i] += PathExp.exp(xi);
                        }
                    }
                }
            }
            if (what != PathKernels.WHAT_PATHS) JavaPathKernels.writeReductions(what, steps, i0, n, sc, out, off, ld);
        }
    }

    /**
     * One QE step of path i: the variance {@code v[i]} moves to its next value (written back) and the log price
     * {@code x} to the value returned, from the variance uniform {@code u} and the price normal {@code zs}.
     */
    static double step(double[] c, double x, double[] v, int i, double u, double zs) {
        double vt = v[i];
        double m = c[THETA] + (vt - c[THETA]) * c[E];
        double s2 = vt * c[C1] + c[C2];
        double psi = s2 / (m * m);
        double vn, k0 = c[K0];
        boolean correct = c[CORRECT] != 0;
        if (psi <= PSI_C) {
            double ip = 2.0 / psi;
            double b2 = ip - 1.0 + Math.sqrt(ip) * Math.sqrt(ip - 1.0);
            double a = m / (1.0 + b2);
            double b = Math.sqrt(b2) + NormalQuantile.of(u);
            vn = a * (b * b);
            double twoAa = 2.0 * c[A] * a;
            if (correct && twoAa < 1.0) {
                k0 = -c[A] * b2 * a / (1.0 - twoAa) + 0.5 * FdLog.log(1.0 - twoAa) - (c[K1] + 0.5 * c[K3]) * vt;
            }
        } else {
            double p = (psi - 1.0) / (psi + 1.0);
            double beta = (1.0 - p) / m;
            vn = u <= p ? 0.0 : FdLog.log((1.0 - p) / (1.0 - u)) / beta;
            if (correct && c[A] < beta) {
                k0 = -FdLog.log(p + beta * (1.0 - p) / (beta - c[A])) - (c[K1] + 0.5 * c[K3]) * vt;
            }
        }
        v[i] = vn;
        return x + (c[MU_DT] + k0 + c[K1] * vt + c[K2] * vn + Math.sqrt(c[K3] * vt + c[K4] * vn) * zs);
    }
}
