package dev.sxn.math.internal.calibration;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The clock a sweep times calls with: the calling thread's CPU time where the JVM offers it, else the wall clock.
 *
 * <p>Why CPU time: on a shared machine a call is often descheduled, and the wall clock then charges it the other
 * processes' time, at random, so the kind that happened to be descheduled loses. The JAVA, VECTOR and NATIVE
 * kernels compute on the calling thread (OpenBLAS with {@code sxn.blas.threads=1}, the default), so its CPU time is
 * their cost. An OPENCL kernel runs elsewhere (the device, or PoCL's threads) while the caller waits, so a family
 * that times OPENCL uses the wall clock for every kind of it.
 */
final class CallClock {
    private static final ThreadMXBean THREADS = threads();

    private final boolean cpu;

    private CallClock(boolean cpu) {
        this.cpu = cpu;
    }

    /** Thread CPU time where available, unless {@code wall} is asked for. */
    static CallClock of(boolean wall) {
        return new CallClock(!wall && THREADS != null);
    }

    /** Whether this clock reads the thread's CPU time. */
    boolean cpu() {
        return cpu;
    }

    /** Now, in nanoseconds (only differences mean anything). */
    long now() {
        return cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static ThreadMXBean threads() {
        // A module-path host without jdk.management cannot load the bean: the wall clock then.
        if (ModuleLayer.boot().findModule("jdk.management").isEmpty()) return null;
        try {
            ThreadMXBean t = ManagementFactory.getThreadMXBean();
            if (!t.isCurrentThreadCpuTimeSupported()) return null;
            if (!t.isThreadCpuTimeEnabled()) t.setThreadCpuTimeEnabled(true);
            return t;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
