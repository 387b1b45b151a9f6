package dev.sxn.math.linalg;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.OpenBlas;
import dev.sxn.math.testing.BackendSupport;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 17, item 9: near-singular systems have one outcome on every backend. LU and QR give a 1-norm
 * reciprocal condition estimate (LAPACK dgecon / dtrcon), {@code solve} and {@code inverse} refuse A when
 * rcond &lt; n eps (or a pivot is exactly 0) with one IllegalArgumentException message shape on every
 * kind, and {@code SVD.cond()} of a zero matrix is +Infinity.
 *
 * <p>Tolerances: the estimate of ||A^-1||_1 is a lower bound, so rcond may exceed the true
 * 1 / (||A||_1 ||A^-1||_1) (from an explicit inverse of a matrix of condition number at most 1e8, whose
 * own relative error is below 1e-7) by at most a factor of 10, and may fall below it only by that
 * inverse's error, 1e-6 relative. Against LAPACK's own dgecon / dtrcon on the same factors (NATIVE's
 * OpenBLAS), 1e-10 relative: the same algorithm, differing only in the rounding of the triangular solves.
 */
class LinalgConditionTest {
    private static final double EPS = LinalgTestSupport.EPS;
    private static final int N = 30;

    /** A rank-3 30 x 30 matrix U V^T from seeded 30 x 3 factors. */
    static DMatrix rankThree() {
        DMatrix u = DMatrix.random(N, 3, 1701), v = DMatrix.random(N, 3, 1702);
        return Linalg.gemm(Backend.JAVA, 1.0, u, false, v, true, 0.0, DMatrix.zeros(N, N));
    }

    /** The one message shape of an LU refusal of an n x n A; group 1 is rcond, group 3 the zero pivot if any. */
    private static Pattern luRefusal(int n) {
        return Pattern.compile("A must be nonsingular to working precision \\(1-norm reciprocal condition estimate rcond >= n eps = "
                + Pattern.quote(String.valueOf(n * EPS)) + "\\), was rcond = (\\S+)( \\(the LU pivot U\\((\\d+), \\3\\) is exactly 0\\))?");
    }

