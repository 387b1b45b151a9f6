package dev.sxn.math.internal;

import java.util.Arrays;

/**
 * The warm-up's rule for "this call's time has settled", from the successive times of one representative
 * call: at least {@value #MIN_CALLS} calls; the median of the last five within {@value #SETTLED} times the
 * best call; and the best not improved by more than a tenth for as many calls as it took to reach it, and
 * for at least {@value #MIN_STABLE_CALLS} calls.
 *
 * <p>Why this shape: a kernel's time falls in steps as the JIT moves it from the interpreter to C1 and then
 * to C2 (and, for a Vector API kernel, from the API's fallback to its intrinsics); each step restarts the
 * count, and the count doubles with the calls already made, so a plateau must last as long as everything
 * before it. The median of five ignores the odd call that waited for a core. A plateau can still outlast the
 * count (C1 code waiting for C2), which is why {@link WarmUp} also asks {@link CompileQueue}.
 *
 * <p>Not thread-safe (one per warmed kind, used by the warming thread).
 */
final class Settling {
    /** Calls before a time can count as settled. */
    static final int MIN_CALLS = 40;
    /** Calls the best time must hold, at least, before it counts as settled. */
    static final int MIN_STABLE_CALLS = 40;
    /** The median of the last five calls must be within this factor of the best call. */
    static final double SETTLED = 1.25;

    private final long[] last = new long[5];
    private final long[] sorted = new long[5];
    private int calls;
    private long best = Long.MAX_VALUE;
    private long mark = Long.MAX_VALUE;
    private int markAt;

    /** Records a call that took {@code ns}; returns whether the time has settled. */
    boolean record(long ns) {
        last[calls % last.length] = ns;
        calls++;
        best = Math.min(best, ns);
        if (ns < 0.9 * mark) {
            mark = ns;
            markAt = calls;
        }
        if (calls < MIN_CALLS || calls - markAt < Math.max(MIN_STABLE_CALLS, markAt)) return false;
        System.arraycopy(last, 0, sorted, 0, last.length);
        Arrays.sort(sorted);
        return sorted[2] <= SETTLED * best;
    }

    /** Calls recorded. */
    int calls() {
        return calls;
    }
}
