package dev.sxn.math.internal.opencl;

import static org.jocl.CL.*;

import java.lang.ref.Cleaner;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_mem;

/**
 * A grow-only device buffer of doubles that a kernel keeps and reuses across calls, so a call
 * allocates device memory only when it needs more than any call before. Released by
 * {@link #close()} or, failing that, by a {@link Cleaner} when the owner is collected.
 *
 * <p>Not thread-safe: its owner serialises use.
 */
public final class DeviceBuffer implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    /** Holds the cl_mem so the cleaning action does not reference the buffer itself. */
    private static final class Handle implements Runnable {
        cl_mem mem;

        @Override
        public void run() {
            if (mem != null) {
                clReleaseMemObject(mem);
                mem = null;
            }
        }
    }

    private final OpenClRuntime runtime;
    private final long flags;
    private final Handle handle = new Handle();
    private final Cleaner.Cleanable cleanable;
    private long capacity; // in doubles

    /** A buffer with the given {@code CL_MEM_*} flags, allocated on first use. */
    public DeviceBuffer(OpenClRuntime runtime, long flags) {
        this.runtime = runtime;
        this.flags = flags;
        this.cleanable = CLEANER.register(this, handle);
    }

    /** The device memory, grown to hold at least {@code doubles} values (at least one). */
    public cl_mem ensure(long doubles) {
        long want = Math.max(1, doubles);
        if (handle.mem == null || want > capacity) {
            handle.run();
            long grown = Math.max(want, capacity + capacity / 2);
            handle.mem = clCreateBuffer(runtime.context(), flags, grown * Sizeof.cl_double, null, null);
            capacity = grown;
        }
        return handle.mem;
    }

    /** The device memory as it is now; throws IllegalStateException before the first ensure or write. */
    cl_mem mem() {
        if (handle.mem == null) throw new IllegalStateException("device buffer used before ensure() or write()");
        return handle.mem;
    }

    /** Copies {@code n} doubles from {@code src[off..]} to the start of the buffer (blocking). */
    public cl_mem write(double[] src, int off, int n) {
        cl_mem mem = ensure(n);
        if (n > 0) {
            clEnqueueWriteBuffer(runtime.queue(), mem, CL_TRUE, 0, (long) n * Sizeof.cl_double,
                    Pointer.to(src).withByteOffset((long) off * Sizeof.cl_double), 0, null, null);
        }
        return mem;
    }

    /** Copies the first {@code n} doubles of the buffer to {@code dst[off..]} (blocking). */
    public void read(double[] dst, int off, int n) {
        if (n > 0) {
            clEnqueueReadBuffer(runtime.queue(), handle.mem, CL_TRUE, 0, (long) n * Sizeof.cl_double,
                    Pointer.to(dst).withByteOffset((long) off * Sizeof.cl_double), 0, null, null);
        }
    }

    /** Releases the device memory now. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
