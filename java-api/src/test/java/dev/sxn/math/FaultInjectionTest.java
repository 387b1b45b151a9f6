package dev.sxn.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.amm.AmmFaultCases;
import dev.sxn.math.dynamics.DynamicsFaultCases;
import dev.sxn.math.filter.FilterFaultCases;
import dev.sxn.math.indicators.IndicatorFaultCases;
import dev.sxn.math.indicators.TtrOscillatorFaultCases;
import dev.sxn.math.indicators.stream.StreamFaultCases;
import dev.sxn.math.internal.InjectedFamilies;
import dev.sxn.math.internal.InjectedFamilies.Injection;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelFamily;
import dev.sxn.math.internal.KernelSet;
import dev.sxn.math.linalg.LinalgFaultCases;
import dev.sxn.math.indicators.TrendFaultCases;
import dev.sxn.math.risk.RiskFaultCases;
import dev.sxn.math.series.MatrixProfileFaultCases;
import dev.sxn.math.spectral.SpectralFaultCases;
import dev.sxn.math.stochastic.PathFaultCases;
import dev.sxn.math.stochastic.StochasticFaultCases;
import dev.sxn.math.regime.RegimeFaultCases;
import dev.sxn.math.testing.FailingKernel;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.LogCapture;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A kernel failing part-way through a call, for every family of {@link KernelFamilies} and every kind beyond JAVA
 * it declares (issue 17, item 14). The failing kernel ({@link FailingKernel}) answers like the JAVA kernel up to a
 * chosen call, then writes garbage into part of what it was to write and throws (as an OpenCL queue out of
 * resources does); it is installed into the set the facade bound ({@link InjectedFamilies#inject}), whatever the
 * kinds detected here, and every other family runs on JAVA meanwhile. For each public call of the family's cases
 * ({@code *FaultCases} beside each facade), failing at the first calls and at a few later ones:
 * <ol>
 *   <li>unpinned: the result, and every state the call changed, equals a pure-JAVA run bit for bit;
 *   <li>pinned to the kind: the simulated failure is raised, the kind stays on, and the state the API keeps
 *       ({@link FaultCase.Call#state()}) is as it was before the call;
 *   <li>no run changes the caller's inputs;
 *   <li>after an unpinned failure the kind is off for the family, and the family logs the failure once.
 * </ol>
 * Comparisons are exact (tolerance 0): the injected kernel computes with the JAVA kernel, so any difference is
 * garbage the failure left behind. Calls that hand the caller's own arrays to a kernel to update in place
 * ({@link FaultCase#inPlace()}) rely on the kernel contract instead (in place only after success): there the
 * failing kernel scribbles on outputs and scratch only.
 */
class FaultInjectionTest {
    private static final String LOGGER = "dev.sxn.math";

    private static Map<KernelFamily, List<FaultCase>> table() {
        List<FaultCase> all = new ArrayList<>();
        all.addAll(LinalgFaultCases.cases());
        all.addAll(IndicatorFaultCases.cases());
        all.addAll(MatrixProfileFaultCases.cases());
        all.addAll(DynamicsFaultCases.cases());
        all.addAll(FilterFaultCases.cases());
        all.addAll(SpectralFaultCases.cases());
        all.addAll(StochasticFaultCases.cases());
        all.addAll(PathFaultCases.cases());
        all.addAll(StreamFaultCases.cases());
        all.addAll(RiskFaultCases.cases());
        all.addAll(RegimeFaultCases.cases());
        all.addAll(AmmFaultCases.cases());
        all.addAll(TtrOscillatorFaultCases.cases());
        all.addAll(TrendFaultCases.cases());
        Map<KernelFamily, List<FaultCase>> byFamily = new LinkedHashMap<>();
        for (FaultCase c : all) byFamily.computeIfAbsent(c.family(), f -> new ArrayList<>()).add(c);
        return byFamily;
    }

    @Test
    void everyFamilyHasCases() {
        TreeSet<String> want = new TreeSet<>(), have = new TreeSet<>();
        for (KernelFamily f : KernelFamilies.all()) want.add(f.name());
        for (KernelFamily f : table().keySet()) have.add(f.name());
        assertEquals(want, have, "every family in KernelFamilies needs fault cases");
    }

    @TestFactory
    Stream<DynamicTest> aKernelFailingPartWayFallsBackWithJavasResultOrRaisesWhenPinned() {
        // With a kind forced by sxn.backend, failures raise instead of falling back (KernelSetTest covers that).
        assumeTrue(Backends.forced().isEmpty(), "a kind is forced");
        Map<KernelFamily, List<FaultCase>> table = table();
        return KernelFamilies.all().stream().flatMap(f -> f.kinds().stream().filter(k -> k != Backend.JAVA)
                .map(k -> DynamicTest.dynamicTest(f + " on " + k, () -> check(f, k, table.get(f)))));
    }

    private static void check(KernelFamily family, Backend kind, List<FaultCase> cases) {
        assertNotNull(cases, family + " has no fault cases");
        LogCapture log = LogCapture.of(LOGGER);
        try (log; Injection javaOnly = InjectedFamilies.javaOnly()) {
            List<Object> expected = new ArrayList<>();
            for (FaultCase c : cases) {
                FaultCase.Call ref = c.fresh().apply(null);
                ref.run();
                expected.add(ref.outcome());
            }
            KernelSet<?> set = InjectedFamilies.set(family); // bound by now: the reference runs used the facade
            FailingKernel failing = FailingKernel.over(set.java());
            try (Injection injection = InjectedFamilies.inject(family, kind, failing.kernel())) {
                for (int i = 0; i < cases.size(); i++) check(cases.get(i), kind, set, failing, injection, expected.get(i));
            }
        }
        String said = family + ": the " + kind + " kernel failed";
        assertEquals(1, log.count(said), "the family logs its kind's failure once; logged: " + log.text());
    }

    private static void check(FaultCase c, Backend kind, KernelSet<?> set, FailingKernel failing, Injection injection, Object expected) {
        // A run that does not fail: the injected kernel is reached, and answering as JAVA it gives JAVA's result.
        injection.rearm();
        failing.arm(FailingKernel.NEVER, c.garbage());
        FaultCase.Call probe = c.fresh().apply(null);
        probe.run();
        int calls = failing.calls();
        assertTrue(calls > 0, c + ": the case never reaches " + c.family() + "'s kernel");
        assertFalse(set.hasFailed(kind), c + ": the injected kernel failed without being asked to");
        assertSame(expected, probe.outcome(), c + ", without a failure");
        for (int failAt : failurePoints(calls)) {
            String at = c + ", " + kind + " failing at kernel call " + failAt + " of " + calls;
            // Unpinned: falls back to JAVA, and the kind is off for the family from then on.
            injection.rearm();
            failing.arm(failAt, c.garbage());
            FaultCase.Call call = c.fresh().apply(null);
            Object inputs = copy(call.inputs());
            call.run();
            assertNotNull(failing.thrown(), at + ": the injected failure did not happen");
            assertTrue(set.hasFailed(kind), at + ": the failed kind is still chosen");
            assertNotEquals(kind, set.choose(1 << 20), at + ": the failed kind is still chosen");
            assertSame(expected, call.outcome(), at + ", unpinned: the result differs from JAVA's");
            assertSame(inputs, call.inputs(), at + ", unpinned: the inputs changed");
            if (!c.pinnable()) continue;
            // Pinned: raises, leaves the kind on, and leaves the state it keeps as it was.
            injection.rearm();
            failing.arm(failAt, c.garbage());
            FaultCase.Call pinned = c.fresh().apply(kind);
            Object pinnedInputs = copy(pinned.inputs());
            Object state = copy(pinned.state());
            RuntimeException e = assertThrows(RuntimeException.class, pinned::run, at + ", pinned: no exception");
            assertTrue(FailingKernel.isSimulated(e), at + ", pinned: another exception: " + e);
            assertFalse(set.hasFailed(kind), at + ", pinned: a pinned failure switched the kind off");
            assertSame(pinnedInputs, pinned.inputs(), at + ", pinned: the inputs changed");
            if (state != null) assertSame(state, pinned.state(), at + ", pinned: the state was changed by the failed call");
        }
    }

    /** The first calls one by one (a kernel fails early in most real cases), then a few later ones. */
    private static List<Integer> failurePoints(int calls) {
        TreeSet<Integer> at = new TreeSet<>();
        for (int i = 0; i < Math.min(calls, 12); i++) at.add(i);
        at.add(calls / 3);
        at.add(calls / 2);
        at.add(calls - 1);
        return List.copyOf(at);
    }

    // ---- bit-for-bit comparison of nested arrays and boxed values

    private static void assertSame(Object want, Object got, String what) {
        String diff = diff(want, got, "");
        if (diff != null) fail(what + ": " + diff);
    }

    private static String diff(Object a, Object b, String path) {
        if (a == null || b == null) return a == b ? null : path + ": " + a + " vs " + b;
        if (a.getClass().isArray() && b.getClass() == a.getClass()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) return path + ": length " + n + " vs " + Array.getLength(b);
            for (int i = 0; i < n; i++) {
                String d = diff(Array.get(a, i), Array.get(b, i), path + "[" + i + "]");
                if (d != null) return d;
            }
            return null;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) return diff(la.toArray(), lb.toArray(), path);
        // Double.equals compares bits (NaN equals NaN, 0.0 differs from -0.0): what "bit for bit" means here.
        return a.equals(b) ? null : path + ": " + a + " vs " + b;
    }

    /** A deep copy of nested arrays and lists (boxed values are immutable). */
    private static Object copy(Object a) {
        if (a == null) return null;
        if (a instanceof List<?> l) return Arrays.asList(l.stream().map(FaultInjectionTest::copy).toArray());
        if (!a.getClass().isArray()) return a;
        int n = Array.getLength(a);
        Object c = Array.newInstance(a.getClass().getComponentType(), n);
        for (int i = 0; i < n; i++) Array.set(c, i, copy(Array.get(a, i)));
        return c;
    }
}
