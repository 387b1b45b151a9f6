package dev.sxn.math.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.linalg.VectorOps;
import dev.sxn.math.testing.BackendSupport;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Detection, the describe() report, forcing and the CI completeness check. */
class BackendsTest {
    @Test
    void javaIsAlwaysAvailableAndEveryKindHasAStatus() {
        assertTrue(Backends.available().contains(Backend.JAVA));
        assertEquals(4, Backends.statuses().size());
        for (BackendStatus s : Backends.statuses()) {
            assertFalse(s.detail().isBlank(), s.kind() + " has no detail");
            assertEquals(s.available(), Backends.isAvailable(s.kind()));
        }
    }

    @Test
    void describeListsKindsReasonsAndOperations() {
        String d = Backends.describe();
        for (Backend b : Backend.values()) assertTrue(d.contains(b + ": "), d);
        assertTrue(d.contains("OPENBLAS: "), d);
        assertTrue(d.contains("linalg.VectorOps.reduce: JAVA, VECTOR (n >= 64)"), d);
        assertTrue(d.contains("linalg.VectorOps.elementwise: JAVA"), d);
        for (BackendStatus s : Backends.statuses()) {
            if (!s.available()) assertTrue(s.toString().startsWith(s.kind() + ": unavailable: "), s.toString());
        }
    }

    /** Under CI=true, .ci/run installed PoCL and the build had a C compiler: all four must be there. */
    @Test
    void ciDetectsAllFourBackends() {
        if (!BackendSupport.isCi()) return;
        for (Backend b : Backend.values()) {
            assertTrue(Backends.isAvailable(b), "CI=true but " + Backends.status(b));
        }
        assertTrue(Backends.openBlas().available(), "CI=true but " + Backends.openBlas());
    }

    @Test
    void parseNamesTheSourceAndTheValue() {
        assertEquals(Backend.OPENCL, Backend.parse(" OpenCL ", "x"));
        var e = assertThrows(IllegalArgumentException.class, () -> Backend.parse("cuda", "system property sxn.backend"));
        assertEquals("system property sxn.backend must be one of java, vector, native, opencl, was 'cuda'", e.getMessage());
    }

    @Test
    void forcingAKindPinsEveryCallAndUnsetRestores() {
        String before = System.getProperty("sxn.backend");
        try {
            for (Backend b : EnumSet.allOf(Backend.class)) {
                if (!Backends.isAvailable(b)) continue;
                System.setProperty("sxn.backend", b.name().toLowerCase());
                assertEquals(b, Backends.forced().orElseThrow());
                assertEquals(6.0, VectorOps.sum(new double[] {1, 2, 3}));
            }
        } finally {
            if (before == null) System.clearProperty("sxn.backend");
            else System.setProperty("sxn.backend", before);
        }
        assertTrue(Backends.forced().isEmpty());
    }

    @Test
    void pinningAKindTheFamilyLacksIsAClearError() {
        // VectorOps has all four kinds; an unavailable one must say why.
        for (Backend b : Backend.values()) {
            if (Backends.isAvailable(b)) continue;
            var e = assertThrows(IllegalStateException.class, () -> VectorOps.sum(b, new double[1], 0, 1));
            assertTrue(e.getMessage().contains(Backends.status(b).detail()), e.getMessage());
        }
    }
}
