package dev.sxn.math.dynamics;

/**
 * Energy-conservation diagnostics of one trajectory: the relative energy error
 * err(t) = (H(t) - H(0)) / |H(0)| sampled along it (the absolute error when H(0) = 0).
 *
 * <p>A symplectic integrator with gamma = 0 shows a bounded, oscillating error of order h^p (p the
 * order) and no drift; a non-symplectic one (explicit Euler) shows a secular drift.
 *
 * @param initialEnergy H(0)
 * @param finalEnergy H at the last step
 * @param maxRelativeError max |err(t)| over the samples
 * @param finalRelativeError err at the last step
 * @param driftPerUnitTime least-squares slope of err(t) against t (1/time); near 0 without drift
 * @param samples number of samples (including t = 0 and the last step)
 * @param steps steps integrated
 */
public record EnergyDrift(double initialEnergy, double finalEnergy, double maxRelativeError, double finalRelativeError,
        double driftPerUnitTime, long samples, long steps) {}
