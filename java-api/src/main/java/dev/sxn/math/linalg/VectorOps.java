package dev.sxn.math.linalg;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelSet;

/**
 * BLAS level-1 operations on {@code double[]}: dot product, axpy, scaling, sum and sum of squares.
 *
 * <p>Every operation has a whole-array form and an {@code (array, offset, length)} form that
 * allocates nothing, plus a form taking a {@link Backend} that pins the kernel (for tests and
 * benchmarks; it throws if that kind is unavailable). Unpinned calls choose the backend per call
 * from the length: short vectors stay on the JVM, where a downcall would cost more than it saves;
 * the crossover lengths are measured (see {@code BENCHMARKS.md}).
 *
 * <p>Numerics: NaN and infinities propagate as in IEEE arithmetic (as BLAS does). Reductions on
 * different backends add in different orders; results agree within {@code 2 n eps sum|terms|},
 * the bound the tests state. axpy may use a fused multiply-add on VECTOR and NATIVE (one rounding
 * instead of two). All methods are O(n), stateless and thread-safe.
 */
public final class VectorOps {
    private static final VectorOpsKernels JAVA = new JavaVectorOpsKernels();

    /*
     * Crossovers from BENCHMARKS.md (VectorOpsCpuTime, calls per CPU-second, 2-core AMD EPYC with
     * AVX-512, JDK 25, two runs). Reductions: the JAVA loop adds serially (strict IEEE order), VECTOR
     * keeps 32 partial sums and wins from 64 elements (1.8-3.3x up to 10^5); NATIVE is level with
     * VECTOR from 256 on and a downcall costs more below, so it is never the automatic choice.
     * Elementwise (axpy, scale): whether C2 auto-vectorises the plain loop varied between runs (JAVA
     * axpy at n = 1000: 9.9e6 calls/s in one run, 3.2e6 in the next), while the explicit VECTOR kernel
     * held 5.7-6.9e6; VECTOR is taken from 64 elements, where it was never worse than 0.6x of the best
     * JAVA run and up to 2.2x ahead. OPENCL never wins BLAS-1 on host arrays: the transfer alone
     * moves the data once more than the CPU loop reads it. Pinned calls run any kind.
     */
    private static final KernelSet<VectorOpsKernels> REDUCE = KernelSet
            .builder("linalg.VectorOps.reduce", VectorOpsKernels.class, JAVA)
            .with(Backend.VECTOR, "dev.sxn.math.linalg.VectorVectorOpsKernels", 64)
            .with(Backend.NATIVE, "dev.sxn.math.linalg.NativeVectorOpsKernels", KernelSet.NEVER)
            .withOpenCl("dev.sxn.math.linalg.OpenClVectorOpsKernels", KernelSet.NEVER, KernelSet.NEVER)
            .build();
    private static final KernelSet<VectorOpsKernels> ELEMENTWISE = KernelSet
            .builder("linalg.VectorOps.elementwise", VectorOpsKernels.class, JAVA)
            .with(Backend.VECTOR, "dev.sxn.math.linalg.VectorVectorOpsKernels", 64)
            .with(Backend.NATIVE, "dev.sxn.math.linalg.NativeVectorOpsKernels", KernelSet.NEVER)
            .withOpenCl("dev.sxn.math.linalg.OpenClVectorOpsKernels", KernelSet.NEVER, KernelSet.NEVER)
            .build();

    private VectorOps() {}

    /** The kinds these families have kernels for, their crossovers and what they lack (two lines). */
    public static String describeKernels() {
        return REDUCE.describe() + "\n" + ELEMENTWISE.describe();
    }

    // ---- dot ----

    /** The dot product sum(x[i] * y[i]); x and y must have the same length. */
    public static double dot(double[] x, double[] y) {
        Checks.sameLength(x, "x", y, "y");
        return dotChecked(x, 0, y, 0, x.length);
    }

    /** The dot product of {@code x[xOff..xOff+n)} and {@code y[yOff..yOff+n)}. */
    public static double dot(double[] x, int xOff, double[] y, int yOff, int n) {
        Checks.range(x, "x", xOff, "xOff", n, "n");
        Checks.range(y, "y", yOff, "yOff", n, "n");
        return dotChecked(x, xOff, y, yOff, n);
    }

    /** {@link #dot(double[], int, double[], int, int)} on the given backend. */
    public static double dot(Backend backend, double[] x, int xOff, double[] y, int yOff, int n) {
        Checks.range(x, "x", xOff, "xOff", n, "n");
        Checks.range(y, "y", yOff, "yOff", n, "n");
        return REDUCE.kernel(backend).dot(x, xOff, y, yOff, n);
    }

    private static double dotChecked(double[] x, int xOff, double[] y, int yOff, int n) {
        Backend kind = REDUCE.choose(n);
        if (kind == Backend.JAVA) return JAVA.dot(x, xOff, y, yOff, n);
        try {
            return REDUCE.kernel(kind).dot(x, xOff, y, yOff, n);
        } catch (RuntimeException e) {
            if (REDUCE.isForced()) throw e;
            REDUCE.fellBack(kind, e);
            return JAVA.dot(x, xOff, y, yOff, n);
        }
    }

