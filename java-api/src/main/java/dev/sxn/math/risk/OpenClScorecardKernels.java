package dev.sxn.math.risk;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.cl_kernel;

/**
 * The scorecard kernel on OpenCL ({@code scorecard_sums} in {@code kernels/risk.cl}): one asset per work-item,
 * neighbouring items reading neighbouring values of each row, the JAVA kernel's operations in its order with
 * contraction off, so the bits are JAVA's. The batch is copied to the device per call and the sums are read back
 * into a host array of its own before the caller's output is written, so a failure leaves it untouched. Buffers and
 * the host array are kept across calls; calls are serialised. Loaded only when OPENCL is available.
 */
final class OpenClScorecardKernels implements ScorecardKernels {
    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel sums = rt.kernel("risk.cl", OpenClGarchKernels.OPENCL_OPTIONS, "scorecard_sums");
    private final DeviceBuffer xBuf = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer outBuf = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
    private final int local = rt.localSize(64);
    private double[] host = new double[0];

    @Override
    public synchronized void sums(double[] x, int k, int n, double mar, double[] out) {
        int m = ROWS * k;
        if (host.length < m) host = new double[m];
        rt.launch(sums).arg(xBuf.write(x, 0, k * n)).argLong(k).argLong(n).argDouble(mar).arg(outBuf.ensure(m)).runItems(k, local);
        outBuf.read(host, 0, m);
        System.arraycopy(host, 0, out, 0, m);
    }
}
