package dev.sxn.math.stochastic;

import static dev.sxn.math.stochastic.MonteCarloReference.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Monte Carlo prices under GBM against independent references, each within 3 standard errors (3 sqrt(se^2 +
 * se_ref^2) where the reference is itself a Monte Carlo estimate, plus the reference's stated quadrature error):
 * Europeans against Black-Scholes (SciPy); arithmetic Asians against NumPy Monte Carlo with the geometric-Asian
 * control variate; discretely monitored barriers against a quadrature (gen_montecarlo.py). Each kind of
 * {@code stochastic.paths} gives the same estimate bit for bit.
 */
class MonteCarloTest {
    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.STOCHASTIC_PATHS);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void europeansAreWithinThreeStandardErrorsOfBlackScholes(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int c = 0;
        for (String[] f : MonteCarloReference.lines("stochastic_mc_bs.txt")) {
            Payoff p = f[0].equals("call") ? Payoff.CALL : Payoff.PUT;
            double s = d(f, 1), k = d(f, 2), r = d(f, 3), q = d(f, 4), sig = d(f, 5), t = d(f, 6), want = d(f, 7);
            Gbm model = new Gbm(s, r - q, sig);
            for (Antithetic a : Antithetic.values()) {
                RandomStream stream = RandomStream.philox4x64(1000 + c++, 0);
                MonteCarloEstimate e = MonteCarlo.european(model, p, k, r, t, stream, 200_000, a, kind);
                assertTrue(e.within(want, 3) || Math.abs(e.value() - want) < 1e-12 * s,
                        kind + " " + a + " " + String.join(" ", f) + ": " + e);
                MonteCarloEstimate java = MonteCarlo.european(model, p, k, r, t, stream, 200_000, a, Backend.JAVA);
                assertEquals(java, e, "every kind gives JAVA's estimate");
            }
        }
    }

    @Test
    void antitheticPairsReduceTheErrorOfAMonotonePayoff() {
        Gbm model = new Gbm(100, 0.05, 0.2);
        RandomStream s = RandomStream.philox4x64(5, 5);
        MonteCarloEstimate plain = MonteCarlo.european(model, Payoff.CALL, 100, 0.05, 1, s, 200_000, Antithetic.NONE, null);
        MonteCarloEstimate paired = MonteCarlo.european(model, Payoff.CALL, 100, 0.05, 1, s, 200_000, Antithetic.PAIRED, null);
        assertEquals(100_000, paired.samples());
        // Per path simulated, a pair's variance must beat two independent paths' for a monotone payoff.
        assertTrue(paired.standardError() < plain.standardError(), paired + " vs " + plain);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void asiansAreWithinThreeStandardErrorsOfTheReference(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int c = 0;
        for (String[] f : MonteCarloReference.lines("stochastic_mc_asian.txt")) {
            Payoff p = f[0].equals("call") ? Payoff.CALL : Payoff.PUT;
            double s = d(f, 1), k = d(f, 2), r = d(f, 3), q = d(f, 4), sig = d(f, 5), t = d(f, 6);
            int n = (int) d(f, 7);
            double want = d(f, 8), seRef = d(f, 9);
            MonteCarloEstimate e = MonteCarlo.asian(new Gbm(s, r - q, sig), p, k, r, t, n, RandomStream.philox4x64(77, c++), 100_000,
                    Antithetic.PAIRED, kind);
            double tol = 3 * Math.hypot(e.standardError(), seRef);
            assertEquals(want, e.value(), tol, kind + " " + String.join(" ", f) + ": " + e);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void barriersAreWithinThreeStandardErrorsOfTheQuadrature(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int c = 0;
        for (String[] f : MonteCarloReference.lines("stochastic_mc_barrier.txt")) {
            Payoff p = f[0].equals("call") ? Payoff.CALL : Payoff.PUT;
            boolean up = f[1].equals("up");
            double s = d(f, 2), k = d(f, 3), b = d(f, 4), r = d(f, 5), q = d(f, 6), sig = d(f, 7), t = d(f, 8);
            int n = (int) d(f, 9);
            double out = d(f, 10), quadErr = d(f, 11);
            Gbm model = new Gbm(s, r - q, sig);
            RandomStream stream = RandomStream.philox4x64(31, c++);
            MonteCarloEstimate ko = MonteCarlo.barrier(model, p, k, up ? PayoffBarrier.UP_AND_OUT : PayoffBarrier.DOWN_AND_OUT, b, r, t, n,
                    stream, 200_000, Antithetic.NONE, kind);
            assertEquals(out, ko.value(), 3 * ko.standardError() + quadErr, kind + " out " + String.join(" ", f) + ": " + ko);
            // Knock-in = the discretely monitored vanilla (Black-Scholes: the terminal law does not depend on monitoring) - knock-out.
            double in = BlackScholes.price(p, s, k, r, q, sig, t) - out;
            MonteCarloEstimate ki = MonteCarlo.barrier(model, p, k, up ? PayoffBarrier.UP_AND_IN : PayoffBarrier.DOWN_AND_IN, b, r, t, n,
                    stream, 200_000, Antithetic.NONE, kind);
            assertEquals(in, ki.value(), 3 * ki.standardError() + quadErr, kind + " in " + String.join(" ", f) + ": " + ki);
        }
    }

    @Test
    void knockInPlusKnockOutIsTheVanillaOnTheSamePaths() {
        Gbm model = new Gbm(100, 0.03, 0.3);
        RandomStream s = RandomStream.philox4x64(8, 8);
        int n = 10;
        MonteCarloEstimate out = MonteCarlo.barrier(model, Payoff.CALL, 100, PayoffBarrier.UP_AND_OUT, 125, 0.03, 1, n, s, 50_000, Antithetic.NONE, null);
        MonteCarloEstimate in = MonteCarlo.barrier(model, Payoff.CALL, 100, PayoffBarrier.UP_AND_IN, 125, 0.03, 1, n, s, 50_000, Antithetic.NONE, null);
        // The vanilla on the same n-step paths: the terminal values of the GBM simulated with n steps.
        double[] st = new double[50_000];
        model.reduce(s, 1.0 / n, 0, 50_000, n, Antithetic.NONE, PathReduction.TERMINAL, st, 0, null);
        double sum = 0;
        for (double v : st) sum += Math.max(v - 100, 0);
        assertEquals(Math.exp(-0.03) * sum / st.length, in.value() + out.value(), 1e-9);
    }

    @Test
    void badArgumentsAreNamed() {
        Gbm m = new Gbm(100, 0.05, 0.2);
        RandomStream s = RandomStream.philox4x64(1, 1);
        assertThrows(IllegalArgumentException.class, () -> MonteCarlo.european(m, Payoff.CALL, 100, 0.05, 1, s, 1, Antithetic.NONE, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MonteCarlo.european(m, Payoff.CALL, 100, 0.05, 1, s, 11, Antithetic.PAIRED, null));
        assertTrue(e.getMessage().startsWith("paths must be even"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MonteCarlo.european(m, Payoff.CALL, 0, 0.05, 1, s, 10, Antithetic.NONE, null));
        assertThrows(IllegalArgumentException.class, () -> MonteCarlo.asian(m, Payoff.CALL, 100, 0.05, 1, 0, s, 10, Antithetic.NONE, null));
        assertThrows(IllegalArgumentException.class,
                () -> MonteCarlo.barrier(m, Payoff.CALL, 100, PayoffBarrier.UP_AND_OUT, Double.NaN, 0.05, 1, 4, s, 10, Antithetic.NONE, null));
        assertThrows(NullPointerException.class, () -> MonteCarlo.european(null, Payoff.CALL, 100, 0.05, 1, s, 10, Antithetic.NONE, null));
    }
}
