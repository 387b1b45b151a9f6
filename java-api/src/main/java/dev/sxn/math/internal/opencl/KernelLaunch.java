package dev.sxn.math.internal.opencl;

import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clSetKernelArg;

import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * One launch of a kernel: its arguments in the order of the {@code .cl} signature, then the
 * enqueue. Each {@code arg...} call sets the next argument index, so a launch reads as the
 * signature does:
 *
 * <pre>{@code
 * rt.launch(kernel).arg(bufX).argLong(k).argLong(t).argDouble(alpha).arg(bufOut).runItems(k, local);
 * }</pre>
 *
 * <p>The scalar setters name the OpenCL C type they pass ({@code long} 8 bytes, {@code int} 4,
 * {@code double} 8) rather than overloading one {@code arg} on the Java type: the signature's type
 * decides the byte size, and a Java {@code int} that silently picked a 4-byte setter for a
 * {@code long} parameter would pass garbage in the upper half.
 *
 * <p>Holds no device resources (the values are copied by {@code clSetKernelArg} as they are set), so
 * nothing needs releasing. Not thread-safe: a {@code cl_kernel}'s arguments are shared state, so the
 * kernel's owner serialises its launches.
 */
public final class KernelLaunch {
    private final OpenClRuntime runtime;
    private final cl_kernel kernel;
    private int index;

    KernelLaunch(OpenClRuntime runtime, cl_kernel kernel) {
        this.runtime = runtime;
        this.kernel = kernel;
    }

    /**
     * A {@code __global} or {@code __constant} buffer argument.
     *
     * @param mem the device memory
     * @return this launch
     */
    public KernelLaunch arg(cl_mem mem) {
        clSetKernelArg(kernel, index++, Sizeof.cl_mem, Pointer.to(mem));
        return this;
    }

    /**
     * A buffer argument: the device memory the buffer holds now (after its last {@code ensure} or
     * {@code write}).
     *
     * @param buffer the buffer
     * @return this launch
     */
    public KernelLaunch arg(DeviceBuffer buffer) {
        return arg(buffer.mem());
    }

    /**
     * A {@code long} (64-bit) scalar argument.
     *
     * @param v the value
     * @return this launch
     */
    public KernelLaunch argLong(long v) {
        clSetKernelArg(kernel, index++, Sizeof.cl_long, Pointer.to(new long[] {v}));
        return this;
    }

    /**
     * An {@code int} (32-bit) scalar argument.
     *
     * @param v the value
     * @return this launch
     */
    public KernelLaunch argInt(int v) {
        clSetKernelArg(kernel, index++, Sizeof.cl_int, Pointer.to(new int[] {v}));
        return this;
    }

    /**
     * A {@code double} scalar argument.
     *
     * @param v the value
     * @return this launch
     */
    public KernelLaunch argDouble(double v) {
        clSetKernelArg(kernel, index++, Sizeof.cl_double, Pointer.to(new double[] {v}));
        return this;
    }

    /**
     * A {@code __local} buffer argument of {@code bytes} bytes per work-group.
     *
     * @param bytes its size in bytes
     * @return this launch
     */
    public KernelLaunch argLocal(long bytes) {
        clSetKernelArg(kernel, index++, bytes, null);
        return this;
    }

    /**
     * Enqueues the kernel over a one-dimensional range.
     *
     * @param global the global size (a multiple of {@code local})
     * @param local the work-group size
     */
    public void run(long global, long local) {
        run(new long[] {global}, new long[] {local});
    }

    /**
     * Enqueues the kernel with one work-item per item, the global size rounded up to a multiple of
     * {@code local} (the kernels return early on the extra work-items).
     *
     * @param items the work-items needed
     * @param local the work-group size
     */
    public void runItems(long items, long local) {
        run(roundUp(items, local), local);
    }

    /**
     * Enqueues the kernel over an n-dimensional range ({@code global.length} dimensions).
     *
     * @param global the global size per dimension (each a multiple of its {@code local})
     * @param local the work-group size per dimension
     */
    public void run(long[] global, long[] local) {
        clEnqueueNDRangeKernel(runtime.queue(), kernel, global.length, null, global, local, 0, null, null);
    }

    /**
     * {@code items} rounded up to a multiple of {@code local}.
     *
     * @param items a count, at least 0
     * @param local the multiple, at least 1
     * @return the smallest multiple of {@code local} that is at least {@code items}
     */
    public static long roundUp(long items, long local) {
        return (items + local - 1) / local * local;
    }
}
