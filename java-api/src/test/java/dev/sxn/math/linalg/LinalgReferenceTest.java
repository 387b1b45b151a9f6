package dev.sxn.math.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import dev.sxn.math.testing.ReferenceData;
import dev.sxn.math.testing.Tolerance;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Against NumPy 1.24.2 / SciPy 1.10.1 (reference/gen_linalg.py): singular values, least squares, solve,
 * det, inverse, eigenvalues, Cholesky factor and pseudo-inverse of fixed well-conditioned matrices,
 * to 1e-12 relative with an absolute floor of 1e-13 (the matrices' entries are O(1)); the Hilbert
 * matrix's singular values to 10 eps s_max absolute (what LAPACK's own reference guarantees).
 */
class LinalgReferenceTest {
    private static final double RTOL = 1e-12;
    private static final double ATOL = 1e-13;

    static DMatrix matrix(String file, String prefix) {
        Map<String, double[]> cols = ReferenceData.csv(file);
        int n = 0;
        while (cols.containsKey(prefix + n)) n++;
        int m = cols.get(prefix + "0").length;
        DMatrix a = DMatrix.zeros(m, n);
        for (int j = 0; j < n; j++) System.arraycopy(cols.get(prefix + j), 0, a.data(), j * m, m);
        return a;
    }

    static double[] column(String file, String name) {
        return ReferenceData.csv(file).get(name);
    }

    static Stream<Backend> svdAndQrKinds() {
        return LinalgTestSupport.kinds(KernelFamilies.SVD, KernelFamilies.QR);
    }

    static Stream<Backend> eigAndCholeskyKinds() {
        return LinalgTestSupport.kinds(KernelFamilies.EIG_SYMMETRIC, KernelFamilies.CHOLESKY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("svdAndQrKinds")
    void tallMatrix(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = matrix("linalg_a.csv", "c");
        double[] y = column("linalg_a.csv", "y");
        if (LinalgTestSupport.has(KernelFamilies.SVD, kind)) {
            Tolerance.assertClose(column("linalg_svd.csv", "s"), Linalg.svd(kind, a).s(), ATOL, RTOL, "svdvals(A)");
            DMatrix xs = Linalg.multiply(Linalg.svd(kind, a).pinv(), DMatrix.wrap(y.length, 1, y));
            Tolerance.assertClose(column("linalg_lstsq.csv", "x"), xs.data(), ATOL, RTOL, "lstsq(A, y) by pinv");
        }
        if (LinalgTestSupport.has(KernelFamilies.QR, kind)) {
            DMatrix x = Linalg.qr(kind, a, false).solve(DMatrix.wrap(y.length, 1, y));
            Tolerance.assertClose(column("linalg_lstsq.csv", "x"), x.data(), ATOL, RTOL, "lstsq(A, y) by QR");
            DMatrix xp = Linalg.qr(kind, a, true).solve(DMatrix.wrap(y.length, 1, y));
            Tolerance.assertClose(column("linalg_lstsq.csv", "x"), xp.data(), ATOL, RTOL, "lstsq(A, y) by pivoted QR");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#luKinds")
    void squareSystem(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix m = matrix("linalg_m.csv", "c");
        double[] b = column("linalg_m.csv", "b");
        Tolerance.assertClose(column("linalg_solve.csv", "x"), Linalg.solve(kind, m, DMatrix.wrap(b.length, 1, b)).data(), ATOL, RTOL,
                "solve(M, b)");
        assertEquals(column("linalg_det.csv", "det")[0], Linalg.lu(kind, m).det(), RTOL * 11, "det(M)");
        Tolerance.assertClose(matrix("linalg_inv.csv", "c").data(), Linalg.inverse(kind, m).data(), ATOL, RTOL, "inv(M)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eigAndCholeskyKinds")
    void symmetricMatrix(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix s = matrix("linalg_s.csv", "c");
        if (LinalgTestSupport.has(KernelFamilies.EIG_SYMMETRIC, kind)) {
            Tolerance.assertClose(column("linalg_eig.csv", "w"), Linalg.eigSymmetric(kind, s).values(), ATOL, RTOL, "eigvalsh(S)");
        }
        if (LinalgTestSupport.has(KernelFamilies.CHOLESKY, kind)) {
            Tolerance.assertClose(matrix("linalg_chol.csv", "c").data(), Linalg.cholesky(kind, s).l().data(), ATOL, RTOL, "cholesky(S)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#svdKinds")
    void wideMatrix(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix w = matrix("linalg_w.csv", "c");
        SVD svd = Linalg.svd(kind, w);
        Tolerance.assertClose(column("linalg_w_svd.csv", "s"), svd.s(), ATOL, RTOL, "svdvals(W)");
        Tolerance.assertClose(matrix("linalg_w_pinv.csv", "c").data(), svd.pinv().data(), ATOL, RTOL, "pinv(W)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#svdKinds")
    void hilbertSingularValues(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int n = 8;
        DMatrix h = DMatrix.zeros(n, n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) h.set(i, j, 1.0 / (i + j + 1));
        double[] ref = column("linalg_hilbert_svd.csv", "s");
        Tolerance.assertClose(ref, Linalg.svd(kind, h).s(), 10 * Math.ulp(1.0) * ref[0], 1e-13, "svdvals(hilbert(8))");
    }
}
