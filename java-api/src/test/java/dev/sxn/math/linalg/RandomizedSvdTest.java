package dev.sxn.math.linalg;

import static dev.sxn.math.linalg.LinalgTestSupport.EPS;
import static dev.sxn.math.linalg.LinalgTestSupport.minus;
import static dev.sxn.math.linalg.LinalgTestSupport.mul;
import static dev.sxn.math.linalg.LinalgTestSupport.orthogonalityError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Linalg.randomizedSvd on matrices of known spectrum A = U diag(sigma) V^T (random orthogonal U, V).
 *
 * <p>Bound checked (Halko, Martinsson and Tropp 2011, eq. 1.9 with Theorem 9.3 for the truncation to
 * rank k): ||A - U_k S_k Vt_k||_2 <= sigma_{k+1} + (1 + 9 sqrt(k + p) sqrt(min(m, n))) sigma_{k+1}, which
 * holds with probability >= 1 - 3 p^-p (p = 10: 1 - 3e-10) for q = 0; power iterations only tighten it.
 * The 2-norm of the residual is its largest singular value (plain-Java SVD). Besides the bound, the
 * tests check the near-optimal errors actually achieved (fast decay: the leading values to 1e-10
 * relative; slow decay with q = 2: error within 1.5 sigma_{k+1}), orthonormality to 30 n eps, exact
 * recovery of an exactly low-rank matrix, repeatability, agreement between backends and bad arguments.
 */
class RandomizedSvdTest {
    private static final int M = 300;
    private static final int N = 200;

    /** Every kind the products, QRs or SVDs have (registry): a pinned kind runs each family that has it. */
    static Stream<Backend> kinds() {
        return LinalgTestSupport.kinds(KernelFamilies.GEMM, KernelFamilies.QR, KernelFamilies.SVD);
    }

    private static double[] spectrum(boolean fast, int len) {
        double[] s = new double[len];
        for (int i = 0; i < len; i++) s[i] = fast ? Math.pow(0.7, i) : 1.0 / (i + 1);
        return s;
    }

