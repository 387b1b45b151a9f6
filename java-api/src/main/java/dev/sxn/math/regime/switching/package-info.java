/**
 * Markov-switching regression: {@link dev.sxn.math.regime.switching.MarkovRegression} (Hamilton filter and Kim
 * smoother in log space, EM then BFGS, standard errors, AIC/BIC), its fit
 * {@link dev.sxn.math.regime.switching.MsrFit} with out-of-sample forecasts of the regime probabilities and of y
 * ({@link dev.sxn.math.regime.switching.MsrForecast}), and the regime probabilities at given parameters
 * ({@link dev.sxn.math.regime.switching.MsrInference}). Held to statsmodels' {@code MarkovRegression}
 * ({@code src/test/resources/reference/gen_msr.py}). Plain Java: one series and a handful of parameters, where
 * a fit is dominated by its n-step recursions, which no other backend shortens.
 */
package dev.sxn.math.regime.switching;
