package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * The one stepping loop of {@link EulerMaruyama} and {@link Milstein} (plain Java: the coefficients are the
 * caller's code). One step of component i, from the state at {@code t}:
 * {@code x_i' = x_i + a_i(t, x) dt + b_i(t, x_i) dW_i [+ 1/2 b_i (db_i/dx_i) (dW_i^2 - dt)]}, all drifts
 * evaluated on the old state. Increments: either the caller's ({@code dW[off + (t d + i) ld + p]}), or from the
 * stream, {@code dW_i = sqrt(dt) z}, z the normal of slot (lane(p), t d + i), filled a tile at a time into
 * per-thread scratch ({@link PathTile}). Outputs: the path ({@code out[off + (t d + i) ld + p]} = X_i after step
 * t) or the terminal state ({@code out[off + i ld + p]}). O(paths x steps x d) coefficient calls; O(1) allocation.
 */
final class SdeIntegrator {
    private SdeIntegrator() {}

    /** The largest dimension: one step's numbers of a tile must fit in the scratch's rows. */
    static final int MAX_DIMENSION = PathScratch.ROWS;

    /** A step of the caller's coefficients; {@code bx} null for Euler-Maruyama. */
    record Coefficients(SdeField a, SdeDiagonal b, SdeDiagonal bx) {}

    /** Stream-driven: paths {@code [firstPath, firstPath + paths)}. */
    static void fromStream(Coefficients c, int d, double[] x0, double t0, double dt, RandomStream s, long firstPath, int paths,
                           int steps, boolean antithetic, boolean store, double[] out, int off, int ld) {
        PathScratch sc = PathScratch.get();
        final int w = PathScratch.LANES;
        double[] state = sc.sdeState, cur = sc.sdeCur, next = sc.sdeNext;
        double sq = Math.sqrt(dt);
        int perChunk = Math.max(1, PathScratch.ROWS / d);
        for (int i0 = 0; i0 < paths; i0 += w) {
            int n = Math.min(w, paths - i0);
            for (int i = 0; i < n; i++) System.arraycopy(x0, 0, state, i * d, d);
            for (int t0s = 0; t0s < steps; t0s += perChunk) {
                int m = Math.min(perChunk, steps - t0s);
                PathTile.fill(PathTile.JAVA, s, RngConstants.MODE_NORMAL, antithetic, firstPath + i0, n, (long) t0s * d, m * d, sc);
                for (int r = 0; r < m; r++) {
                    int t = t0s + r;
                    double time = t0 + t * dt;
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(state, i * d, cur, 0, d);
                        step(c, d, time, dt, cur, next, sc.z, r * d * w + i, w, sq);
                        System.arraycopy(next, 0, state, i * d, d);
                        if (store) for (int j = 0; j < d; j++) out[off + (t * d + j) * ld + i0 + i] = next[j];
                    }
                }
            }
            if (!store) for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) out[off + j * ld + i0 + i] = state[i * d + j];
        }
    }

    /** Increment-driven: path p uses {@code dW[dwOff + (t d + i) dwLd + p]}. */
    static void fromIncrements(Coefficients c, int d, double[] x0, double t0, double dt, double[] dW, int dwOff, int dwLd, int paths,
                               int steps, boolean store, double[] out, int off, int ld) {
        PathScratch sc = PathScratch.get();
        double[] cur = sc.sdeCur, next = sc.sdeNext;
        for (int p = 0; p < paths; p++) {
            System.arraycopy(x0, 0, cur, 0, d);
            for (int t = 0; t < steps; t++) {
                step(c, d, t0 + t * dt, dt, cur, next, dW, dwOff + t * d * dwLd + p, dwLd, 1.0);
                System.arraycopy(next, 0, cur, 0, d);
                if (store) for (int j = 0; j < d; j++) out[off + (t * d + j) * ld + p] = cur[j];
            }
            if (!store) for (int j = 0; j < d; j++) out[off + j * ld + p] = cur[j];
        }
    }

    /** The checks of a stream-driven call (outputs: {@code rows} rows of {@code paths}). */
    static void checkStream(Coefficients c, int d, double[] x0, double t0, double dt, RandomStream s, long firstPath, int paths, int steps,
                            Antithetic antithetic, double[] out, int offset, int rowStride, int rows) {
        checkCommon(c, d, x0, t0, dt);
        PathChecks.block(s, firstPath, paths, steps, d, antithetic);
        PathChecks.output(out, offset, rowStride, rows, paths);
    }

    /** The checks of an increment-driven call. */
    static void checkIncrements(Coefficients c, int d, double[] x0, double t0, double dt, double[] dW, int dwOffset, int dwRowStride,
                                int paths, int steps, double[] out, int offset, int rowStride, int rows) {
        checkCommon(c, d, x0, t0, dt);
        Checks.atLeast(paths, "paths", 0);
        Checks.atLeast(steps, "steps", 1);
        Checks.notNull(dW, "dW");
        Checks.atLeast(dwOffset, "dwOffset", 0);
        if (dwRowStride < paths) throw Checks.invalid("dwRowStride", dwRowStride, "be >= paths (" + paths + ")");
        long last = (long) dwOffset + ((long) steps * d - 1) * dwRowStride + paths;
        if (paths > 0 && last > dW.length) throw Checks.invalid("dwOffset + (steps d - 1) dwRowStride + paths", last, "be <= dW.length (" + dW.length + ")");
        PathChecks.output(out, offset, rowStride, rows, paths);
    }

    private static void checkCommon(Coefficients c, int d, double[] x0, double t0, double dt) {
        Checks.notNull(c.a(), "a");
        Checks.notNull(c.b(), "b");
        Checks.notNull(x0, "x0");
        Checks.inRange(d, "x0.length", 1, MAX_DIMENSION, "the dimensions of one step fit the path scratch");
        Checks.allFinite(x0, "x0");
        Checks.finite(t0, "t0");
        PathChecks.dt(dt);
    }

    /** One step from {@code x} (length d) to {@code next}; {@code dW_i = scale * w[wb + i ws]}. */
    private static void step(Coefficients c, int d, double t, double dt, double[] x, double[] next, double[] w, int wb, int ws, double scale) {
        for (int i = 0; i < d; i++) {
            double dwi = scale * w[wb + i * ws];
            double xi = x[i];
            double bi = c.b.value(t, xi, i);
            double v = xi + c.a.value(t, x, i) * dt + bi * dwi;
            if (c.bx != null) v += 0.5 * bi * c.bx.value(t, xi, i) * (dwi * dwi - dt);
            next[i] = v;
        }
    }
}