    private static double spectralError(DMatrix a, SVD r) {
        DMatrix us = r.u().copy();
        int m = a.rows(), k = r.s().length;
        for (int j = 0; j < k; j++) for (int i = 0; i < m; i++) us.data()[i + j * m] *= r.s()[j];
        return Linalg.svd(Backend.JAVA, minus(a, mul(us, r.vt()))).s()[0];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void withinTheHalkoBoundOnFastAndSlowDecay(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int k = 10, p = 10;
        for (boolean fast : new boolean[] {true, false}) {
            double[] sigma = spectrum(fast, N);
            DMatrix a = LinalgTestSupport.withSingularValues(M, N, sigma, fast ? 1 : 2);
            DMatrix before = a.copy();
            double halko = sigma[k] + (1 + 9 * Math.sqrt(k + p) * Math.sqrt(N)) * sigma[k];
            for (int q : new int[] {0, 2}) {
                SVD r = Linalg.randomizedSvd(kind, a, k, p, q, 42);
                String what = (fast ? "fast" : "slow") + " decay, q = " + q;
                assertEquals(M, r.u().rows());
                assertEquals(k, r.u().cols());
                assertEquals(k, r.s().length);
                assertEquals(k, r.vt().rows());
                assertEquals(N, r.vt().cols());
                double err = spectralError(a, r);
                assertTrue(err <= halko, what + ": ||A - U S Vt||_2 = " + err + " > Halko bound " + halko);
                assertTrue(err >= sigma[k] * (1 - 1e-8), what + ": error below sigma_{k+1} (Eckart-Young) " + err);
                if (q == 2) {
                    assertTrue(err <= 1.5 * sigma[k], what + ": near-optimal error expected, " + err + " vs sigma_{k+1} " + sigma[k]);
                }
                if (fast && q == 2) {
                    for (int i = 0; i < k; i++) assertEquals(sigma[i], r.s()[i], 1e-10 * sigma[i], what + " s_" + i);
                }
                for (int i = 1; i < k; i++) assertTrue(r.s()[i] <= r.s()[i - 1], "descending");
                assertTrue(orthogonalityError(r.u()) < 30 * M * EPS, what + " U orthonormal");
                assertTrue(orthogonalityError(Linalg.transpose(r.vt())) < 30 * N * EPS, what + " V orthonormal");
            }
            assertEquals(before, a, "A unchanged");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void recoversAnExactlyLowRankMatrix(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = LinalgTestSupport.rankDeficient(400, 120, 15, 3);
        SVD r = Linalg.randomizedSvd(kind, a, 15, 5, 0, 7);
        assertTrue(spectralError(a, r) <= 100 * 400 * EPS * a.normF(), "rank 15 recovered to rounding");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void sameSeedSameResult(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = LinalgTestSupport.withSingularValues(120, 80, spectrum(false, 80), 5);
        SVD r1 = Linalg.randomizedSvd(kind, a, 8, 6, 1, 99);
        SVD r2 = Linalg.randomizedSvd(kind, a, 8, 6, 1, 99);
        assertArrayEquals(r1.s(), r2.s(), 0.0);
        assertArrayEquals(r1.u().data(), r2.u().data(), 0.0);
        assertArrayEquals(r1.vt().data(), r2.vt().data(), 0.0);
        SVD r3 = Linalg.randomizedSvd(kind, a, 8, 6, 1, 100);
        assertFalse(java.util.Arrays.equals(r1.u().data(), r3.u().data()), "another seed, another sketch");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void backendsAgreeWithJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = LinalgTestSupport.withSingularValues(150, 90, spectrum(true, 90), 8);
        double[] sj = Linalg.randomizedSvd(Backend.JAVA, a, 12, 8, 1, 5).s();
        double[] sk = Linalg.randomizedSvd(kind, a, 12, 8, 1, 5).s();
        // Same sketch (counter-based generator); the backends differ only by rounding in GEMM/QR/SVD.
        for (int i = 0; i < sj.length; i++) assertEquals(sj[i], sk[i], 1e-10 * sj[0], "s_" + i);
    }

    @Test
    void wideMatricesAndTheEdgesOfK() {
        DMatrix a = LinalgTestSupport.withSingularValues(40, 90, spectrum(true, 40), 4);
        SVD r = Linalg.randomizedSvd(a, 40, 10, 1, 1); // k = min(m, n), oversample capped
        assertEquals(40, r.s().length);
        assertTrue(spectralError(a, r) < 1e-12, "k = min(m, n) reproduces A");
        SVD one = Linalg.randomizedSvd(DMatrix.wrap(1, 1, new double[] {-3}), 1, 0, 0, 1);
        assertEquals(3, one.s()[0], 1e-15);
    }

    @Test
    void theSketchIsStandardNormal() {
        DMatrix g = RandomizedSvd.gaussian(200, 100, 123);
        double sum = 0, sq = 0;
        for (double v : g.data()) {
            sum += v;
            sq += v * v;
        }
        int n = g.data().length;
        assertEquals(0, sum / n, 4 / Math.sqrt(n), "mean 0 (4 standard errors)");
        assertEquals(1, sq / n, 4 * Math.sqrt(2.0 / n), "variance 1 (4 standard errors)");
        assertEquals(RandomizedSvd.normal(123, 5), g.data()[5], 0.0, "entry i depends on (seed, i) only");
    }

    @Test
    void badArguments() {
        DMatrix a = DMatrix.random(30, 20, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Linalg.randomizedSvd(a, 0, 5, 1, 1));
        assertTrue(e.getMessage().contains("k must be in [1, 20] (min(m, n) of A, which is 30x20), was 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Linalg.randomizedSvd(a, 21, 5, 1, 1));
        assertTrue(e.getMessage().contains("was 21"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Linalg.randomizedSvd(a, 5, -1, 1, 1));
        assertTrue(e.getMessage().contains("oversample must be >= 0, was -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Linalg.randomizedSvd(a, 5, 5, -2, 1));
        assertTrue(e.getMessage().contains("powerIters must be >= 0, was -2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Linalg.randomizedSvd(DMatrix.zeros(0, 4), 1, 0, 0, 1));
        assertTrue(e.getMessage().contains("[1, 0]"), e.getMessage());
        DMatrix nan = a.copy();
        nan.set(3, 7, Double.NaN);
        e = assertThrows(IllegalArgumentException.class, () -> Linalg.randomizedSvd(nan, 5, 5, 1, 1));
        assertTrue(e.getMessage().contains("A(3, 7) must be finite, was NaN"), e.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class, () -> Linalg.randomizedSvd(null, 1, 0, 0, 1));
        assertTrue(npe.getMessage().contains("A must not be null"), npe.getMessage());
        // A null backend means "choose per call", as everywhere in the API.
        assertEquals(Linalg.randomizedSvd(a, 1, 0, 0, 1).s()[0], Linalg.randomizedSvd(null, a, 1, 0, 0, 1).s()[0]);
    }
}
