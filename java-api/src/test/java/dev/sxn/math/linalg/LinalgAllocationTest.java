package dev.sxn.math.linalg;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelFamily;
import dev.sxn.math.testing.Allocations;
import dev.sxn.math.testing.BackendSupport;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dense linear algebra allocates nothing beyond its result once warm, on every kind of every linalg family.
 *
 * <p>Budgets. The level-1 operations and GEMM write into the caller's arrays: {@value #CONSTANT} bytes per call
 * (dispatch plumbing; OPENCL {@link Allocations#OPENCL_PLUMBING} more). The decompositions return fresh
 * results: their budget is the result's arrays, plus the one copy of A the API documents as the work array
 * LAPACK overwrites (where the result does not keep it), plus {@value #CONSTANT} bytes. Every temporary of the
 * algorithms (packing buffers, reflector scalars, transposes, a QR's R, the bidiagonal's vectors) is
 * per-thread scratch: one n x n temporary (8 n^2 bytes) would break the budget, and so would the O(n) vectors
 * of the bidiagonal or tridiagonal reductions (several times 8 n bytes). Sizes are not multiples of the VECTOR
 * kernels' tiles, so edge tiles and tails run too; the tall and the wide SVD take the preliminary QR and the
 * transpose paths.
 */
class LinalgAllocationTest {
    private static final long CONSTANT = 2 * 1024;

    static List<Object[]> cases(KernelFamily family) {
        return BackendSupport.kinds(family).map(k -> new Object[] {k}).toList();
    }

    static List<Object[]> reduceKinds() {
        return cases(KernelFamilies.VECTOR_OPS_REDUCE);
    }

    static List<Object[]> elementwiseKinds() {
        return cases(KernelFamilies.VECTOR_OPS_ELEMENTWISE);
    }

    static List<Object[]> gemmKinds() {
        return cases(KernelFamilies.GEMM);
    }

    static List<Object[]> luKinds() {
        return cases(KernelFamilies.LU);
    }

    static List<Object[]> qrKinds() {
        return cases(KernelFamilies.QR);
    }

    static List<Object[]> svdKinds() {
        return cases(KernelFamilies.SVD);
    }

    static List<Object[]> choleskyKinds() {
        return cases(KernelFamilies.CHOLESKY);
    }

    static List<Object[]> eigKinds() {
        return cases(KernelFamilies.EIG_SYMMETRIC);
    }

    /** Bytes of a double[len] or long[len] on a 64-bit HotSpot (16-byte header, 8-byte alignment). */
    static long doubles(long len) {
        return 16 + 8 * len;
    }

    /** Bytes of an int[len]. */
    static long ints(long len) {
        return (16 + 4 * len + 7) / 8 * 8;
    }

    /** Bytes of a DMatrix of rows x cols (its object and its array). */
    static long matrix(int rows, int cols) {
        return 24 + doubles((long) rows * cols);
    }

    @ParameterizedTest
    @MethodSource("reduceKinds")
    void reductionsAllocateAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        double[] x = DMatrix.random(100_003, 1, 1).data(), y = DMatrix.random(100_003, 1, 2).data();
        double[] sink = new double[1];
        long budget = Allocations.budget(kind, CONSTANT);
        Allocations.assertUnder("dot " + kind, () -> sink[0] += VectorOps.dot(kind, x, 1, y, 2, 100_000), budget);
        Allocations.assertUnder("sum " + kind, () -> sink[0] += VectorOps.sum(kind, x, 1, 100_000), budget);
        Allocations.assertUnder("sumOfSquares " + kind, () -> sink[0] += VectorOps.sumOfSquares(kind, x, 1, 100_000), budget);
    }

    @ParameterizedTest
    @MethodSource("elementwiseKinds")
    void elementwiseOpsAllocateAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        double[] x = DMatrix.random(100_003, 1, 1).data(), y = DMatrix.random(100_003, 1, 2).data();
        long budget = Allocations.budget(kind, CONSTANT);
        Allocations.assertUnder("axpy " + kind, () -> VectorOps.axpy(kind, 1e-9, x, 1, y, 2, 100_000), budget);
        Allocations.assertUnder("scale " + kind, () -> VectorOps.scale(kind, 1.0, y, 3, 100_000), budget);
    }

    @ParameterizedTest
    @MethodSource("gemmKinds")
    void gemmAllocatesAConstant(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        long budget = Allocations.budget(kind, CONSTANT);
        for (int n : new int[] {67, 261}) {
            DMatrix a = DMatrix.random(n, n - 3, 1), b = DMatrix.random(n - 3, n + 5, 2), c = DMatrix.zeros(n, n + 5);
            DMatrix at = DMatrix.random(n - 3, n, 3), bt = DMatrix.random(n + 5, n - 3, 4);
            Allocations.assertUnder("gemm NN " + n + " " + kind, () -> Linalg.gemm(kind, 1.0, a, false, b, false, 0.0, c), budget);
            Allocations.assertUnder("gemm TT " + n + " " + kind, () -> Linalg.gemm(kind, 0.5, at, true, bt, true, 1.0, c), budget);
        }
    }

    @ParameterizedTest
    @MethodSource("luKinds")
    void luAllocatesItsResult(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int n = 203;
        DMatrix a = DMatrix.random(n, n, 5), b = DMatrix.random(n, 3, 6);
        // LU keeps the work copy of A as its factors.
        Allocations.assertUnder("lu " + kind, () -> Linalg.lu(kind, a), 32 + doubles((long) n * n) + ints(n) + CONSTANT);
        // solve: the work copy of A, the pivots, X.
        Allocations.assertUnder("solve " + kind, () -> Linalg.solve(kind, a, b),
                doubles((long) n * n) + ints(n) + matrix(n, 3) + CONSTANT);
    }

    @ParameterizedTest
    @MethodSource("qrKinds")
    void qrAllocatesItsResult(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int m = 261, n = 203;
        DMatrix a = DMatrix.random(m, n, 7);
        long qr = 48 + doubles((long) m * n) + doubles(n);
        Allocations.assertUnder("qr " + kind, () -> Linalg.qr(kind, a, false), qr + CONSTANT);
        Allocations.assertUnder("qr pivoted " + kind, () -> Linalg.qr(kind, a, true), qr + ints(n) + CONSTANT);
        QR f = Linalg.qr(kind, a, false);
        // Q is formed from a copy of tau (the factorisation stays reusable).
        Allocations.assertUnder("qr.q " + kind, () -> f.q(), matrix(m, n) + doubles(n) + CONSTANT);
    }

    @ParameterizedTest
    @MethodSource("svdKinds")
    void svdAllocatesItsResult(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        // Square, tall (preliminary QR), wide (through the transpose); thin and full.
        int[][] shapes = {{203, 203}, {401, 203}, {203, 401}};
        for (int[] sh : shapes) {
            int m = sh[0], n = sh[1], k = Math.min(m, n);
            DMatrix a = DMatrix.random(m, n, 8);
            for (boolean thin : new boolean[] {true, false}) {
                // U, s, Vt and the SVD object, and the work copy of A.
                long result = matrix(m, thin ? k : m) + doubles(k) + matrix(thin ? k : n, n) + 32 + doubles((long) m * n);
                String what = "svd " + m + "x" + n + (thin ? " thin " : " full ") + kind;
                Allocations.assertUnder(what, () -> Linalg.svd(kind, a, thin), result + CONSTANT);
                if (kind == Backend.JAVA) {
                    Allocations.assertUnder("svdJacobi" + what.substring(3), () -> Linalg.svdJacobi(a, thin), result + CONSTANT);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("choleskyKinds")
    void choleskyAllocatesItsResult(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int n : new int[] {97, 203}) {
            DMatrix spd = spd(n);
            Allocations.assertUnder("cholesky " + n + " " + kind, () -> Linalg.cholesky(kind, spd), 16 + matrix(n, n) + CONSTANT);
        }
    }

    @ParameterizedTest
    @MethodSource("eigKinds")
    void eigAllocatesItsResult(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int n = 203;
        DMatrix spd = spd(n);
        Allocations.assertUnder("eigSymmetric " + kind, () -> Linalg.eigSymmetric(kind, spd),
                24 + doubles(n) + matrix(n, n) + CONSTANT);
    }

    /** A symmetric positive definite n x n matrix. */
    private static DMatrix spd(int n) {
        DMatrix g = DMatrix.random(n, n, 9);
        DMatrix s = Linalg.gemm(Backend.JAVA, 1.0 / n, g, true, g, false, 0.0, DMatrix.zeros(n, n));
        for (int i = 0; i < n; i++) s.set(i, i, s.get(i, i) + 1);
        return s;
    }
}
