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
 */
public record AmmConfig(int chunkPeriod, int weightInterpolationPeriod, double maximumChange, double minimumWeight, double maxMemoryDays,
                        double initialPoolValue, double fees, double gasCost, double arbFees, Interpolation interpolation) {

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
    }

    /** quantammsim's defaults: daily updates spread over the day, maximum change 3e-4, memory cap 365 days, value 1e6, no fees. */
    public static AmmConfig defaults() {
        return new AmmConfig(1440, 1440, 3e-4, Double.NaN, 365, 1_000_000.0, 0.0, 0.0, 0.0, Interpolation.LINEAR);
    }

    /** This configuration with another chunk period and interpolation period. */
    public AmmConfig withChunks(int chunkPeriod, int weightInterpolationPeriod) {
        return new AmmConfig(chunkPeriod, weightInterpolationPeriod, maximumChange, minimumWeight, maxMemoryDays, initialPoolValue, fees, gasCost,
                arbFees, interpolation);
    }

    /** This configuration with other trading costs. */
    public AmmConfig withFees(double fees, double gasCost, double arbFees) {
        return new AmmConfig(chunkPeriod, weightInterpolationPeriod, maximumChange, minimumWeight, maxMemoryDays, initialPoolValue, fees, gasCost,
                arbFees, interpolation);
    }

    /** This configuration with another maximum change. */
    public AmmConfig withMaximumChange(double maximumChange) {
        return new AmmConfig(chunkPeriod, weightInterpolationPeriod, maximumChange, minimumWeight, maxMemoryDays, initialPoolValue, fees, gasCost,
                arbFees, interpolation);
    }

    /** This configuration with another interpolation. */
    public AmmConfig withInterpolation(Interpolation interpolation) {
        return new AmmConfig(chunkPeriod, weightInterpolationPeriod, maximumChange, minimumWeight, maxMemoryDays, initialPoolValue, fees, gasCost,
                arbFees, interpolation);
    }

    /** True when no trading cost applies (the zero-fee closed form). */
    public boolean zeroFees() {
        return fees == 0.0 && gasCost == 0.0 && arbFees == 0.0;
    }

    /** The minimum weight for n assets. */
    public double minimumWeight(int n) {
        return Double.isNaN(minimumWeight) ? 0.1 / n : minimumWeight;
    }
}
