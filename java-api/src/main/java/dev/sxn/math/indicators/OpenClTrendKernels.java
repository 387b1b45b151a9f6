package dev.sxn.math.indicators;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The {@code indicators.ttr.trend} kernels on OpenCL ({@code kernels/ttr_trend.cl}): one asset per work-item,
 * neighbouring items reading neighbouring values of each bar, the Java kernels' operations in their order with
 * contraction off (JAVA's bits except the device's {@code log} in the volatility estimators). Intermediate series that
 * a window reads back sit in a device ring of window rows per asset. The inputs are copied to the device per call and
 * the outputs read back into host arrays of this object before the caller's outputs are written, so a failure leaves
 * them untouched. Buffers and host arrays are kept across calls; calls are serialised. Loaded only when OPENCL is
 * available.
 */
final class OpenClTrendKernels implements TrendKernels {
    /** The -D options of ttr_trend.cl: the volatility method codes. */
    static final String OPTIONS = "-D SXN_TTR_CLOSE=" + CLOSE + " -D SXN_TTR_CLOSE_MEAN0=" + CLOSE_MEAN0 + " -D SXN_TTR_GARMAN_KLASS="
            + GARMAN_KLASS + " -D SXN_TTR_PARKINSON=" + PARKINSON + " -D SXN_TTR_ROGERS_SATCHELL=" + ROGERS_SATCHELL
            + " -D SXN_TTR_GK_YZ=" + GK_YZ + " -D SXN_TTR_YANG_ZHANG=" + YANG_ZHANG;

    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel adxK = rt.kernel("ttr_trend.cl", OPTIONS, "ttr_adx");
    private final cl_kernel volK = rt.kernel("ttr_trend.cl", OPTIONS, "ttr_vol");
    private final cl_kernel hmaK = rt.kernel("ttr_trend.cl", OPTIONS, "ttr_hma");
    private final cl_kernel wmaK = rt.kernel("ttr_trend.cl", OPTIONS, "ttr_wma");
    private final cl_kernel zlemaK = rt.kernel("ttr_trend.cl", OPTIONS, "ttr_zlema");
    private final cl_kernel evwmaK = rt.kernel("ttr_trend.cl", OPTIONS, "ttr_evwma");
    private final cl_kernel wilderK = rt.kernel("ttr_trend.cl", OPTIONS, "ttr_wilder");
    private final DeviceBuffer[] in = new DeviceBuffer[4];
    private final DeviceBuffer[] out = new DeviceBuffer[4];
    private final DeviceBuffer weights = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer ring = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    private final int local = rt.localSize(64);
    private final double[][] host = new double[4][0];
    private double[] linear = new double[0];

    OpenClTrendKernels() {
        for (int j = 0; j < 4; j++) {
            in[j] = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
            out[j] = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
        }
    }

    private cl_mem input(int j, double[] x, int m) {
        return in[j].write(x, 0, m);
    }

    /** Reads one device output of m values back per array of {@code dst}, then copies each to it. */
    private void finish(int m, double[]... dst) {
        for (int j = 0; j < dst.length; j++) {
            if (host[j].length < m) host[j] = new double[m];
            out[j].read(host[j], 0, m);
        }
        for (int j = 0; j < dst.length; j++) System.arraycopy(host[j], 0, dst[j], 0, m);
    }

    @Override
    public synchronized void adx(double[] h, double[] l, double[] c, int k, int t, int n, double[] dip, double[] din, double[] dx,
            double[] adx) {
        int m = k * t;
        rt.launch(adxK).arg(input(0, h, m)).arg(input(1, l, m)).arg(input(2, c, m)).argLong(k).argLong(t).argInt(n)
                .arg(out[0].ensure(m)).arg(out[1].ensure(m)).arg(out[2].ensure(m)).arg(out[3].ensure(m)).runItems(k, local);
        finish(m, dip, din, dx, adx);
    }

    @Override
    public synchronized void volatility(int method, double[] o, double[] h, double[] l, double[] c, int k, int t, int n, double nY,
            double[] dst) {
        int m = k * t;
        cl_mem cm = input(3, c, m);
        // CLOSE reads only the close: the other arguments get its buffer
        cl_mem om = o == null ? cm : input(0, o, m), hm = h == null ? cm : input(1, h, m), lm = l == null ? cm : input(2, l, m);
        rt.launch(volK).argInt(method).arg(om).arg(hm).arg(lm).arg(cm).argLong(k).argLong(t).argInt(n).argDouble(nY)
                .arg(out[0].ensure(m)).arg(ring.ensure(3L * n * k)).runItems(k, local);
        finish(m, dst);
    }

    @Override
    public synchronized void hma(double[] x, int k, int t, int n, double[] dst) {
        int m = k * t;
        if (linear.length < n) {
            linear = new double[n];
            for (int j = 0; j < n; j++) linear[j] = j + 1;
        }
        rt.launch(hmaK).arg(input(0, x, m)).argLong(k).argLong(t).argInt(n).arg(weights.write(linear, 0, n)).arg(out[0].ensure(m))
                .arg(ring.ensure((long) Math.sqrt(n) * k)).runItems(k, local);
        finish(m, dst);
    }

    @Override
    public synchronized void zlema(double[] x, int k, int t, int n, double[] dst) {
        int m = k * t;
        rt.launch(zlemaK).arg(input(0, x, m)).argLong(k).argLong(t).argInt(n).arg(out[0].ensure(m)).runItems(k, local);
        finish(m, dst);
    }

    @Override
    public synchronized void alma(double[] x, int k, int t, int n, double offset, double sigma, double[] w, double[] dst) {
        int m = k * t;
        rt.launch(wmaK).arg(input(0, x, m)).argLong(k).argLong(t).argInt(n).arg(weights.write(w, 0, n)).arg(out[0].ensure(m))
                .runItems(k, local);
        finish(m, dst);
    }

    @Override
    public synchronized void evwma(double[] p, double[] v, int k, int t, int n, double[] dst) {
        int m = k * t;
        rt.launch(evwmaK).arg(input(0, p, m)).arg(input(1, v, m)).argLong(k).argLong(t).argInt(n).arg(out[0].ensure(m))
                .runItems(k, local);
        finish(m, dst);
    }

    @Override
    public synchronized void wilderSum(double[] x, int k, int t, int n, double[] dst) {
        int m = k * t;
        rt.launch(wilderK).arg(input(0, x, m)).argLong(k).argLong(t).argInt(n).arg(out[0].ensure(m)).runItems(k, local);
        finish(m, dst);
    }
}
