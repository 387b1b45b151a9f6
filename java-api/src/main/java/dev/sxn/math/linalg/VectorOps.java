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
     * Crossover lengths from BENCHMARKS.md (VectorOpsBench, this project's 2-core AMD EPYC, JDK 25):
     * VECTOR wins from the shortest lengths measured; NATIVE pays ~20 ns per downcall, so it is taken
     * only where its AVX-512 loop beats the Vector API's. OPENCL never wins BLAS-1 on host arrays: the
     * transfer to the device alone moves the data once more than the CPU loop reads it.
     */
    private static final KernelSet<VectorOpsKernels> KERNELS = KernelSet
            .builder("linalg.VectorOps", VectorOpsKernels.class, JAVA)
            .with(Backend.VECTOR, "dev.sxn.math.linalg.VectorVectorOpsKernels", 16)
            .with(Backend.NATIVE, "dev.sxn.math.linalg.NativeVectorOpsKernels", KernelSet.NEVER)
            .withOpenCl("dev.sxn.math.linalg.OpenClVectorOpsKernels", KernelSet.NEVER, KernelSet.NEVER)
            .build();

    private VectorOps() {}

    /** The kinds this family has kernels for, their crossovers and what it lacks (one line). */
    public static String describeKernels() {
        return KERNELS.describe();
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
        return KERNELS.kernel(backend).dot(x, xOff, y, yOff, n);
    }

    private static double dotChecked(double[] x, int xOff, double[] y, int yOff, int n) {
        Backend kind = KERNELS.choose(n);
        if (kind == Backend.JAVA) return JAVA.dot(x, xOff, y, yOff, n);
        try {
            return KERNELS.kernel(kind).dot(x, xOff, y, yOff, n);
        } catch (RuntimeException e) {
            if (KERNELS.isForced()) throw e;
            KERNELS.fellBack(kind, e);
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
        KERNELS.kernel(backend).axpy(a, x, xOff, y, yOff, n);
    }

    private static void axpyChecked(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        Backend kind = KERNELS.choose(n);
        if (kind == Backend.JAVA) {
            JAVA.axpy(a, x, xOff, y, yOff, n);
            return;
        }
        try {
            KERNELS.kernel(kind).axpy(a, x, xOff, y, yOff, n);
        } catch (RuntimeException e) {
            // Kernels write y only after their device work succeeded, so y is still the input here.
            if (KERNELS.isForced()) throw e;
            KERNELS.fellBack(kind, e);
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
        KERNELS.kernel(backend).scale(a, x, off, n);
    }

    private static void scaleChecked(double a, double[] x, int off, int n) {
        Backend kind = KERNELS.choose(n);
        if (kind == Backend.JAVA) {
            JAVA.scale(a, x, off, n);
            return;
        }
        try {
            KERNELS.kernel(kind).scale(a, x, off, n);
        } catch (RuntimeException e) {
            if (KERNELS.isForced()) throw e;
            KERNELS.fellBack(kind, e);
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
        return KERNELS.kernel(backend).sum(x, off, n);
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
        return KERNELS.kernel(backend).sumOfSquares(x, off, n);
    }

    private static double reduceChecked(double[] x, int off, int n, boolean squares) {
        Backend kind = KERNELS.choose(n);
        VectorOpsKernels k = kind == Backend.JAVA ? JAVA : null;
        if (k == null) {
            try {
                VectorOpsKernels chosen = KERNELS.kernel(kind);
                return squares ? chosen.sumOfSquares(x, off, n) : chosen.sum(x, off, n);
            } catch (RuntimeException e) {
                if (KERNELS.isForced()) throw e;
                KERNELS.fellBack(kind, e);
            }
        }
        return squares ? JAVA.sumOfSquares(x, off, n) : JAVA.sum(x, off, n);
    }
}
