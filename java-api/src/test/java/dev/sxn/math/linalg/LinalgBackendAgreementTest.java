package dev.sxn.math.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import dev.sxn.math.testing.Tolerance;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every accelerated kind of each family (NATIVE: LAPACK; VECTOR: the blocked kernels) against the JAVA
 * reference on well-conditioned input: singular values and eigenvalues agree to 1e-12 relative
 * (|a - b| <= 1e-12 |b|); the singular subspaces and eigenvectors agree up to sign; LU, Cholesky and QR
 * factors agree to rounding.
 */
class LinalgBackendAgreementTest {
    static Stream<Backend> svdKinds() {
        return BackendSupport.accelerated(KernelFamilies.SVD);
    }

    static Stream<Backend> eigKinds() {
        return BackendSupport.accelerated(KernelFamilies.EIG_SYMMETRIC);
    }

    static Stream<Backend> luKinds() {
        return BackendSupport.accelerated(KernelFamilies.LU);
    }

    static Stream<Backend> choleskyKinds() {
        return BackendSupport.accelerated(KernelFamilies.CHOLESKY);
    }

    static Stream<Backend> qrKinds() {
        return BackendSupport.accelerated(KernelFamilies.QR);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("svdKinds")
    void singularValuesAgree(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (DMatrix a : new DMatrix[] {DMatrix.random(120, 80, 1), DMatrix.random(33, 90, 2), DMatrix.random(64, 64, 3),
                LinalgTestSupport.illConditioned(50, 50, 1e3, 4)}) {
            SVD j = Linalg.svd(Backend.JAVA, a);
            SVD n = Linalg.svd(kind, a);
            Tolerance.assertClose(j.s(), n.s(), 0, 1e-12, "singular values " + a.shape());
            // Each singular vector pair agrees up to a common sign (values are distinct here).
            for (int i = 0; i < j.s().length; i++) {
                double dot = 0;
                for (int r = 0; r < a.rows(); r++) dot += j.u().get(r, i) * n.u().get(r, i);
                assertTrue(Math.abs(Math.abs(dot) - 1) < 1e-9, "u_" + i + " agrees up to sign: |u_j . u_n| = " + Math.abs(dot));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eigKinds")
    void eigenvaluesAgree(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (DMatrix a : new DMatrix[] {LinalgTestSupport.randomSymmetric(70, 1), LinalgTestSupport.randomSpd(45, 2)}) {
            double[] j = Linalg.eigSymmetric(Backend.JAVA, a).values();
            double[] n = Linalg.eigSymmetric(kind, a).values();
            double scale = Math.max(Math.abs(j[0]), Math.abs(j[j.length - 1]));
            // Relative to each value, with an absolute floor of 1e-12 ||A||_2 for eigenvalues near 0
            // (eigenvalues are only determined to eps ||A||, whichever backend).
            Tolerance.assertClose(j, n, 1e-12 * scale, 1e-12, "eigenvalues " + a.shape());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("luKinds")
    void luFactorsAgree(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = DMatrix.random(90, 90, 9);
        // Same pivoting rule (largest |entry|), so the same factors up to rounding.
        LU lj = Linalg.lu(Backend.JAVA, a), lk = Linalg.lu(kind, a);
        assertTrue(java.util.Arrays.equals(lj.pivots(), lk.pivots()), "LU pivots");
        assertTrue(lk.packed().isClose(lj.packed(), 1e-11, 1e-11), "LU factors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("choleskyKinds")
    void choleskyFactorsAgree(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix spd = LinalgTestSupport.randomSpd(90, 10);
        assertTrue(Linalg.cholesky(kind, spd).l().isClose(Linalg.cholesky(Backend.JAVA, spd).l(), 1e-12, 1e-12), "L");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("qrKinds")
    void qrFactorsAgree(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        // Householder QR is unique up to the signs of R's rows; every kind uses LAPACK's dlarfg convention.
        DMatrix t = DMatrix.random(70, 30, 11);
        assertTrue(Linalg.qr(kind, t, false).r().isClose(Linalg.qr(Backend.JAVA, t, false).r(), 1e-12, 1e-12), "R");
        assertTrue(java.util.Arrays.equals(Linalg.qr(kind, t, true).permutation(),
                Linalg.qr(Backend.JAVA, t, true).permutation()), "pivot order");
    }
}
