package dev.sxn.math.stochastic;

import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueReadBufferRect;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The path kernels on OpenCL ({@code gbm_paths} in {@code kernels/stochastic.cl}, beside the fills whose
 * Philox and AS241 functions it shares): one path per work-item, neighbouring items on neighbouring paths.
 * Only the stream's seed, id and generator, the model's log-space constants and the block's corner travel
 * to the device, never numbers; each item draws its path's normals from its own (lane, step) slots and
 * repeats {@link PathExp} in the same IEEE operations (contraction off), so every value is the JAVA
 * kernel's bit for bit. The device writes compact rows (the path values, or one row per reduction) that
 * one rectangular read copies into the caller's rows (stride {@code ld}); the caller's array is written
 * only by that read, after the kernel succeeded, and nothing of it is read, so a failed call is re-run
 * exactly. The two paths of an antithetic pair are two items that each compute their shared lane's
 * Philox blocks (arithmetic is cheap on a device; exchanging them would need local memory and barriers).
 * The device buffer is kept and reused across calls; calls are serialised (kernel arguments are shared
 * state). Only GBM has device code: the other path methods run the JAVA kernel's code on the host. Loaded
 * only when OPENCL is available.
 */
final class OpenClPathKernels implements PathKernels {
    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel gbm = rt.kernel("stochastic.cl", OpenClRandomKernels.OPENCL_OPTIONS, "gbm_paths");
    private final DeviceBuffer buffer = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
    private final int local = rt.localSize(128);

    @Override
    public synchronized void gbm(RandomStream s, double x0, double drift, double vol, long firstPath, int paths, int steps,
                                 boolean antithetic, int what, double[] out, int off, int ld) {
        if (paths <= 0 || steps <= 0) return;
        int rows = what == WHAT_PATHS ? steps : Integer.bitCount(what);
        cl_mem mem = buffer.ensure((long) rows * paths);
        rt.launch(gbm).argInt(RngConstants.code(s.generator())).argLong(s.seed()).argLong(s.stream()).argDouble(x0).argDouble(drift)
                .argDouble(vol).argLong(firstPath).argLong(paths).argLong(steps).argInt(antithetic ? 1 : 0).argInt(what).arg(mem)
                .runItems(paths, local);
        long row = (long) paths * Sizeof.cl_double;
        clEnqueueReadBufferRect(rt.queue(), mem, CL_TRUE, new long[] {0, 0, 0}, new long[] {(long) off * Sizeof.cl_double, 0, 0},
                new long[] {row, rows, 1}, row, 0, (long) ld * Sizeof.cl_double, 0, Pointer.to(out), 0, null, null);
    }

    /**
     * Heston by Andersen's QE scheme: the JAVA kernel's code ({@link HestonQeKernel}), as for every path method
     * beyond {@link #gbm} until it has a device version ({@link #hasOwnHeston} says so to the automatic choice).
     */
    @Override
    public void hestonQe(RandomStream s, double[] c, double x0, double v0, long firstPath, int paths, int steps, boolean antithetic,
                         int what, double[] out, int off, int ld) {
        HestonQeKernel.run(c, x0, v0, s, firstPath, paths, steps, antithetic, what, out, off, ld);
    }

    @Override
    public boolean hasOwnHeston() {
        return false;
    }
}
