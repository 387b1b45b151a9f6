package dev.sxn.math.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Integrators against exact solutions, conservation, reversibility, friction and Lyapunov exponents (plain Java). */
class DynamicsTest {

    /** Harmonic oscillator V = k q^2 / 2 from (q0, p0): q(T) and p(T) after `steps` steps of T / steps. */
    private static double[] harmonicError(Integrator in, double k, double T, int steps) {
        double q0 = 1.0, p0 = 0.3, w = Math.sqrt(k);
        Ensemble e = new Ensemble(1, 1);
        e.setPosition(0, 0, q0);
        e.setMomentum(0, 0, p0);
        Dynamics.integrate(e, Potentials.quadratic(k), in, T / steps, steps, IntegrationOptions.DEFAULT.withBackend(Backend.JAVA));
        double qe = q0 * Math.cos(w * T) + p0 / w * Math.sin(w * T);
        double pe = -q0 * w * Math.sin(w * T) + p0 * Math.cos(w * T);
        return new double[] {Math.hypot(e.position(0, 0) - qe, e.momentum(0, 0) - pe)};
    }

    @ParameterizedTest
    @EnumSource(Integrator.class)
    void observedOrderMatchesNominalOrderWithin0_2(Integrator in) {
        // Halving dt divides the global error at T = 10 by 2^order; the dt are small enough to be in the
        // asymptotic range and large enough that rounding (1e-14) stays far below the error.
        int n1 = in == Integrator.YOSHIDA4 ? 100 : 1000;
        double e1 = harmonicError(in, 2.0, 10.0, n1)[0];
        double e2 = harmonicError(in, 2.0, 10.0, 2 * n1)[0];
        double order = Math.log(e1 / e2) / Math.log(2);
        assertEquals(in.order(), order, 0.2, in + ": errors " + e1 + ", " + e2);
    }

    @Test
    void leapfrogEnergyErrorBoundedWithoutDriftOverMillionSteps() {
        EnergyDrift drift = Dynamics.energyDrift(Potentials.quadratic(1.0), new double[] {1.0}, new double[] {0.0}, Integrator.LEAPFROG,
                0.01, 1_000_000, 1000);
        assertTrue(drift.maxRelativeError() < 1e-3, drift.toString());
        // Bounded oscillation of amplitude ~ dt^2 / 4 = 2.5e-5; a secular drift would show a slope of the
        // order maxRelativeError / T = 2.5e-9 per unit time or more.
        assertTrue(Math.abs(drift.driftPerUnitTime()) < 1e-10, drift.toString());
        assertEquals(1_000_001 / 1000 + 1, drift.samples());
    }

    @Test
    void explicitEulerLikeDriftIsVisibleToTheDiagnostic() {
        // Symplectic Euler's energy error is bounded too (O(dt)); the diagnostic shows no drift for it either,
        // and a larger max error than leapfrog: the diagnostic separates orders.
        EnergyDrift se = Dynamics.energyDrift(Potentials.quadratic(1.0), new double[] {1.0}, new double[] {0.0},
                Integrator.SYMPLECTIC_EULER, 0.01, 100_000, 100);
        EnergyDrift lf = Dynamics.energyDrift(Potentials.quadratic(1.0), new double[] {1.0}, new double[] {0.0}, Integrator.LEAPFROG,
                0.01, 100_000, 100);
        assertTrue(se.maxRelativeError() > 10 * lf.maxRelativeError(), se + " vs " + lf);
        assertTrue(se.maxRelativeError() < 0.02, se.toString());
    }

    @ParameterizedTest
    @EnumSource(value = Integrator.class, names = {"LEAPFROG", "YOSHIDA4"})
    void forwardThenBackwardReturnsToStartWithin1e10(Integrator in) {
        Ensemble e = randomEnsemble(7, 3, 11);
        Ensemble start = e.copy();
        Potential v = Potentials.anharmonic(1.0, 0.5);
        Dynamics.integrate(e, v, in, 0.01, 1000);
        negateMomenta(e);
        Dynamics.integrate(e, v, in, 0.01, 1000);
        negateMomenta(e);
        for (int j = 0; j < e.positions().length; j++) {
            assertEquals(start.positions()[j], e.positions()[j], 1e-10, "q[" + j + "]");
            assertEquals(start.momenta()[j], e.momenta()[j], 1e-10, "p[" + j + "]");
        }
    }

