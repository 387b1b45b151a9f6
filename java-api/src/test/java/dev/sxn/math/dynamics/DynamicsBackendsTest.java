package dev.sxn.math.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every accelerated backend against the JAVA kernel, on every built-in potential shape, integrator and
 * friction setting, with particle counts that leave every vector tail (1, 7, 17, 33, 101) and d = 1..6.
 *
 * <p>Tolerance: after 8 steps (one kernel call) every coordinate agrees within 1e-12 relative to the
 * state's magnitude, |x - x_java| <= 1e-12 max(1, max|x_java|). The kernels run the same operation
 * sequence; VECTOR, NATIVE and OPENCL fuse multiply-adds (one rounding instead of two), which moves
 * results by a few ulps per step. Over 600 steps (three kernel calls, an observer in between) the bound
 * is 1e-10: the radial potentials are integrable and Henon-Heiles below E = 1/6 barely amplifies ulps
 * over t = 6.
 */
class DynamicsBackendsTest {
    private static final int[] COUNTS = {1, 7, 17, 33, 101};

    record Shape(String name, Potential potential, int d) {
        @Override
        public String toString() {
            return name + " d=" + d;
        }
    }

    static List<Shape> shapes() {
        RegimeQuadratic rq = Potentials.regimeQuadratic(new double[] {1.0, 3.0}, new double[] {0.0, 0.4});
        return List.of(
                new Shape("quadratic", Potentials.quadratic(2.0), 1),
                new Shape("anharmonic", Potentials.anharmonic(1.0, 0.8), 2),
                new Shape("anharmonic", Potentials.anharmonic(1.0, 0.8), 3),
                new Shape("doubleWell", Potentials.doubleWell(0.5, 0.7), 3),
                new Shape("regime1", rq.withRegime(1), 3),
                new Shape("anharmonic", Potentials.anharmonic(1.0, 0.8), 4),
                new Shape("anharmonic", Potentials.anharmonic(0.5, 1.0), 6),
                new Shape("henonHeiles", Potentials.henonHeiles(), 2));
    }

    /** The built-in family's kinds beyond JAVA, from the registry. */
    static java.util.stream.Stream<Backend> accelerated() {
        return BackendSupport.accelerated(KernelFamilies.DYNAMICS);
    }

    static List<Object[]> cases() {
        return accelerated().flatMap(kind -> shapes().stream().map(s -> new Object[] {kind, s})).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void agreesWithJavaAfterOneChunk(Backend kind, Shape shape) {
        BackendSupport.assumeAvailable(kind);
        for (int n : COUNTS) {
            for (Integrator in : Integrator.values()) {
                for (double gamma : new double[] {0.0, 0.3}) {
                    compare(kind, shape, n, in, gamma, 8, 1e-12);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void agreesWithJavaOverSeveralChunks(Backend kind, Shape shape) {
        BackendSupport.assumeAvailable(kind);
        compare(kind, shape, 37, Integrator.YOSHIDA4, 0.0, 600, 1e-10);
        compare(kind, shape, 37, Integrator.LEAPFROG, 0.1, 600, 1e-10);
    }

    @ParameterizedTest
    @MethodSource("accelerated")
    void largeEnsembleAgrees(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        Shape s = new Shape("anharmonic", Potentials.anharmonic(1.0, 0.5), 3);
        compare(kind, s, 200_003, Integrator.LEAPFROG, 0.0, 16, 1e-12);
    }

    private static void compare(Backend kind, Shape shape, int n, Integrator in, double gamma, int steps, double tol) {
        Ensemble ref = DynamicsTest.randomEnsemble(n, shape.d(), 31L * n + shape.d());
        scale(ref, shape.potential() instanceof HenonHeilesPotential ? 0.3 : 1.0);
        Ensemble got = ref.copy();
        IntegrationOptions opt = IntegrationOptions.DEFAULT.withFriction(gamma);
        if (steps > Dynamics.CHUNK) opt = opt.withObserver(250, st -> {});
        Dynamics.integrate(ref, shape.potential(), in, 0.01, steps, opt.withBackend(Backend.JAVA));
        IntegrationResult r = Dynamics.integrate(got, shape.potential(), in, 0.01, steps, opt.withBackend(kind));
        assertEquals(kind, r.backend());
        double mag = 1;
        for (double x : ref.positions()) mag = Math.max(mag, Math.abs(x));
        for (double x : ref.momenta()) mag = Math.max(mag, Math.abs(x));
        double bound = tol * mag;
        check(ref.positions(), got.positions(), bound, kind, shape, n, in, gamma, "q");
        check(ref.momenta(), got.momenta(), bound, kind, shape, n, in, gamma, "p");
    }

    private static void check(double[] want, double[] got, double bound, Backend kind, Shape shape, int n, Integrator in, double gamma,
            String what) {
        for (int j = 0; j < want.length; j++) {
            if (!(Math.abs(want[j] - got[j]) <= bound)) {
                fail(kind + " " + shape + " n=" + n + " " + in + " gamma=" + gamma + ": " + what + "[" + j + "] = " + got[j]
                        + ", JAVA " + want[j] + ", |diff| " + Math.abs(want[j] - got[j]) + " > " + bound);
            }
        }
        assertTrue(true);
    }

    private static void scale(Ensemble e, double f) {
        for (int j = 0; j < e.positions().length; j++) {
            e.positions()[j] *= f;
            e.momenta()[j] *= f;
        }
    }
}
