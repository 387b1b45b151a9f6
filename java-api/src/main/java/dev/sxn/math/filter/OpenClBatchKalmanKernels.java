package dev.sxn.math.filter;

import static org.jocl.CL.*;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The batched kernel on OpenCL ({@code kernels/filter.cl}): one work-item per filter, every tick of
 * the call inside the work-item. Each call copies the state and observations to the device and the
 * state (and out) back; the state is written into the caller's array only after the device work
 * succeeded, so a failure leaves it unchanged. Device buffers are reused across calls; calls are
 * serialised (a cl_kernel's arguments are shared). Loaded only when OPENCL is available.
 */
final class OpenClBatchKalmanKernels implements BatchKalmanKernels {
    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel kernel = rt.kernel("filter.cl", "batch_kalman");
    private final cl_kernel kernelCv = rt.kernel("filter.cl", "batch_kalman_cv");
    private final DeviceBuffer bufDt = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer bufPlan = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer bufState = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    private final DeviceBuffer bufZ = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer bufOut = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
    private final int local = rt.localSize(64);

    @Override
    public synchronized void run(BatchPlan plan, double[] state, int filters, double[] zs, int zOff, int ticks, double[] out) {
        int stateLen = plan.comps * filters;
        int zLen = ticks * plan.m * filters;
        cl_mem mPlan = bufPlan.write(plan.packed, 0, BatchPlan.PACKED);
        cl_mem mState = bufState.write(state, 0, stateLen);
        cl_mem mZ = bufZ.write(zs, zOff, zLen);
        cl_mem mOut = bufOut.ensure(out == null ? 1 : (long) ticks * filters);
        clSetKernelArg(kernel, 0, Sizeof.cl_int, Pointer.to(new int[] {plan.n}));
        clSetKernelArg(kernel, 1, Sizeof.cl_int, Pointer.to(new int[] {plan.m}));
        clSetKernelArg(kernel, 2, Sizeof.cl_mem, Pointer.to(mPlan));
        clSetKernelArg(kernel, 3, Sizeof.cl_mem, Pointer.to(mState));
        clSetKernelArg(kernel, 4, Sizeof.cl_long, Pointer.to(new long[] {filters}));
        clSetKernelArg(kernel, 5, Sizeof.cl_mem, Pointer.to(mZ));
        clSetKernelArg(kernel, 6, Sizeof.cl_long, Pointer.to(new long[] {ticks}));
        clSetKernelArg(kernel, 7, Sizeof.cl_mem, Pointer.to(mOut));
        clSetKernelArg(kernel, 8, Sizeof.cl_int, Pointer.to(new int[] {out == null ? 0 : 1}));
        long global = ((long) filters + local - 1) / local * local;
        clEnqueueNDRangeKernel(rt.queue(), kernel, 1, null, new long[] {global}, new long[] {local}, 0, null, null);
        double[] newState = new double[stateLen];
        bufState.read(newState, 0, stateLen);
        if (out != null) {
            double[] o = new double[ticks * filters];
            bufOut.read(o, 0, ticks * filters);
            System.arraycopy(o, 0, out, 0, o.length);
        }
        System.arraycopy(newState, 0, state, 0, stateLen);
    }

    @Override
    public synchronized void runDt(BatchPlan plan, double[] state, int filters, double[] zs, int zOff, double[] dts, int dOff, int ticks,
            double[] out) {
        int stateLen = plan.comps * filters;
        int zLen = ticks * filters;
        cl_mem mPlan = bufPlan.write(plan.packed, 0, BatchPlan.PACKED);
        cl_mem mState = bufState.write(state, 0, stateLen);
        cl_mem mZ = bufZ.write(zs, zOff, zLen);
        cl_mem mDt = bufDt.write(dts, dOff, zLen);
        cl_mem mOut = bufOut.ensure(out == null ? 1 : (long) ticks * filters);
        clSetKernelArg(kernelCv, 0, Sizeof.cl_mem, Pointer.to(mPlan));
        clSetKernelArg(kernelCv, 1, Sizeof.cl_mem, Pointer.to(mState));
        clSetKernelArg(kernelCv, 2, Sizeof.cl_long, Pointer.to(new long[] {filters}));
        clSetKernelArg(kernelCv, 3, Sizeof.cl_mem, Pointer.to(mZ));
        clSetKernelArg(kernelCv, 4, Sizeof.cl_mem, Pointer.to(mDt));
        clSetKernelArg(kernelCv, 5, Sizeof.cl_long, Pointer.to(new long[] {ticks}));
        clSetKernelArg(kernelCv, 6, Sizeof.cl_mem, Pointer.to(mOut));
        clSetKernelArg(kernelCv, 7, Sizeof.cl_int, Pointer.to(new int[] {out == null ? 0 : 1}));
        long global = ((long) filters + local - 1) / local * local;
        clEnqueueNDRangeKernel(rt.queue(), kernelCv, 1, null, new long[] {global}, new long[] {local}, 0, null, null);
        double[] newState = new double[stateLen];
        bufState.read(newState, 0, stateLen);
        if (out != null) {
            double[] o = new double[ticks * filters];
            bufOut.read(o, 0, ticks * filters);
            System.arraycopy(o, 0, out, 0, o.length);
        }
        System.arraycopy(newState, 0, state, 0, stateLen);
    }

    @Override
    public int firstInfinite(double[] a, int off, int len) {
        return JavaBatchKalmanKernels.scanInfinite(a, off, len);
    }
}
