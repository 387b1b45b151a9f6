package dev.sxn.math.linalg;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.OpenBlas;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Dense kernels on OpenBLAS ({@code cblas_dgemm}) and LAPACKE's column-major interface (dgetrf, dgesv,
 * dgeqrf, dgeqp3, dorgqr, dgesdd, dpotrf, dsyevd), reached through critical downcalls: the heap
 * arrays themselves are passed (no marshalling, no copy), which also means the JVM cannot run a
 * garbage collection that moves them while a call runs; a multi-second dgesdd delays GC in other
 * threads for that long.
 *
 * <p>LAPACKE's high-level functions allocate their own workspace (after a size query) on each call.
 * A negative {@code info} (an illegal argument, which the checks in {@link Linalg} rule out, or
 * LAPACKE's out-of-memory code -1011) raises an IllegalStateException, so an unpinned call falls back
 * to the plain-Java kernel. Integer arguments are 32-bit (LP64 OpenBLAS, as both the system and the
 * bytedeco builds are).
 *
 * <p>Loaded by name only when NATIVE is available; the constructor throws when OpenBLAS/LAPACKE is
 * not, naming why. Thread-safe (OpenBLAS runs single-threaded, see {@code sxn.blas.threads}).
 */
final class NativeLinalgKernels implements LinalgKernels {
    private static final int COL_MAJOR = 102;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;

    NativeLinalgKernels() {
        String why = OpenBlas.unavailableReason();
        if (why != null) throw new IllegalStateException("OpenBLAS/LAPACKE unavailable: " + why);
    }

    // One holder per function: a downcall handle is made on the function's first use (making one costs far more
    // than loading a class, so a first GEMM does not pay for eight LAPACK handles), and a static final handle is a
    // constant the JIT inlines.
    private static final class Dgemm {
        static final MethodHandle H = OpenBlas.downcall("cblas_dgemm", FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_DOUBLE, ADDRESS, JAVA_INT));
    }

    private static final class Dgetrf {
        static final MethodHandle H = OpenBlas.downcall("LAPACKE_dgetrf", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS));
    }

    private static final class Dgesv {
        static final MethodHandle H = OpenBlas.downcall("LAPACKE_dgesv", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    }

    private static final class Dgeqrf {
        static final MethodHandle H = OpenBlas.downcall("LAPACKE_dgeqrf", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS));
    }

    private static final class Dgeqp3 {
        static final MethodHandle H = OpenBlas.downcall("LAPACKE_dgeqp3", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS,
                JAVA_INT, ADDRESS, ADDRESS));
    }

    private static final class Dorgqr {
        static final MethodHandle H = OpenBlas.downcall("LAPACKE_dorgqr", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS));
    }

    private static final class Dgesdd {
        static final MethodHandle H = OpenBlas.downcall("LAPACKE_dgesdd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_BYTE, JAVA_INT, JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT));
    }

    private static final class Dpotrf {
        static final MethodHandle H = OpenBlas.downcall("LAPACKE_dpotrf", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_BYTE, JAVA_INT, ADDRESS,
                JAVA_INT));
    }

    private static final class Dsyevd {
        static final MethodHandle H = OpenBlas.downcall("LAPACKE_dsyevd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_BYTE, JAVA_BYTE, JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS));
    }

    private static MemorySegment seg(double[] a) {
        return MemorySegment.ofArray(a);
    }

    private static MemorySegment seg(int[] a) {
        return MemorySegment.ofArray(a);
    }

    private static int checked(String fn, int info) {
        if (info < 0) throw new IllegalStateException(fn + " returned info = " + info + " (argument " + (-info) + " illegal, or -1011: out of memory)");
        return info;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
        if (m == 0 || n == 0) return;
        if (k == 0 || alpha == 0) {
            // dgemm handles these too, but an empty A or B has no array element to point at.
            new JavaLinalgKernels().gemm(transA, transB, m, n, k, alpha, a, b, beta, c);
            return;
        }
        int lda = Math.max(1, transA ? k : m);
        int ldb = Math.max(1, transB ? n : k);
        try {
            Dgemm.H.invokeExact(COL_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha, seg(a), lda,
                    seg(b), ldb, beta, seg(c), m);
        } catch (Throwable t) {
            throw NativeFailure.wrap("cblas_dgemm", t);
        }
    }

    @Override
    public int getrf(int m, int n, double[] a, int[] ipiv) {
        int info;
        try {
            info = (int) Dgetrf.H.invokeExact(COL_MAJOR, m, n, seg(a), Math.max(1, m), seg(ipiv));
        } catch (Throwable t) {
            throw NativeFailure.wrap("LAPACKE_dgetrf", t);
        }
        for (int i = 0; i < Math.min(m, n); i++) ipiv[i]--;
        return checked("LAPACKE_dgetrf", info);
    }

    @Override
    public int gesv(int n, int nrhs, double[] a, int[] ipiv, double[] b) {
        int info;
        try {
            info = (int) Dgesv.H.invokeExact(COL_MAJOR, n, nrhs, seg(a), Math.max(1, n), seg(ipiv), seg(b), Math.max(1, n));
        } catch (Throwable t) {
            throw NativeFailure.wrap("LAPACKE_dgesv", t);
        }
        for (int i = 0; i < n; i++) ipiv[i]--;
        return checked("LAPACKE_dgesv", info);
    }

    @Override
    public void geqrf(int m, int n, double[] a, double[] tau) {
        int info;
        try {
            info = (int) Dgeqrf.H.invokeExact(COL_MAJOR, m, n, seg(a), Math.max(1, m), seg(tau));
        } catch (Throwable t) {
            throw NativeFailure.wrap("LAPACKE_dgeqrf", t);
        }
        checked("LAPACKE_dgeqrf", info);
    }

    @Override
    public void geqp3(int m, int n, double[] a, int[] jpvt, double[] tau) {
        java.util.Arrays.fill(jpvt, 0, n, 0); // 0 = a free column, pivoted over all of them
        int info;
        try {
            info = (int) Dgeqp3.H.invokeExact(COL_MAJOR, m, n, seg(a), Math.max(1, m), seg(jpvt), seg(tau));
        } catch (Throwable t) {
            throw NativeFailure.wrap("LAPACKE_dgeqp3", t);
        }
        checked("LAPACKE_dgeqp3", info);
        for (int i = 0; i < n; i++) jpvt[i]--;
    }

    @Override
    public void orgqr(int m, int ncols, int k, double[] q, double[] tau) {
        int info;
        try {
            info = (int) Dorgqr.H.invokeExact(COL_MAJOR, m, ncols, k, seg(q), Math.max(1, m), seg(tau));
        } catch (Throwable t) {
            throw NativeFailure.wrap("LAPACKE_dorgqr", t);
        }
        checked("LAPACKE_dorgqr", info);
    }

    @Override
    public int gesvd(int m, int n, double[] a, double[] s, double[] u, double[] vt, boolean thin) {
        int mn = Math.min(m, n);
        byte jobz = (byte) (thin ? 'S' : 'A');
        int ldvt = Math.max(1, thin ? mn : n);
        int info;
        try {
            info = (int) Dgesdd.H.invokeExact(COL_MAJOR, jobz, m, n, seg(a), Math.max(1, m), seg(s), seg(u), Math.max(1, m),
                    seg(vt), ldvt);
        } catch (Throwable t) {
            throw NativeFailure.wrap("LAPACKE_dgesdd", t);
        }
        return checked("LAPACKE_dgesdd", info);
    }

    @Override
    public int potrf(int n, double[] a) {
        int info;
        try {
            info = (int) Dpotrf.H.invokeExact(COL_MAJOR, (byte) 'L', n, seg(a), Math.max(1, n));
        } catch (Throwable t) {
            throw NativeFailure.wrap("LAPACKE_dpotrf", t);
        }
        return checked("LAPACKE_dpotrf", info);
    }

    @Override
    public int syev(int n, double[] a, double[] w) {
        int info;
        try {
            info = (int) Dsyevd.H.invokeExact(COL_MAJOR, (byte) 'V', (byte) 'L', n, seg(a), Math.max(1, n), seg(w));
        } catch (Throwable t) {
            throw NativeFailure.wrap("LAPACKE_dsyevd", t);
        }
        return checked("LAPACKE_dsyevd", info);
    }
}
