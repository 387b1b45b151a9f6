package dev.sxn.math.regime.switching;

/**
 * The Hessian of a log-likelihood in the constrained parameters by central differences, for standard errors
 * (statsmodels' default {@code cov_type='approx'} uses the same Hessian, by complex steps).
 *
 * <p>Steps are sized per parameter from its own scale, in two passes: a first diagonal pass with
 * {@code h = 1e-3 max(|theta_i|, 1e-2)} estimates each standard error {@code se_i = 1 / sqrt(-H_ii)}; the
 * final steps are {@code h_i = 1e-2 se_i}, so the rounding of the likelihood sum and the truncation of the
 * difference quotient both stay far below the tests' tolerance whatever the parameter's units. Every step is
 * also kept below a tenth of the parameter's distance to its boundary (a probability to 0 or to its row's
 * implied last entry, a variance to 0). O(p^2) likelihood evaluations.
 */
final class NumericalHessian {
    /** The constrained log-likelihood. */
    interface LogLikelihood {
        double at(double[] theta);
    }

    private NumericalHessian() {}

    static double[][] of(LogLikelihood f, MsrLayout l, double[] theta) {
        int p = theta.length;
        double[] room = boundaryRoom(l, theta);
        double[] h = new double[p];
        double f0 = f.at(theta);
        double[] w = theta.clone();
        for (int i = 0; i < p; i++) {
            double hi = Math.min(1e-3 * Math.max(Math.abs(theta[i]), 1e-2), room[i] / 10);
            double hii = second(f, w, i, hi, f0);
            double se = hii < 0 ? 1 / Math.sqrt(-hii) : Math.max(Math.abs(theta[i]), 1e-2);
            h[i] = Math.min(1e-2 * se, room[i] / 10);
        }
        double[][] hess = new double[p][p];
        for (int i = 0; i < p; i++) {
            hess[i][i] = second(f, w, i, h[i], f0);
            for (int j = 0; j < i; j++) {
                double pp = at(f, w, i, h[i], j, h[j]);
                double pm = at(f, w, i, h[i], j, -h[j]);
                double mp = at(f, w, i, -h[i], j, h[j]);
                double mm = at(f, w, i, -h[i], j, -h[j]);
                hess[i][j] = hess[j][i] = (pp - pm - mp + mm) / (4 * h[i] * h[j]);
            }
        }
        return hess;
    }

    private static double second(LogLikelihood f, double[] w, int i, double h, double f0) {
        double xi = w[i];
        w[i] = xi + h;
        double up = f.at(w);
        w[i] = xi - h;
        double down = f.at(w);
        w[i] = xi;
        return (up - 2 * f0 + down) / (h * h);
    }

    private static double at(LogLikelihood f, double[] w, int i, double hi, int j, double hj) {
        double xi = w[i], xj = w[j];
        w[i] = xi + hi;
        w[j] = xj + hj;
        double v = f.at(w);
        w[i] = xi;
        w[j] = xj;
        return v;
    }

    /** How far each parameter may move before the model stops being valid. */
    private static double[] boundaryRoom(MsrLayout l, double[] theta) {
        double[] room = new double[theta.length];
        java.util.Arrays.fill(room, Double.POSITIVE_INFINITY);
        for (int i = 0; i < l.k; i++) {
            double last = 1;
            for (int j = 0; j < l.k - 1; j++) last -= theta[l.transition(i, j)];
            for (int j = 0; j < l.k - 1; j++) {
                int idx = l.transition(i, j);
                room[idx] = Math.min(theta[idx], last);
            }
        }
        for (int i = 0; i < l.k; i++) room[l.var[i]] = theta[l.var[i]];
        return room;
    }
}
