package dev.sxn.math.risk;

/**
 * {@link GarchOptimizer}'s projected BFGS as a resumable state machine: it asks for one evaluation at a time
 * ({@link #point()}, the gradient to go to {@link #gradient()}) and takes the value back with {@link #accept},
 * so that many fits can be stepped together and their evaluations batched into one kernel call
 * ({@link GarchBatchEstimator}), while a single fit drives it with its objective in a plain loop
 * ({@link GarchOptimizer#minimize}). Both see the same sequence of points and the same arithmetic, so a batched
 * fit whose kernel gives the single likelihood's bits gives the single fit's bits.
 *
 * <p>The algorithm, its stopping rules and statuses are {@link GarchOptimizer}'s. O(p^2) scratch, allocated
 * once per minimiser; {@link #accept} allocates nothing.
 */
final class GarchMinimizer {
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 60;
    private static final double STALL_FACTOR = 1e3;

    // Where the machine waits: for the first value, a coordinate of the diagonal start, a line-search trial.
    private static final int FIRST = 0, DIAGONAL = 1, TRIAL = 2, DONE = 3;

    private final int p;
    private final double[] x, lo, hi;
    private final double[] g, gn, xn, d, pg, s, y, hy, h0;
    private final double[][] hInv;
    private double gtol;
    private int maxIterations;

    private int state = DONE;
    private double[] askPoint, askGradient;
    private double fx, fn, pgMax, t, gs, step;
    private int iter, halvings, coord, stalls;
    private boolean freshH;
    private GarchStatus status;
    private int iterations;

    /** A minimiser of p variables. */
    GarchMinimizer(int p) {
        this.p = p;
        x = new double[p];
        lo = new double[p];
        hi = new double[p];
        g = new double[p];
        gn = new double[p];
        xn = new double[p];
        d = new double[p];
        pg = new double[p];
        s = new double[p];
        y = new double[p];
        hy = new double[p];
        h0 = new double[p];
        hInv = new double[p][p];
    }

    /** Starts from {@code x0} (clamped into {@code [lo, hi]}); the first evaluation is then asked for. */
    void start(double[] x0, double[] lo0, double[] hi0, double gtol0, int maxIterations0) {
        System.arraycopy(lo0, 0, lo, 0, p);
        System.arraycopy(hi0, 0, hi, 0, p);
        for (int i = 0; i < p; i++) x[i] = clamp(x0[i], lo[i], hi[i]);
        gtol = gtol0;
        maxIterations = maxIterations0;
        status = null;
        iterations = 0;
        state = FIRST;
        askPoint = x;
        askGradient = g;
    }

    /** Whether an evaluation is asked for ({@link #point()}); false once the minimiser has stopped. */
    boolean wantsEvaluation() {
        return state != DONE;
    }

    /** The point to evaluate (not to be modified). */
    double[] point() {
        return askPoint;
    }

    /** Where the evaluation's gradient goes. */
    double[] gradient() {
        return askGradient;
    }

    /** The current (best) point. */
    double[] x() {
        return x;
    }

    /** The outcome once stopped. */
    GarchOptimizer.Result result() {
        return new GarchOptimizer.Result(status, fx, iterations);
    }

    /** Takes the value at {@link #point()} (its gradient already in {@link #gradient()}) and moves on. */
    void accept(double f) {
        switch (state) {
            case FIRST -> {
                fx = f;
                if (!Double.isFinite(fx)) {
                    finish(GarchStatus.NOT_FINITE, 0);
                    return;
                }
                coord = 0;
                askDiagonal();
            }
            case DIAGONAL -> {
                int i = coord;
                double curv = Double.isFinite(f) ? (gn[i] - g[i]) / step : Double.NaN;
                h0[i] = curv > 0 && Double.isFinite(curv) ? 1 / curv : 1 / Math.max(1, Math.abs(g[i]));
                coord++;
                if (coord < p) {
                    askDiagonal();
                } else {
                    reset();
                    freshH = true;
                    stalls = 0;
                    iter = 1;
                    top();
                }
            }
            case TRIAL -> trial(f);
            default -> throw new IllegalStateException("no evaluation was asked for");
        }
    }

    // Diagonal curvature by a forward difference of the gradient per coordinate (inward near a bound).
    private void askDiagonal() {
        int i = coord;
        step = 1e-6 * Math.max(Math.abs(x[i]), 1e-3);
        if (x[i] + step > hi[i]) step = -step;
        System.arraycopy(x, 0, xn, 0, p);
        xn[i] += step;
        state = DIAGONAL;
        askPoint = xn;
        askGradient = gn;
    }

