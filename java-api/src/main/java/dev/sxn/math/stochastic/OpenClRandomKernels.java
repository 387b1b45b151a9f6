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
 * The fill on OpenCL ({@code kernels/stochastic.cl}): one work-item per (lane, step block), neighbouring
 * items on neighbouring lanes; only the stream's seed, id and the block's corner travel to the device,
 * never numbers. The device writes compact rows that one rectangular read copies into the caller's rows
 * (stride {@code ld}); the caller's array is written only by that read, after the kernel succeeded, and a
 * fill reads nothing, so a failed call is re-run exactly. The device buffer is kept and reused across
 * calls; calls are serialised (kernel arguments are shared state). Loaded only when OPENCL is available.
 */
final class OpenClRandomKernels implements RandomKernels {
    /** The codes the program needs, from the Java constants (the program refuses to build without them). */
    static final String OPENCL_OPTIONS = "-D SXN_RNG_MODE_BITS=" + RngConstants.MODE_BITS + " -D SXN_RNG_MODE_OPEN=" + RngConstants.MODE_OPEN
            + " -D SXN_RNG_MODE_CLOSED_OPEN=" + RngConstants.MODE_CLOSED_OPEN + " -D SXN_RNG_MODE_NORMAL=" + RngConstants.MODE_NORMAL
            + " -D SXN_RNG_PHILOX4X32=" + RngConstants.GEN_PHILOX_4X32 + " -D SXN_RNG_PHILOX4X64=" + RngConstants.GEN_PHILOX_4X64;

    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel fill = rt.kernel("stochastic.cl", OPENCL_OPTIONS, "rng_fill");
    private final DeviceBuffer buffer = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
    private final int local = rt.localSize(128);

    @Override
    public void fill(RandomStream s, int mode, long lane0, int lanes, long step0, int steps, double[] d, long[] bits, int off, int ld) {
        run(s, mode, lane0, lanes, step0, steps, d != null ? Pointer.to(d) : Pointer.to(bits), off, ld);
    }

    private synchronized void run(RandomStream s, int mode, long lane0, int lanes, long step0, int steps, Pointer host, int off, int ld) {
        if (lanes <= 0 || steps <= 0) return;
        int v = s.generator().stepsPerBlock();
        long blocks = (step0 + steps - 1) / v - step0 / v + 1;
        long items = blocks * lanes;
        cl_mem mem = buffer.ensure((long) lanes * steps);
        rt.launch(fill).argInt(RngConstants.code(s.generator())).argInt(mode).argLong(s.seed()).argLong(s.stream()).argLong(lane0)
                .argLong(lanes).argLong(step0).argLong(steps).argLong(items).arg(mem).runItems(items, local);
        long row = (long) lanes * Sizeof.cl_double;
        clEnqueueReadBufferRect(rt.queue(), mem, CL_TRUE, new long[] {0, 0, 0}, new long[] {(long) off * Sizeof.cl_double, 0, 0},
                new long[] {row, steps, 1}, row, 0, (long) ld * Sizeof.cl_double, 0, host, 0, null, null);
    }
}
