package dev.sxn.math.risk;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.cl_kernel;

/**
 * The rolling kernels on OpenCL ({@code rolling_moments} and {@code rolling_historical} in {@code kernels/risk.cl}):
 * one asset per work-item, neighbouring items reading neighbouring values of each row, JAVA's operations in JAVA's
 * order with contraction off, so the bits are JAVA's. VaR/ES keeps JAVA's rank window (the series heap-sorted in
 * place, Fenwick trees of counts and sums over the ranks) in global scratch of 2 n + 1 doubles and ints per asset:
 * a sorted window needs an {@code O(w)} shift per step and sums the tail in another order. The batch is copied to the
 * device per call and the outputs are read back into host arrays of their own before the caller's are written, so a
 * failure leaves them untouched. Buffers and host arrays are kept across calls; calls are serialised. Loaded only when
 * OPENCL is available.
 */
final class OpenClRollingKernels implements RollingKernels {
    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel momentsKernel = rt.kernel("risk.cl", OpenClGarchKernels.OPENCL_OPTIONS, "rolling_moments");
    private final cl_kernel historicalKernel = rt.kernel("risk.cl", OpenClGarchKernels.OPENCL_OPTIONS, "rolling_historical");
    private final DeviceBuffer xBuf = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer aBuf = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
    private final DeviceBuffer bBuf = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
    private final DeviceBuffer dScratch = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    private final DeviceBuffer iScratch = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    private final int local = rt.localSize(64);
    private double[] hostA = new double[0], hostB = new double[0];

    @Override
    public synchronized void moments(double[] x, int k, int n, int w, double rf, double ppy, boolean sharpe, double[] out) {
        int m = k * n;
        if (hostA.length < m) hostA = new double[m];
        rt.launch(momentsKernel).arg(xBuf.write(x, 0, m)).argLong(k).argLong(n).argLong(w).argDouble(rf).argDouble(ppy)
                .argInt(sharpe ? 1 : 0).arg(aBuf.ensure(m)).runItems(k, local);
        aBuf.read(hostA, 0, m);
        System.arraycopy(hostA, 0, out, 0, m);
    }

    @Override
    public synchronized void historical(double[] x, int k, int n, int w, double alpha, double[] var, double[] es) {
        int m = k * n;
        if (hostA.length < m) hostA = new double[m];
        if (hostB.length < m) hostB = new double[m];
        long per = (long) k * (2L * n + 1);
        // The int scratch in a buffer sized in doubles: half as many, rounded up.
        rt.launch(historicalKernel).arg(xBuf.write(x, 0, m)).argLong(k).argLong(n).argLong(w).argDouble(alpha)
                .arg(aBuf.ensure(m)).arg(bBuf.ensure(m)).arg(dScratch.ensure(per)).arg(iScratch.ensure((per + 1) / 2))
                .runItems(k, local);
        aBuf.read(hostA, 0, m);
        bBuf.read(hostB, 0, m);
        System.arraycopy(hostA, 0, var, 0, m);
        System.arraycopy(hostB, 0, es, 0, m);
    }
}
