package dev.sxn.math.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.WarmUpReport.Entry;
import dev.sxn.math.backend.WarmUpReport.Outcome;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelFamily;
import dev.sxn.math.testing.ForkedJvm;
import dev.sxn.math.testing.ForkedJvm.Result;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 2: {@code Backends.warmUp} keeps to its budget (plus the one call in progress), reports every
 * family it was asked for, selects families by name or domain, and never throws for a kind: not for one a
 * family lacks, not for one that is unavailable, and not in JVMs where optional kinds are switched off or an
 * unavailable kind is forced.
 */
class WarmUpTest {
    /**
     * What the warm-up may overrun its budget by: it finishes the call in progress, and the first call of a
     * kernel runs before the JIT has compiled it (a representative call is small, but on the shared 2-core
     * build machine a cold Vector API call has taken over a second).
     */
    private static final double SLACK_S = 5.0;

    private static Set<String> families(WarmUpReport r) {
        return r.entries().stream().map(Entry::family).collect(Collectors.toSet());
    }

    @Test
    void keepsToItsBudgetAndReportsEveryFamilyWithItsJavaKernel() {
        Backends.available(); // detection, which the budget would otherwise include, first
        Duration budget = Duration.ofMillis(1500);
        long t0 = System.nanoTime();
        WarmUpReport r = Backends.warmUp(budget);
        double took = (System.nanoTime() - t0) / 1e9;
        assertTrue(took <= 1.5 + SLACK_S, "took " + took + " s:\n" + r);
        assertTrue(r.elapsed().toNanos() / 1e9 <= took, r.toString());
        assertEquals(budget, r.budget());
        for (KernelFamily f : KernelFamilies.all()) {
            List<Entry> es = r.of(f.name());
            assertFalse(es.isEmpty(), f + " missing from\n" + r);
            assertTrue(es.stream().anyMatch(e -> e.kind() == Backend.JAVA), f + " has no JAVA entry in\n" + r);
            for (Entry e : es) {
                assertTrue(f.kinds().contains(e.kind()), e.toString());
                assertTrue(e.outcome() != Outcome.FAILED, e.toString());
                if (e.outcome() == Outcome.SKIPPED) assertTrue(e.calls() == 0 && !e.detail().isEmpty(), e.toString());
                else assertTrue(e.detail().isEmpty(), e.toString());
            }
        }
        // The two families whose calls run the host's code are skipped, saying why.
        for (Entry e : r.of(KernelFamilies.PARTICLE.name())) {
            assertEquals(Outcome.SKIPPED, e.outcome());
            assertTrue(e.detail().contains("host's own"), e.toString());
        }
    }

    @Test
    void aZeroBudgetReturnsAtOnceWithNoCalls() {
        Backends.available();
        long t0 = System.nanoTime();
        WarmUpReport r = Backends.warmUp(Duration.ZERO);
        assertTrue((System.nanoTime() - t0) / 1e9 < SLACK_S, r.toString());
        for (Entry e : r.entries()) {
            assertEquals(0, e.calls(), e.toString());
            assertTrue(e.outcome() == Outcome.BUDGET_SPENT || e.outcome() == Outcome.SKIPPED, e.toString());
        }
        assertEquals(KernelFamilies.all().size(), families(r).size());
    }

    @Test
    void familiesAreChosenByNameOrDomainAndABadNameIsRefused() {
        assertEquals(Set.of("linalg.gemm"), families(Backends.warmUp(Duration.ofMillis(100), "linalg.gemm")));
        assertEquals(Set.of("spectral.FFT", "spectral.rollingEntropy"), families(Backends.warmUp(Duration.ofMillis(100), "spectral")));
        var e = assertThrows(IllegalArgumentException.class, () -> Backends.warmUp(Duration.ofMillis(100), "linalg.gem"));
        assertTrue(e.getMessage().startsWith("families[0] must name a kernel family or its domain"), e.getMessage());
        assertTrue(e.getMessage().endsWith("was 'linalg.gem'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Backends.warmUp(Duration.ofMillis(-1)));
        assertEquals("budget must be >= 0, was PT-0.001S", e.getMessage());
        assertThrows(NullPointerException.class, () -> Backends.warmUp(null));
        e = assertThrows(IllegalArgumentException.class, () -> Backends.warmUp(Duration.ZERO, EnumSet.noneOf(Backend.class)));
        assertEquals("kinds must name at least one kind, was []", e.getMessage());
    }

    @Test
    void explicitKindsAreReportedEvenWhenAFamilyLacksOneOrItIsUnavailable() {
        Set<Backend> kinds = EnumSet.of(Backend.JAVA, Backend.VECTOR, Backend.NATIVE);
        WarmUpReport r = Backends.warmUp(Duration.ofMillis(300), kinds, "linalg.gemm", "filter.KalmanFilter");
        for (String f : List.of("linalg.gemm", "filter.KalmanFilter")) {
            assertEquals(kinds, r.of(f).stream().map(Entry::kind).collect(Collectors.toSet()), r.toString());
        }
        Entry kalmanNative = r.of("filter.KalmanFilter").stream().filter(e -> e.kind() == Backend.NATIVE).findFirst().orElseThrow();
        assertEquals(Outcome.SKIPPED, kalmanNative.outcome());
        assertTrue(kalmanNative.detail().startsWith("the family has no NATIVE kernel"), kalmanNative.toString());
        for (Entry e : r.entries()) {
            if (!Backends.isAvailable(e.kind())) {
                assertEquals(Outcome.SKIPPED, e.outcome(), e.toString());
                assertTrue(e.detail().contains("unavailable") || e.detail().contains("has no"), e.toString());
            }
        }
    }

    @Test
    void neverThrowsWithKindsSwitchedOffOrAnUnavailableKindForced() throws Exception {
        String cp = ForkedJvm.classPath();
        Result r = ForkedJvm.run(List.of("-Dsxn.disable=vector,native,opencl", "-cp", cp, "dev.sxn.forkcheck.WarmUpCheck", "500"));
        assertEquals(0, r.exit(), r.all());
        assertFalse(r.all().contains("threw") || r.all().contains("Exception") || r.all().contains("FAILED"), r.all());
        for (KernelFamily f : KernelFamilies.all()) assertTrue(r.stdout().contains("  " + f.name() + " JAVA: "), f + ":\n" + r.all());
        assertFalse(r.stdout().contains(" VECTOR: ") || r.stdout().contains(" NATIVE: "), r.all());

        r = ForkedJvm.run(List.of("-Dsxn.disable=native,opencl", "-Dsxn.backend=native", "-cp", cp, "dev.sxn.forkcheck.WarmUpCheck",
                "500"));
        assertEquals(0, r.exit(), r.all());
        assertFalse(r.all().contains("threw") || r.all().contains("FAILED"), r.all());
        assertTrue(r.stdout().contains("  linalg.gemm NATIVE: SKIPPED after 0 calls, 0.000 s (forced by sxn.backend but unavailable: "),
                r.all());
        // A family without a NATIVE kernel makes its own choice, as its calls do.
        assertTrue(r.stdout().contains("  filter.KalmanFilter JAVA: "), r.all());
    }
}