    @Test
    void frictionDecaysHarmonicEnergyAtTheExactRate() {
        // Damped oscillator q'' + gamma q' + k q = 0, q(0) = 1, p(0) = 0: closed form with w_d = sqrt(k - gamma^2 / 4).
        double k = 1.0, gamma = 0.2, T = 20, dt = 0.001;
        int steps = (int) Math.round(T / dt);
        Ensemble e = new Ensemble(1, 1);
        e.setPosition(0, 0, 1.0);
        Dynamics.integrate(e, Potentials.quadratic(k), Integrator.LEAPFROG, dt, steps, IntegrationOptions.DEFAULT.withFriction(gamma));
        double wd = Math.sqrt(k - gamma * gamma / 4), decay = Math.exp(-gamma * T / 2);
        double A = 1.0, B = gamma / (2 * wd);
        double qe = decay * (A * Math.cos(wd * T) + B * Math.sin(wd * T));
        double pe = decay * (-gamma / 2 * (A * Math.cos(wd * T) + B * Math.sin(wd * T)) + wd * (-A * Math.sin(wd * T) + B * Math.cos(wd * T)));
        double energy = e.energy(Potentials.quadratic(k));
        double exact = 0.5 * pe * pe + 0.5 * k * qe * qe;
        // Strang splitting is second order: relative error ~ dt^2 T.
        assertEquals(exact, energy, 1e-5 * exact, "energy at T");
        // Averaged over whole periods the energy decays as exp(-gamma t): compare two period-spaced times.
        assertEquals(-gamma, Math.log(exact / 0.5) / T, 0.02, "mean decay rate of the exact solution");
    }

    @Test
    void zeroFrictionIsBitwiseTheConservativeScheme() {
        Ensemble a = randomEnsemble(5, 2, 3), b = a.copy();
        Dynamics.integrate(a, Potentials.anharmonic(1, 1), Integrator.YOSHIDA4, 0.01, 300);
        Dynamics.integrate(b, Potentials.anharmonic(1, 1), Integrator.YOSHIDA4, 0.01, 300, IntegrationOptions.DEFAULT.withFriction(0));
        assertArrayEquals(a.positions(), b.positions());
        assertArrayEquals(a.momenta(), b.momenta());
    }

    @Test
    void lyapunovIsAboutZeroForHarmonicAndPositiveForChaoticHenonHeiles() {
        Lyapunov.Estimate h = Lyapunov.maxExponent(Potentials.quadratic(1.0), new double[] {1, 0.5}, new double[] {0, 0.2},
                Integrator.LEAPFROG, 0.01, 200_000);
        assertEquals(0.0, h.exponent(), 1e-3, h.toString());
        // E = 1/6 from (x, y, px, py) = (0, -0.1, px, 0): deep in the chaotic sea of the surface of section
        // (Henon and Heiles 1964, fig. 5); published estimates of the maximal exponent there are ~0.1-0.15.
        Potential hh = Potentials.henonHeiles();
        double y = -0.1, px = Math.sqrt(2 * (1.0 / 6 - hh.value(new double[] {0, y})));
        Lyapunov.Estimate c = Lyapunov.maxExponent(hh, new double[] {0, y}, new double[] {px, 0}, Integrator.LEAPFROG, 0.01, 200_000);
        assertTrue(c.exponent() > 0.05 && c.exponent() < 0.3, c.toString());
        // A regular (quasi-periodic) orbit at the same energy has an exponent near 0.
        double y2 = 0.1, px2 = Math.sqrt(2 * (1.0 / 6 - hh.value(new double[] {0, y2})));
        Lyapunov.Estimate r = Lyapunov.maxExponent(hh, new double[] {0, y2}, new double[] {px2, 0}, Integrator.LEAPFROG, 0.01, 200_000);
        assertTrue(r.exponent() < 0.2 * c.exponent(), r + " vs chaotic " + c);
    }

