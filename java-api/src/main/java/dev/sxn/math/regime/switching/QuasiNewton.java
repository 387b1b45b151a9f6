package dev.sxn.math.regime.switching;

/**
 * Unconstrained BFGS with central-difference gradients and an Armijo backtracking line search, for the smooth,
 * small (tens of parameters) likelihoods of a Markov-switching fit on its transformed parameters.
 *
 * <p>The inverse Hessian starts at the identity, is rescaled by {@code s.y / y.y} after the first step (Nocedal
 * and Wright's choice, so parameters of different size need no user scaling) and gets the BFGS update when
 * {@code s.y > 0}; a non-descent direction resets it. Gradient steps {@code 1e-5 max(1, |u_i|)}. Stops when the
 * largest gradient component is at most {@code gtol} (converged), when the line search cannot decrease f
 * or three accepted steps in a row lower it by at most {@code 1e-13 max(1, |f|)} (either counts as converged
 * if the gradient is then within 100 gtol, the floor set by the difference quotient's rounding), or after
 * {@code maxIterations}. The point left in {@code x} is the best one seen. O(iterations (2p + line
 * search) cost(f) + p^2) time.
 */
final class QuasiNewton {
    /** An objective; +Infinity (or NaN) where it is undefined. */
    interface Objective {
        double value(double[] x);
    }

    /** How a minimisation ended. */
    record Result(double value, int iterations, boolean converged) {}

    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 60;
    private static final double STALL = 1e-13;

    private QuasiNewton() {}

    static Result minimize(Objective f, double[] x, double gtol, int maxIterations) {
        int p = x.length;
        double[] g = new double[p], gn = new double[p], xn = new double[p], d = new double[p];
        double[] s = new double[p], yv = new double[p], hy = new double[p];
        double[][] h = identity(p);
        double fx = f.value(x);
        if (!Double.isFinite(fx)) return new Result(fx, 0, false);
        gradient(f, x, g, xn);
        int stalls = 0;
        for (int iter = 1; iter <= maxIterations; iter++) {
            double gmax = maxAbs(g);
            if (gmax <= gtol) return new Result(fx, iter - 1, true);
            double slope = direction(h, g, d);
            if (!(slope < 0)) {
                h = identity(p);
                slope = direction(h, g, d);
            }
            double t = 1, fn = Double.NaN;
            boolean accepted = false;
            for (int half = 0; half < MAX_HALVINGS; half++) {
                for (int i = 0; i < p; i++) xn[i] = x[i] + t * d[i];
                fn = f.value(xn);
                if (Double.isFinite(fn) && fn <= fx + ARMIJO * t * slope) {
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) return new Result(fx, iter - 1, gmax <= 100 * gtol);
            // A step that no longer moves f (the difference-quotient gradient has hit its rounding floor) three
            // times running ends the search; it counts as converged when the gradient is near the tolerance.
            stalls = fx - fn <= STALL * Math.max(1, Math.abs(fx)) ? stalls + 1 : 0;
            gradient(f, xn, gn, hy);
            double sy = 0, yy = 0;
            for (int i = 0; i < p; i++) {
                s[i] = xn[i] - x[i];
                yv[i] = gn[i] - g[i];
                sy += s[i] * yv[i];
                yy += yv[i] * yv[i];
            }
            System.arraycopy(xn, 0, x, 0, p);
            System.arraycopy(gn, 0, g, 0, p);
            fx = fn;
            if (sy > 0) {
                if (iter == 1) {
                    double scale = sy / yy;
                    for (int i = 0; i < p; i++) h[i][i] = scale;
                }
                update(h, s, yv, hy, sy);
            }
            if (stalls >= 3) return new Result(fx, iter, maxAbs(g) <= 100 * gtol);
        }
        return new Result(fx, maxIterations, maxAbs(g) <= gtol);
    }

    /** Central differences into {@code g}; {@code tmp} is a p-long scratch. */
    static void gradient(Objective f, double[] x, double[] g, double[] tmp) {
        System.arraycopy(x, 0, tmp, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            double h = 1e-5 * Math.max(1, Math.abs(x[i]));
            tmp[i] = x[i] + h;
            double up = f.value(tmp);
            tmp[i] = x[i] - h;
            double down = f.value(tmp);
            tmp[i] = x[i];
            g[i] = (up - down) / (2 * h);
        }
    }

    private static double direction(double[][] h, double[] g, double[] d) {
        double slope = 0;
        for (int i = 0; i < g.length; i++) {
            double s = 0;
            for (int j = 0; j < g.length; j++) s -= h[i][j] * g[j];
            d[i] = s;
            slope += s * g[i];
        }
        return slope;
    }

    /** H += (1 + y'Hy/sy) ss'/sy - (Hy s' + s y'H)/sy. */
    private static void update(double[][] h, double[] s, double[] y, double[] hy, double sy) {
        int p = s.length;
        double yhy = 0;
        for (int i = 0; i < p; i++) {
            double v = 0;
            for (int j = 0; j < p; j++) v += h[i][j] * y[j];
            hy[i] = v;
            yhy += y[i] * v;
        }
        double a = (1 + yhy / sy) / sy;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) h[i][j] += a * s[i] * s[j] - (hy[i] * s[j] + s[i] * hy[j]) / sy;
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) m = Math.max(m, Math.abs(e));
        return m;
    }

    private static double[][] identity(int p) {
        double[][] h = new double[p][p];
        for (int i = 0; i < p; i++) h[i][i] = 1;
        return h;
    }
}
