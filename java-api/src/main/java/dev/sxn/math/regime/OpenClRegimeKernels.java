package dev.sxn.math.regime;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * OpenCL batched forward filter (kernels/regime.cl): one work-item per lane. Models beyond the kernel's private
 * arrays (more than 16 states or dimensions) run the JAVA kernel.
 */
final class OpenClRegimeKernels implements RegimeKernels {
    static final int KMAX = 16, DMAX = 16;
    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel forward = rt.kernel("regime.cl", "-D KMAX=" + KMAX + " -D DMAX=" + DMAX, "regime_forward");
    private final DeviceBuffer params = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer xs = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer out = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
    private final DeviceBuffer lls = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
    private final int local = rt.localSize(64);
    private final JavaRegimeKernels fallback = new JavaRegimeKernels();

    @Override
    public synchronized void forward(int lanes, int steps, int k, int d, boolean diagonal, double[] prm, int paramLanes, double[] x,
                                     int xLanes, double[] filtered, double[] ll) {
        if (k > KMAX || d > DMAX) {
            fallback.forward(lanes, steps, k, d, diagonal, prm, paramLanes, x, xLanes, filtered, ll);
            return;
        }
        cl_mem p = params.write(prm, 0, RegimeKernels.entries(k, d) * paramLanes);
        cl_mem xm = xs.write(x, 0, steps * d * xLanes);
        cl_mem f = out.ensure(filtered == null ? 1 : (long) steps * k * lanes);
        cl_mem lm = lls.ensure(lanes);
        rt.launch(forward).argLong(lanes).argLong(steps).argInt(k).argInt(d).argInt(diagonal ? 1 : 0).arg(p).argLong(paramLanes).arg(xm)
                .argLong(xLanes).arg(f).argInt(filtered == null ? 0 : 1).arg(lm).runItems(lanes, local);
        if (filtered != null) out.read(filtered, 0, steps * k * lanes);
        lls.read(ll, 0, lanes);
    }
}
