package dev.sxn.math.indicators;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.KernelLaunch;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import java.util.function.Consumer;
import org.jocl.cl_kernel;

/**
 * Indicator kernels on OpenCL ({@code kernels/indicators.cl}): one work-item per asset runs the
 * JAVA kernel's loop through time over the time-major batch (neighbouring work-items read
 * neighbouring values), except the rolling sum / mean and variance / std, which are tiled over
 * time as well (one work-item per asset and tile of {@link #TILE} steps, each restarting exactly
 * from the data), so a single series runs t / TILE work-items. Tiles with an exact restart rather
 * than a work-group prefix scan: the batch already supplies coalesced independent work-items, and a
 * window as a difference of prefix sums would lose about log2(prefix / window sum) bits to
 * cancellation (docs/DESIGN.md, "OpenCL windows"). The recurrences are worth it only for wide batches on a
 * GPU: a single series is one work-item. Device buffers are kept and reused (grow-only); calls are serialised, since a
 * {@code cl_kernel}'s arguments are shared state. If the device fails, {@code out} is unspecified
 * and the exception propagates (an unpinned call then recomputes it on JAVA). Loaded only when
 * OPENCL is available.
 */
final class OpenClIndicatorKernels implements IndicatorKernels {
    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel sum = rt.kernel("indicators.cl", IndicatorConstants.OPENCL_OPTIONS, "rolling_sum_tiled");
    private final cl_kernel var = rt.kernel("indicators.cl", IndicatorConstants.OPENCL_OPTIONS, "rolling_var_tiled");
    private final cl_kernel ema = rt.kernel("indicators.cl", IndicatorConstants.OPENCL_OPTIONS, "ema");
    private final cl_kernel rsi = rt.kernel("indicators.cl", IndicatorConstants.OPENCL_OPTIONS, "rsi");
    private final DeviceBuffer bufX = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer bufOut = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
    private final int local = rt.localSize(64);

    /**
     * A one-dimensional kernel, one work-item per asset: arguments (x, k, t, scalars..., out); the
     * scalars are set by {@code scalars} in signature order.
     */
    private void launch(cl_kernel kern, double[] x, int k, int t, double[] out, Consumer<KernelLaunch> scalars) {
        int n = k * t;
        if (n == 0) return;
        bufX.write(x, 0, n);
        bufOut.ensure(n);
        KernelLaunch l = rt.launch(kern).arg(bufX).argLong(k).argLong(t);
        scalars.accept(l);
        l.arg(bufOut).runItems(k, local);
        bufOut.read(out, 0, n);
    }

    /** Time steps per work-item of the tiled rolling sum (its restart costs at most w reads). */
    static final int TILE = 256;

    @Override
    public synchronized void rollingSum(double[] x, int k, int t, int w, double scale, double[] out) {
        launchTiled(sum, x, k, t, w, out, l -> l.argLong(w).argDouble(scale));
    }

    @Override
    public synchronized void rollingVar(double[] x, int k, int t, int w, int ddof, boolean sqrt, double[] out) {
        launchTiled(var, x, k, t, w, out, l -> l.argLong(w).argInt(ddof).argInt(sqrt ? 1 : 0));
    }

    /**
     * A time-tiled kernel: arguments (x, k, t, scalars..., tile, out), work-item (asset, tile of
     * max(TILE, w) steps); work-groups span assets (one time tile, neighbouring assets: coalesced
     * reads of the time-major rows); a single series uses groups of 1.
     */
    private void launchTiled(cl_kernel kern, double[] x, int k, int t, int w, double[] out, Consumer<KernelLaunch> scalars) {
        int n = k * t;
        if (n == 0) return;
        bufX.write(x, 0, n);
        bufOut.ensure(n);
        long tile = Math.max(TILE, w);
        KernelLaunch l = rt.launch(kern).arg(bufX).argLong(k).argLong(t);
        scalars.accept(l);
        long lx = Math.min(local, k);
        l.argLong(tile).arg(bufOut).run(new long[] {KernelLaunch.roundUp(k, lx), (t + tile - 1) / tile}, new long[] {lx, 1});
        bufOut.read(out, 0, n);
    }

    @Override
    public synchronized void ema(double[] x, int k, int t, int seed, double alpha, double[] out) {
        launch(ema, x, k, t, out, l -> l.argLong(seed).argDouble(alpha));
    }

    @Override
    public synchronized void rsi(double[] x, int k, int t, int n, double[] out) {
        launch(rsi, x, k, t, out, l -> l.argLong(n));
    }
}
