package dev.sxn.math.dynamics;

import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelFamily;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.FaultCase.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ensemble integrations of the fault-injection suite ({@code FaultInjectionTest}). Each chunk of up to
 * {@link Dynamics#CHUNK} steps is one dispatch. A built-in potential's kernel advances the ensemble in place
 * (the kernel contract: only after its work succeeded); a user-written potential's kernel advances it block by
 * block, so the facade keeps the chunk's starting state to restart from. A call of one chunk checks that a failed
 * pinned call leaves the ensemble as it was; longer calls leave it at the end of their last completed chunk.
 */
public final class DynamicsFaultCases {
    private DynamicsFaultCases() {}

    /** A user-written potential (the VECTOR kernel calls its default block gradient, one particle at a time). */
    static final Potential QUARTIC = new Potential() {
        @Override
        public double value(double[] q) {
            double s = 0;
            for (double v : q) s += 0.5 * v * v + 0.05 * v * v * v * v;
            return s;
        }

        @Override
        public void gradient(double[] q, double[] out) {
            for (int i = 0; i < q.length; i++) out[i] = q[i] + 0.2 * q[i] * q[i] * q[i];
        }

        @Override
        public String toString() {
            return "quartic (user-written)";
        }
    };

    /** The cases. */
    public static List<FaultCase> cases() {
        return List.of(
                integrate("quadratic, one chunk", KernelFamilies.DYNAMICS, Potentials.quadratic(1.3), 37, 3, 200, 0, 0)
                        .inPlaceOnCallersData(),
                integrate("anharmonic with friction, three chunks", KernelFamilies.DYNAMICS, Potentials.anharmonic(0.8, 0.1), 41, 2, 600,
                        0.05, 0).inPlaceOnCallersData(),
                integrate("Henon-Heiles with an observer", KernelFamilies.DYNAMICS, Potentials.henonHeiles(), 19, 2, 300, 0, 100)
                        .inPlaceOnCallersData(),
                integrate("user potential, one chunk", KernelFamilies.DYNAMICS_USER, QUARTIC, 23, 3, 180, 0, 0),
                integrate("user potential with friction and an observer, three chunks", KernelFamilies.DYNAMICS_USER, QUARTIC, 29, 2,
                        520, 0.1, 130));
    }

    private static FaultCase integrate(String name, KernelFamily family, Potential v, int n, int d, long steps,
            double gamma, long every) {
        return FaultCase.of("Dynamics.integrate, " + name, family, k -> {
            Ensemble e = ensemble(n, d, steps + n);
            List<Object> observed = new ArrayList<>();
            IntegrationOptions options = IntegrationOptions.DEFAULT.withFriction(gamma).withBackend(k);
            if (every > 0) options = options.withObserver(every, s -> observed.add(stats(s)));
            IntegrationOptions o = options;
            IntegrationResult[] r = new IntegrationResult[1];
            boolean oneChunk = steps <= Dynamics.CHUNK && every == 0;
            return Call.of(() -> r[0] = Dynamics.integrate(e, v, Integrator.LEAPFROG, 0.01, steps, o),
                    () -> new Object[] {state(e), r[0].steps(), r[0].time(), r[0].nonFiniteMembers(), observed}, null,
                    () -> oneChunk ? state(e) : null);
        });
    }

    static Ensemble ensemble(int n, int d, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Ensemble e = new Ensemble(n, d);
        for (int j = 0; j < n * d; j++) {
            e.positions()[j] = rnd.nextGaussian();
            e.momenta()[j] = 0.5 * rnd.nextGaussian();
        }
        return e;
    }

    static Object state(Ensemble e) {
        return new Object[] {e.positions().clone(), e.momenta().clone(), e.stepsTaken()};
    }

    private static Object stats(EnsembleStats s) {
        return new Object[] {s.step(), s.time(), s.meanEnergy(), s.meanPosition(), s.positionVariance(), s.meanMomentum(),
                s.nonFiniteMembers()};
    }
}
