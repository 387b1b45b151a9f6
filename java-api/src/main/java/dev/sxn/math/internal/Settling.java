package dev.sxn.math.internal;

import java.util.Arrays;

/**
 * The warm-up's rule for "this call's time has settled", from the successive times of one representative
 * call: at least {@code minCalls} calls ({@link #jitMinCalls()}: as many as C2 needs before it compiles a
 * method with a loop that every call enters once); the median of the last five within {@value #SETTLED}
 * times the best call; and the best not improved by more than a tenth for as many calls as it took to reach
 * it, and for at least {@value #MIN_STABLE_CALLS} calls.
 *
 * <p>Why this shape: a kernel's time falls in steps as the JIT moves it from the interpreter to C1 and then
 * to C2 (and, for a Vector API kernel, from the API's fallback to its intrinsics); each step restarts the
 * count, and the count doubles with the calls already made, so a plateau must last as long as everything
 * before it. The median of five ignores the odd call that waited for a core. But C1's plateau can outlast
 * any count taken from the times alone (a few dozen calls settle happily in C1's code), so the floor comes
 * from the JIT's own threshold: before it, C2 has not even been asked; after it, {@link WarmUp} asks
 * {@link CompileQueue} whether C2 is done, and holds a VECTOR kernel to JAVA's time.
 *
 * <p>Not thread-safe (one per warmed kind and shape, used by the warming thread).
 */
final class Settling {
    /** Calls the best time must hold, at least, before it counts as settled. */
    static final int MIN_STABLE_CALLS = 40;
    /** The median of the last five calls must be within this factor of the best call. */
    static final double SETTLED = 1.25;

    private final int minCalls;
    private final long[] last = new long[5];
    private final long[] sorted = new long[5];
    private int calls;
    private long best = Long.MAX_VALUE;
    private long mark = Long.MAX_VALUE;
    private int markAt;

    /** A rule that lets no time settle before {@code minCalls} calls. */
    Settling(int minCalls) {
        this.minCalls = minCalls;
    }

    /**
     * The calls after which C2 will have been asked to compile a method that every call enters once and that
     * loops: HotSpot's {@code Tier4MinInvocationThreshold} times {@code CompileThresholdScaling} (600 and 1 by
     * default), read from the VM when jdk.management is there, else the default. (A method that loops more
     * than 25 times a call meets the other half of the rule, {@code Tier4CompileThreshold}, by then; loop-free
     * glue needs more calls, but C1's code costs little there.)
     */
    static int jitMinCalls() {
        int dflt = 600;
        if (ModuleLayer.boot().findModule("jdk.management").isEmpty()) return dflt;
        try {
            var bean = java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            double scaling = Double.parseDouble(bean.getVMOption("CompileThresholdScaling").getValue());
            long min = Long.parseLong(bean.getVMOption("Tier4MinInvocationThreshold").getValue());
            return (int) Math.max(1, Math.min(1_000_000, Math.ceil(min * scaling)));
        } catch (RuntimeException | LinkageError e) {
            return dflt; // not HotSpot's options: keep the default
        }
    }

    /** Records a call that took {@code ns}; returns whether the time has settled. */
    boolean record(long ns) {
        last[calls % last.length] = ns;
        calls++;
        best = Math.min(best, ns);
        if (ns < 0.9 * mark) {
            mark = ns;
            markAt = calls;
        }
        if (calls < minCalls || calls - markAt < Math.max(MIN_STABLE_CALLS, markAt)) return false;
        System.arraycopy(last, 0, sorted, 0, last.length);
        Arrays.sort(sorted);
        return sorted[2] <= SETTLED * best;
    }

    /** Calls recorded. */
    int calls() {
        return calls;
    }

    /** The fastest call recorded, in nanoseconds ({@link Long#MAX_VALUE} before the first). */
    long best() {
        return best;
    }
}
