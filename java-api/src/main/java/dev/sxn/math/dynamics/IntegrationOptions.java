package dev.sxn.math.dynamics;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;

/**
 * Options of {@link Dynamics#integrate}: friction, an observer and a pinned backend. Immutable; the
 * {@code with...} methods return copies. {@link #DEFAULT}: no friction, no observer, automatic backend.
 *
 * @param gamma friction rate (1/time), finite and >= 0; applied as the exact damping p *= exp(-gamma dt)
 *     split symmetrically around each step, so gamma = 0 leaves the scheme exactly symplectic
 * @param observer called with {@link EnsembleStats} at step 0 and every {@code observeEvery} steps, or null
 * @param observeEvery steps between observations, >= 1 when an observer is set
 * @param backend the kind to run on, or null to choose per call (see {@link Backend})
 */
public record IntegrationOptions(double gamma, EnsembleObserver observer, long observeEvery, Backend backend) {
    /** No friction, no observer, automatic backend. */
    public static final IntegrationOptions DEFAULT = new IntegrationOptions(0, null, 0, null);

    /** Validates the fields (messages name the field and its value). */
    public IntegrationOptions {
        Checks.nonNegative(gamma, "gamma");
        if (observer != null) Checks.atLeast(observeEvery, "observeEvery", 1, "an observer is set");
    }

    /** These options with friction rate {@code gamma}. */
    public IntegrationOptions withFriction(double gamma) {
        return new IntegrationOptions(gamma, observer, observeEvery, backend);
    }

    /** These options with {@code observer} called every {@code every} steps. */
    public IntegrationOptions withObserver(long every, EnsembleObserver observer) {
        return new IntegrationOptions(gamma, Checks.notNull(observer, "observer"), every, backend);
    }

    /**
     * These options pinned to {@code backend} (throws at integration if that kind is unavailable), or with the
     * backend chosen per call again when {@code backend} is null.
     */
    public IntegrationOptions withBackend(Backend backend) {
        return new IntegrationOptions(gamma, observer, observeEvery, backend);
    }
}
