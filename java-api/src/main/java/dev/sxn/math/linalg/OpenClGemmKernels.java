package dev.sxn.math.linalg;

import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_READ_WRITE;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.KernelLaunch;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import java.util.Arrays;
import org.jocl.cl_kernel;

/**
 * GEMM on OpenCL ({@code kernels/linalg.cl}, {@code gemm_tiled}): 16 x 16 work-groups, one work-item per
 * entry of C, 16 x 16 tiles of op(A) and op(B) staged in local memory, fp64 with fma. The transposes
 * are handled by the kernel's indexing, so the caller's arrays are copied to the device as they are.
 *
 * <p>Device buffers for A, B and C are kept and reused across calls (grow-only {@link DeviceBuffer}s),
 * so a call allocates device memory only when it is larger than every call before. Calls are
 * serialised (the {@code cl_kernel}'s arguments are shared state). C is read back into a scratch array
 * and copied into the caller's only after the device work succeeded, so a device failure (after which
 * an unpinned call recomputes on JAVA) never leaves C half-written. Each call moves 8(mk + kn + mn)
 * bytes each way at most, which on a discrete GPU bounds the useful sizes from below.
 *
 * <p>Only the {@code linalg.gemm} family has an OPENCL kernel: the factorisations are sequences of
 * small dependent steps that gain nothing from a device round trip per panel. Loaded by name only when
 * OPENCL is available; the constructor throws if the device's work-groups cannot hold 16 x 16 items.
 */
final class OpenClGemmKernels implements GemmKernels {
    /** The tile edge and work-group side; the program gets it as SXN_GEMM_TS. */
    private static final int TS = 16;
    private static final String OPENCL_OPTIONS = "-D SXN_GEMM_TS=" + TS;

    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel kernel;
    private final DeviceBuffer bufA = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer bufB = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer bufC = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    /** Host copy of the result, kept and grown across (serialised) calls. */
    private double[] out = new double[0];

    OpenClGemmKernels() {
        if (rt.maxWorkGroupSize() < TS * TS) {
            throw new IllegalStateException("the OpenCL device's work-groups hold " + rt.maxWorkGroupSize() + " items, the tiled GEMM needs "
                    + TS * TS);
        }
        kernel = rt.kernel("linalg.cl", OPENCL_OPTIONS, "gemm_tiled");
    }

    @Override
    public synchronized void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta,
                                  double[] c) {
        int mn = m * n;
        if (mn == 0) return;
        if (alpha == 0 || k == 0) { // nothing to multiply: C := beta C on the host
            if (beta == 0) Arrays.fill(c, 0, mn, 0.0);
            else if (beta != 1) for (int i = 0; i < mn; i++) c[i] *= beta;
            return;
        }
        bufA.write(a, 0, m * k);
        bufB.write(b, 0, k * n);
        if (beta == 0) bufC.ensure(mn);
        else bufC.write(c, 0, mn);
        int lda = transA ? k : m, ldb = transB ? n : k;
        rt.launch(kernel).argInt(m).argInt(n).argInt(k).argDouble(alpha).arg(bufA).argInt(lda).argInt(transA ? 1 : 0)
                .arg(bufB).argInt(ldb).argInt(transB ? 1 : 0).argDouble(beta).arg(bufC).argInt(m)
                .run(new long[] {KernelLaunch.roundUp(m, TS), KernelLaunch.roundUp(n, TS)}, new long[] {TS, TS});
        if (out.length < mn) out = new double[mn];
        bufC.read(out, 0, mn);
        System.arraycopy(out, 0, c, 0, mn);
    }
}
