package dev.sxn.math.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import org.junit.jupiter.api.Test;

/** The per-call choice: crossovers, overrides, missing kinds and fallback after a failure. */
class KernelSetTest {
    interface Op {
        String name();
    }

    static final class JavaOp implements Op {
        @Override
        public String name() {
            return "java";
        }
    }

    /** A kernel class that loads fine (the test pretends it is the VECTOR kernel). */
    static final class OtherOp implements Op {
        @Override
        public String name() {
            return "other";
        }
    }

    @Test
    void smallSizesStayOnJavaLargeOnesMoveAndFailuresFallBack() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Backends.isAvailable(Backend.VECTOR));
        KernelSet<Op> set = KernelSet.builder("test.crossover", Op.class, new JavaOp())
                .with(Backend.VECTOR, OtherOp.class.getName(), 100).build();
        assertEquals(Backend.JAVA, set.choose(99));
        assertEquals(Backend.VECTOR, set.choose(100));
        assertEquals("other", set.select(1000).name());
        System.setProperty("sxn.crossover.test.override.vector", "5");
        try {
            KernelSet<Op> overridden = KernelSet.builder("test.override", Op.class, new JavaOp())
                    .with(Backend.VECTOR, OtherOp.class.getName(), 100).build();
            assertEquals(Backend.JAVA, overridden.choose(4));
            assertEquals(Backend.VECTOR, overridden.choose(5));
        } finally {
            System.clearProperty("sxn.crossover.test.override.vector");
        }
        set.fellBack(Backend.VECTOR, new IllegalStateException("simulated device loss"));
        assertEquals(Backend.JAVA, set.choose(1000));
    }

    @Test
    void aKindTheFamilyLacksIsNamedAndABrokenClassSaysWhy() {
        KernelSet<Op> set = KernelSet.builder("test.missing", Op.class, new JavaOp())
                .with(Backend.NATIVE, "dev.sxn.math.internal.NoSuchKernel", 0).build();
        var e = assertThrows(IllegalArgumentException.class, () -> set.kernel(Backend.OPENCL));
        assertEquals("test.missing has no OPENCL kernel (it has [JAVA, NATIVE])", e.getMessage());
        if (Backends.isAvailable(Backend.NATIVE)) {
            var s = assertThrows(IllegalStateException.class, () -> set.kernel(Backend.NATIVE));
            assertTrue(s.getMessage().contains("NoSuchKernel"), s.getMessage());
            assertEquals(Backend.JAVA, set.choose(1 << 20), "a kind that cannot load is not chosen");
        }
        assertTrue(set.describe().startsWith("test.missing: JAVA, NATIVE"), set.describe());
        assertTrue(set.describe().endsWith("lacks [VECTOR, OPENCL]"), set.describe());
    }
}