    @Test
    void yoshidaConservesBetterThanLeapfrogOnAnharmonic() {
        double[] q = {1.0, -0.5, 0.25}, p = {0.1, 0.2, -0.3};
        EnergyDrift lf = Dynamics.energyDrift(Potentials.anharmonic(1, 1), q, p, Integrator.LEAPFROG, 0.01, 20_000, 100);
        EnergyDrift y4 = Dynamics.energyDrift(Potentials.anharmonic(1, 1), q, p, Integrator.YOSHIDA4, 0.01, 20_000, 100);
        assertTrue(y4.maxRelativeError() < lf.maxRelativeError() / 100, y4 + " vs " + lf);
    }

    @Test
    void doubleWellHasMinimaOnTheSphereAndBarrierAtOrigin() {
        Potential v = Potentials.doubleWell(2.0, 1.5);
        assertEquals(2.0, v.value(new double[] {0, 0}), 1e-15);
        assertEquals(0.0, v.value(new double[] {1.5, 0}), 1e-15);
        assertEquals(0.0, v.value(new double[] {0.9, 1.2}), 1e-14); // r = 1.5
        double[] g = new double[2];
        v.gradient(new double[] {0.9, 1.2}, g);
        assertEquals(0.0, g[0], 1e-14);
        assertEquals(0.0, g[1], 1e-14);
        checkGradientByDifferences(v, new double[] {0.3, -0.7});
        checkGradientByDifferences(Potentials.henonHeiles(), new double[] {0.3, -0.2});
        checkGradientByDifferences(Potentials.anharmonic(0.5, 2), new double[] {0.3, -0.2, 1.1});
    }

    private static void checkGradientByDifferences(Potential v, double[] q) {
        double[] g = new double[q.length];
        v.gradient(q, g);
        for (int k = 0; k < q.length; k++) {
            double h = 1e-6;
            double[] a = q.clone(), b = q.clone();
            a[k] += h;
            b[k] -= h;
            assertEquals((v.value(a) - v.value(b)) / (2 * h), g[k], 1e-8, v + " dV/dq" + k);
        }
    }

