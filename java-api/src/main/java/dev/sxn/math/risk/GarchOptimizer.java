package dev.sxn.math.risk;

/**
 * A box-constrained quasi-Newton minimiser: projected BFGS with an Armijo backtracking line search along the
 * projected path (Bertsekas' projected Newton idea with a BFGS inverse Hessian, in the spirit of L-BFGS-B
 * for the small dense problems of a GARCH fit).
 *
 * <p>Each iteration: variables at a bound whose gradient pushes outward are held (the active set); the
 * direction is {@code d = -H g} on the free variables; the step {@code x(t) = P(x + t d)} (P the projection
 * onto the box) is halved from {@code t = 1} until {@code f(x(t)) <= f(x) + 1e-4 g.(x(t) - x)}; H gets the
 * BFGS update when {@code s.y > 0}. The start H is diagonal, from finite differences of the gradient
 * (curvature per coordinate), so parameters of very different size need no user scaling. When the direction
 * is not a descent direction or the line search fails, H is reset to that diagonal once before giving up.
 *
 * <p>Stops when the projected gradient's largest component is at most {@code gtol * max(1, |f|)}
 * ({@link GarchStatus#CONVERGED}; also when {@code f} stops decreasing with the gradient within 1000 times
 * that), when {@code f} stops decreasing otherwise ({@link GarchStatus#STALLED}) or after
 * {@code maxIterations} ({@link GarchStatus#MAX_ITERATIONS}); the point returned is always the best one seen.
 * O(iterations (cost(f) + p^2)) time for p parameters; O(p^2) scratch per call; never throws on a hard
 * objective.
 */
final class GarchOptimizer {
    /** An objective with its gradient; returns +Infinity (or NaN) where undefined. */
    interface Objective {
        /** f(x), writing the gradient into {@code grad} when it is not null. */
        double evaluate(double[] x, double[] grad);
    }

    /** The outcome: the status, the minimum found and the iterations used ({@code x} is updated in place). */
    record Result(GarchStatus status, double value, int iterations) {}

    private GarchOptimizer() {}

    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 60;
    private static final double STALL_FACTOR = 1e3;

    /** Minimises {@code f} over {@code lo <= x <= hi} from {@code x} (clamped into the box first), in place. */
    static Result minimize(Objective f, double[] x, double[] lo, double[] hi, double gtol, int maxIterations) {
        int p = x.length;
        for (int i = 0; i < p; i++) x[i] = clamp(x[i], lo[i], hi[i]);
        double[] g = new double[p], gn = new double[p], xn = new double[p], d = new double[p], pg = new double[p];
        double[] s = new double[p], y = new double[p], hy = new double[p], h0 = new double[p];
        double[][] hInv = new double[p][p];
        double fx = f.evaluate(x, g);
        if (!Double.isFinite(fx)) return new Result(GarchStatus.NOT_FINITE, fx, 0);
        diagonalStart(f, x, g, lo, hi, xn, gn, h0);
        reset(hInv, h0);
        boolean freshH = true;
        int stalls = 0;
        double pgMax = Double.POSITIVE_INFINITY;
        for (int iter = 1; iter <= maxIterations; iter++) {
            pgMax = 0;
            for (int i = 0; i < p; i++) {
                boolean held = lo[i] == hi[i] || (x[i] <= lo[i] && g[i] > 0) || (x[i] >= hi[i] && g[i] < 0);
                pg[i] = held ? 0 : g[i];
                pgMax = Math.max(pgMax, Math.abs(pg[i]));
            }
            if (pgMax <= gtol * Math.max(1, Math.abs(fx))) return new Result(GarchStatus.CONVERGED, fx, iter - 1);
            double slope = direction(hInv, pg, d);
            if (!(slope < 0)) {
                reset(hInv, h0);
                freshH = true;
                slope = direction(hInv, pg, d);
                if (!(slope < 0)) return stalled(pgMax, gtol, fx, iter - 1);
            }
            double t = 1, fn = Double.NaN;
            boolean accepted = false;
            for (int k = 0; k < MAX_HALVINGS; k++, t *= 0.5) {
                double gs = 0;
                boolean moved = false;
                for (int i = 0; i < p; i++) {
                    xn[i] = clamp(x[i] + t * d[i], lo[i], hi[i]);
                    s[i] = xn[i] - x[i];
                    gs += g[i] * s[i];
                    moved |= s[i] != 0;
                }
                if (!moved) break;
                fn = f.evaluate(xn, gn);
                if (fn <= fx + ARMIJO * gs) {
                    accepted = true;
                    break;
                }
            }
            if (!accepted) {
                if (freshH) return stalled(pgMax, gtol, fx, iter);
                reset(hInv, h0);
                freshH = true;
                continue;
            }
            double sy = 0, ss = 0, yy = 0;
            for (int i = 0; i < p; i++) {
                y[i] = gn[i] - g[i];
                sy += s[i] * y[i];
                ss += s[i] * s[i];
                yy += y[i] * y[i];
            }
            if (sy > 1e-12 * Math.sqrt(ss * yy)) {
                bfgsUpdate(hInv, s, y, hy, sy);
                freshH = false;
            }
            stalls = fx - fn <= 1e-15 * Math.abs(fx) ? stalls + 1 : 0;
            fx = fn;
            System.arraycopy(xn, 0, x, 0, p);
            System.arraycopy(gn, 0, g, 0, p);
            if (stalls >= 5) return stalled(pgMax, gtol, fx, iter);
        }
        return new Result(GarchStatus.MAX_ITERATIONS, fx, maxIterations);
    }

    // f cannot decrease in double precision any more: at the optimum when the gradient is within STALL_FACTOR of
    // the tolerance (the rounding floor of a sum over many observations), else a genuine stall.
    private static Result stalled(double pgMax, double gtol, double fx, int iterations) {
        boolean close = pgMax <= STALL_FACTOR * gtol * Math.max(1, Math.abs(fx));
        return new Result(close ? GarchStatus.CONVERGED : GarchStatus.STALLED, fx, iterations);
    }

    // Diagonal curvature by a forward difference of the gradient per coordinate (inward near a bound); the
    // inverse is H's start. A coordinate with no positive curvature gets 1 / max(1, |g_i|): a unit-ish step.
    private static void diagonalStart(Objective f, double[] x, double[] g, double[] lo, double[] hi, double[] xt,
            double[] gt, double[] h0) {
        int p = x.length;
        for (int i = 0; i < p; i++) {
            double step = 1e-6 * Math.max(Math.abs(x[i]), 1e-3);
            if (x[i] + step > hi[i]) step = -step;
            System.arraycopy(x, 0, xt, 0, p);
            xt[i] += step;
            double ft = f.evaluate(xt, gt);
            double curv = Double.isFinite(ft) ? (gt[i] - g[i]) / step : Double.NaN;
            h0[i] = curv > 0 && Double.isFinite(curv) ? 1 / curv : 1 / Math.max(1, Math.abs(g[i]));
        }
    }

    private static void reset(double[][] hInv, double[] h0) {
        for (int i = 0; i < h0.length; i++) {
            java.util.Arrays.fill(hInv[i], 0.0);
            hInv[i][i] = h0[i];
        }
    }

    // d = -H pg, zero on held coordinates; returns pg.d.
    private static double direction(double[][] hInv, double[] pg, double[] d) {
        int p = pg.length;
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
    private static void bfgsUpdate(double[][] hInv, double[] s, double[] y, double[] hy, double sy) {
        int p = s.length;
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
