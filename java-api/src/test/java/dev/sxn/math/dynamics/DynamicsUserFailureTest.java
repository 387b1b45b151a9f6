package dev.sxn.math.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.internal.InjectedFamilies;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import org.junit.jupiter.api.Test;

/**
 * A user-written potential that throws on VECTOR (issue 17, item 14): its exception is its own, so it propagates as
 * thrown and switches no kind off (a kernel's failure falls back instead, FaultInjectionTest), and the ensemble is
 * left at the start of the chunk that failed, although the VECTOR kernel had written back some blocks of it.
 */
class DynamicsUserFailureTest {
    private static final int N = 1500; // two cache blocks in d = 2 (VectorDynamicsKernels.userBlock(2) = 1024)
    private static final int D = 2;

    /** Throws its one exception once armed and past {@code after} gradients: here inside the second block of a chunk. */
    private static final class Failing implements Potential {
        final IllegalStateException failure = new IllegalStateException("user gradient failed");
        final long after;
        boolean armed;
        long calls;

        Failing(long after) {
            this.after = after;
        }

        @Override
        public double value(double[] q) {
            return DynamicsFaultCases.QUARTIC.value(q);
        }

        @Override
        public void gradient(double[] q, double[] out) {
            if (armed && ++calls > after) throw failure;
            DynamicsFaultCases.QUARTIC.gradient(q, out);
        }
    }

    @Test
    void aThrowingUserPotentialPropagatesAsThrownAndLeavesTheChunksStart() {
        Backend vector = Backend.VECTOR;
        BackendSupport.assumeAvailable(vector);
        assumeTrue(Backends.forced().isEmpty(), "a kind is forced");
        assumeTrue(KernelFamilies.DYNAMICS_USER.crossover(vector) <= N, "VECTOR is not chosen for " + N + " particles here");
        for (Backend pinned : new Backend[] {null, vector}) {
            // Reference: one chunk of the same integration, without a failure.
            Ensemble want = DynamicsFaultCases.ensemble(N, D, 5);
            Dynamics.integrate(want, DynamicsFaultCases.QUARTIC, Integrator.LEAPFROG, 0.01, Dynamics.CHUNK,
                    IntegrationOptions.DEFAULT.withBackend(pinned));
            // Armed by the observer after the first chunk; fails once the first block of the second chunk is written back
            // (each particle takes about CHUNK + 1 gradients per chunk).
            Failing v = new Failing(1024L * (Dynamics.CHUNK + 24));
            Ensemble got = DynamicsFaultCases.ensemble(N, D, 5);
            IntegrationOptions options = IntegrationOptions.DEFAULT.withBackend(pinned).withObserver(Dynamics.CHUNK, s -> v.armed = s.step() > 0);
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> Dynamics.integrate(got, v, Integrator.LEAPFROG, 0.01, 3L * Dynamics.CHUNK, options));
            String on = pinned == null ? "unpinned" : "pinned";
            assertSame(v.failure, e, on + ": the user's exception, as thrown");
            assertFalse(InjectedFamilies.set(KernelFamilies.DYNAMICS_USER).hasFailed(vector), on + ": the user's exception switched VECTOR off");
            assertEquals(Dynamics.CHUNK, got.stepsTaken(), on);
            assertArrayEquals(want.positions(), got.positions(), on + ": the ensemble is not at the start of the failed chunk");
            assertArrayEquals(want.momenta(), got.momenta(), on + ": the ensemble is not at the start of the failed chunk");
        }
    }
}
