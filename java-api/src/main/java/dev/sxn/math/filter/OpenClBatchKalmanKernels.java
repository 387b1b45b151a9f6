package dev.sxn.math.filter;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.cl_kernel;

/**
 * The batched kernel on OpenCL ({@code kernels/filter.cl}): one work-item per filter, every tick of
 * the call inside the work-item. Each call copies the state and observations to the device and the
 * state (and out) back; the state is written into the caller's array only after the device work
 * succeeded, so a failure leaves it unchanged. Device buffers, and the host arrays the results are read
 * into, are reused across calls; calls are serialised (a cl_kernel's arguments are shared). Loaded only
 * when OPENCL is available.
 */
final class OpenClBatchKalmanKernels implements BatchKalmanKernels {
    /** The build options of {@code kernels/filter.cl}: the packed model's layout (BatchPlan), as {@code -D}. */
    static final String OPENCL_OPTIONS = "-D SXN_FB_F=" + BatchPlan.F + " -D SXN_FB_Q=" + BatchPlan.Q + " -D SXN_FB_H1=" + BatchPlan.H1
            + " -D SXN_FB_H2=" + BatchPlan.H2 + " -D SXN_FB_R1=" + BatchPlan.R1 + " -D SXN_FB_R2=" + BatchPlan.R2 + " -D SXN_FB_C="
            + BatchPlan.C + " -D SXN_FB_R12=" + BatchPlan.R12 + " -D SXN_FB_CV=" + BatchPlan.CV;

    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel kernel = rt.kernel("filter.cl", OPENCL_OPTIONS, "batch_kalman");
    private final cl_kernel kernelCv = rt.kernel("filter.cl", OPENCL_OPTIONS, "batch_kalman_cv");
    private final DeviceBuffer bufDt = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer bufPlan = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer bufState = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    private final DeviceBuffer bufZ = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer bufOut = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
    private final int local = rt.localSize(64);
    // Host copies of the results, kept and grown across the (serialised) calls.
    private double[] newState = new double[0];
    private double[] newOut = new double[0];

    @Override
    public synchronized void run(BatchPlan plan, double[] state, int filters, double[] zs, int zOff, int ticks, double[] out) {
        int stateLen = plan.comps * filters;
        upload(plan, state, stateLen, zs, zOff, ticks * plan.m * filters, out, (long) ticks * filters);
        rt.launch(kernel).argInt(plan.n).argInt(plan.m).arg(bufPlan).arg(bufState).argLong(filters).arg(bufZ).argLong(ticks)
                .arg(bufOut).argInt(out == null ? 0 : 1).runItems(filters, local);
        download(state, stateLen, out, ticks * filters);
    }

    @Override
    public synchronized void runDt(BatchPlan plan, double[] state, int filters, double[] zs, int zOff, double[] dts, int dOff, int ticks,
            double[] out) {
        int stateLen = plan.comps * filters;
        int zLen = ticks * filters;
        upload(plan, state, stateLen, zs, zOff, zLen, out, (long) ticks * filters);
        bufDt.write(dts, dOff, zLen);
        rt.launch(kernelCv).arg(bufPlan).arg(bufState).argLong(filters).arg(bufZ).arg(bufDt).argLong(ticks).arg(bufOut)
                .argInt(out == null ? 0 : 1).runItems(filters, local);
        download(state, stateLen, out, ticks * filters);
    }

    /** Copies the plan, the state and zLen observations to the device and sizes the out buffer (one double when out is null). */
    private void upload(BatchPlan plan, double[] state, int stateLen, double[] zs, int zOff, int zLen, double[] out, long outLen) {
        bufPlan.write(plan.packed, 0, BatchPlan.PACKED);
        bufState.write(state, 0, stateLen);
        bufZ.write(zs, zOff, zLen);
        bufOut.ensure(out == null ? 1 : outLen);
    }

    /**
     * Reads the new state (and out, when not null) back; the caller's arrays are written only after
     * every read succeeded, so a failure leaves them unchanged.
     */
    private void download(double[] state, int stateLen, double[] out, int outLen) {
        if (newState.length < stateLen) newState = new double[stateLen];
        bufState.read(newState, 0, stateLen);
        if (out != null) {
            if (newOut.length < outLen) newOut = new double[outLen];
            bufOut.read(newOut, 0, outLen);
            System.arraycopy(newOut, 0, out, 0, outLen);
        }
        System.arraycopy(newState, 0, state, 0, stateLen);
    }

    @Override
    public int firstInfinite(double[] a, int off, int len) {
        return JavaBatchKalmanKernels.scanInfinite(a, off, len);
    }
}
