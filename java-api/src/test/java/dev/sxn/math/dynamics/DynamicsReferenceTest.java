package dev.sxn.math.dynamics;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.testing.ReferenceData;
import dev.sxn.math.testing.Tolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Trajectories against SciPy's DOP853 at rtol = atol = 1e-13 (reference/gen_dynamics.py), at t = 1..10.
 * Yoshida4 at dt = 1e-3 has a global error of order 1e-12 here (the Henon-Heiles orbit is chaotic, but
 * over t = 10 its exponent ~0.14 amplifies errors only ~4x), so the bound is 1e-9 absolute; leapfrog at the
 * same dt (error ~ dt^2) is held to 1e-4.
 */
class DynamicsReferenceTest {

    @ParameterizedTest
    @CsvSource({
        "dynamics_anharmonic.csv, anharmonic, YOSHIDA4, 1e-9",
        "dynamics_doublewell.csv, doublewell, YOSHIDA4, 1e-9",
        "dynamics_henonheiles.csv, henonheiles, YOSHIDA4, 1e-9",
        "dynamics_anharmonic.csv, anharmonic, LEAPFROG, 1e-4",
        "dynamics_henonheiles.csv, henonheiles, LEAPFROG, 1e-4"})
    void matchesScipyDop853(String file, String which, Integrator in, double atol) {
        Map<String, double[]> ref = ReferenceData.csv(file);
        Potential v = switch (which) {
            case "anharmonic" -> Potentials.anharmonic(1, 1);
            case "doublewell" -> Potentials.doubleWell(1, 1);
            default -> Potentials.henonHeiles();
        };
        int d = (ref.size() - 1) / 2;
        // Initial state: the generator's (repeated in its header); rebuilt here from the same formulas.
        double[] q0, p0;
        switch (which) {
            case "anharmonic" -> { q0 = new double[] {1.0, -0.5, 0.25}; p0 = new double[] {0.1, 0.2, -0.3}; }
            case "doublewell" -> { q0 = new double[] {0.2, 0.1}; p0 = new double[] {0.5, 0.0}; }
            default -> {
                double y0 = -0.1;
                q0 = new double[] {0.0, y0};
                p0 = new double[] {Math.sqrt(2 * (1.0 / 6 - (0.5 * y0 * y0 - y0 * y0 * y0 / 3))), 0.0};
            }
        }
        Ensemble e = new Ensemble(1, d);
        e.set(0, q0, p0);
        List<EnsembleStats> seen = new ArrayList<>();
        Dynamics.integrate(e, v, in, 1e-3, 10_000,
                IntegrationOptions.DEFAULT.withBackend(Backend.JAVA).withObserver(1000, seen::add));
        double[] t = ref.get("t");
        for (int r = 0; r < t.length; r++) {
            EnsembleStats s = seen.get(r + 1);
            Tolerance.assertClose(t[r], s.time(), 1e-12, 0, file + " t");
            for (int k = 0; k < d; k++) {
                Tolerance.assertClose(ref.get("q" + k)[r], s.meanPosition()[k], atol, 0, file + " " + in + " q" + k + " at t=" + t[r]);
                Tolerance.assertClose(ref.get("p" + k)[r], s.meanMomentum()[k], atol, 0, file + " " + in + " p" + k + " at t=" + t[r]);
            }
        }
    }
}