    // The head of an iteration: convergence test, direction, the first trial of the line search.
    private void top() {
        while (true) {
            if (iter > maxIterations) {
                finish(GarchStatus.MAX_ITERATIONS, maxIterations);
                return;
            }
            pgMax = 0;
            for (int i = 0; i < p; i++) {
                boolean held = lo[i] == hi[i] || (x[i] <= lo[i] && g[i] > 0) || (x[i] >= hi[i] && g[i] < 0);
                pg[i] = held ? 0 : g[i];
                pgMax = Math.max(pgMax, Math.abs(pg[i]));
            }
            if (pgMax <= gtol * Math.max(1, Math.abs(fx))) {
                finish(GarchStatus.CONVERGED, iter - 1);
                return;
            }
            double slope = direction();
            if (!(slope < 0)) {
                reset();
                freshH = true;
                slope = direction();
                if (!(slope < 0)) {
                    stalled(iter - 1);
                    return;
                }
            }
            t = 1;
            halvings = 0;
            if (askTrial()) return;
            // no trial point moved: the line search failed
            if (!lineSearchFailed()) return;
        }
    }

    // Sets up the trial x(t) = P(x + t d); false when it does not move.
    private boolean askTrial() {
        double sum = 0;
        boolean moved = false;
        for (int i = 0; i < p; i++) {
            xn[i] = clamp(x[i] + t * d[i], lo[i], hi[i]);
            s[i] = xn[i] - x[i];
            sum += g[i] * s[i];
            moved |= s[i] != 0;
        }
        gs = sum;
        if (!moved) return false;
        state = TRIAL;
        askPoint = xn;
        askGradient = gn;
        return true;
    }

    private void trial(double f) {
        fn = f;
        if (fn <= fx + ARMIJO * gs) {
            accepted();
            return;
        }
        halvings++;
        t *= 0.5;
        if (halvings < MAX_HALVINGS && askTrial()) return;
        if (lineSearchFailed()) top();
    }

    // A failed line search: stop after a fresh H, else restart from the diagonal; true when iterating on.
    private boolean lineSearchFailed() {
        if (freshH) {
            stalled(iter);
            return false;
        }
        reset();
        freshH = true;
        iter++;
        return true;
    }

    private void accepted() {
        double sy = 0, ss = 0, yy = 0;
        for (int i = 0; i < p; i++) {
            y[i] = gn[i] - g[i];
            sy += s[i] * y[i];
            ss += s[i] * s[i];
            yy += y[i] * y[i];
        }
        if (sy > 1e-12 * Math.sqrt(ss * yy)) {
            bfgsUpdate(sy);
            freshH = false;
        }
        stalls = fx - fn <= 1e-15 * Math.abs(fx) ? stalls + 1 : 0;
        fx = fn;
        System.arraycopy(xn, 0, x, 0, p);
        System.arraycopy(gn, 0, g, 0, p);
        if (stalls >= 5) {
            stalled(iter);
            return;
        }
        iter++;
        top();
    }

    // f cannot decrease in double precision any more: at the optimum when the gradient is within STALL_FACTOR of
    // the tolerance (the rounding floor of a sum over many observations), else a genuine stall.
    private void stalled(int its) {
        boolean close = pgMax <= STALL_FACTOR * gtol * Math.max(1, Math.abs(fx));
        finish(close ? GarchStatus.CONVERGED : GarchStatus.STALLED, its);
    }

    private void finish(GarchStatus st, int its) {
        status = st;
        iterations = its;
        state = DONE;
        askPoint = null;
        askGradient = null;
    }

    private void reset() {
        for (int i = 0; i < p; i++) {
            java.util.Arrays.fill(hInv[i], 0.0);
            hInv[i][i] = h0[i];
        }
    }

    // d = -H pg, zero on held coordinates; returns pg.d.
    private double direction() {
        double slope = 0;
        for (int i = 0; i < p; i++) {
            double v = 0;
            for (int j = 0; j < p; j++) v -= hInv[i][j] * pg[j];
            d[i] = v;
        }
        for (int i = 0; i < p; i++) {
            if (pg[i] == 0) d[i] = 0;
            slope += pg[i] * d[i];
        }
        return slope;
    }

    // H <- (I - rho s y') H (I - rho y s') + rho s s', rho = 1 / s.y.
    private void bfgsUpdate(double sy) {
        double rho = 1 / sy, yhy = 0;
        for (int i = 0; i < p; i++) {
            double v = 0;
            for (int j = 0; j < p; j++) v += hInv[i][j] * y[j];
            hy[i] = v;
            yhy += y[i] * v;
        }
        double c = (1 + rho * yhy) * rho;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                hInv[i][j] += c * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
            }
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }
}
