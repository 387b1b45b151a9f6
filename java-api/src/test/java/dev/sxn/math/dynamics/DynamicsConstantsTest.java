package dev.sxn.math.dynamics;

import static dev.sxn.math.testing.NativeSources.longDefine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** native/src/dynamics.h agrees with the Java side on the potential codes and the size limits. */
class DynamicsConstantsTest {
    private static final String H = "dynamics.h";

    @Test
    void headerMatchesJava() {
        assertEquals(DynamicsKernels.RADIAL, longDefine(H, "SXN_DYN_RADIAL"));
        assertEquals(DynamicsKernels.HENON_HEILES, longDefine(H, "SXN_DYN_HENON_HEILES"));
        assertEquals(Dynamics.MAX_ACCELERATED_DIMENSION, longDefine(H, "SXN_DYN_MAX_D"));
    }

    @Test
    void everyIntegratorFitsTheNativeStageLimit() {
        long max = longDefine(H, "SXN_DYN_MAX_STAGES");
        for (Integrator i : Integrator.values()) {
            int stages = Scheme.of(i, 0.01, 0).stages();
            assertTrue(stages <= max, i + " has " + stages + " stages, libsxnkernels takes at most " + max);
        }
    }
}
