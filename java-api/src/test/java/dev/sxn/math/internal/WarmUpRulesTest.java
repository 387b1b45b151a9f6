package dev.sxn.math.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 2: the warm-up's rules, on made-up call times and queue texts: when a call's time counts as
 * settled ({@link Settling}), which packages the compile queue holds ({@link CompileQueue}), and that every
 * family of the registry has a representative call or says why not ({@link WarmUpCases}).
 */
class WarmUpRulesTest {
    /** Feeds {@code n} calls of {@code ns} each; returns the call (1-based) that first settled, or -1. */
    private static int feed(Settling s, int n, long ns) {
        for (int i = 0; i < n; i++) if (s.record(ns)) return s.calls();
        return -1;
    }

    @Test
    void aTimeSettlesAfterHoldingItsBestForAsManyCallsAsItTookToGetThere() {
        Settling s = new Settling(40);
        assertEquals(-1, feed(s, 20, 100_000)); // the interpreter
        // The drop at call 21 restarts the count: settled once the best has held max(40, 21) calls, at call 61.
        assertEquals(61, feed(s, 100, 10_000));
    }

    @Test
    void aPlateauMustOutlastWhatCameBeforeItAndEachStepRestartsTheCount() {
        Settling s = new Settling(40);
        assertEquals(-1, feed(s, 40, 100_000));
        // C1's plateau from call 41 would settle at 41 + 41 = 82, but C2's code arrives at call 71 ...
        assertEquals(-1, feed(s, 30, 50_000));
        // ... and its best (call 71) must then hold for 71 calls: settled at call 142.
        assertEquals(142, feed(s, 100, 10_000));
    }

    @Test
    void improvementsOfATenthOrLessDoNotRestartTheCountButAnOffMedianKeepsItUnsettled() {
        Settling s = new Settling(40);
        assertEquals(-1, feed(s, 40, 10_000));
        assertTrue(s.record(9_500)); // call 41: 5% better is noise, and the time has held for 40 calls
        // Three of every five calls 1.3x the best: the median of the last five is off, so never settled ...
        Settling noisy = new Settling(40);
        for (int i = 0; i < 100; i++) assertFalse(noisy.record(i % 5 < 3 ? 13_000 : 10_000), "call " + (i + 1));
        // ... until three of the last five are near the best again.
        assertTrue(noisy.record(10_000));
    }

    @Test
    void noTimeSettlesBeforeTheJitWouldHaveAskedC2() {
        // HotSpot's defaults (this JVM runs with them): Tier4MinInvocationThreshold 600, CompileThresholdScaling 1.
        assertEquals(600, Settling.jitMinCalls());
        Settling s = new Settling(600);
        assertEquals(-1, feed(s, 20, 100_000));
        assertEquals(600, feed(s, 1000, 10_000)); // held from call 21, but the floor is call 600
    }

    @Test
    void theCompileQueueNamesTheLibrarysPackagesOnly() {
        // The shape of `jcmd PID Compiler.queue` (JDK 25): compiles in progress, then each queue.
        String text = """
                Current compiles:
                C2 CompilerThread0  2635 %     4       dev.sxn.math.linalg.VectorGemm::micro @ 116 (1887 bytes)
                C1 CompilerThread0  2583       2       jdk.incubator.vector.DoubleVector::fma (10 bytes)

                C1 compile queue:
                Empty

                C2 compile queue:
                2479       4       jdk.incubator.vector.DoubleVector::lambda$ternaryOperations$1 (8 bytes)
                2480       4       dev.sxn.math.spectral.VectorFftKernels::radix4 (400 bytes)
                2481       4       dev.sxn.math.internal.vector.LaneSums::sum (40 bytes)
                """;
        assertEquals(Set.of("linalg", "spectral", "internal"), CompileQueue.pendingPackages(text));
        assertEquals(Set.of(), CompileQueue.pendingPackages("Current compiles:\n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n"));
        // This JVM's own queue can be read (or, without jdk.management, is taken as empty); either way no exception.
        assertNotNull(CompileQueue.pendingPackages());
    }

    @Test
    void everyFamilyHasARepresentativeCallOrSaysWhyNot() {
        for (KernelFamily f : KernelFamilies.all()) {
            String none = WarmUpCases.noCase(f);
            List<Consumer<Backend>> call = WarmUpCases.of(f);
            assertTrue(none == null ? call != null : call == null,
                    f + ": add its representative call to WarmUpCases (or a reason it has none to noCase)");
        }
        assertNull(WarmUpCases.noCase(KernelFamilies.GEMM));
        assertNotNull(WarmUpCases.noCase(KernelFamilies.DYNAMICS_USER));
    }
}
