package dev.sxn.math.spectral;

import static dev.sxn.math.testing.NativeSources.longDefine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** native/src/spectral.h agrees with the Java side on the scratch slack and the work-array padding. */
class SpectralConstantsTest {
    private static final String H = "spectral.h";

    @Test
    void headerMatchesJava() {
        assertEquals(FftEngine.SCRATCH_SLACK, longDefine(H, "SXN_SPECTRAL_SLACK"));
        assertEquals(NativeFftKernels.WORK_PAD, longDefine(H, "SXN_SPECTRAL_WORK_PAD"));
    }
}
