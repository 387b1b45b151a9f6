package dev.sxn.math.risk;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.cl_kernel;

/**
 * The GARCH kernels on OpenCL ({@code garch_sums} in {@code kernels/risk.cl}): one asset per work-item, the time
 * loop in the Java operation order with contraction off; {@link GarchSums} adds the per-asset constants on the host.
 * Each call copies the batch, the constants, the parameters and the mask to the device (the kernel cannot know the
 * caller kept the batch unchanged since the last call), and reads the sums back into a host array of its own, so
 * only {@code f} and {@code grad} of the active assets are written, after the device work succeeded. Values agree
 * with JAVA to a relative 1e-12 (the device's logarithms). Buffers and host arrays are kept and reused across calls;
 * calls are serialised (kernel arguments are shared state). Loaded only when OPENCL is available.
 */
final class OpenClGarchKernels implements GarchKernels {
    /** The -D options of risk.cl: every constant its kernels share with Java (the scorecard's rows too). */
    static final String OPENCL_OPTIONS = "-D SXN_GARCH_GJR=" + GarchLikelihood.GJR + " -D SXN_GARCH_STUDENT=" + GarchLikelihood.STUDENT
            + " -D SXN_GARCH_MCI=" + GarchLikelihood.MCI + " -D SXN_GARCH_SUM=" + GarchSums.SUM + " -D SXN_GARCH_SHAPE=" + GarchSums.SHAPE
            + " -D SXN_GARCH_BAD=" + GarchSums.BAD + " -D SXN_GARCH_G_MU=" + GarchSums.G_MU + " -D SXN_GARCH_G_OMEGA=" + GarchSums.G_OMEGA
            + " -D SXN_GARCH_G_ALPHA=" + GarchSums.G_ALPHA + " -D SXN_GARCH_G_GAMMA=" + GarchSums.G_GAMMA
            + " -D SXN_GARCH_G_BETA=" + GarchSums.G_BETA + " -D SXN_SCORE_S1=" + ScorecardKernels.S1 + " -D SXN_SCORE_S2=" + ScorecardKernels.S2
            + " -D SXN_SCORE_EXCESS=" + ScorecardKernels.EXCESS + " -D SXN_SCORE_DOWN=" + ScorecardKernels.DOWN
            + " -D SXN_SCORE_GROWTH=" + ScorecardKernels.GROWTH + " -D SXN_SCORE_PEAK=" + ScorecardKernels.PEAK
            + " -D SXN_SCORE_MDD=" + ScorecardKernels.MDD;

    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel sums = rt.kernel("risk.cl", OPENCL_OPTIONS, "garch_sums");
    private final DeviceBuffer xBuf = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer cBuf = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer thBuf = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer maskBuf = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer outBuf = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
    private final int local = rt.localSize(64);
    private double[] mask = new double[0], out = new double[0];

    @Override
    public synchronized void likelihood(int flags, int p, double[] x, int k, int n, double[] c, double[] th, byte[] active, double[] f,
            double[] grad) {
        if (mask.length < k) {
            mask = new double[k];
            out = new double[GarchSums.ROWS * k];
        }
        for (int a = 0; a < k; a++) mask[a] = active[a];
        rt.launch(sums).argInt(flags).argLong(k).argLong(n).arg(xBuf.write(x, 0, k * n)).arg(cBuf.write(c, 0, GarchLikelihood.CONSTANTS * k))
                .arg(thBuf.write(th, 0, p * k)).arg(maskBuf.write(mask, 0, k)).arg(outBuf.ensure((long) GarchSums.ROWS * k))
                .runItems(k, local);
        outBuf.read(out, 0, GarchSums.ROWS * k);
        GarchSums.finish(flags, k, n, th, out, k, 0, 0, k, active, f, grad);
    }
}
