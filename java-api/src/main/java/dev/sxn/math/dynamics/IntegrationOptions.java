package dev.sxn.math.dynamics;

import dev.sxn.math.backend.Backend;
import java.util.Objects;

/**
 * Options of {@link Dynamics#integrate}: friction, an observer and a pinned backend. Immutable; the
 * {@code with...} methods return copies. {@link #DEFAULT}: no friction, no observer, automatic backend.
 *
 * @param gamma friction rate (1/time), finite and >= 0; applied as the exact damping p *= exp(-gamma dt)
 *     split symmetrically around each step, so gamma = 0 leaves the scheme exactly symplectic
 * @param observer called with {@link EnsembleStats} at step 0 and every {@code observeEvery} steps, or null
 * @param observeEvery steps between observations, >= 1 when an observer is set
 * @param backend the kind to run on, or null to choose automatically
 */
public record IntegrationOptions(double gamma, EnsembleObserver observer, long observeEvery, Backend backend) {
    /** No friction, no observer, automatic backend. */
    public static final IntegrationOptions DEFAULT = new IntegrationOptions(0, null, 0, null);

    /** Validates the fields (messages name the field and its value). */
    public IntegrationOptions {
        if (!Double.isFinite(gamma) || gamma < 0) throw new IllegalArgumentException("gamma must be finite and >= 0, was " + gamma);
        if (observer != null && observeEvery < 1) {
            throw new IllegalArgumentException("observeEvery must be >= 1 when an observer is set, was " + observeEvery);
        }
    }

    /** These options with friction rate {@code gamma}. */
    public IntegrationOptions withFriction(double gamma) {
        return new IntegrationOptions(gamma, observer, observeEvery, backend);
    }

    /** These options with {@code observer} called every {@code every} steps. */
    public IntegrationOptions withObserver(long every, EnsembleObserver observer) {
        return new IntegrationOptions(gamma, Objects.requireNonNull(observer, "observer must not be null"), every, backend);
    }

    /** These options pinned to {@code backend} (throws at integration if that kind is unavailable). */
    public IntegrationOptions withBackend(Backend backend) {
        return new IntegrationOptions(gamma, observer, observeEvery, Objects.requireNonNull(backend, "backend must not be null"));
    }
}
