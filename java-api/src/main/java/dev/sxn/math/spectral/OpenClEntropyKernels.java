package dev.sxn.math.spectral;

import static org.jocl.CL.*;

import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.KernelLaunch;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * Rolling spectral entropy on OpenCL ({@code kernels/spectral.cl}): one work-group per window, every
 * window of every series in one launch (in chunks of at most 2^20 windows). Power-of-two windows
 * whose FFT fits in local memory run a radix-2 Stockham FFT there; other windows a direct DFT of the
 * bins used (O(w^2), correct for every length, slow for long windows). The entropy is reduced as
 * {@code ln T - (1/T) sum P ln P}, which differs from the host's {@code -sum p ln p} by rounding only.
 * Device buffers are kept and reused; calls are serialised (a cl_kernel's arguments are shared state).
 * Loaded only when OPENCL is available.
 */
final class OpenClEntropyKernels implements EntropyKernels {
    private static final int CHUNK = 1 << 20;

    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel fft = rt.kernel("spectral.cl", "rolling_entropy_fft");
    private final cl_kernel dft = rt.kernel("spectral.cl", "rolling_entropy_dft");
    private final DeviceBuffer bufX = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer bufTw = new DeviceBuffer(rt, CL_MEM_READ_ONLY);
    private final DeviceBuffer bufOut = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
    private final long localMem;
    // Host-side scratch, kept across the (serialised) calls: the twiddle table of the last window, the chunk read back.
    private double[] tw = new double[0];
    private int twWindow = -1, twLength = -1;
    private double[] part = new double[0];

    OpenClEntropyKernels() {
        long[] v = new long[1];
        clGetDeviceInfo(rt.device(), CL_DEVICE_LOCAL_MEM_SIZE, Sizeof.cl_ulong, Pointer.to(v), null);
        localMem = v[0];
    }

    @Override
    public synchronized void rollingEntropy(double[] x, int series, int length, int window, int step, boolean keepDc,
            double logScale, double[] out) {
        int count = (length - window) / step + 1;
        int total = series * count;
        boolean pow2 = Integer.bitCount(window) == 1;
        int local = Math.max(1, Math.min(rt.localSize(256), Integer.highestOneBit(Math.max(1, window / 2))));
        boolean useFft = pow2 && (4L * window + 2L * local) * Sizeof.cl_double <= localMem;
        int tableLen = useFft ? window / 2 : window;
        if (twWindow != window || twLength != tableLen) {
            if (tw.length < 2 * tableLen) tw = new double[2 * tableLen];
            for (int k = 0; k < tableLen; k++) {
                double ang = 2.0 * Math.PI * k / window;
                tw[2 * k] = Math.cos(ang);
                tw[2 * k + 1] = Math.sin(ang);
            }
            twWindow = window;
            twLength = tableLen;
        }
        cl_mem mx = bufX.write(x, 0, series * length);
        cl_mem mt = bufTw.write(tw, 0, 2 * tableLen);
        cl_mem mo = bufOut.ensure(Math.min(total, CHUNK));
        cl_kernel k = useFft ? fft : dft;
        int from = keepDc ? 0 : 1;
        if (part.length < Math.min(total, CHUNK)) part = new double[Math.min(total, CHUNK)];
        for (int first = 0; first < total; first += CHUNK) {
            int groups = Math.min(CHUNK, total - first);
            KernelLaunch l = rt.launch(k).arg(mx).argInt(length).argInt(window).argInt(step).argInt(count).argInt(from)
                    .argDouble(logScale).argInt(first).arg(mt).arg(mo);
            if (useFft) l.argLocal(4L * window * Sizeof.cl_double);
            l.argLocal(2L * local * Sizeof.cl_double).run((long) groups * local, local);
            bufOut.read(part, 0, groups);
            System.arraycopy(part, 0, out, first, groups);
        }
    }

    @Override
    public boolean offloads() {
        return true;
    }
}
