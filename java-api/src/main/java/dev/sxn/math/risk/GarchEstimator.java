package dev.sxn.math.risk;

import java.util.Arrays;

/**
 * Maximum-likelihood estimation of a {@link GarchSpec} with fGarch's {@code garchFit} conventions: the series is
 * divided by its sample standard deviation s during the fit ({@code xscale}); start values {@code mu = mean},
 * {@code omega = 0.1 var}, {@code alpha = 0.1}, {@code gamma = 0.1}, {@code beta = 0.8}, {@code shape = 4};
 * box bounds {@code |mu| <= 10 |mean|}, {@code omega in [1e-6 var, 100 var]}, {@code alpha, beta in [1e-8, 1 - 1e-8]},
 * {@code gamma in [-1 + 1e-8, 1 - 1e-8]}, {@code shape in [1, 10]} (mean and var of the scaled series); then
 * {@code mu s} and {@code omega s^2} in the returns' units, and the log-likelihood of the returns themselves
 * ({@code logL(scaled) - n log s}). No stationarity constraint, as in fGarch.
 *
 * <p>The optimiser is {@link GarchOptimizer} on the exact gradient; standard errors come from the Hessian by
 * central differences of that gradient (steps {@code 1e-5 max(|theta_i|, 1e-2)}) on the scaled problem,
 * transformed back ({@code se(mu) s}, {@code se(omega) s^2}). Never throws: a constant series gives
 * {@link GarchStatus#DEGENERATE_SERIES} with NaN estimates. O(iterations n) time; O(n) for the returned path.
 */
final class GarchEstimator {
    private GarchEstimator() {}

    static final double GRADIENT_TOLERANCE = 1e-10;
    static final int MAX_ITERATIONS = 1000;
    private static final double TINY = 1e-8;

    /** Fits {@code x[off .. off + n)} (finite, n >= 2: checked by the caller). */
    static GarchFit fit(double[] x, int off, int n, GarchSpec spec) {
        int p = spec.parameterCount();
        double mean = 0;
        for (int t = 0; t < n; t++) mean += x[off + t];
        mean /= n;
        double ss = 0;
        for (int t = 0; t < n; t++) {
            double d = x[off + t] - mean;
            ss += d * d;
        }
        double sd = Math.sqrt(ss / (n - 1));
        if (!(sd > 0) || !Double.isFinite(sd) || !Double.isFinite(sd * sd)) return degenerate(spec, n);
        GarchLikelihood lik = new GarchLikelihood(x, off, n, sd, spec);
        double m = lik.meanScaled(), v = lik.varianceScaled();
        double[] th = new double[p], lo = new double[p], hi = new double[p];
        start(spec, m, v, th, lo, hi);
        GarchOptimizer.Result r = GarchOptimizer.minimize(lik, th, lo, hi, GRADIENT_TOLERANCE, MAX_ITERATIONS);

        double[] sigma = new double[n];
        double nll = lik.run(th, null, sigma);
        double scale2 = sd * sd;
        for (int t = 0; t < n; t++) sigma[t] = Math.sqrt(sigma[t] * scale2);
        double[] se = standardErrors(lik, th, sd);
        return result(spec, th, sd, se, nll, n, sigma, x[off + n - 1], r);
    }

    /** fGarch's start values and box bounds for a scaled series of mean m and variance v. */
    static void start(GarchSpec spec, double m, double v, double[] th, double[] lo, double[] hi) {
        int i = 0;
        set(th, lo, hi, i++, m, -10 * Math.abs(m), 10 * Math.abs(m));
        set(th, lo, hi, i++, 0.1 * v, 1e-6 * v, 100 * v);
        set(th, lo, hi, i++, 0.1, TINY, 1 - TINY);
        if (spec.hasGamma()) set(th, lo, hi, i++, 0.1, -1 + TINY, 1 - TINY);
        set(th, lo, hi, i++, 0.8, TINY, 1 - TINY);
        if (spec.hasShape()) set(th, lo, hi, i, 4, 1, 10);
    }

