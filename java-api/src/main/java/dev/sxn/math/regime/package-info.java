/**
 * Regime models. Hidden Markov models:
 *
 * <ul>
 *   <li>{@link dev.sxn.math.regime.HiddenMarkovModel}: initial distribution pi (of the first hidden state),
 *       {@link dev.sxn.math.regime.TransitionMatrix} (stationary distribution, expected durations
 *       {@code 1 / (1 - a_ii)}), {@link dev.sxn.math.regime.Emissions}: {@link dev.sxn.math.regime.GaussianEmissions}
 *       ({@link dev.sxn.math.regime.CovarianceType} full, diagonal, spherical, tied),
 *       {@link dev.sxn.math.regime.CategoricalEmissions}, {@link dev.sxn.math.regime.StudentTEmissions}.
 *   <li>Inference: log-likelihood, filtered probabilities (causal), smoothed probabilities, Viterbi path with its
 *       log probability, h-step state and observation forecasts, for one or several sequences; the scaled forward
 *       filter and log-space backward pass are described on {@link dev.sxn.math.regime.HiddenMarkovModel}.
 *   <li>{@link dev.sxn.math.regime.HmmFilter}: the streaming filter ({@code update}, {@code peek}, {@code copy},
 *       {@code value}, {@code isReady}), bit-identical to the batch filter.
 *   <li>{@link dev.sxn.math.regime.BaumWelch}: EM fits from given parameters or seeded restarts, with floors, canonical
 *       label order and AIC/BIC ({@link dev.sxn.math.regime.HmmFit}).
 *   <li>{@link dev.sxn.math.regime.BatchHmm}: the forward filter and log-likelihood of one Gaussian model over k assets,
 *       or of k models over one series, on JAVA, VECTOR, NATIVE and OPENCL (family {@code regime.forward}).
 * </ul>
 */
package dev.sxn.math.regime;
