package dev.sxn.math.dynamics;

import dev.sxn.math.backend.Backend;

/**
 * What {@link Dynamics#integrate} did.
 *
 * @param backend the kind that ran the kernel
 * @param steps steps taken
 * @param time steps times dt
 * @param nonFiniteMembers members flagged non-finite during this call (see {@link Ensemble#nonFiniteStep})
 */
public record IntegrationResult(Backend backend, long steps, double time, int nonFiniteMembers) {}
