package dev.sxn.math.regime;

/**
 * The result of a {@link BaumWelch} fit: the model (states in canonical order), its log-likelihood, the
 * iterations of the best run, whether that run met the tolerance, which restart won, and the information
 * criteria {@code AIC = 2p - 2 ll} and {@code BIC = p ln n - 2 ll} (p free parameters, n observations).
 *
 * @param model the fitted model, canonical label order
 * @param logLikelihood its log-likelihood on the data
 * @param iterations EM iterations of the winning run
 * @param converged whether the winning run's last gain was below the tolerance
 * @param restart the index of the winning run (0 = the first)
 * @param aic Akaike's information criterion
 * @param bic the Bayesian (Schwarz) information criterion
 */
public record HmmFit(HiddenMarkovModel model, double logLikelihood, int iterations, boolean converged, int restart,
                     double aic, double bic) {}
