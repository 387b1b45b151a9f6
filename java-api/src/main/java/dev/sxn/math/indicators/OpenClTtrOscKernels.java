package dev.sxn.math.indicators;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.cl_kernel;

/**
 * The oscillator kernels on OpenCL ({@code kernels/ttr_osc.cl}): one asset per work-item running through time,
 * neighbouring items reading neighbouring values of each bar, JAVA's operations in its order with contraction off,
 * so the bits are JAVA's except ROC continuous (the device's log). The inputs are copied to the device per call and
 * the result read back into the caller's output, every element of which the kernel writes (a failed call is re-run
 * by JAVA, which rewrites it all); the typical price lives in a device buffer. Buffers are kept across calls; calls
 * are serialised. Given only finite, eligible batches ({@link OscillatorBatches}). Loaded only when OPENCL is
 * available.
 */
final class OpenClTtrOscKernels implements TtrOscKernels {
    /** The momentum types as the kernel source's -D options (one source of their values: {@link TtrOscKernels}). */
    static final String OPENCL_OPTIONS = "-D SXN_TTR_DIFF=" + DIFF + " -D SXN_TTR_DISCRETE=" + DISCRETE;

    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel momentum = rt.kernel("ttr_osc.cl", OPENCL_OPTIONS, "ttr_momentum");
    private final cl_kernel wpr = rt.kernel("ttr_osc.cl", OPENCL_OPTIONS, "ttr_wpr");
    private final cl_kernel cci = rt.kernel("ttr_osc.cl", OPENCL_OPTIONS, "ttr_cci");
    private final cl_kernel mfi = rt.kernel("ttr_osc.cl", OPENCL_OPTIONS, "ttr_mfi");
    private final DeviceBuffer[] in = {new DeviceBuffer(rt, CL_MEM_READ_ONLY), new DeviceBuffer(rt, CL_MEM_READ_ONLY),
            new DeviceBuffer(rt, CL_MEM_READ_ONLY), new DeviceBuffer(rt, CL_MEM_READ_ONLY)};
    private final DeviceBuffer price = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    private final DeviceBuffer outBuf = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
    private final int local = rt.localSize(64);

    @Override
    public synchronized void momentum(double[] x, int k, int t, int n, int type, double[] out) {
        int m = k * t;
        rt.launch(momentum).arg(in[0].write(x, 0, m)).argLong(k).argLong(t).argLong(n).argInt(type).arg(outBuf.ensure(m))
                .runItems(k, local);
        outBuf.read(out, 0, m);
    }

    @Override
    public synchronized void wpr(double[] h, double[] l, double[] c, int k, int t, int n, double[] out) {
        int m = k * t;
        rt.launch(wpr).arg(in[0].write(h, 0, m)).arg(in[1].write(l, 0, m)).arg(in[2].write(c, 0, m)).argLong(k).argLong(t)
                .argLong(n).arg(outBuf.ensure(m)).runItems(k, local);
        outBuf.read(out, 0, m);
    }

    @Override
    public synchronized void cci(double[] h, double[] l, double[] c, int k, int t, int n, double coef, double[] out) {
        int m = k * t;
        boolean hlc = l != null;
        // The close-only form passes h in every input slot: the kernel reads only the first.
        rt.launch(cci).arg(in[0].write(h, 0, m)).arg(hlc ? in[1].write(l, 0, m) : in[0].ensure(m))
                .arg(hlc ? in[2].write(c, 0, m) : in[0].ensure(m)).argInt(hlc ? 1 : 0).argLong(k).argLong(t).argLong(n)
                .argDouble(coef).arg(price.ensure(hlc ? m : 1)).arg(outBuf.ensure(m)).runItems(k, local);
        outBuf.read(out, 0, m);
    }

    @Override
    public synchronized void mfi(double[] h, double[] l, double[] c, double[] v, int k, int t, int n, double[] out) {
        int m = k * t;
        rt.launch(mfi).arg(in[0].write(h, 0, m)).arg(in[1].write(l, 0, m)).arg(in[2].write(c, 0, m)).arg(in[3].write(v, 0, m))
                .argLong(k).argLong(t).argLong(n).arg(price.ensure(m)).arg(outBuf.ensure(m)).runItems(k, local);
        outBuf.read(out, 0, m);
    }
}