    /** The refusal's rcond, after checking the exception type and the message shape. */
    private static double refusedRcond(Pattern shape, Executable call) {
        String msg = assertThrows(IllegalArgumentException.class, call).getMessage();
        Matcher m = shape.matcher(msg);
        assertTrue(m.matches(), "message '" + msg + "' should match " + shape);
        return Double.parseDouble(m.group(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#luKinds")
    void rankThreeSystemIsRefusedWithOneMessageShape(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = rankThree();
        DMatrix b = DMatrix.random(N, 2, 1703);
        Pattern shape = luRefusal(N);
        double r = refusedRcond(shape, () -> Linalg.solve(kind, a, b));
        assertTrue(r < N * EPS, "rcond " + r + " < n eps");
        refusedRcond(shape, () -> Linalg.solve(a, new double[N])); // unpinned, one right-hand side
        refusedRcond(shape, () -> Linalg.inverse(kind, a));
        LU lu = Linalg.lu(kind, a);
        assertTrue(lu.isSingular(), "isSingular of a rank-3 30x30 matrix");
        assertTrue(lu.rcond() < N * EPS, "LU.rcond " + lu.rcond());
        refusedRcond(shape, () -> lu.solve(b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#luKinds")
    void exactZeroPivotHasTheSameShapeAndNamesThePivot(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        DMatrix a = DMatrix.of(new double[][] {{1, 2, 3}, {2, 4, 6}, {1, 0, 1}});
        String msg = assertThrows(IllegalArgumentException.class, () -> Linalg.solve(kind, a, DMatrix.identity(3))).getMessage();
        Matcher m = luRefusal(3).matcher(msg);
        assertTrue(m.matches(), msg);
        assertEquals("0.0", m.group(1), msg);
        assertEquals("2", m.group(3), msg);
        LU lu = Linalg.lu(kind, a);
        assertEquals(0.0, lu.rcond());
        assertTrue(lu.isSingular());
        assertEquals(0.0, lu.det());
        assertEquals(0.0, Linalg.lu(kind, DMatrix.zeros(4, 4)).rcond(), "zero matrix");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#qrKinds")
    void rankThreeLeastSquaresWithoutPivotingIsRefused(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        Pattern shape = Pattern.compile("A must have full column rank to working precision for least squares without pivoting \\(1-norm"
                + " reciprocal condition estimate of R rcond >= n eps = " + Pattern.quote(String.valueOf(N * EPS))
                + "; use qr\\(A, true\\) for the basic solution or svd\\(A\\).pinv\\(\\) for the minimum-norm one\\), was rcond = (\\S+)"
                + "( \\(R\\((\\d+), \\3\\) = 0\\))?");
        for (DMatrix a : new DMatrix[] {rankThree(), LinalgTestSupport.rankDeficient(50, N, 3, 1704)}) {
            QR qr = Linalg.qr(kind, a, false);
            double r = refusedRcond(shape, () -> qr.solve(DMatrix.random(a.rows(), 1, 1705)));
            assertTrue(r < N * EPS, "rcond " + r);
            assertEquals(r, qr.rcond());
            // With pivoting the rank cut applies instead: the basic solution over 3 columns.
            assertEquals(3, Linalg.qr(kind, a, true).rank());
        }
        String msg = assertThrows(IllegalArgumentException.class,
                () -> Linalg.qr(kind, DMatrix.of(new double[][] {{1, 0}, {0, 0}, {0, 0}}), false).solve(DMatrix.zeros(3, 1))).getMessage();
        assertTrue(msg.endsWith("was rcond = 0.0 (R(1, 1) = 0)"), msg);
    }

    /** Well-conditioned (cond_2 <= 1e8) square test matrices whose explicit inverse is accurate. */
    private static DMatrix[] wellConditioned() {
        DMatrix graded = DMatrix.random(12, 12, 1706);
        for (int j = 0; j < 12; j++) {
            for (int i = 0; i < 12; i++) graded.set(i, j, graded.get(i, j) * Math.pow(10, -j / 2.0)); // columns 1 .. 1e-5.5
        }
        return new DMatrix[] {DMatrix.random(47, 47, 1707), LinalgTestSupport.illConditioned(40, 40, 1e6, 1708),
                LinalgTestSupport.illConditioned(N, N, 1e8, 1709), LinalgTestSupport.randomSpd(25, 1710), graded,
                DMatrix.of(new double[][] {{2, 1}, {1, 3}}), DMatrix.wrap(1, 1, new double[] {-3.5}), DMatrix.identity(9)};
    }

    /** 1 / (||A||_1 ||A^-1||_1) from an explicit plain-Java inverse. */
    private static double trueRcond(DMatrix a) {
        int n = a.rows();
        return 1 / (ConditionEstimate.norm1(a.data(), n, n) * ConditionEstimate.norm1(Linalg.inverse(Backend.JAVA, a).data(), n, n));
    }

    private static void assertEstimates(double estimate, double exact, String what) {
        assertTrue(estimate >= exact * (1 - 1e-6), what + ": estimate " + estimate + " below the true rcond " + exact);
        assertTrue(estimate <= 10 * exact, what + ": estimate " + estimate + " more than 10x the true rcond " + exact);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#luKinds")
    void luRcondAgreesWithTheExplicitInverse(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (DMatrix a : wellConditioned()) {
            LU lu = Linalg.lu(kind, a);
            assertEstimates(lu.rcond(), trueRcond(a), kind + " LU " + a.shape());
            assertFalse(lu.isSingular(), a.shape());
        }
        assertEquals(1.0, Linalg.lu(kind, DMatrix.identity(9)).rcond(), 1e-15, "identity");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#qrKinds")
    void qrRcondAgreesWithTheExplicitInverseOfR(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (DMatrix a : wellConditioned()) {
            for (boolean piv : new boolean[] {false, true}) {
                QR qr = Linalg.qr(kind, a, piv);
                assertEstimates(qr.rcond(), trueRcond(qr.r()), kind + " QR (pivoting " + piv + ") " + a.shape());
            }
        }
        QR tall = Linalg.qr(kind, DMatrix.random(60, 7, 1711), false);
        assertEstimates(tall.rcond(), trueRcond(tall.r()), kind + " tall QR");
        String msg = assertThrows(IllegalArgumentException.class, () -> Linalg.qr(kind, DMatrix.random(3, 5, 1), false).rcond()).getMessage();
        assertTrue(msg.startsWith("A must have rows >= cols for rcond"), msg);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#luKinds")
    void rcondDoesNotDependOnScale(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        // Scaling by a power of two scales the factors exactly (no pivot becomes subnormal here, cond 1e3),
        // so rcond must not move: at 2^1020 the unscaled solves of the estimator would reach subnormal numbers.
        DMatrix a = LinalgTestSupport.illConditioned(20, 20, 1e3, 1712);
        double ref = Linalg.lu(kind, a).rcond();
        for (int e : new int[] {-1000, 1000, 1020}) {
            DMatrix s = a.copy();
            for (int i = 0; i < s.data().length; i++) s.data()[i] = Math.scalb(s.data()[i], e);
            assertEquals(ref, Linalg.lu(kind, s).rcond(), 1e-12 * ref, "scale 2^" + e);
        }
        // A well-conditioned matrix keeps rcond = 1 and is solvable even where det() underflows to 0.
        DMatrix small = DMatrix.identity(400);
        for (int i = 0; i < 400; i++) small.set(i, i, 0.1);
        LU lu = Linalg.lu(kind, small);
        assertEquals(0.0, lu.det(), "0.1^400 underflows");
        assertFalse(lu.isSingular());
        assertEquals(1.0, lu.rcond(), 1e-15);
    }

    @Test
    void rcondIsLapackDgeconAndDtrconOnTheSameFactors() throws Throwable {
        BackendSupport.assumeAvailable(Backend.NATIVE);
        if (OpenBlas.unavailableReason() != null) {
            if (BackendSupport.isCi()) fail("CI=true but OpenBLAS unavailable: " + OpenBlas.unavailableReason());
            assumeTrue(false, "OpenBLAS unavailable: " + OpenBlas.unavailableReason());
        }
        MethodHandle dgecon = OpenBlas.downcall("LAPACKE_dgecon", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_BYTE, JAVA_INT, ADDRESS,
                JAVA_INT, JAVA_DOUBLE, ADDRESS));
        MethodHandle dtrcon = OpenBlas.downcall("LAPACKE_dtrcon", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_BYTE, JAVA_BYTE, JAVA_BYTE,
                JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        for (DMatrix a : wellConditioned()) {
            int n = a.rows();
            for (Backend kind : new Backend[] {Backend.JAVA, Backend.NATIVE}) {
                LU lu = Linalg.lu(kind, a);
                double[] out = new double[1];
                int info = (int) dgecon.invokeExact(102, (byte) '1', n, MemorySegment.ofArray(lu.packed().data()), n,
                        ConditionEstimate.norm1(a.data(), n, n), MemorySegment.ofArray(out));
                assertEquals(0, info);
                assertEquals(out[0], lu.rcond(), 1e-10 * out[0], kind + " LU " + a.shape() + " against dgecon");
                QR qr = Linalg.qr(kind, a, false);
                info = (int) dtrcon.invokeExact(102, (byte) '1', (byte) 'U', (byte) 'N', n, MemorySegment.ofArray(qr.r().data()), n,
                        MemorySegment.ofArray(out));
                assertEquals(0, info);
                assertEquals(out[0], qr.rcond(), 1e-10 * out[0], kind + " QR " + a.shape() + " against dtrcon");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.sxn.math.linalg.LinalgTestSupport#svdKinds")
    void svdCondOfDegenerateMatrices(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (DMatrix z : new DMatrix[] {DMatrix.zeros(4, 4), DMatrix.zeros(3, 5), DMatrix.zeros(6, 2), DMatrix.zeros(1, 1)}) {
            SVD svd = Linalg.svd(kind, z);
            assertEquals(Double.POSITIVE_INFINITY, svd.cond(), "cond of the zero " + z.shape());
            assertEquals(0, svd.rank());
        }
        // Square with all-zero rows: singular, so cond is +Infinity, or huge where s_min is rounding-sized.
        DMatrix rows = DMatrix.random(5, 5, 1713);
        for (int j = 0; j < 5; j++) {
            rows.set(1, j, 0);
            rows.set(3, j, 0);
        }
        double c = Linalg.svd(kind, rows).cond();
        assertTrue(c > 1 / (5 * EPS), "cond with zero rows " + c);
        // Tall with all-zero rows but full column rank: the cond of its nonzero rows.
        DMatrix top = DMatrix.random(3, 3, 1714);
        DMatrix tall = DMatrix.zeros(7, 3);
        for (int j = 0; j < 3; j++) for (int i = 0; i < 3; i++) tall.set(2 * i, j, top.get(i, j));
        double ref = Linalg.svd(Backend.JAVA, top).cond();
        assertEquals(ref, Linalg.svd(kind, tall).cond(), 1e-10 * ref, "tall with zero rows");
        assertTrue(Double.isNaN(Linalg.svd(kind, DMatrix.zeros(0, 3)).cond()), "empty");
    }
}
