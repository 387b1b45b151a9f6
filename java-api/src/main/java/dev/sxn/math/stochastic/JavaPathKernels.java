package dev.sxn.math.stochastic;

/**
 * The plain-Java path kernels: the reference every other kind is tested against. Tile by tile
 * ({@link PathScratch}: 64 paths by 32 steps), the tile's normals are filled ({@link PathTile}) and each path
 * advanced through them in step order. Stateless apart from the per-thread scratch.
 */
final class JavaPathKernels implements PathKernels {
    @Override
    public void gbm(RandomStream s, double x0, double drift, double vol, long firstPath, int paths, int steps, boolean antithetic,
                    int what, double[] out, int off, int ld) {
        gbmJava(PathTile.JAVA, s, x0, drift, vol, firstPath, paths, steps, antithetic, what, out, off, ld);
    }

    @Override
    public void hestonQe(RandomStream s, double[] c, double x0, double v0, long firstPath, int paths, int steps, boolean antithetic,
                         int what, double[] out, int off, int ld) {
        HestonQeKernel.run(c, x0, v0, s, firstPath, paths, steps, antithetic, what, out, off, ld);
    }

    /** {@link #gbm} on the numbers of {@code src} (the VECTOR kernel's tails run it with its own source). */
    static void gbmJava(PathTile.Source src, RandomStream s, double x0, double drift, double vol, long firstPath, int paths, int steps,
                        boolean antithetic, int what, double[] out, int off, int ld) {
        PathScratch sc = PathScratch.get();
        final int w = PathScratch.LANES;
        double[] z = sc.z, x = sc.x, mx = sc.max, mn = sc.min, sum = sc.sum;
        for (int i0 = 0; i0 < paths; i0 += w) {
            int n = Math.min(w, paths - i0);
            startTile(x0, n, sc);
            for (int t0 = 0; t0 < steps; t0 += PathScratch.STEPS) {
                int m = Math.min(PathScratch.STEPS, steps - t0);
                PathTile.fill(src, s, RngConstants.MODE_NORMAL, antithetic, firstPath + i0, n, t0, m, sc);
                for (int r = 0; r < m; r++) {
                    int zr = r * w;
                    if (what == WHAT_PATHS) {
                        int o = off + (t0 + r) * ld + i0;
                        for (int i = 0; i < n; i++) {
                            double xi = x[i] + (drift + vol * z[zr + i]);
                            x[i] = xi;
                            out[o + i] = PathExp.exp(xi);
                        }
                    } else {
                        boolean avg = (what & PathReduction.AVERAGE.bit()) != 0;
                        for (int i = 0; i < n; i++) {
                            double xi = x[i] + (drift + vol * z[zr + i]);
                            x[i] = xi;
                            mx[i] = Math.max(mx[i], xi);
                            mn[i] = Math.min(mn[i], xi);
                            if (avg) sum[i] += PathExp.exp(xi);
                        }
                    }
                }
            }
            if (what != WHAT_PATHS) writeReductions(what, steps, i0, n, sc, out, off, ld);
        }
    }

    /** Resets the running state of a tile of n paths to x0. */
    static void startTile(double x0, int n, PathScratch sc) {
        for (int i = 0; i < n; i++) {
            sc.x[i] = x0;
            sc.max[i] = Double.NEGATIVE_INFINITY;
            sc.min[i] = Double.POSITIVE_INFINITY;
            sc.sum[i] = 0.0;
        }
    }

    /**
     * Writes the reductions of {@code what} of a finished tile (log-space terminal, max and min in x, max and
     * min; the sum of the path values in sum) to rows 0, 1, ... in {@link PathReduction} order.
     */
    static void writeReductions(int what, int steps, int i0, int n, PathScratch sc, double[] out, int off, int ld) {
        int row = 0;
        for (PathReduction red : REDUCTIONS) {
            if ((what & red.bit()) == 0) continue;
            int o = off + row * ld + i0;
            for (int i = 0; i < n; i++) {
                out[o + i] = switch (red) {
                    case TERMINAL -> PathExp.exp(sc.x[i]);
                    case MAXIMUM -> PathExp.exp(sc.max[i]);
                    case MINIMUM -> PathExp.exp(sc.min[i]);
                    case AVERAGE -> sc.sum[i] / steps;
                };
            }
            row++;
        }
    }

    private static final PathReduction[] REDUCTIONS = PathReduction.values();
}
