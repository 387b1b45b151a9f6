package dev.sxn.math.linalg;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelFamily;
import dev.sxn.math.testing.BackendSupport;
import java.util.Arrays;
import java.util.stream.Stream;

/** Matrices and norms shared by the linalg tests. */
final class LinalgTestSupport {
    static final double EPS = Math.ulp(1.0);

    private LinalgTestSupport() {}

    // Each family's kinds come from the registry (KernelFamilies), so a new kernel is tested on every kind it
    // has; tests pair them with BackendSupport.assumeAvailable (skipped when absent, failing under CI=true).

    /** The kinds of {@code linalg.gemm}. */
    static Stream<Backend> gemmKinds() {
        return BackendSupport.kinds(KernelFamilies.GEMM);
    }

    /** The kinds of {@code linalg.lu} (factor, solve, inverse). */
    static Stream<Backend> luKinds() {
        return BackendSupport.kinds(KernelFamilies.LU);
    }

    /** The kinds of {@code linalg.qr}. */
    static Stream<Backend> qrKinds() {
        return BackendSupport.kinds(KernelFamilies.QR);
    }

    /** The kinds of {@code linalg.svd}. */
    static Stream<Backend> svdKinds() {
        return BackendSupport.kinds(KernelFamilies.SVD);
    }

    /** The kinds of {@code linalg.cholesky}. */
    static Stream<Backend> choleskyKinds() {
        return BackendSupport.kinds(KernelFamilies.CHOLESKY);
    }

    /** The kinds of {@code linalg.eigSymmetric}. */
    static Stream<Backend> eigKinds() {
        return BackendSupport.kinds(KernelFamilies.EIG_SYMMETRIC);
    }

    /**
     * The kinds any of {@code families} has (JAVA first), for a test that runs several families: it runs
     * each family's part only where {@link #has} says the family has the kind.
     */
    static Stream<Backend> kinds(KernelFamily... families) {
        return Arrays.stream(families).flatMap(BackendSupport::kinds).distinct().sorted();
    }

    /** Whether {@code family} has a kernel of {@code kind} (in the registry). */
    static boolean has(KernelFamily family, Backend kind) {
        return family.kinds().contains(kind);
    }

    /** A B computed by the textbook triple loop (the independent reference for gemm). */
    static DMatrix naive(DMatrix a, boolean ta, DMatrix b, boolean tb) {
        int m = ta ? a.cols() : a.rows(), k = ta ? a.rows() : a.cols(), n = tb ? b.rows() : b.cols();
        DMatrix c = DMatrix.zeros(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += (ta ? a.get(p, i) : a.get(i, p)) * (tb ? b.get(j, p) : b.get(p, j));
                c.set(i, j, s);
            }
        }
        return c;
    }

    static DMatrix mul(DMatrix a, DMatrix b) {
        return Linalg.multiply(Backend.JAVA, a, b);
    }

    static DMatrix minus(DMatrix a, DMatrix b) {
        DMatrix c = a.copy();
        for (int i = 0; i < c.data().length; i++) c.data()[i] -= b.data()[i];
        return c;
    }

    /** ||Q^T Q - I||_F for the columns of q. */
    static double orthogonalityError(DMatrix q) {
        DMatrix qtq = Linalg.gemm(Backend.JAVA, 1.0, q, true, q, false, 0.0, DMatrix.zeros(q.cols(), q.cols()));
        return minus(qtq, DMatrix.identity(q.cols())).normF();
    }

    /** A random orthogonal n x n matrix (Q of the QR of a random matrix). */
    static DMatrix randomOrthogonal(int n, long seed) {
        return Linalg.qr(Backend.JAVA, DMatrix.random(n, n, seed), false).q(true);
    }

    /** U diag(s) V^T with random orthogonal U (m x m) and V (n x n), s given (length <= min(m,n)). */
    static DMatrix withSingularValues(int m, int n, double[] s, long seed) {
        DMatrix u = randomOrthogonal(m, seed);
        DMatrix v = randomOrthogonal(n, seed + 1);
        DMatrix us = DMatrix.zeros(m, n);
        for (int j = 0; j < s.length; j++) {
            for (int i = 0; i < m; i++) us.data()[i + j * m] = u.get(i, j) * s[j];
        }
        return Linalg.gemm(Backend.JAVA, 1.0, us, false, v, true, 0.0, DMatrix.zeros(m, n));
    }

    /** An m x n matrix of condition number cond (singular values logarithmically spaced from 1 to 1/cond). */
    static DMatrix illConditioned(int m, int n, double cond, long seed) {
        int k = Math.min(m, n);
        double[] s = new double[k];
        for (int i = 0; i < k; i++) s[i] = Math.pow(cond, -(double) i / Math.max(1, k - 1));
        return withSingularValues(m, n, s, seed);
    }

    /** An m x n matrix of rank r (product of random m x r and r x n). */
    static DMatrix rankDeficient(int m, int n, int r, long seed) {
        return mul(DMatrix.random(m, r, seed), DMatrix.random(r, n, seed + 7));
    }

    /** The test matrices: name and matrix. */
    record Case(String name, DMatrix a) {
        @Override
        public String toString() {
            return name + " " + a.shape();
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("random square", DMatrix.random(47, 47, 1)),
                new Case("ill-conditioned 1e12", illConditioned(40, 40, 1e12, 2)),
                new Case("rank-deficient", rankDeficient(30, 30, 11, 3)),
                new Case("tall-skinny", DMatrix.random(203, 17, 4)),
                new Case("wide", DMatrix.random(13, 61, 5)),
                new Case("rank-deficient tall", rankDeficient(50, 20, 7, 6)),
                new Case("1x1", DMatrix.wrap(1, 1, new double[] {-3.5})),
                new Case("0x5", DMatrix.zeros(0, 5)),
                new Case("5x0", DMatrix.zeros(5, 0)),
                new Case("zero matrix", DMatrix.zeros(6, 4)));
    }

    /** A symmetric matrix: (X + X^T) / 2 of a random X. */
    static DMatrix randomSymmetric(int n, long seed) {
        DMatrix x = DMatrix.random(n, n, seed);
        DMatrix s = DMatrix.zeros(n, n);
        for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) s.set(i, j, 0.5 * (x.get(i, j) + x.get(j, i)));
        return s;
    }

    /** A symmetric positive definite matrix X X^T + n I. */
    static DMatrix randomSpd(int n, long seed) {
        DMatrix x = DMatrix.random(n, n, seed);
        DMatrix s = Linalg.gemm(Backend.JAVA, 1.0, x, false, x, true, 0.0, DMatrix.zeros(n, n));
        for (int i = 0; i < n; i++) s.set(i, i, s.get(i, i) + n);
        return s;
    }
}
