package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

/**
 * The run settings of a pool simulation (quantammsim's run fingerprint, the parts the forward pass reads).
 *
 * @param chunkPeriod               minutes between coarse weight updates (prices sampled every chunkPeriod minutes)
 * @param weightInterpolationPeriod minutes over which a coarse change is spread, in [1, chunkPeriod]
 * @param maximumChange             the largest per-minute change of any weight
 * @param minimumWeight             the minimum weight eps; NaN means quantammsim's default 0.1/n
 * @param maxMemoryDays             the memory cap: lambda is clipped to the lambda of this many days
 * @param initialPoolValue          the pool's value at the first minute, in the numeraire
 * @param fees                      the swap fee (gamma = 1 - fees)
 * @param gasCost                   the arbitrageur's fixed cost per trade, in the numeraire
 * @param arbFees                   the arbitrageur's external cost per unit traded (half charged per leg)
 * @param interpolation             how weights move within a coarse step
 * @param patternTemperature        the smoothed mode's softmax temperature over arbitrage patterns, in the numeraire
 *                                  (0: the hard pass; see {@link Arbitrage#smoothedArbitrage})
 * @param gateTemperature           the smoothed mode's sigmoid temperature of the profitability gate, in the numeraire
 *                                  (0: the hard pass); positive exactly when patternTemperature is
 */
public record AmmConfig(int chunkPeriod, int weightInterpolationPeriod, double maximumChange, double minimumWeight, double maxMemoryDays,
                        double initialPoolValue, double fees, double gasCost, double arbFees, Interpolation interpolation,
                        double patternTemperature, double gateTemperature) {

    /** Checks every setting. */
    public AmmConfig {
        Checks.atLeast(chunkPeriod, "chunkPeriod", 1);
        Checks.inRange(weightInterpolationPeriod, "weightInterpolationPeriod", 1, chunkPeriod, "at most chunkPeriod");
        Checks.positive(maximumChange, "maximumChange");
        if (!Double.isNaN(minimumWeight)) Checks.inClosed(minimumWeight, "minimumWeight", 0, 0.5);
        Checks.positive(maxMemoryDays, "maxMemoryDays");
        Checks.positive(initialPoolValue, "initialPoolValue");
        if (!(fees >= 0 && fees < 1)) throw Checks.invalid("fees", fees, "be in [0, 1)");
        Checks.nonNegative(gasCost, "gasCost");
        Checks.nonNegative(arbFees, "arbFees");
        Checks.notNull(interpolation, "interpolation");
        Checks.nonNegative(patternTemperature, "patternTemperature");
        Checks.nonNegative(gateTemperature, "gateTemperature");
        if ((patternTemperature > 0) != (gateTemperature > 0)) {
            throw Checks.invalid("gateTemperature", gateTemperature, "be > 0 exactly when patternTemperature (" + patternTemperature
                    + ") is (both 0: the hard pass)");
        }
    }

    /** The hard pass's settings (no smoothing): the ten settings above with both temperatures 0. */
    public AmmConfig(int chunkPeriod, int weightInterpolationPeriod, double maximumChange, double minimumWeight, double maxMemoryDays,
                     double initialPoolValue, double fees, double gasCost, double arbFees, Interpolation interpolation) {
        this(chunkPeriod, weightInterpolationPeriod, maximumChange, minimumWeight, maxMemoryDays, initialPoolValue, fees, gasCost, arbFees,
                interpolation, 0.0, 0.0);
    }

    /** quantammsim's defaults: daily updates spread over the day, maximum change 3e-4, memory cap 365 days, value 1e6, no fees. */
    public static AmmConfig defaults() {
        return new AmmConfig(1440, 1440, 3e-4, Double.NaN, 365, 1_000_000.0, 0.0, 0.0, 0.0, Interpolation.LINEAR);
    }

    /** This configuration with another chunk period and interpolation period. */
    public AmmConfig withChunks(int chunkPeriod, int weightInterpolationPeriod) {
        return new AmmConfig(chunkPeriod, weightInterpolationPeriod, maximumChange, minimumWeight, maxMemoryDays, initialPoolValue, fees, gasCost,
                arbFees, interpolation, patternTemperature, gateTemperature);
    }

    /** This configuration with other trading costs. */
    public AmmConfig withFees(double fees, double gasCost, double arbFees) {
        return new AmmConfig(chunkPeriod, weightInterpolationPeriod, maximumChange, minimumWeight, maxMemoryDays, initialPoolValue, fees, gasCost,
                arbFees, interpolation, patternTemperature, gateTemperature);
    }

    /** This configuration with another maximum change. */
    public AmmConfig withMaximumChange(double maximumChange) {
        return new AmmConfig(chunkPeriod, weightInterpolationPeriod, maximumChange, minimumWeight, maxMemoryDays, initialPoolValue, fees, gasCost,
                arbFees, interpolation, patternTemperature, gateTemperature);
    }

    /** This configuration with another interpolation. */
    public AmmConfig withInterpolation(Interpolation interpolation) {
        return new AmmConfig(chunkPeriod, weightInterpolationPeriod, maximumChange, minimumWeight, maxMemoryDays, initialPoolValue, fees, gasCost,
                arbFees, interpolation, patternTemperature, gateTemperature);
    }

    /** True when no trading cost applies (the zero-fee closed form). */
    public boolean zeroFees() {
        return fees == 0.0 && gasCost == 0.0 && arbFees == 0.0;
    }

    /** The minimum weight for n assets. */
    public double minimumWeight(int n) {
        return Double.isNaN(minimumWeight) ? 0.1 / n : minimumWeight;
    }

    // ---- added for issue 23: the smoothed training mode

    /**
     * This configuration in the smoothed mode (for gradient training; the hard pass stays the default): each arbitrage
     * takes the softmax over trade-direction patterns of their profits at {@code patternTemperature} and executes the
     * sigmoid fraction of the trade at {@code gateTemperature} of its margin over the gas and arbitrage-fee threshold
     * ({@link Arbitrage#smoothedArbitrage}). Both temperatures are in the numeraire (as gasCost); as they go to 0 the
     * pass approaches the hard one. Pools without trading costs (the zero-fee closed form) are unaffected.
     *
     * @throws IllegalArgumentException if a temperature is not finite and {@code > 0}
     */
    public AmmConfig withSmoothing(double patternTemperature, double gateTemperature) {
        Checks.positive(patternTemperature, "patternTemperature");
        Checks.positive(gateTemperature, "gateTemperature");
        return new AmmConfig(chunkPeriod, weightInterpolationPeriod, maximumChange, minimumWeight, maxMemoryDays, initialPoolValue, fees, gasCost,
                arbFees, interpolation, patternTemperature, gateTemperature);
    }

    /** This configuration with the hard arbitrage gates (both temperatures 0). */
    public AmmConfig hard() {
        return new AmmConfig(chunkPeriod, weightInterpolationPeriod, maximumChange, minimumWeight, maxMemoryDays, initialPoolValue, fees, gasCost,
                arbFees, interpolation, 0.0, 0.0);
    }

    /** True in the smoothed mode (temperatures positive). */
    public boolean smoothed() {
        return patternTemperature > 0;
    }
}