    // ---- axpy ----

    /** y := a x + y; x and y must have the same length. */
    public static void axpy(double a, double[] x, double[] y) {
        Checks.sameLength(x, "x", y, "y");
        axpyChecked(a, x, 0, y, 0, x.length);
    }

    /** {@code y[yOff+i] += a * x[xOff+i]} for i in [0, n). */
    public static void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        Checks.range(x, "x", xOff, "xOff", n, "n");
        Checks.range(y, "y", yOff, "yOff", n, "n");
        axpyChecked(a, x, xOff, y, yOff, n);
    }

    /** {@link #axpy(double, double[], int, double[], int, int)} on the given backend. */
    public static void axpy(Backend backend, double a, double[] x, int xOff, double[] y, int yOff, int n) {
        Checks.range(x, "x", xOff, "xOff", n, "n");
        Checks.range(y, "y", yOff, "yOff", n, "n");
        ELEMENTWISE.kernel(backend).axpy(a, x, xOff, y, yOff, n);
    }

    private static void axpyChecked(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        Backend kind = ELEMENTWISE.choose(n);
        if (kind == Backend.JAVA) {
            JAVA.axpy(a, x, xOff, y, yOff, n);
            return;
        }
        try {
            ELEMENTWISE.kernel(kind).axpy(a, x, xOff, y, yOff, n);
        } catch (RuntimeException e) {
            // Kernels write y only after their device work succeeded, so y is still the input here.
            if (ELEMENTWISE.isForced()) throw e;
            ELEMENTWISE.fellBack(kind, e);
            JAVA.axpy(a, x, xOff, y, yOff, n);
        }
    }

    // ---- scale ----

    /** x := a x. */
    public static void scale(double a, double[] x) {
        Checks.notNull(x, "x");
        scaleChecked(a, x, 0, x.length);
    }

    /** {@code x[off+i] *= a} for i in [0, n). */
    public static void scale(double a, double[] x, int off, int n) {
        Checks.range(x, "x", off, "off", n, "n");
        scaleChecked(a, x, off, n);
    }

    /** {@link #scale(double, double[], int, int)} on the given backend. */
    public static void scale(Backend backend, double a, double[] x, int off, int n) {
        Checks.range(x, "x", off, "off", n, "n");
        ELEMENTWISE.kernel(backend).scale(a, x, off, n);
    }

    private static void scaleChecked(double a, double[] x, int off, int n) {
        Backend kind = ELEMENTWISE.choose(n);
        if (kind == Backend.JAVA) {
            JAVA.scale(a, x, off, n);
            return;
        }
        try {
            ELEMENTWISE.kernel(kind).scale(a, x, off, n);
        } catch (RuntimeException e) {
            if (ELEMENTWISE.isForced()) throw e;
            ELEMENTWISE.fellBack(kind, e);
            JAVA.scale(a, x, off, n);
        }
    }

    // ---- sum ----

    /** sum(x[i]). */
    public static double sum(double[] x) {
        Checks.notNull(x, "x");
        return reduceChecked(x, 0, x.length, false);
    }

    /** The sum of {@code x[off..off+n)}. */
    public static double sum(double[] x, int off, int n) {
        Checks.range(x, "x", off, "off", n, "n");
        return reduceChecked(x, off, n, false);
    }

    /** {@link #sum(double[], int, int)} on the given backend. */
    public static double sum(Backend backend, double[] x, int off, int n) {
        Checks.range(x, "x", off, "off", n, "n");
        return REDUCE.kernel(backend).sum(x, off, n);
    }

    // ---- sum of squares ----

    /** sum(x[i]^2). */
    public static double sumOfSquares(double[] x) {
        Checks.notNull(x, "x");
        return reduceChecked(x, 0, x.length, true);
    }

    /** The sum of squares of {@code x[off..off+n)}. */
    public static double sumOfSquares(double[] x, int off, int n) {
        Checks.range(x, "x", off, "off", n, "n");
        return reduceChecked(x, off, n, true);
    }

    /** {@link #sumOfSquares(double[], int, int)} on the given backend. */
    public static double sumOfSquares(Backend backend, double[] x, int off, int n) {
        Checks.range(x, "x", off, "off", n, "n");
        return REDUCE.kernel(backend).sumOfSquares(x, off, n);
    }

    private static double reduceChecked(double[] x, int off, int n, boolean squares) {
        Backend kind = REDUCE.choose(n);
        VectorOpsKernels k = kind == Backend.JAVA ? JAVA : null;
        if (k == null) {
            try {
                VectorOpsKernels chosen = REDUCE.kernel(kind);
                return squares ? chosen.sumOfSquares(x, off, n) : chosen.sum(x, off, n);
            } catch (RuntimeException e) {
                if (REDUCE.isForced()) throw e;
                REDUCE.fellBack(kind, e);
            }
        }
        return squares ? JAVA.sumOfSquares(x, off, n) : JAVA.sum(x, off, n);
    }
}
