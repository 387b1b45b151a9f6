package dev.sxn.math.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import org.junit.jupiter.api.Test;

/** The one dispatch path: crossovers, overrides, predicates, missing kinds and the failure policy. */
class KernelSetTest {
    interface Op {
        String name();

        /** Writes its name's length into out[0..n): the JAVA kernel fully, the failing one part-way. */
        default void fill(double[] out, int n) {
            for (int i = 0; i < n; i++) out[i] = name().length();
        }

        default boolean takes(int w) {
            return true;
        }
    }

    static final class JavaOp implements Op {
        @Override
        public String name() {
            return "java";
        }
    }

    /** A kernel class that loads fine (the tests pretend it is the VECTOR kernel). */
    static final class OtherOp implements Op {
        @Override
        public String name() {
            return "other";
        }

        @Override
        public boolean takes(int w) {
            return w > 10;
        }
    }

    /** A kernel that fails after writing part of its output, like a device running out of resources. */
    static final class FailingOp implements Op {
        static volatile RuntimeException failure = new IllegalStateException("simulated CL_OUT_OF_RESOURCES");

        @Override
        public String name() {
            return "failing";
        }

        @Override
        public void fill(double[] out, int n) {
            for (int i = 0; i < n / 2; i++) out[i] = -1;
            throw failure;
        }
    }

    private static KernelSet<Op> vectorSet(String name, String className, long crossover) {
        KernelFamily f = KernelFamily.named(name).with(Backend.VECTOR, className, crossover, crossover).build();
        return KernelSet.of(f, Op.class, new JavaOp());
    }

    @Test
    void smallSizesStayOnJavaLargeOnesMoveAndOverridesApply() {
        assumeTrue(Backends.isAvailable(Backend.VECTOR) && Backends.forced().isEmpty());
        KernelSet<Op> set = vectorSet("test.crossover", OtherOp.class.getName(), 100);
        assertEquals(Backend.JAVA, set.choose(99));
        assertEquals(Backend.VECTOR, set.choose(100));
        assertEquals("other", set.call(null, 1000, Op::name));
        assertEquals("java", set.call(Backend.JAVA, 1000, Op::name), "a pinned kind runs whatever the size");
        System.setProperty("sxn.crossover.test.override.vector", "5");
        try {
            KernelSet<Op> overridden = vectorSet("test.override", OtherOp.class.getName(), 100);
            assertEquals(Backend.JAVA, overridden.choose(4));
            assertEquals(Backend.VECTOR, overridden.choose(5));
        } finally {
            System.clearProperty("sxn.crossover.test.override.vector");
        }
    }

    @Test
    void aPredicateCanDeclineTheAutomaticChoiceButNotAPinnedOne() {
        assumeTrue(Backends.isAvailable(Backend.VECTOR) && Backends.forced().isEmpty());
        KernelSet<Op> set = vectorSet("test.predicate", OtherOp.class.getName(), 0);
        assertEquals(Backend.JAVA, set.run(null, 1000, k -> k.takes(10), k -> k.fill(new double[1], 1)));
        assertEquals(Backend.VECTOR, set.run(null, 1000, k -> k.takes(11), k -> k.fill(new double[1], 1)));
        assertEquals(Backend.VECTOR, set.run(Backend.VECTOR, 1000, k -> k.takes(10), k -> k.fill(new double[1], 1)));
    }

    @Test
    void aFailureMidWayFallsBackOnceWithTheOutputRewrittenAndIsNotChosenAgain() {
        assumeTrue(Backends.isAvailable(Backend.VECTOR) && Backends.forced().isEmpty());
        KernelSet<Op> set = vectorSet("test.fallback", FailingOp.class.getName(), 0);
        double[] out = new double[8];
        assertEquals(Backend.JAVA, set.run(null, 8, k -> k.fill(out, out.length)));
        for (double v : out) assertEquals(4.0, v, "JAVA rewrote every output the failed kernel touched");
        assertTrue(set.hasFailed(Backend.VECTOR));
        assertEquals(Backend.JAVA, set.choose(1000), "a kind that failed at run time is not chosen again");
        assertTrue(set.family().describe().contains("VECTOR [failed at run time; not chosen]"), set.family().describe());
        var e = assertThrows(IllegalStateException.class, () -> set.run(Backend.VECTOR, 8, k -> k.fill(out, out.length)),
                "a pinned call raises");
        assertSame(FailingOp.failure, e);
    }

    @Test
    void argumentErrorsPassThroughAndNothingIsMarkedFailed() {
        assumeTrue(Backends.isAvailable(Backend.VECTOR) && Backends.forced().isEmpty());
        KernelSet<Op> set = vectorSet("test.argument", FailingOp.class.getName(), 0);
        RuntimeException saved = FailingOp.failure;
        FailingOp.failure = new IllegalArgumentException("x[3] must be finite, was NaN");
        try {
            var e = assertThrows(IllegalArgumentException.class, () -> set.run(null, 8, k -> k.fill(new double[8], 8)));
            assertEquals("x[3] must be finite, was NaN", e.getMessage());
            assertFalse(set.hasFailed(Backend.VECTOR));
        } finally {
            FailingOp.failure = saved;
        }
    }

    @Test
    void aForcedKindIsUsedAndItsFailuresRaise() {
        assumeTrue(Backends.isAvailable(Backend.VECTOR) && Backends.forced().isEmpty());
        KernelSet<Op> set = vectorSet("test.forced", FailingOp.class.getName(), Crossovers.NEVER);
        System.setProperty("sxn.backend", "vector");
        try {
            assertEquals(Backend.VECTOR, set.choose(1));
            assertThrows(IllegalStateException.class, () -> set.run(null, 1, k -> k.fill(new double[2], 2)));
            assertFalse(set.hasFailed(Backend.VECTOR), "a forced failure raises instead of switching the kind off");
        } finally {
            System.clearProperty("sxn.backend");
        }
    }

    @Test
    void aKindTheFamilyLacksIsNamedAndABrokenClassSaysWhy() {
        KernelFamily f = KernelFamily.named("test.missing").with(Backend.NATIVE, "dev.sxn.math.internal.NoSuchKernel", 0, 0).build();
        KernelSet<Op> set = KernelSet.of(f, Op.class, new JavaOp());
        var e = assertThrows(IllegalArgumentException.class, () -> set.kernel(Backend.OPENCL));
        assertEquals("test.missing has no OPENCL kernel (it has [JAVA, NATIVE])", e.getMessage());
        if (Backends.isAvailable(Backend.NATIVE) && Backends.forced().isEmpty()) {
            var s = assertThrows(IllegalStateException.class, () -> set.kernel(Backend.NATIVE));
            assertTrue(s.getMessage().contains("NoSuchKernel"), s.getMessage());
            assertEquals(Backend.JAVA, set.choose(1 << 20), "a kind that cannot load is not chosen");
        }
        assertTrue(f.describe().startsWith("test.missing: JAVA, NATIVE"), f.describe());
        assertTrue(f.describe().endsWith("lacks [VECTOR, OPENCL]"), f.describe());
        assertThrows(IllegalStateException.class, () -> KernelSet.of(f, Op.class, new JavaOp()), "a family is bound once");
    }
}
