package dev.sxn.math.dynamics;

/**
 * Receives an ensemble's statistics during {@link Dynamics#integrate}: at step 0 and then every
 * {@link IntegrationOptions#observeEvery()} steps (and after the last step). Called on the integrating
 * thread; the integration waits for it.
 */
@FunctionalInterface
public interface EnsembleObserver {
    /** Called with the statistics after {@code stats.step()} steps. */
    void observe(EnsembleStats stats);
}
