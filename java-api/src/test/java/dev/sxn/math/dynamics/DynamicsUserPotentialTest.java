package dev.sxn.math.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * User-written Java potentials on the user family's accelerated kinds (VECTOR) against JAVA: a coupled quartic that uses the default
 * {@link Potential#gradients} (one Java gradient call per particle) and a separable Morse potential
 * that overrides it with its own Vector API code.
 *
 * <p>Tolerance, as in {@link DynamicsBackendsTest}: after 8 steps |x - x_java| <= 1e-12 max(1, max|x_java|);
 * over 600 steps (three chunks, an observer between) 1e-10. VECTOR fuses the integrator's multiply-adds
 * (JAVA rounds twice), and the Morse override's lane-wise exp may differ from Math.exp by an ulp.
 * Particle counts leave lane tails (1, 7, 17, 33, 101) and span several cache blocks with a short last
 * one (1501 in d = 3: blocks of {@code VectorDynamicsKernels.userBlock(3)}).
 */
class DynamicsUserPotentialTest {
    private static final int[] COUNTS = {1, 7, 17, 33, 101, 1501};
    private static final int[] DIMS = {1, 2, 3, 5};

    /** V = sum_k (k_k q_k^2 / 2 + q_k^4 / 4) + c sum_k q_k q_{k+1}, with k_k = 1 + k / 2 and c = 0.1. */
    static Potential quartic() {
        return new Potential() {
            @Override
            public double value(double[] q) {
                double v = 0;
                for (int k = 0; k < q.length; k++) {
                    double x = q[k];
                    v += 0.5 * (1 + 0.5 * k) * x * x + 0.25 * x * x * x * x;
                    if (k + 1 < q.length) v += 0.1 * x * q[k + 1];
                }
                return v;
            }

            @Override
            public void gradient(double[] q, double[] out) {
                for (int k = 0; k < q.length; k++) {
                    double x = q[k];
                    double g = (1 + 0.5 * k) * x + x * x * x;
                    if (k > 0) g += 0.1 * q[k - 1];
                    if (k + 1 < q.length) g += 0.1 * q[k + 1];
                    out[k] = g;
                }
            }

            @Override
            public String toString() {
                return "user quartic";
            }
        };
    }

    /** Separable Morse V = sum_k D (1 - e_k)^2, e_k = exp(-a (q_k - r0)); gradient 2 D a e_k (1 - e_k). Vectorised batch. */
    static Potential morse() {
        final double dd = 1.5, a = 1.2, r0 = 0.3;
        return new Potential() {
            private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

            @Override
            public double value(double[] q) {
                double v = 0;
                for (double x : q) {
                    double u = 1 - Math.exp(-a * (x - r0));
                    v += dd * u * u;
                }
                return v;
            }

            @Override
            public void gradient(double[] q, double[] out) {
                for (int k = 0; k < q.length; k++) {
                    double e = Math.exp(-a * (q[k] - r0));
                    out[k] = 2 * dd * a * e * (1 - e);
                }
            }

            @Override
            public void gradients(double[] q, double[] out, int n, int d) {
                // Separable: the n d coordinates are independent, one flat loop.
                int len = n * d, i = 0;
                for (int ub = S.loopBound(len); i < ub; i += S.length()) {
                    DoubleVector x = DoubleVector.fromArray(S, q, i);
                    DoubleVector e = x.sub(r0).mul(-a).lanewise(VectorOperators.EXP);
                    e.mul(2 * dd * a).mul(e.neg().add(1)).intoArray(out, i);
                }
                for (; i < len; i++) {
                    double e = Math.exp(-a * (q[i] - r0));
                    out[i] = 2 * dd * a * e * (1 - e);
                }
            }

            @Override
            public String toString() {
                return "user Morse (vectorised gradients)";
            }
        };
    }

    static List<Potential> potentials() {
        return List.of(quartic(), morse());
    }

    /** The kinds beyond JAVA that run user potentials, from the registry. */
    static Stream<Backend> userKinds() {
        return BackendSupport.accelerated(KernelFamilies.DYNAMICS_USER);
    }

    /** The kinds that run built-in potentials but cannot call user code. */
    static Stream<Backend> builtInOnlyKinds() {
        return BackendSupport.kinds(KernelFamilies.DYNAMICS).filter(k -> !KernelFamilies.DYNAMICS_USER.kinds().contains(k));
    }

    @ParameterizedTest
    @MethodSource("userKinds")
    void agreesWithJavaAfterOneChunk(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (Potential v : potentials()) {
            for (int d : DIMS) {
                for (int n : COUNTS) {
                    if (n > 101 && d != 3) continue; // the multi-block size once, to keep the suite short
                    for (Integrator in : Integrator.values()) {
                        for (double gamma : new double[] {0.0, 0.3}) {
                            compare(kind, v, n, d, in, gamma, 8, 1e-12);
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("userKinds")
    void agreesWithJavaOverSeveralChunks(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (Potential v : potentials()) {
            compare(kind, v, 37, 3, Integrator.YOSHIDA4, 0.0, 600, 1e-10);
            compare(kind, v, 37, 2, Integrator.LEAPFROG, 0.1, 600, 1e-10);
            compare(kind, v, 1501, 3, Integrator.SYMPLECTIC_EULER, 0.2, 300, 1e-10);
        }
    }

    @ParameterizedTest
    @MethodSource("userKinds")
    void observerStatisticsAgreeWithJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (Potential v : potentials()) {
            Ensemble ref = DynamicsTest.randomEnsemble(1003, 3, 5), got = ref.copy();
            List<EnsembleStats> want = new ArrayList<>(), seen = new ArrayList<>();
            IntegrationOptions opt = IntegrationOptions.DEFAULT.withFriction(0.05);
            Dynamics.integrate(ref, v, Integrator.LEAPFROG, 0.01, 300, opt.withObserver(100, want::add).withBackend(Backend.JAVA));
            Dynamics.integrate(got, v, Integrator.LEAPFROG, 0.01, 300, opt.withObserver(100, seen::add).withBackend(kind));
            assertEquals(want.size(), seen.size());
            for (int j = 0; j < want.size(); j++) {
                EnsembleStats w = want.get(j), s = seen.get(j);
                assertEquals(w.step(), s.step());
                assertEquals(w.meanEnergy(), s.meanEnergy(), 1e-12 * Math.abs(w.meanEnergy()), v + " energy at " + w.step());
                for (int k = 0; k < 3; k++) {
                    assertEquals(w.meanPosition()[k], s.meanPosition()[k], 1e-12, v + " mean q at " + w.step());
                    assertEquals(w.meanMomentum()[k], s.meanMomentum()[k], 1e-12, v + " mean p at " + w.step());
                    assertEquals(w.positionVariance()[k], s.positionVariance()[k], 1e-12 * w.positionVariance()[k],
                            v + " var q at " + w.step());
                }
            }
        }
    }

    @Test
    void unpinnedUserPotentialRunsOnVectorFromItsCrossover() {
        Potential v = quartic();
        assertEquals(Backend.JAVA, Dynamics.integrate(DynamicsTest.randomEnsemble((int) dev.sxn.math.internal.KernelFamilies.DYNAMICS_USER.crossover(Backend.VECTOR) - 1, 2, 3), v,
                Integrator.LEAPFROG, 0.01, 4).backend());
        BackendSupport.assumeAvailable(Backend.VECTOR);
        assertEquals(Backend.VECTOR, Dynamics.integrate(DynamicsTest.randomEnsemble((int) dev.sxn.math.internal.KernelFamilies.DYNAMICS_USER.crossover(Backend.VECTOR), 2, 3), v,
                Integrator.LEAPFROG, 0.01, 4).backend());
    }

    @ParameterizedTest
    @MethodSource("builtInOnlyKinds")
    void kindsWithoutUserKernelsRefuseUserPotentials(Backend kind) {
        // Refused before the backend is even loaded, so this holds whether or not the kind is available here.
        Ensemble e = DynamicsTest.randomEnsemble(16, 3, 1);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> Dynamics.integrate(e, quartic(), Integrator.LEAPFROG, 0.01, 1, IntegrationOptions.DEFAULT.withBackend(kind)));
        for (String part : new String[] {"user quartic", "JAVA and VECTOR only", "was " + kind, "cannot call Java code per particle"}) {
            assertTrue(ex.getMessage().contains(part), "'" + ex.getMessage() + "' should contain '" + part + "'");
        }
    }

    @Test
    void aThrowingUserPotentialPropagatesOnVector() {
        BackendSupport.assumeAvailable(Backend.VECTOR);
        Potential bad = new Potential() {
            @Override
            public double value(double[] q) {
                return 0;
            }

            @Override
            public void gradient(double[] q, double[] out) {
                throw new IllegalStateException("user gradient failed");
            }
        };
        Ensemble e = DynamicsTest.randomEnsemble(20, 2, 1);
        IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> Dynamics.integrate(e, bad, Integrator.LEAPFROG, 0.01, 3, IntegrationOptions.DEFAULT.withBackend(Backend.VECTOR)));
        assertEquals("user gradient failed", ex.getMessage());
    }

    private static void compare(Backend kind, Potential v, int n, int d, Integrator in, double gamma, int steps, double tol) {
        Ensemble ref = DynamicsTest.randomEnsemble(n, d, 17L * n + d), got = ref.copy();
        IntegrationOptions opt = IntegrationOptions.DEFAULT.withFriction(gamma);
        if (steps > Dynamics.CHUNK) opt = opt.withObserver(250, st -> {});
        Dynamics.integrate(ref, v, in, 0.01, steps, opt.withBackend(Backend.JAVA));
        IntegrationResult r = Dynamics.integrate(got, v, in, 0.01, steps, opt.withBackend(kind));
        assertEquals(kind, r.backend());
        assertEquals(0, got.nonFiniteCount());
        double mag = 1;
        for (double x : ref.positions()) mag = Math.max(mag, Math.abs(x));
        for (double x : ref.momenta()) mag = Math.max(mag, Math.abs(x));
        String what = v + " n=" + n + " d=" + d + " " + in + " gamma=" + gamma + " steps=" + steps;
        check(ref.positions(), got.positions(), tol * mag, what + " q");
        check(ref.momenta(), got.momenta(), tol * mag, what + " p");
    }

    private static void check(double[] want, double[] got, double bound, String what) {
        for (int j = 0; j < want.length; j++) {
            if (!(Math.abs(want[j] - got[j]) <= bound)) {
                fail(what + "[" + j + "] = " + got[j] + ", JAVA " + want[j] + ", |diff| " + Math.abs(want[j] - got[j]) + " > " + bound);
            }
        }
    }
}
