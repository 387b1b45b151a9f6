package dev.sxn.math.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import java.lang.management.ManagementFactory;

/**
 * Steady-state allocation of a call, measured with HotSpot's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}), for the per-family allocation
 * tests: a warm call may allocate a small constant (dispatch plumbing, a result record) but nothing
 * proportional to the problem.
 *
 * <p>"Warm" means: once C2 has compiled the call's kernels. Until then a Vector API kernel runs the API's
 * Java fallback, which boxes every vector, and C2 compiles on background threads, so on a loaded machine
 * that can take seconds. So the calls run in groups, and the measure is the first group whose average per
 * call is under the budget; the call fails only if no group within {@link #MAX_CALLS} calls (and at least
 * {@link #MIN_MILLIS} ms, so a fast call on a busy machine still gets the time C2 needs) gets there.
 *
 * <p>The allocation tests run in a JVM of their own (see java-api/pom.xml): what C2 makes of Vector API code
 * depends on the profiles the whole JVM has built, and the rest of the suite drives the Vector API in ways a
 * host does not.
 */
public final class Allocations {
    /** Calls per measured group. */
    public static final int GROUP = 4;
    /** Calls after which a call that is still over budget fails (unless {@link #MIN_MILLIS} has not passed). */
    public static final int MAX_CALLS = 2_000;
    /** The least time given to reach the steady state, in milliseconds. */
    public static final long MIN_MILLIS = 15_000;
    /** The most time given to reach the steady state, in milliseconds. */
    public static final long MAX_MILLIS = 60_000;

    /**
     * What an OPENCL call may allocate on top of a budget: JOCL's per-call objects (a {@code Pointer} and a
     * one-element array per kernel argument, the launch's work sizes), a constant of about 1 to 3 KB.
     */
    public static final long OPENCL_PLUMBING = 4 * 1024;

    private Allocations() {}

    /** {@code budget}, plus {@link #OPENCL_PLUMBING} when {@code kind} is OPENCL. */
    public static long budget(Backend kind, long budget) {
        return kind == Backend.OPENCL ? budget + OPENCL_PLUMBING : budget;
    }

    /**
     * Bytes per call of {@code call} in its steady state: the average over the first group of {@link #GROUP}
     * calls that stays under {@code budget}, or the smallest group average seen if none did.
     */
    public static long perCall(Runnable call, long budget) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long best = Long.MAX_VALUE;
        for (int calls = 0; ; calls += GROUP) {
            long before = mx.getCurrentThreadAllocatedBytes();
            for (int rep = 0; rep < GROUP; rep++) call.run();
            long perCall = (mx.getCurrentThreadAllocatedBytes() - before) / GROUP;
            best = Math.min(best, perCall);
            if (best < budget) return best;
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (ms >= MAX_MILLIS || (calls + GROUP >= MAX_CALLS && ms >= MIN_MILLIS)) return best;
        }
    }

    /** Asserts that {@code call} allocates under {@code budget} bytes per call once warm (see {@link #perCall}). */
    public static void assertUnder(String what, Runnable call, long budget) {
        long bytes = perCall(call, budget);
        assertTrue(bytes < budget, what + " allocated " + bytes + " bytes per call once warm (budget " + budget + ")");
    }
}
