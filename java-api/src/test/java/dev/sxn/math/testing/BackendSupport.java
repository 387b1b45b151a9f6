package dev.sxn.math.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.internal.KernelFamily;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Backend parameters for the per-domain suites: every kind is a parameter; a kind that is absent is
 * skipped with {@code assumeTrue}, except under {@code CI=true}, where CI installs everything and
 * absence is a failure (so a broken install step cannot pass unnoticed).
 */
public final class BackendSupport {
    private BackendSupport() {}

    /** All kinds except JAVA (the reference the others are compared with). */
    public static Stream<Backend> accelerated() {
        return Arrays.stream(Backend.values()).filter(b -> b != Backend.JAVA);
    }

    /**
     * Every kind {@code family} has a kernel of (JAVA first), from the registry: a new kernel is tested on
     * every kind it has without a hand-kept list. Pair with {@link #assumeAvailable(Backend)}.
     */
    public static Stream<Backend> kinds(KernelFamily family) {
        return family.kinds().stream();
    }

    /** {@link #kinds(KernelFamily)} without JAVA: the kinds compared against the reference. */
    public static Stream<Backend> accelerated(KernelFamily family) {
        return kinds(family).filter(b -> b != Backend.JAVA);
    }

    /** All kinds. */
    public static Stream<Backend> all() {
        return Arrays.stream(Backend.values());
    }

    /** Whether this run is CI's. */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the test when {@code kind} is unavailable; fails it instead under CI=true. */
    public static void assumeAvailable(Backend kind) {
        if (Backends.isAvailable(kind)) return;
        String why = kind + " unavailable: " + Backends.status(kind).detail();
        if (isCi()) fail("CI=true but " + why);
        assumeTrue(false, why);
    }
}
