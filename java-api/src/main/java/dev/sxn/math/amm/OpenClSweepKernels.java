package dev.sxn.math.amm;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The OpenCL sweep kernel ({@code kernels/amm.cl}): one work-item per parameter set over the whole bout, the pass of
 * {@code native/src/amm.h} in the same operations; the coarse steps are JAVA's operations (the weights are JAVA's
 * bits), the logarithms and exponentials the device's (OpenCL's double {@code log}/{@code exp}, within a few ulp), so
 * values agree with JAVA to a relative 1e-10 over bouts of days (tested). Same scope as VECTOR
 * ({@link SweepKernels#eligible}); other pools, and pools of more than {@value #NMAX} assets (the kernel's private
 * arrays), run the JAVA kernel. Each call copies the prices up to the bout's end and the per-set inputs
 * ({@link SweepInputs}) to the device and reads the value paths back.
 */
final class OpenClSweepKernels implements SweepKernels {
    static final int NMAX = 16;
    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel sweep = rt.kernel("amm.cl", "-D NMAX=" + NMAX, "amm_sweep_zero_fee");
    private final DeviceBuffer priceBuffer = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer assetBuffer = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer setBuffer = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer out = new DeviceBuffer(rt, CL_MEM_WRITE_ONLY);
    private final int local = rt.localSize(64);

    @Override
    public synchronized void values(TfmmPool pool, double[] prices, int start, int rows, RuleParams[] sets, int from, int count,
                                    double[] values, double[] fees) {
        int n = pool.assets();
        if (!SweepKernels.eligible(pool) || n > NMAX) {
            JavaSweepKernels.range(pool, prices, start, rows, sets, from, count, 0, values, fees);
            return;
        }
        AmmConfig config = pool.config();
        SweepInputs in = SweepInputs.get().fill(pool, prices, start, sets, from, count);
        cl_mem p = priceBuffer.write(prices, 0, Math.multiplyExact(start + rows, n));
        cl_mem pa = assetBuffer.write(in.perAsset, 0, 2 * n);
        cl_mem ps = setBuffer.write(in.perSet, 0, 2 * count);
        cl_mem v = out.ensure((long) count * rows);
        rt.launch(sweep).arg(p).argInt(n).argLong(start).argLong(rows).argInt(config.chunkPeriod()).argInt(config.weightInterpolationPeriod())
                .argDouble(config.minimumWeight(n)).argDouble(config.maximumChange()).argInt(pool.rule() == WeightRule.FIXED ? 0 : 1).arg(pa)
                .argDouble(in.value0).arg(ps).argLong(count).arg(v).runItems(count, local);
        out.read(values, 0, Math.multiplyExact(count, rows));
        for (int c = 0; c < count; c++) fees[c] = 0.0;
    }
}