    @Test
    void regimeQuadraticSwitchesStiffnessAndCentre() {
        RegimeQuadratic v = Potentials.regimeQuadratic(new double[] {1.0, 4.0}, new double[] {0.0, 2.0});
        assertEquals(0.5, v.value(new double[] {1.0}), 0);
        RegimeQuadratic v1 = v.withRegime(1);
        assertEquals(1, v1.regime());
        assertEquals(0.0, v1.value(new double[] {2.0}), 0);
        assertEquals(2.0, v1.value(new double[] {3.0}), 0);
        // With friction, particles settle at the current regime's centre.
        Ensemble e = randomEnsemble(4, 2, 5);
        Dynamics.integrate(e, v1, Integrator.LEAPFROG, 0.01, 5000, IntegrationOptions.DEFAULT.withFriction(2.0));
        for (double x : e.positions()) assertEquals(2.0, x, 1e-6);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> v.withRegime(2));
        assertTrue(ex.getMessage().contains("regime") && ex.getMessage().contains("2"), ex.getMessage());
    }

    @Test
    void observerSeesStepZeroEveryKStepsAndTheEnd() {
        Ensemble e = randomEnsemble(50, 3, 9);
        List<EnsembleStats> seen = new ArrayList<>();
        Potential v = Potentials.quadratic(1.0);
        Dynamics.integrate(e, v, Integrator.LEAPFROG, 0.01, 250, IntegrationOptions.DEFAULT.withObserver(100, seen::add));
        assertEquals(List.of(0L, 100L, 200L, 250L), seen.stream().map(EnsembleStats::step).toList());
        EnsembleStats last = seen.get(3);
        assertEquals(2.5, last.time(), 1e-12);
        assertEquals(e.energy(v) / 50, last.meanEnergy(), 1e-12);
        double m = 0, s = 0;
        for (int i = 0; i < 50; i++) m += e.position(i, 1) / 50;
        for (int i = 0; i < 50; i++) s += (e.position(i, 1) - m) * (e.position(i, 1) - m) / 50;
        assertEquals(m, last.meanPosition()[1], 1e-14);
        assertEquals(s, last.positionVariance()[1], 1e-14);
        // Energy is conserved by the ensemble too (no friction).
        assertEquals(seen.get(0).meanEnergy(), last.meanEnergy(), 1e-4 * seen.get(0).meanEnergy());
    }

    @Test
    void userPotentialMatchesBuiltInOnJava() {
        Potential user = new Potential() {
            @Override
            public double value(double[] q) {
                double r2 = 0;
                for (double x : q) r2 += x * x;
                return 0.5 * r2 + 0.25 * r2 * r2;
            }

            @Override
            public void gradient(double[] q, double[] out) {
                double r2 = 0;
                for (double x : q) r2 += x * x;
                for (int k = 0; k < q.length; k++) out[k] = (1 + r2) * q[k];
            }
        };
        Ensemble a = randomEnsemble(9, 3, 1), b = a.copy();
        IntegrationResult ra = Dynamics.integrate(a, user, Integrator.YOSHIDA4, 0.01, 500);
        Dynamics.integrate(b, Potentials.anharmonic(1, 1), Integrator.YOSHIDA4, 0.01, 500, IntegrationOptions.DEFAULT.withBackend(Backend.JAVA));
        assertEquals(Backend.JAVA, ra.backend());
        assertArrayEquals(b.positions(), a.positions(), 1e-13);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> Dynamics.integrate(a, user, Integrator.LEAPFROG, 0.01, 1, IntegrationOptions.DEFAULT.withBackend(Backend.NATIVE)));
        assertTrue(ex.getMessage().contains("JAVA and VECTOR only"), ex.getMessage());
    }

    // ---- errors ----

    @Test
    void badStepSizeThrowsNamingIt() {
        Ensemble e = new Ensemble(2, 1);
        for (double dt : new double[] {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                    () -> Dynamics.integrate(e, Potentials.quadratic(1), Integrator.LEAPFROG, dt, 10));
            assertTrue(ex.getMessage().contains("dt") && ex.getMessage().contains(String.valueOf(dt)), ex.getMessage());
        }
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> Dynamics.integrate(e, Potentials.quadratic(1), Integrator.LEAPFROG, 0.1, -1));
        assertTrue(ex.getMessage().contains("steps") && ex.getMessage().contains("-1"), ex.getMessage());
    }

    @Test
    void nonFiniteStateThrowsNamingParticleAndCoordinate() {
        Ensemble e = new Ensemble(4, 2);
        e.setMomentum(3, 1, Double.NaN);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> Dynamics.integrate(e, Potentials.quadratic(1), Integrator.LEAPFROG, 0.1, 10));
        assertTrue(ex.getMessage().contains("momentum of particle 3, coordinate 1") && ex.getMessage().contains("NaN"), ex.getMessage());
        IllegalArgumentException ex2 = assertThrows(IllegalArgumentException.class,
                () -> Dynamics.integrate(Potentials.quadratic(1), new double[] {0, Double.POSITIVE_INFINITY}, new double[2],
                        Integrator.LEAPFROG, 0.1, 10, 0));
        assertTrue(ex2.getMessage().contains("q[1]") && ex2.getMessage().contains("Infinity"), ex2.getMessage());
        IllegalArgumentException ex3 = assertThrows(IllegalArgumentException.class, () -> Potentials.anharmonic(Double.NaN, 1));
        assertTrue(ex3.getMessage().contains("k2") && ex3.getMessage().contains("NaN"), ex3.getMessage());
    }

    @Test
    void dimensionMismatchThrows() {
        Ensemble e = new Ensemble(3, 3);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> Dynamics.integrate(e, Potentials.henonHeiles(), Integrator.LEAPFROG, 0.1, 10));
        assertTrue(ex.getMessage().contains("dimension mismatch") && ex.getMessage().contains("2-dimensional")
                && ex.getMessage().contains("3-dimensional"), ex.getMessage());
        IllegalArgumentException ex2 = assertThrows(IllegalArgumentException.class,
                () -> Dynamics.integrate(Potentials.quadratic(1), new double[2], new double[3], Integrator.LEAPFROG, 0.1, 10, 0));
        assertTrue(ex2.getMessage().contains("were 2 and 3"), ex2.getMessage());
    }

    @Test
    void divergingTrajectoryThrowsArithmeticExceptionNamingTheStep() {
        // Anharmonic with a step far beyond stability: the state overflows within a few dozen steps.
        double[] q = {10.0}, p = {0.0};
        ArithmeticException ex = assertThrows(ArithmeticException.class,
                () -> Dynamics.integrate(Potentials.anharmonic(1, 1), q, p, Integrator.LEAPFROG, 0.5, 1000, 0));
        assertTrue(ex.getMessage().matches("trajectory became non-finite at step \\d+ .*"), ex.getMessage());
        assertTrue(Double.isFinite(q[0]) && Double.isFinite(p[0]), "state left at the last finite step");
        // In an ensemble the diverging member is flagged and the others carry on.
        Ensemble e = new Ensemble(3, 1);
        e.setPosition(0, 0, 0.5);
        e.setPosition(1, 0, 10.0);
        e.setPosition(2, 0, -0.5);
        IntegrationResult r = Dynamics.integrate(e, Potentials.anharmonic(1, 1), Integrator.LEAPFROG, 0.5, 600);
        assertEquals(1, r.nonFiniteMembers());
        assertEquals(-1, e.nonFiniteStep(0));
        assertEquals(Dynamics.CHUNK, e.nonFiniteStep(1));
        assertEquals(-1, e.nonFiniteStep(2));
        assertTrue(Double.isFinite(e.position(0, 0)) && Double.isFinite(e.position(2, 0)));
        // A flagged member does not make the next call reject the ensemble; it stays flagged at its step.
        IntegrationResult again = Dynamics.integrate(e, Potentials.anharmonic(1, 1), Integrator.LEAPFROG, 0.5, 10);
        assertEquals(0, again.nonFiniteMembers());
        assertEquals(Dynamics.CHUNK, e.nonFiniteStep(1));
        assertEquals(1, e.nonFiniteCount());
    }

    @Test
    void constructorsAndOptionsRejectBadArgumentsNamingThem() {
        assertMessage(() -> Potentials.quadratic(0), "k", "0.0");
        assertMessage(() -> Potentials.anharmonic(1, -1), "k4", "-1.0");
        assertMessage(() -> Potentials.doubleWell(1, Double.NaN), "w", "NaN");
        assertMessage(() -> Potentials.regimeQuadratic(new double[] {1, -2}, new double[] {0, 0}), "k[1]", "-2.0");
        assertMessage(() -> Potentials.regimeQuadratic(new double[] {1}, new double[] {0, 0}), "same length", "1 and 2");
        assertMessage(() -> new Ensemble(0, 3), "n (particles)", "0");
        assertMessage(() -> new Ensemble(3, 0), "d (dimensions)", "0");
        assertMessage(() -> IntegrationOptions.DEFAULT.withFriction(-0.5), "gamma", "-0.5");
        assertMessage(() -> IntegrationOptions.DEFAULT.withObserver(0, st -> {}), "observeEvery", "0");
        assertMessage(() -> Lyapunov.maxExponent(Potentials.quadratic(1), new double[1], new double[1], Integrator.LEAPFROG, 0.1, 100, 10, 0.5),
                "d0", "0.5");
        assertMessage(() -> new Ensemble(2, 3).energy(Potentials.henonHeiles()), "dimension mismatch", "2-dimensional");
        Ensemble big = new Ensemble(2, 65);
        assertMessage(() -> Dynamics.integrate(big, Potentials.quadratic(1), Integrator.LEAPFROG, 0.1, 1,
                IntegrationOptions.DEFAULT.withBackend(Backend.NATIVE)), "d must be <= 64", "65");
        // Unpinned, a large d simply runs on JAVA.
        assertEquals(Backend.JAVA, Dynamics.integrate(big, Potentials.quadratic(1), Integrator.LEAPFROG, 0.1, 1).backend());
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) assertTrue(ex.getMessage().contains(part), "'" + ex.getMessage() + "' should contain '" + part + "'");
    }

    // ---- helpers ----

    static Ensemble randomEnsemble(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Ensemble e = new Ensemble(n, d);
        for (int j = 0; j < n * d; j++) {
            e.positions()[j] = r.nextDouble(-1, 1);
            e.momenta()[j] = r.nextDouble(-1, 1);
        }
        return e;
    }

    static void negateMomenta(Ensemble e) {
        double[] p = e.momenta();
        for (int j = 0; j < p.length; j++) p[j] = -p[j];
    }
}
