package dev.sxn.math.dynamics;

import static org.jocl.CL.*;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * Dynamics kernels on OpenCL ({@code kernels/dynamics.cl}): one work-item per particle, the whole chunk
 * of steps in one launch, the state in registers (radial, d = 3: a kernel without loops over d, which
 * PoCL vectorises across work-items), in private arrays (d <= 4, Henon-Heiles) or, for larger d, in
 * global memory. Device buffers and host scratch arrays are kept and reused across calls; the result is
 * read into the scratch arrays and copied into the ensemble only after the device work succeeded. Calls
 * are serialised (a {@code cl_kernel}'s arguments are shared state). Loaded only when OPENCL is available.
 */
final class OpenClDynamicsKernels implements DynamicsKernels {
    private static final int MAX_PRIVATE_D = 4;

    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel advance = rt.kernel("dynamics.cl", "advance");
    private final cl_kernel advanceGlobal = rt.kernel("dynamics.cl", "advance_global");
    private final cl_kernel advanceRadial3 = rt.kernel("dynamics.cl", "advance_radial3");
    private final DeviceBuffer bufQ = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    private final DeviceBuffer bufP = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    private final DeviceBuffer bufG = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    private final DeviceBuffer bufParams = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final int local = rt.localSize(64);
    private double[] scratchQ = new double[0];
    private double[] scratchP = new double[0];

    @Override
    public synchronized void advance(double[] q, double[] p, int n, int d, int code, double a, double b, double c, Scheme s, int steps) {
        int len = n * d;
        double[] params = NativeDynamicsKernels.params(a, b, c, s);
        cl_mem mq = bufQ.write(q, 0, len);
        cl_mem mp = bufP.write(p, 0, len);
        cl_mem mparams = bufParams.write(params, 0, params.length);
        int m = s.stages();
        int friction = s.friction() ? 1 : 0;
        long global = ((long) n + local - 1) / local * local;
        if (d == 3 && code == RADIAL) {
            clSetKernelArg(advanceRadial3, 0, Sizeof.cl_mem, Pointer.to(mq));
            clSetKernelArg(advanceRadial3, 1, Sizeof.cl_mem, Pointer.to(mp));
            clSetKernelArg(advanceRadial3, 2, Sizeof.cl_long, Pointer.to(new long[] {n}));
            clSetKernelArg(advanceRadial3, 3, Sizeof.cl_int, Pointer.to(new int[] {m}));
            clSetKernelArg(advanceRadial3, 4, Sizeof.cl_int, Pointer.to(new int[] {friction}));
            clSetKernelArg(advanceRadial3, 5, Sizeof.cl_mem, Pointer.to(mparams));
            clSetKernelArg(advanceRadial3, 6, Sizeof.cl_long, Pointer.to(new long[] {steps}));
            clEnqueueNDRangeKernel(rt.queue(), advanceRadial3, 1, null, new long[] {global}, new long[] {local}, 0, null, null);
        } else if (d <= MAX_PRIVATE_D || code == HENON_HEILES) {
            clSetKernelArg(advance, 0, Sizeof.cl_mem, Pointer.to(mq));
            clSetKernelArg(advance, 1, Sizeof.cl_mem, Pointer.to(mp));
            clSetKernelArg(advance, 2, Sizeof.cl_long, Pointer.to(new long[] {n}));
            clSetKernelArg(advance, 3, Sizeof.cl_int, Pointer.to(new int[] {d}));
            clSetKernelArg(advance, 4, Sizeof.cl_int, Pointer.to(new int[] {code}));
            clSetKernelArg(advance, 5, Sizeof.cl_int, Pointer.to(new int[] {m}));
            clSetKernelArg(advance, 6, Sizeof.cl_int, Pointer.to(new int[] {friction}));
            clSetKernelArg(advance, 7, Sizeof.cl_mem, Pointer.to(mparams));
            clSetKernelArg(advance, 8, Sizeof.cl_long, Pointer.to(new long[] {steps}));
            clEnqueueNDRangeKernel(rt.queue(), advance, 1, null, new long[] {global}, new long[] {local}, 0, null, null);
        } else {
            cl_mem mg = bufG.ensure(len);
            clSetKernelArg(advanceGlobal, 0, Sizeof.cl_mem, Pointer.to(mq));
            clSetKernelArg(advanceGlobal, 1, Sizeof.cl_mem, Pointer.to(mp));
            clSetKernelArg(advanceGlobal, 2, Sizeof.cl_mem, Pointer.to(mg));
            clSetKernelArg(advanceGlobal, 3, Sizeof.cl_long, Pointer.to(new long[] {n}));
            clSetKernelArg(advanceGlobal, 4, Sizeof.cl_int, Pointer.to(new int[] {d}));
            clSetKernelArg(advanceGlobal, 5, Sizeof.cl_int, Pointer.to(new int[] {m}));
            clSetKernelArg(advanceGlobal, 6, Sizeof.cl_int, Pointer.to(new int[] {friction}));
            clSetKernelArg(advanceGlobal, 7, Sizeof.cl_mem, Pointer.to(mparams));
            clSetKernelArg(advanceGlobal, 8, Sizeof.cl_long, Pointer.to(new long[] {steps}));
            clEnqueueNDRangeKernel(rt.queue(), advanceGlobal, 1, null, new long[] {global}, new long[] {local}, 0, null, null);
        }
        if (scratchQ.length < len) {
            scratchQ = new double[len];
            scratchP = new double[len];
        }
        bufQ.read(scratchQ, 0, len);
        bufP.read(scratchP, 0, len);
        System.arraycopy(scratchQ, 0, q, 0, len);
        System.arraycopy(scratchP, 0, p, 0, len);
    }
}
