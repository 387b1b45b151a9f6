package dev.sxn.math.risk;

/**
 * Value at risk and expected shortfall at one tail probability, both as positive losses (a return of -3% in the
 * tail is a VaR of 0.03; a negative value means even the tail is a gain).
 *
 * @param var the loss not exceeded with probability {@code 1 - alpha}: {@code -Q(alpha)} of the return law
 * @param es  the expected shortfall: minus the mean return in the tail at or below {@code Q(alpha)}
 */
public record TailRisk(double var, double es) {}
