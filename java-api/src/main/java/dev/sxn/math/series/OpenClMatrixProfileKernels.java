package dev.sxn.math.series;

import static org.jocl.CL.CL_MEM_READ_WRITE;

import dev.sxn.math.internal.Scratch;
import dev.sxn.math.internal.opencl.DeviceBuffer;
import dev.sxn.math.internal.opencl.KernelLaunch;
import dev.sxn.math.internal.opencl.OpenClRuntime;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The diagonal walk on OpenCL ({@code kernels/series.cl}). The diagonals are cut into blocks of 128
 * and the rows into segments of {@code period} rows (the rows where every backend restarts the
 * covariance exactly, so the tiles are independent and the arithmetic is the CPU kernels' bit for
 * bit). One work-item walks one tile, 32 diagonals at a time in the lanes of four {@code double8}
 * vectors, and writes partial bests for its rows and columns; after each launch (a
 * group of blocks sized so the partial buffers stay under {@value #PARTIAL_BYTES} bytes) a max-reduction
 * per row and per column merges the partials into the running bests on the device. The inputs go to
 * the device once per call, the bests come back once (through the thread's {@link Scratch}). Device buffers are
 * kept and reused across calls;
 * calls are serialised (kernel arguments are shared state). The caller's output arrays are written
 * only after all device work succeeded. Loaded only when OPENCL is available.
 */
final class OpenClMatrixProfileKernels implements MatrixProfileKernels {
    /** Diagonals per block: the program gets it as SXN_MP_DBLK and refuses to build unless it is the kernel's shape. */
    private static final int DBLK = 128;
    private static final String OPENCL_OPTIONS = "-D SXN_MP_DBLK=" + DBLK;
    private static final long PARTIAL_BYTES = 64L << 20;

    private final OpenClRuntime rt = OpenClRuntime.get();
    private final cl_kernel tiles = rt.kernel("series.cl", OPENCL_OPTIONS, "mp_tiles");
    private final cl_kernel reduceRows = rt.kernel("series.cl", OPENCL_OPTIONS, "mp_reduce_rows");
    private final cl_kernel reduceCols = rt.kernel("series.cl", OPENCL_OPTIONS, "mp_reduce_cols");
    private final DeviceBuffer[] bufA = buffers(5), bufB = buffers(5), best = buffers(4), partial = buffers(4);
    private final int local = rt.localSize(64);

    private DeviceBuffer[] buffers(int n) {
        DeviceBuffer[] b = new DeviceBuffer[n];
        for (int i = 0; i < n; i++) b[i] = new DeviceBuffer(rt, CL_MEM_READ_WRITE);
        return b;
    }

    private static cl_mem[] upload(DeviceBuffer[] bufs, Windows w, int m) {
        int n = w.count + m - 1;
        return new cl_mem[] {bufs[0].write(w.x, 0, n), bufs[1].write(w.mu, 0, w.count), bufs[2].write(w.df, 0, w.count),
                             bufs[3].write(w.dg, 0, w.count), bufs[4].write(w.inv, 0, w.count)};
    }

    @Override
    public synchronized void diagonals(Windows a, Windows b, int m, int period, int kLo, int kHi,
                                       double[] rowCorr, double[] rowIdx, double[] colCorr, double[] colIdx) {
        if (kLo >= kHi) return;
        // Tiles of neighbouring segments overlap in DBLK - 1 columns; the parity split of the column
        // partials is collision-free only while a segment is at least that long.
        if (period < DBLK) throw new IllegalStateException("restart period " + period + " < " + DBLK);
        int na = a.count, nb = b.count;
        cl_mem[] ma = upload(bufA, a, m);
        cl_mem[] mb = a == b ? ma : upload(bufB, b, m);
        cl_mem rc = best[0].write(rowCorr, 0, na), ri = best[1].write(rowIdx, 0, na);
        cl_mem cc = best[2].write(colCorr, 0, nb), ci = best[3].write(colIdx, 0, nb);
        long nseg = ((long) na + period - 1) / period;
        long blocksTotal = ((long) kHi - kLo + DBLK - 1) / DBLK;
        long perBlock = ((long) na + 2L * nb) * 2 * Sizeof.cl_double;
        long blocksPerLaunch = Math.max(1, Math.min(64, PARTIAL_BYTES / perBlock));
        cl_mem pRowC = partial[0].ensure(blocksPerLaunch * na), pRowI = partial[1].ensure(blocksPerLaunch * na);
        cl_mem pColC = partial[2].ensure(2 * blocksPerLaunch * nb), pColI = partial[3].ensure(2 * blocksPerLaunch * nb);

        for (long b0 = 0; b0 < blocksTotal; b0 += blocksPerLaunch) {
            long nbl = Math.min(blocksPerLaunch, blocksTotal - b0);
            long kFirst = kLo + b0 * DBLK;
            KernelLaunch tile = rt.launch(tiles);
            for (cl_mem x : ma) tile.arg(x);
            tile.argLong(na);
            for (cl_mem x : mb) tile.arg(x);
            tile.argLong(nb).argLong(m).argLong(period).argLong(kFirst).argLong(kHi).argLong(nbl).argLong(nseg)
                    .arg(pRowC).arg(pRowI).arg(pColC).arg(pColI).runItems(nbl * nseg, local);
            rt.launch(reduceRows).arg(pRowC).arg(pRowI).argLong(na).argLong(nbl).arg(rc).arg(ri).runItems(na, local);
            rt.launch(reduceCols).arg(pColC).arg(pColI).argLong(nb).argLong(na).argLong(period).argLong(kFirst).argLong(nbl)
                    .argLong(nseg).arg(cc).arg(ci).runItems(nb, local);
        }
        // Read into the thread's scratch first: a failing read leaves the caller's arrays untouched.
        try (Scratch scratch = Scratch.open()) {
            double[] outRc = scratch.doubles(na), outRi = scratch.doubles(na);
            double[] outCc = scratch.doubles(nb), outCi = scratch.doubles(nb);
            best[0].read(outRc, 0, na);
            best[1].read(outRi, 0, na);
            best[2].read(outCc, 0, nb);
            best[3].read(outCi, 0, nb);
            System.arraycopy(outRc, 0, rowCorr, 0, na);
            System.arraycopy(outRi, 0, rowIdx, 0, na);
            System.arraycopy(outCc, 0, colCorr, 0, nb);
            System.arraycopy(outCi, 0, colIdx, 0, nb);
        }
    }
}
