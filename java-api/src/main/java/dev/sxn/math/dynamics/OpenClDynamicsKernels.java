package dev.sxn.math.dynamics;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.cl_kernel;

/**
 * Dynamics kernels on OpenCL ({@code kernels/dynamics.cl}): one work-item per particle, the whole chunk
 * of steps in one launch, the state in registers (radial, d = 3: a kernel without loops over d, which
 * PoCL vectorises across work-items), in private arrays (d <= 4, Henon-Heiles) or, for larger d, in
 * global memory. Device buffers and host scratch arrays are kept and reused across calls; the result is
 * read into the scratch arrays and copied into the ensemble only after the device work succeeded. Calls
 * are serialised (a {@code cl_kernel}'s arguments are shared state). Loaded only when OPENCL is available.
 */
final class OpenClDynamicsKernels implements DynamicsKernels {
    /** The largest d whose state the {@code advance} kernel keeps in private arrays (SXN_DYN_MAXD there). */
    private static final int MAX_PRIVATE_D = 4;
    /** The build options of {@code kernels/dynamics.cl}: the constants it shares, as {@code -D}. */
    private static final String OPENCL_OPTIONS = "-D SXN_DYN_MAXD=" + MAX_PRIVATE_D + " -D SXN_DYN_HENON_HEILES=" + HENON_HEILES;

    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel advance = rt.kernel("dynamics.cl", OPENCL_OPTIONS, "advance");
    private final cl_kernel advanceGlobal = rt.kernel("dynamics.cl", OPENCL_OPTIONS, "advance_global");
    private final cl_kernel advanceRadial3 = rt.kernel("dynamics.cl", OPENCL_OPTIONS, "advance_radial3");
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
        bufQ.write(q, 0, len);
        bufP.write(p, 0, len);
        bufParams.write(params, 0, params.length);
        int m = s.stages();
        int friction = s.friction() ? 1 : 0;
        if (d == 3 && code == RADIAL) {
            rt.launch(advanceRadial3).arg(bufQ).arg(bufP).argLong(n).argInt(m).argInt(friction).arg(bufParams).argLong(steps)
                    .runItems(n, local);
        } else if (d <= MAX_PRIVATE_D || code == HENON_HEILES) {
            rt.launch(advance).arg(bufQ).arg(bufP).argLong(n).argInt(d).argInt(code).argInt(m).argInt(friction).arg(bufParams)
                    .argLong(steps).runItems(n, local);
        } else {
            bufG.ensure(len);
            rt.launch(advanceGlobal).arg(bufQ).arg(bufP).arg(bufG).argLong(n).argInt(d).argInt(m).argInt(friction).arg(bufParams)
                    .argLong(steps).runItems(n, local);
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
