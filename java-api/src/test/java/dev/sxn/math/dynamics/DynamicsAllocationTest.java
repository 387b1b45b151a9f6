package dev.sxn.math.dynamics;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.Allocations;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ensemble integration allocates nothing proportional to the ensemble or the steps once warm, on every kind of
 * both dynamics families: each warm call (4101 particles, so vector tails run too; one chunk of 64 steps) stays
 * under {@value #BUDGET} bytes, the call's constant plumbing (scheme, result, dispatch). One boxed vector per
 * group of particles per step would be tens of kilobytes per call.
 */
class DynamicsAllocationTest {
    private static final int N = 4101;
    private static final int STEPS = 64;
    private static final long BUDGET = 4 * 1024;

    static Stream<Backend> builtInKinds() {
        return BackendSupport.kinds(KernelFamilies.DYNAMICS);
    }

    static Stream<Backend> userKinds() {
        return BackendSupport.kinds(KernelFamilies.DYNAMICS_USER);
    }

    /** The ensemble reset to one start before each call, so repeated calls neither decay to subnormals nor blow up. */
    private static Runnable integrating(Backend kind, Potential v, int d, Integrator in, double gamma) {
        Ensemble e = new Ensemble(N, d);
        SplittableRandom r = new SplittableRandom(11);
        double[] q0 = new double[N * d], p0 = new double[N * d];
        for (int i = 0; i < N * d; i++) {
            q0[i] = 0.3 * r.nextGaussian();
            p0[i] = 0.3 * r.nextGaussian();
        }
        IntegrationOptions options = IntegrationOptions.DEFAULT.withFriction(gamma).withBackend(kind);
        return () -> {
            System.arraycopy(q0, 0, e.positions(), 0, q0.length);
            System.arraycopy(p0, 0, e.momenta(), 0, p0.length);
            Dynamics.integrate(e, v, in, 0.01, STEPS, options);
        };
    }

    @ParameterizedTest
    @MethodSource("builtInKinds")
    void builtInPotentialsAllocateAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (double gamma : new double[] {0.0, 0.3}) {
            for (Integrator in : new Integrator[] {Integrator.LEAPFROG, Integrator.YOSHIDA4}) {
                String at = kind + " " + in + " gamma " + gamma;
                Allocations.assertUnder("quadratic d=1 " + at, integrating(kind, Potentials.quadratic(2.0), 1, in, gamma), BUDGET);
                Allocations.assertUnder("anharmonic d=3 " + at, integrating(kind, Potentials.anharmonic(1.0, 0.8), 3, in, gamma), BUDGET);
                Allocations.assertUnder("henonHeiles " + at, integrating(kind, Potentials.henonHeiles(), 2, in, gamma), BUDGET);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("userKinds")
    void userPotentialsAllocateAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        Potential user = new Potential() {
            @Override
            public double value(double[] q) {
                double s = 0;
                for (double x : q) s += x * x;
                return 0.5 * s;
            }

            @Override
            public void gradient(double[] q, double[] out) {
                for (int k = 0; k < q.length; k++) out[k] = q[k];
            }
        };
        for (double gamma : new double[] {0.0, 0.3}) {
            Allocations.assertUnder("user d=2 " + kind + " gamma " + gamma, integrating(kind, user, 2, Integrator.LEAPFROG, gamma), BUDGET);
        }
    }
}