    /**
     * The fit in the returns' units from the scaled optimum {@code th} (scale sd), its standard errors, the scaled
     * negative log-likelihood {@code nll} and the conditional sd path already in the returns' units.
     */
    static GarchFit result(GarchSpec spec, double[] th, double sd, double[] se, double nll, int n, double[] sigma, double last,
            GarchOptimizer.Result r) {
        int p = th.length;
        double[] est = th.clone();
        est[0] *= sd;
        est[1] *= sd * sd;
        double logL = -(nll + n * Math.log(sd));
        double aic = (-2 * logL + 2 * p) / n, bic = (-2 * logL + p * Math.log(n)) / n;
        return new GarchFit(spec, est, se, logL, aic, bic, sigma, last - est[0], r.status(), r.iterations());
    }

    private static void set(double[] th, double[] lo, double[] hi, int i, double start, double l, double h) {
        th[i] = start;
        lo[i] = l;
        hi[i] = h;
    }

    static GarchFit degenerate(GarchSpec spec, int n) {
        double[] nan = new double[spec.parameterCount()];
        Arrays.fill(nan, Double.NaN);
        double[] sigma = new double[n];
        Arrays.fill(sigma, Double.NaN);
        return new GarchFit(spec, nan, nan.clone(), Double.NaN, Double.NaN, Double.NaN, sigma, Double.NaN,
                GarchStatus.DEGENERATE_SERIES, 0);
    }

    // Inverse of the symmetrised central-difference Hessian of -logL by Cholesky; NaN where not positive definite.
    private static double[] standardErrors(GarchLikelihood lik, double[] th, double sd) {
        int p = th.length;
        double[] se = new double[p];
        double[][] h = new double[p][p];
        double[] gp = new double[p], gm = new double[p], xt = th.clone();
        for (int i = 0; i < p; i++) {
            double step = hessianStep(th[i]);
            xt[i] = th[i] + step;
            double fp = lik.evaluate(xt, gp);
            xt[i] = th[i] - step;
            double fm = lik.evaluate(xt, gm);
            xt[i] = th[i];
            if (!Double.isFinite(fp) || !Double.isFinite(fm)) {
                Arrays.fill(se, Double.NaN);
                return se;
            }
            for (int j = 0; j < p; j++) h[i][j] = (gp[j] - gm[j]) / (2 * step);
        }
        return fromHessian(h, sd);
    }

    /** The Hessian's step for coordinate value v. */
    static double hessianStep(double v) {
        return 1e-5 * Math.max(Math.abs(v), 1e-2);
    }

    /** Standard errors from the (unsymmetrised, overwritten) difference Hessian {@code h} of the scaled fit. */
    static double[] fromHessian(double[][] h, double sd) {
        int p = h.length;
        double[] se = new double[p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) h[i][j] = h[j][i] = 0.5 * (h[i][j] + h[j][i]);
        }
        // Cholesky H = L L'; the diagonal of H^-1 is the squared column norms of L^-1.
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double dj = h[j][j];
            for (int k = 0; k < j; k++) dj -= l[j][k] * l[j][k];
            if (!(dj > 0)) {
                Arrays.fill(se, Double.NaN);
                return se;
            }
            l[j][j] = Math.sqrt(dj);
            for (int i = j + 1; i < p; i++) {
                double v = h[i][j];
                for (int k = 0; k < j; k++) v -= l[i][k] * l[j][k];
                l[i][j] = v / l[j][j];
            }
        }
        double[] col = new double[p];
        double[] var = new double[p];
        for (int c = 0; c < p; c++) {
            // column c of L^-1 by forward substitution (zero above row c)
            java.util.Arrays.fill(col, 0.0);
            for (int i = c; i < p; i++) {
                double v = i == c ? 1 : 0;
                for (int k = c; k < i; k++) v -= l[i][k] * col[k];
                col[i] = v / l[i][i];
            }
            for (int i = c; i < p; i++) var[c] += col[i] * col[i];
        }
        for (int i = 0; i < p; i++) se[i] = Math.sqrt(var[i]);
        se[0] *= sd;
        se[1] *= sd * sd;
        return se;
    }
}
