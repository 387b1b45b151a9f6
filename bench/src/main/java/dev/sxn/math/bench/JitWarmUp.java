package dev.sxn.math.bench;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.backend.WarmUpReport;
import java.time.Duration;
import java.util.EnumSet;

/**
 * Compiles the library's Vector API kernels before JMH's own warm-up iterations: each benchmark state whose
 * parameter names a backend calls {@link #trial} from its {@code @Setup(Level.Trial)}, which, on VECTOR, runs
 * {@code Backends.warmUp} for the families it measures (with JAVA, VECTOR's yardstick).
 *
 * <p>Why: a Vector API kernel runs the API's slow fallback until C2 has compiled it, and how long that takes
 * depends on the machine's load (bench/results/history/warmup.md: seconds on a quiet machine, tens of seconds on the
 * loaded 2-core build machine), so a fixed number of warm-up iterations is either too short there or wasted
 * elsewhere. The warm-up ends when the kernel's time has settled and the JIT has nothing of its package left
 * to compile, so JMH's iterations (the profiles' 5 x 1 s, or 1 x 0.5 s with --quick) only settle the
 * benchmark's own shape. JAVA's scalar loops reach C2 within those iterations, and NATIVE and OPENCL run no
 * JIT-compiled kernel, so they are left to them (warming them too would add minutes to the quick suite).
 * The budget is {@code -Dsxn.bench.warmup=SECONDS} (default 60; 0 switches it off). The report goes to the
 * fork's output, one line per kind, beginning with {@code "# JIT warm-up"}.
 */
final class JitWarmUp {
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("sxn.bench.warmup", 60));

    private JitWarmUp() {}

    /**
     * Warms {@code families} when {@code backend} is VECTOR (and VECTOR is available); any other kind, or a peer
     * (EJML, TA4J, JTRANSFORMS ...), is left to JMH's own warm-up.
     */
    static void trial(String backend, String... families) {
        if (backend.equals("VECTOR") && !BUDGET.isZero() && Backends.isAvailable(Backend.VECTOR)) {
            print(Backends.warmUp(BUDGET, EnumSet.of(Backend.VECTOR), families));
        }
    }

    private static void print(WarmUpReport r) {
        for (WarmUpReport.Entry e : r.entries()) {
            if (e.outcome() != WarmUpReport.Outcome.SKIPPED) System.out.println("# JIT warm-up: " + e);
        }
    }
}
