package dev.sxn.math.indicators;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.SxnNative;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The {@code indicators.ttr.trend} kernels in libsxnkernels ({@code native/src/ttr_trend.c}): blocks of 8 assets, the
 * loop over a block's assets innermost so the compiler may vectorise it, the Java kernels' operations in their order
 * with {@code -ffp-contract=off} (JAVA's bits except libm's {@code log} in the volatility estimators). Critical
 * downcalls pass the heap arrays without a copy; the C code's lane-major temporaries are a per-thread Java array of
 * {@link #work} doubles, grown on demand. Allocates nothing once warm.
 */
final class NativeTrendKernels implements TrendKernels {
    private static final int BLOCK = 8;
    private static final MethodHandle ADX = SxnNative.downcall("sxn_ttr_adx", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS,
            JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle VOL = SxnNative.downcall("sxn_ttr_vol", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS,
            ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_DOUBLE, ADDRESS, ADDRESS));
    private static final MethodHandle HMA = SxnNative.downcall("sxn_ttr_hma", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG,
            JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle ZLEMA = SxnNative.downcall("sxn_ttr_zlema", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG,
            JAVA_LONG, JAVA_INT, ADDRESS));
    private static final MethodHandle WMA = SxnNative.downcall("sxn_ttr_wma", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG,
            JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle EVWMA = SxnNative.downcall("sxn_ttr_evwma", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS,
            JAVA_LONG, JAVA_LONG, JAVA_INT, ADDRESS));
    private static final MethodHandle WILDER = SxnNative.downcall("sxn_ttr_wilder", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG,
            JAVA_LONG, JAVA_INT, ADDRESS));
    private static final ThreadLocal<double[][]> WORK = ThreadLocal.withInitial(() -> new double[1][0]);
    private static final MemorySegment NONE = MemorySegment.NULL;

    /** The C kernels' scratch for t bars and window n (ttr_trend.h's SXN_TTR_WORK): per thread, grown on demand. */
    private static double[] work(int t, int n) {
        double[][] h = WORK.get();
        long need = 4L * t * BLOCK + n;
        if (h[0].length < need) h[0] = new double[Math.toIntExact(need)];
        return h[0];
    }

    private static MemorySegment seg(double[] a) {
        return a == null ? NONE : MemorySegment.ofArray(a);
    }

    @Override
    public void adx(double[] h, double[] l, double[] c, int k, int t, int n, double[] dip, double[] din, double[] dx, double[] adx) {
        try {
            ADX.invokeExact(seg(h), seg(l), seg(c), (long) k, (long) t, n, seg(dip), seg(din), seg(dx), seg(adx));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_ttr_adx", e);
        }
    }

    @Override
    public void volatility(int method, double[] o, double[] h, double[] l, double[] c, int k, int t, int n, double nY, double[] out) {
        int rc;
        try {
            rc = (int) VOL.invokeExact(method, seg(o), seg(h), seg(l), seg(c), (long) k, (long) t, n, nY, seg(out), seg(work(t, n)));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_ttr_vol", e);
        }
        if (rc != 0) throw new IllegalStateException("sxn_ttr_vol: unknown method " + method);
    }

    @Override
    public void hma(double[] x, int k, int t, int n, double[] out) {
        try {
            HMA.invokeExact(seg(x), (long) k, (long) t, n, seg(out), seg(work(t, n)));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_ttr_hma", e);
        }
    }

    @Override
    public void zlema(double[] x, int k, int t, int n, double[] out) {
        try {
            ZLEMA.invokeExact(seg(x), (long) k, (long) t, n, seg(out));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_ttr_zlema", e);
        }
    }

    @Override
    public void alma(double[] x, int k, int t, int n, double offset, double sigma, double[] w, double[] out) {
        try {
            WMA.invokeExact(seg(x), (long) k, (long) t, n, seg(w), seg(out));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_ttr_wma", e);
        }
    }

    @Override
    public void evwma(double[] p, double[] v, int k, int t, int n, double[] out) {
        try {
            EVWMA.invokeExact(seg(p), seg(v), (long) k, (long) t, n, seg(out));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_ttr_evwma", e);
        }
    }

    @Override
    public void wilderSum(double[] x, int k, int t, int n, double[] out) {
        try {
            WILDER.invokeExact(seg(x), (long) k, (long) t, n, seg(out));
        } catch (Throwable e) {
            throw NativeFailure.wrap("sxn_ttr_wilder", e);
        }
    }
}
