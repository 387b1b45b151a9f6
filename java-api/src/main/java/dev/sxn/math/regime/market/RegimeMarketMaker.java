package dev.sxn.math.regime.market;

import dev.sxn.math.dynamics.HamiltonianPriceModel;
import dev.sxn.math.dynamics.Potentials;
import dev.sxn.math.dynamics.RegimeQuadratic;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.regime.HiddenMarkovModel;
import dev.sxn.math.regime.HmmFilter;

/**
 * The regime-driven market maker, the source design done right: a Gaussian hidden Markov model over a feature
 * vector per tick (by default the five {@link RegimeFeatures}) is filtered forward one tick at a time, in log
 * space, with no look-ahead ({@link HmmFilter}); its most likely regime switches the {@link RegimeQuadratic}
 * potential (stiffness and centre per regime) of a {@link HamiltonianPriceModel}, which then steps towards the
 * tick's reference price and quotes.
 *
 * <p>Switched, not probability-weighted: the potential is the well of the filtered most likely regime
 * (ties to the lower index), because {@link RegimeQuadratic} is one well per regime and a mixture of wells with
 * different centres is not itself one of them; switching also keeps each regime's dynamics exactly as
 * calibrated. The probabilities stay available ({@link #probabilities(double[])}) for sizing.
 *
 * <p>What the source did wrong and this does not: it multiplied raw probabilities (underflow after a few hundred
 * ticks; here the forward step normalises every tick in log space), transposed the transition matrix in the
 * belief update (here {@code P(s_t = j) = sum_i P(s_{t-1} = i) A[i][j]}, rows the from-state) and normalised the
 * likelihood wrongly (here the increment is {@code log p(x_t | x_1..x_{t-1})}). A tick whose features are
 * missing (NaN, as in the features' warm-up) predicts the regime without an update.
 *
 * <p>Stateful and not thread-safe: one instance per asset and thread. O(K^2 + K d^2) per tick for K regimes and
 * d features, plus one model step.
 */
public final class RegimeMarketMaker {
    private final HiddenMarkovModel detector;
    private final HmmFilter filter;
    private final HamiltonianPriceModel model;
    private int regime;

    private RegimeMarketMaker(HiddenMarkovModel detector, HamiltonianPriceModel model) {
        this.detector = detector;
        this.filter = detector.filter();
        this.model = model;
        this.regime = filter.mostLikely();
        model.setRegime(regime);
    }

    /**
     * A market maker whose regime {@code i} of {@code detector} has the well stiffness {@code stiffness[i]}
     * (finite, > 0) and centre {@code centre[i]} (finite), on a price model configured by {@code config} (its
     * potential is replaced by the regime wells, its dimension and everything else kept).
     */
    public static RegimeMarketMaker of(HiddenMarkovModel detector, double[] stiffness, double[] centre,
                                       HamiltonianPriceModel.Config config) {
        Checks.notNull(detector, "detector");
        Checks.notNull(stiffness, "stiffness");
        Checks.notNull(centre, "centre");
        Checks.notNull(config, "config");
        Checks.length(stiffness, "stiffness", detector.states(), "one per regime of the detector");
        Checks.length(centre, "centre", detector.states(), "one per regime of the detector");
        RegimeQuadratic wells = Potentials.regimeQuadratic(stiffness, centre);
        return new RegimeMarketMaker(detector, new HamiltonianPriceModel(config.withPotential(wells, config.dimension())));
    }

    /**
     * One tick: updates the regime belief with the features {@code x[off .. off + d)} (NaN: missing), switches the
     * well to the most likely regime, steps the price model towards {@code referencePrice} (finite, > 0) and
     * returns its quote.
     */
    public HamiltonianPriceModel.Quote onTick(double[] x, int off, double referencePrice) {
        Checks.positive(referencePrice, "referencePrice");
        filter.update(x, off);
        int r = filter.mostLikely();
        if (r != regime) {
            model.setRegime(r);
            regime = r;
        }
        model.step(referencePrice);
        return model.quote();
    }

    /** The regime the well is switched to: the filtered most likely one after the last tick. */
    public int regime() {
        return regime;
    }

    /** Writes the filtered regime probabilities {@code P(s_t = i | x_1..x_t)} into {@code out} (length K). */
    public void probabilities(double[] out) {
        filter.value(out);
    }

    /** The ticks taken. */
    public long ticks() {
        return filter.count();
    }

    /** The detector's stationary regime distribution (from its transition matrix). */
    public double[] stationaryDistribution() {
        return detector.transitions().stationary();
    }

    /** The detector's expected regime durations {@code 1 / (1 - A[i][i])}, in ticks. */
    public double[] expectedDurations() {
        return detector.transitions().expectedDurations();
    }

    /** The regime detector. */
    public HiddenMarkovModel detector() {
        return detector;
    }

    /** The price model driven (its state advances with every tick). */
    public HamiltonianPriceModel model() {
        return model;
    }
}
