package dev.sxn.math.linalg;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;

/**
 * BLAS level-1 operations on {@code double[]}: dot product, axpy, scaling, sum and sum of squares.
 *
 * <p>Every operation has a whole-array form and an {@code (array, offset, length)} form that
 * allocates nothing, plus a form taking a {@link Backend}. The forms without one choose the backend per
 * call from the length: short vectors stay on the JVM, where a downcall would cost more than it saves
 * (crossover lengths: {@code linalg.VectorOps.*} in {@code crossovers.properties}, measured by the
 * {@code VectorOpsCpuTime} benchmark). In the forms that take a {@link Backend}, a non-null kind pins
 * the kernel (for tests and benchmarks; it throws if that kind is unavailable) and {@code null}
 * chooses per call, exactly as the form without it.
 *
 * <p>Numerics: NaN and infinities propagate as in IEEE arithmetic (as BLAS does). Reductions on
 * different backends add in different orders; results agree within {@code 2 n eps sum|terms|},
 * the bound the tests state. axpy may use a fused multiply-add on VECTOR and NATIVE (one rounding
 * instead of two). All methods are O(n), stateless and thread-safe.
 */
public final class VectorOps {
    private static final VectorOpsKernels JAVA = new JavaVectorOpsKernels();

    private static final KernelSet<VectorOpsKernels> REDUCE = KernelSet.of(KernelFamilies.VECTOR_OPS_REDUCE, VectorOpsKernels.class, JAVA);
    private static final KernelSet<VectorOpsKernels> ELEMENTWISE =
            KernelSet.of(KernelFamilies.VECTOR_OPS_ELEMENTWISE, VectorOpsKernels.class, JAVA);

    private VectorOps() {}

    // ---- dot ----

    /** The dot product sum(x[i] * y[i]); x and y must have the same length. */
    public static double dot(double[] x, double[] y) {
        Checks.sameLength(x, "x", y, "y");
        return dotChecked(null, x, 0, y, 0, x.length);
    }

    /** The dot product of {@code x[xOff..xOff+n)} and {@code y[yOff..yOff+n)}. */
    public static double dot(double[] x, int xOff, double[] y, int yOff, int n) {
        return dot(null, x, xOff, y, yOff, n);
    }

    /** {@link #dot(double[], int, double[], int, int)} on the given backend. */
    public static double dot(Backend backend, double[] x, int xOff, double[] y, int yOff, int n) {
        Checks.range(x, "x", xOff, "xOff", n, "n");
        Checks.range(y, "y", yOff, "yOff", n, "n");
        return dotChecked(backend, x, xOff, y, yOff, n);
    }

    private static double dotChecked(Backend pinned, double[] x, int xOff, double[] y, int yOff, int n) {
        return REDUCE.callDouble(pinned, n, k -> k.dot(x, xOff, y, yOff, n));
    }

    // ---- axpy ----

    /** y := a x + y; x and y must have the same length. */
    public static void axpy(double a, double[] x, double[] y) {
        Checks.sameLength(x, "x", y, "y");
        axpyChecked(null, a, x, 0, y, 0, x.length);
    }

    /**
     * {@code y[yOff+i] += a * x[xOff+i]} for i in [0, n). x and y may be the same array with the same range
     * (y := (1 + a) y, elementwise) but not with ranges that partly overlap: the result would depend on the
     * order in which a backend walks them, so that is an IllegalArgumentException.
     */
    public static void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        axpy(null, a, x, xOff, y, yOff, n);
    }

    /** {@link #axpy(double, double[], int, double[], int, int)} on the given backend. */
    public static void axpy(Backend backend, double a, double[] x, int xOff, double[] y, int yOff, int n) {
        Checks.range(x, "x", xOff, "xOff", n, "n");
        Checks.range(y, "y", yOff, "yOff", n, "n");
        Checks.noPartialOverlap(x, "x", xOff, y, "y", yOff, n);
        axpyChecked(backend, a, x, xOff, y, yOff, n);
    }

    private static void axpyChecked(Backend pinned, double a, double[] x, int xOff, double[] y, int yOff, int n) {
        // Kernels write y only after their device work succeeded, so a retry starts from the input.
        ELEMENTWISE.run(pinned, n, k -> k.axpy(a, x, xOff, y, yOff, n));
    }

    // ---- scale ----

    /** x := a x. */
    public static void scale(double a, double[] x) {
        Checks.notNull(x, "x");
        scaleChecked(null, a, x, 0, x.length);
    }

    /** {@code x[off+i] *= a} for i in [0, n). */
    public static void scale(double a, double[] x, int off, int n) {
        scale(null, a, x, off, n);
    }

    /** {@link #scale(double, double[], int, int)} on the given backend. */
    public static void scale(Backend backend, double a, double[] x, int off, int n) {
        Checks.range(x, "x", off, "off", n, "n");
        scaleChecked(backend, a, x, off, n);
    }

    private static void scaleChecked(Backend pinned, double a, double[] x, int off, int n) {
        ELEMENTWISE.run(pinned, n, k -> k.scale(a, x, off, n));
    }

    // ---- sum ----

    /** sum(x[i]). */
    public static double sum(double[] x) {
        Checks.notNull(x, "x");
        return reduceChecked(null, x, 0, x.length, false);
    }

    /** The sum of {@code x[off..off+n)}. */
    public static double sum(double[] x, int off, int n) {
        return sum(null, x, off, n);
    }

    /** {@link #sum(double[], int, int)} on the given backend. */
    public static double sum(Backend backend, double[] x, int off, int n) {
        Checks.range(x, "x", off, "off", n, "n");
        return reduceChecked(backend, x, off, n, false);
    }

    // ---- sum of squares ----

    /** sum(x[i]^2). */
    public static double sumOfSquares(double[] x) {
        Checks.notNull(x, "x");
        return reduceChecked(null, x, 0, x.length, true);
    }

    /** The sum of squares of {@code x[off..off+n)}. */
    public static double sumOfSquares(double[] x, int off, int n) {
        return sumOfSquares(null, x, off, n);
    }

    /** {@link #sumOfSquares(double[], int, int)} on the given backend. */
    public static double sumOfSquares(Backend backend, double[] x, int off, int n) {
        Checks.range(x, "x", off, "off", n, "n");
        return reduceChecked(backend, x, off, n, true);
    }

    private static double reduceChecked(Backend pinned, double[] x, int off, int n, boolean squares) {
        return REDUCE.callDouble(pinned, n, k -> squares ? k.sumOfSquares(x, off, n) : k.sum(x, off, n));
    }
}
