package dev.sxn.math.regime.switching;

import java.util.List;

/**
 * A fitted {@link MarkovRegression}: the maximum-likelihood parameters in statsmodels' order
 * ({@link #parameterNames()}), their standard errors, the information criteria, the regime probabilities at the
 * optimum, and forecasts. Immutable; the accessors return copies.
 */
public final class MsrFit {
    private final MarkovRegression model;
    private final double[] params;
    private final double[] se;
    private final MsrInference inference;
    private final int iterations;
    private final boolean converged;

    MsrFit(MarkovRegression model, double[] params, double[] se, MsrInference inference, int iterations, boolean converged) {
        this.model = model;
        this.params = params.clone();
        this.se = se.clone();
        this.inference = inference;
        this.iterations = iterations;
        this.converged = converged;
    }

    /** The model fitted. */
    public MarkovRegression model() {
        return model;
    }

    /** The parameters, in {@link MarkovRegression#parameterNames()} order. */
    public double[] parameters() {
        return params.clone();
    }

    /** The parameter names (statsmodels'). */
    public List<String> parameterNames() {
        return model.parameterNames();
    }

    /**
     * Standard errors: square roots of the diagonal of the inverse of the negative numerical Hessian of the
     * log-likelihood in the natural parameters (statsmodels' {@code cov_type='approx'}); NaN where that diagonal
     * is not positive (a parameter on its boundary).
     */
    public double[] standardErrors() {
        return se.clone();
    }

    /** The maximised log-likelihood. */
    public double logLikelihood() {
        return inference.logLikelihood();
    }

    /** Akaike's criterion {@code -2 loglik + 2 p}. */
    public double aic() {
        return -2 * logLikelihood() + 2 * params.length;
    }

    /** Schwarz's criterion {@code -2 loglik + p ln n}. */
    public double bic() {
        return -2 * logLikelihood() + params.length * Math.log(model.observations());
    }

    /** Filtered, predicted and smoothed regime probabilities at the optimum. */
    public MsrInference inference() {
        return inference;
    }

    /** BFGS iterations used. */
    public int iterations() {
        return iterations;
    }

    /** Whether the gradient test was met (false: the best point seen, after the iteration cap or a stalled search). */
    public boolean converged() {
        return converged;
    }

    /** The row-stochastic transition matrix {@code P[i][j] = P(s_t = j | s_{t-1} = i)}. */
    public double[][] transitionMatrix() {
        double[][] p = new double[model.regimes()][model.regimes()];
        model.layout().transitionMatrix(params, p);
        return p;
    }

    /** Coefficients per regime, {@code [i][c]}: column 0 the constant when the model has one, then x1, x2, ... */
    public double[][] coefficients() {
        MsrLayout l = model.layout();
        double[][] b = new double[l.k][l.m];
        for (int i = 0; i < l.k; i++) for (int c = 0; c < l.m; c++) b[i][c] = params[l.coef[c][i]];
        return b;
    }

    /** The error variance of each regime (equal entries when the variance does not switch). */
    public double[] variances() {
        MsrLayout l = model.layout();
        double[] v = new double[l.k];
        for (int i = 0; i < l.k; i++) v[i] = params[l.var[i]];
        return v;
    }

    /** The stationary distribution of the transition matrix ({@code pi P = pi}, {@code sum pi = 1}). */
    public double[] stationaryDistribution() {
        double[] pi = new double[model.regimes()];
        Stationary.of(transitionMatrix(), pi);
        return pi;
    }

    /** Expected durations {@code 1 / (1 - P[i][i])} in observations (Infinity for an absorbing regime). */
    public double[] expectedDurations() {
        double[][] p = transitionMatrix();
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) d[i] = 1 / (1 - p[i][i]);
        return d;
    }

    /**
     * Forecasts for {@code h = 1..steps} after the last observation (statsmodels has none for Markov-switching
     * models): regime probabilities {@code p_T P^h} and the mean and variance of {@code y_{T+h}}. {@code futureExog}
     * holds the exog regressors (not the constant) for each future step, {@code [h - 1][e]}, and may be null when
     * the model has no exog columns. O(steps k (k + m)).
     */
    public MsrForecast forecast(int steps, double[][] futureExog) {
        return model.forecastUnchecked(params, inference.filtered(), steps, futureExog);
    }
}
