package dev.sxn.math.linalg;

import static org.jocl.CL.CL_MEM_READ_WRITE;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * BLAS-1 kernels on OpenCL ({@code kernels/vectorops.cl}). Reductions run a grid-stride
 * accumulation plus a work-group tree reduction on the device and add the per-group partials on
 * the host, in group order. Device buffers are kept and reused across calls; calls are serialised
 * (a {@code cl_kernel}'s arguments are shared state). The result of axpy/scale is read into a
 * scratch array first and copied into the caller's array only after the device work succeeded, so
 * a device failure never leaves the output half-written. Loaded only when OPENCL is available.
 */
final class OpenClVectorOpsKernels implements VectorOpsKernels {
    private static final int MAX_GROUPS = 256;

    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel reduce = rt.kernel("vectorops.cl", "reduce_partial");
    private final cl_kernel axpy = rt.kernel("vectorops.cl", "axpy");
    private final cl_kernel scale = rt.kernel("vectorops.cl", "scale");
    private final DeviceBuffer bufX = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    private final DeviceBuffer bufY = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    private final DeviceBuffer bufPartial = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    private final int local = rt.localSize(256);
    /** The host array results are read back into, kept and grown across the (serialised) calls. */
    private double[] host = new double[0];

    private double[] host(int n) {
        if (host.length < n) host = new double[n];
        return host;
    }

    @Override
    public synchronized double dot(double[] x, int xOff, double[] y, int yOff, int n) {
        if (n == 0) return 0.0;
        cl_mem mx = bufX.write(x, xOff, n);
        cl_mem my = bufY.write(y, yOff, n);
        return reduce(mx, my, n, 2);
    }

    @Override
    public synchronized double sum(double[] x, int off, int n) {
        if (n == 0) return 0.0;
        cl_mem mx = bufX.write(x, off, n);
        return reduce(mx, mx, n, 0);
    }

    @Override
    public synchronized double sumOfSquares(double[] x, int off, int n) {
        if (n == 0) return 0.0;
        cl_mem mx = bufX.write(x, off, n);
        return reduce(mx, mx, n, 1);
    }

    private double reduce(cl_mem x, cl_mem y, int n, int mode) {
        int groups = (int) Math.min(MAX_GROUPS, (n + local - 1) / local);
        cl_mem partial = bufPartial.ensure(groups);
        rt.launch(reduce).arg(x).arg(y).argLong(n).argInt(mode).arg(partial).argLocal((long) local * Sizeof.cl_double)
                .run((long) groups * local, local);
        double[] parts = host(groups);
        bufPartial.read(parts, 0, groups);
        double s = 0;
        for (int g = 0; g < groups; g++) s += parts[g];
        return s;
    }

    @Override
    public synchronized void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
        if (n == 0) return;
        bufX.write(x, xOff, n);
        bufY.write(y, yOff, n);
        rt.launch(axpy).argDouble(a).arg(bufX).arg(bufY).argLong(n).runItems(n, local);
        double[] out = host(n);
        bufY.read(out, 0, n);
        System.arraycopy(out, 0, y, yOff, n);
    }

    @Override
    public synchronized void scale(double a, double[] x, int off, int n) {
        if (n == 0) return;
        bufX.write(x, off, n);
        rt.launch(scale).argDouble(a).arg(bufX).argLong(n).runItems(n, local);
        double[] out = host(n);
        bufX.read(out, 0, n);
        System.arraycopy(out, 0, x, off, n);
    }
}
