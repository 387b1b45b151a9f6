package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * The Brownian bridge construction of a standard Brownian path on a time grid {@code 0 < t_1 < ... < t_n}
 * ({@code W(0) = 0}) from {@code n} standard normals given in order of importance, so that the first
 * coordinates of a quasi-Monte Carlo point (or the first strata) fix the path's coarse shape.
 *
 * <p>Construction (Glasserman, "Monte Carlo Methods in Financial Engineering", 2004, section 3.1; Jäckel,
 * "Monte Carlo Methods in Finance", 2002, chapter 10): {@code z_0} gives the terminal value
 * {@code W(t_n) = sqrt(t_n) z_0}; then, breadth first and left to right, each gap between built indices
 * {@code a < b} (index 0 is the origin) gets its middle index {@code m = floor((a + b) / 2)} from the next normal,
 * by the conditional law {@code W(t_m) | W(t_a), W(t_b)}:
 * <pre>
 *   W(t_m) = ((t_b - t_m) W(t_a) + (t_m - t_a) W(t_b)) / (t_b - t_a) + sqrt((t_m - t_a)(t_b - t_m) / (t_b - t_a)) z
 * </pre>
 * with the two weights and the standard deviation computed once per grid. On a uniform grid of 2^k steps this is
 * the dyadic bisection (terminal, T/2, T/4 and 3T/4, ...). {@link #order()} lists which time index each normal
 * builds. Whatever the normals' order of importance, the output has the law of Brownian motion on the grid
 * (covariance {@code min(t_i, t_j)}) when the inputs are independent standard normals.
 *
 * <p>Outputs ({@link Output}): the levels {@code W(t_i)}; the increments {@code W(t_i) - W(t_{i-1})}; or the
 * standardised increments {@code (W(t_i) - W(t_{i-1})) / sqrt(t_i - t_{i-1})}, independent standard normals
 * in time order, which a path simulation that reads one normal per step (in {@link Randoms}' layout) takes
 * in place of {@link Randoms#normals}.
 *
 * <p>Layout: {@link #path} reads {@code z[zOffset + r]} and writes {@code out[outOffset + i]}; {@link #paths}
 * is step-major with lanes across paths, as {@link Randoms} and {@link Sobol}: normal {@code r} of path
 * {@code p} at {@code z[zOffset + r * zRowStride + p]}, time index {@code i} at
 * {@code out[outOffset + i * outRowStride + p]}. A path's values do not depend on the batch it is built in.
 *
 * <p>Cost: O(n) per path (three multiply-adds per value, plus one subtraction or division for increments),
 * rows of paths at a time so the inner loops run across paths; no allocation per call, O(n) per grid.
 * Immutable and thread-safe. JAVA only: the construction costs less than drawing the normals it reads.
 */
public final class BrownianBridge {
    /** What a construction writes for each time index {@code i = 0..n-1} ({@code t_0 = 0}, {@code W(0) = 0}). */
    public enum Output {
        /** The level {@code W(t_i)}. */
        LEVELS,
        /** The increment {@code W(t_i) - W(t_{i-1})}. */
        INCREMENTS,
        /** The standardised increment {@code (W(t_i) - W(t_{i-1})) / sqrt(t_i - t_{i-1})}: a standard normal. */
        STANDARD_INCREMENTS
    }

    private final double[] times;
    private final double[] sqrtDt; // sqrt(t_i - t_{i-1})
    // Construction step r >= 1 builds row target[r] from rows left[r] (-1: the origin) and right[r].
    private final int[] target, left, right;
    private final double[] wLeft, wRight, sd;

    private BrownianBridge(double[] times) {
        int n = times.length;
        this.times = times;
        sqrtDt = new double[n];
        for (int i = 0; i < n; i++) sqrtDt[i] = Math.sqrt(times[i] - (i == 0 ? 0.0 : times[i - 1]));
        target = new int[n];
        left = new int[n];
        right = new int[n];
        wLeft = new double[n];
        wRight = new double[n];
        sd = new double[n];
        target[0] = n - 1;
        left[0] = -1;
        right[0] = -1;
        sd[0] = Math.sqrt(times[n - 1]);
        // A FIFO of gaps (a, b) between built 1-based indices (0 = the origin) gives breadth-first, left-to-right order.
        int[] qa = new int[2 * n], qb = new int[2 * n]; // 2n - 1 gaps are queued in all
        int head = 0, tail = 0, r = 1;
        qa[tail] = 0;
        qb[tail++] = n;
        while (head < tail) {
            int a = qa[head], b = qb[head++];
            if (b - a < 2) continue;
            int m = (a + b) >>> 1;
            double ta = a == 0 ? 0.0 : times[a - 1], tm = times[m - 1], tb = times[b - 1];
            double span = tb - ta;
            target[r] = m - 1;
            left[r] = a - 1;
            right[r] = b - 1;
            wLeft[r] = (tb - tm) / span;
            wRight[r] = (tm - ta) / span;
            sd[r] = Math.sqrt((tm - ta) * (tb - tm) / span);
            r++;
            qa[tail] = a;
            qb[tail++] = m;
            qa[tail] = m;
            qb[tail++] = b;
        }
    }

    /**
     * The bridge on the grid {@code times} (copied): {@code 0 < t_1 < ... < t_n}, finite. O(n).
     *
     * @throws IllegalArgumentException if times is empty, an entry is not finite, {@code times[0] <= 0}, or the
     *     times do not strictly increase
     */
    public static BrownianBridge of(double... times) {
        Checks.notNull(times, "times");
        Checks.minLength(times, "times", 1, "at least one time");
        Checks.allFinite(times, "times");
        if (!(times[0] > 0)) throw Checks.invalid("times[0]", times[0], "be > 0 (the path starts at W(0) = 0)");
        Checks.increasing(times, "times");
        return new BrownianBridge(times.clone());
    }

    /**
     * The bridge on the uniform grid {@code t_i = horizon i / steps}, {@code i = 1..steps} ({@code t_steps = horizon}
     * exactly). O(steps).
     *
     * @throws IllegalArgumentException if {@code steps < 1} or horizon is not finite and positive
     */
    public static BrownianBridge uniform(int steps, double horizon) {
        Checks.atLeast(steps, "steps", 1);
        Checks.positive(horizon, "horizon");
        double[] t = new double[steps];
        for (int i = 1; i <= steps; i++) t[i - 1] = i == steps ? horizon : horizon * i / steps;
        if (!(t[0] > 0)) throw Checks.invalid("horizon / steps", t[0], "be > 0 (horizon " + horizon + " over " + steps + " steps underflows)");
        Checks.increasing(t, "times");
        return new BrownianBridge(t);
    }

    /** The number of time points (and of normals per path), {@code n}. */
    public int steps() {
        return times.length;
    }

    /** The grid {@code t_1..t_n} (a copy). */
    public double[] times() {
        return times.clone();
    }

    /**
     * The construction order (a copy): normal {@code r} builds time index {@code order()[r]} (0-based, so
     * {@code order()[0] == n - 1}, the terminal value).
     */
    public int[] order() {
        return target.clone();
    }

    /**
     * Builds one path: reads the {@code n} normals {@code z[zOffset ..)} in order of importance and writes
     * {@code output} for time indices {@code 0..n-1} to {@code out[outOffset ..)}. O(n); allocates nothing.
     *
     * @throws IllegalArgumentException if a range does not fit its array, or z and out are the same array
     */
    public void path(double[] z, int zOffset, double[] out, int outOffset, Output output) {
        int n = times.length;
        Checks.range(z, "z", zOffset, "zOffset", n, "steps");
        Checks.range(out, "out", outOffset, "outOffset", n, "steps");
        Checks.distinct(out, "out", z, "z");
        Checks.notNull(output, "output");
        build(1, z, zOffset, 1, out, outOffset, 1, output);
    }

    /**
     * Builds {@code paths} paths at once, step-major (see the class comment): normal {@code r} of path {@code p}
     * at {@code z[zOffset + r * zRowStride + p]}, output for time index {@code i} at
     * {@code out[outOffset + i * outRowStride + p]}. Path {@code p} gets the values {@link #path} gives it. O(n paths);
     * allocates nothing.
     *
     * @throws IllegalArgumentException if {@code paths < 0}, a row stride is below paths, a block does not fit its
     *     array, or z and out are the same array
     */
    public void paths(int paths, double[] z, int zOffset, int zRowStride, double[] out, int outOffset, int outRowStride, Output output) {
        int n = times.length;
        Checks.atLeast(paths, "paths", 0);
        Checks.notNull(z, "z");
        Checks.notNull(out, "out");
        Checks.block("z", z.length, zOffset, "zOffset", zRowStride, "zRowStride", n, "steps", paths, "paths");
        Checks.block("out", out.length, outOffset, "outOffset", outRowStride, "outRowStride", n, "steps", paths, "paths");
        Checks.distinct(out, "out", z, "z");
        Checks.notNull(output, "output");
        build(paths, z, zOffset, zRowStride, out, outOffset, outRowStride, output);
    }

    private void build(int paths, double[] z, int zo, int zs, double[] out, int oo, int os, Output output) {
        int n = times.length;
        double s0 = sd[0];
        for (int p = 0, w = oo + (n - 1) * os; p < paths; p++) out[w + p] = s0 * z[zo + p];
        for (int r = 1; r < n; r++) {
            int w = oo + target[r] * os, b = oo + right[r] * os, zr = zo + r * zs;
            double wr = wRight[r], s = sd[r];
            if (left[r] < 0) {
                for (int p = 0; p < paths; p++) out[w + p] = wr * out[b + p] + s * z[zr + p];
            } else {
                int a = oo + left[r] * os;
                double wl = wLeft[r];
                for (int p = 0; p < paths; p++) out[w + p] = wl * out[a + p] + wr * out[b + p] + s * z[zr + p];
            }
        }
        if (output == Output.LEVELS) return;
        // Back to front, so each row still reads its predecessor's level.
        boolean standard = output == Output.STANDARD_INCREMENTS;
        for (int i = n - 1; i >= 0; i--) {
            int w = oo + i * os, prev = w - os;
            double h = sqrtDt[i];
            if (i == 0) {
                if (standard) for (int p = 0; p < paths; p++) out[w + p] = out[w + p] / h;
            } else if (standard) {
                for (int p = 0; p < paths; p++) out[w + p] = (out[w + p] - out[prev + p]) / h;
            } else {
                for (int p = 0; p < paths; p++) out[w + p] = out[w + p] - out[prev + p];
            }
        }
    }

    @Override
    public String toString() {
        return "BrownianBridge(" + times.length + " steps to t = " + times[times.length - 1] + ")";
    }
}
