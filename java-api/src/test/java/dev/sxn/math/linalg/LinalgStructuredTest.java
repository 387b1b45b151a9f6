package dev.sxn.math.linalg;

import static dev.sxn.math.linalg.LinalgTestSupport.EPS;
import static dev.sxn.math.linalg.LinalgTestSupport.minus;
import static dev.sxn.math.linalg.LinalgTestSupport.mul;
import static dev.sxn.math.linalg.LinalgTestSupport.orthogonalityError;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.internal.KernelFamilies;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java SVD and eigen-solver on structured matrices that random dense ones never produce:
 * exact zeros on the bidiagonal (which the QR sweeps must chase out), zero rows and columns, repeated
 * and clustered values, diagonal and triangular matrices, and entries near the overflow and underflow
 * thresholds. Same scaled-residual bound (30) as the decomposition suite, on every available kind each
 * family has (the registry's list; NATIVE runs LAPACK with its own scaling), the SVD also by Jacobi.
 */
class LinalgStructuredTest {
    private static final double THRESHOLD = 30;

    private static List<DMatrix> structured() {
        List<DMatrix> out = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(99);
        for (int trial = 0; trial < 40; trial++) {
            int m = 1 + rnd.nextInt(12), n = 1 + rnd.nextInt(12);
            DMatrix a = DMatrix.zeros(m, n);
            int kind = trial % 8;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    double v = switch (kind) {
                        case 0 -> i == j ? rnd.nextInt(3) : 0; // diagonal with repeated values and zeros
                        case 1 -> j > i ? rnd.nextDouble() - 0.5 : 0; // strictly upper: zero diagonal
                        case 2 -> j == i + 1 ? 1 : 0; // shift matrix: bidiagonal with d = 0
                        case 3 -> (i % 3 == 0 || j % 4 == 1) ? 0 : rnd.nextDouble() - 0.5; // zero rows and columns
                        case 4 -> rnd.nextInt(3) - 1; // small integers: exact cancellations
                        case 5 -> (rnd.nextDouble() - 0.5) * 1e300; // near overflow
                        case 6 -> (rnd.nextDouble() - 0.5) * 1e-300; // near underflow
                        default -> Math.pow(10, -2.0 * j) * (rnd.nextDouble() - 0.5); // graded columns
                    };
                    a.set(i, j, v);
                }
            }
            out.add(a);
        }
        return out;
    }

    @Test
    void svdOnStructuredMatrices() {
        for (DMatrix a : structured()) {
            // Jacobi (plain Java on every host), then every kind linalg.svd has (JAVA is Golub-Kahan).
            List<String> variants = new ArrayList<>(List.of("Jacobi"));
            for (Backend kind : KernelFamilies.SVD.kinds()) if (Backends.isAvailable(kind)) variants.add(kind.name());
            for (String variant : variants) {
                SVD svd = variant.equals("Jacobi") ? Linalg.svdJacobi(a, false) : Linalg.svd(Backend.valueOf(variant), a, false);
                int m = a.rows(), n = a.cols(), k = Math.min(m, n);
                String what = variant + " " + a;
                double[] s = svd.s();
                for (int i = 0; i < k; i++) {
                    assertTrue(s[i] >= 0 && (i == 0 || s[i] <= s[i - 1]), what + ": s descending, >= 0");
                }
                // Residual on the scaled matrix, so that 1e300 entries do not overflow the check itself.
                double scale = 0;
                for (double v : a.data()) scale = Math.max(scale, Math.abs(v));
                if (scale == 0) scale = 1;
                DMatrix as = a.copy(), us = DMatrix.zeros(m, n);
                for (int i = 0; i < as.data().length; i++) as.data()[i] /= scale;
                for (int j = 0; j < k; j++) for (int i = 0; i < m; i++) us.set(i, j, svd.u().get(i, j) * (s[j] / scale));
                double res = minus(as, mul(us, svd.vt())).normF();
                double normA = Math.max(as.normF(), Double.MIN_NORMAL);
                assertTrue(res / (normA * Math.max(m, n) * EPS) < THRESHOLD || res == 0, what + ": residual " + res / (normA * Math.max(m, n) * EPS));
                assertTrue(orthogonalityError(svd.u()) / (m * EPS) < THRESHOLD, what + ": U orthogonal");
                assertTrue(orthogonalityError(Linalg.transpose(svd.vt())) / (n * EPS) < THRESHOLD, what + ": V orthogonal");
            }
        }
    }

    @Test
    void eigenOnStructuredSymmetricMatrices() {
        for (DMatrix x : structured()) {
            // Symmetric: X^T X has the same structure (zeros, repeats, extreme scales) in symmetric form.
            int n = x.cols();
            double scale = 0;
            for (double v : x.data()) scale = Math.max(scale, Math.abs(v));
            DMatrix xs = x.copy();
            if (scale > 0) for (int i = 0; i < xs.data().length; i++) xs.data()[i] /= scale;
            DMatrix a = Linalg.gemm(Backend.JAVA, 1.0, xs, true, xs, false, 0.0, DMatrix.zeros(n, n));
            for (int j = 0; j < n; j++) for (int i = 0; i < j; i++) a.set(i, j, a.get(j, i));
            // The extreme-scale cases are decomposed at their scale (1e300 / 1e-300) and checked unscaled.
            double big = scale > 1e200 ? 1e300 : scale > 0 && scale < 1e-200 ? 1e-300 : 1;
            DMatrix extreme = a.copy();
            for (int i = 0; i < extreme.data().length; i++) extreme.data()[i] *= big;
            for (Backend kind : KernelFamilies.EIG_SYMMETRIC.kinds()) {
                if (!Backends.isAvailable(kind)) continue;
                SymmetricEigen e = Linalg.eigSymmetric(kind, extreme);
                for (int i = 0; i < n; i++) e.values()[i] /= big;
                DMatrix v = e.vectors();
                DMatrix vw = v.copy();
                for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) vw.set(i, j, v.get(i, j) * e.values()[j]);
                double res = minus(mul(a, v), vw).normF() / (Math.max(a.normF(), Double.MIN_NORMAL) * n * EPS);
                assertTrue(res < THRESHOLD || a.normF() == 0, "eigen residual " + res + " for " + a);
                assertTrue(orthogonalityError(v) / (n * EPS) < THRESHOLD, "eigenvectors orthogonal for " + a);
            }
        }
    }

    @Test
    void luAndQrOnStructuredMatrices() {
        for (DMatrix a : structured()) {
            for (Backend kind : LinalgTestSupport.kinds(KernelFamilies.LU, KernelFamilies.QR).toList()) {
                if (!Backends.isAvailable(kind)) continue;
                int m = a.rows(), n = a.cols();
                double normA = Math.max(a.normF(), Double.MIN_NORMAL);
                if (LinalgTestSupport.has(KernelFamilies.LU, kind)) {
                    LU lu = Linalg.lu(kind, a);
                    double r = minus(mul(lu.p(), a), mul(lu.l(), lu.u())).normF() / (normA * Math.max(m, n) * EPS);
                    assertTrue(r < THRESHOLD || Double.isNaN(r) && a.normF() == 0, kind + " LU residual " + r + " for " + a);
                }
                for (boolean piv : LinalgTestSupport.has(KernelFamilies.QR, kind) ? new boolean[] {false, true} : new boolean[0]) {
                    QR qr = Linalg.qr(kind, a, piv);
                    int[] p = qr.permutation();
                    DMatrix ap = DMatrix.zeros(m, n);
                    for (int j = 0; j < n; j++) System.arraycopy(a.data(), p[j] * m, ap.data(), j * m, m);
                    double rq = minus(ap, mul(qr.q(), qr.r())).normF() / (normA * Math.max(m, n) * EPS);
                    assertTrue(rq < THRESHOLD, kind + " QR residual " + rq + " for " + a);
                    assertTrue(orthogonalityError(qr.q(true)) / (m * EPS) < THRESHOLD, kind + " Q orthogonal for " + a);
                }
            }
        }
    }
}
