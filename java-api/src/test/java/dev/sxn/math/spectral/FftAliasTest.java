package dev.sxn.math.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The same array as re and im used to be accepted silently (issue 17, item 11): it is refused. */
class FftAliasTest {
    @Test
    void theSameArrayAsRealAndImaginaryPartIsRefused() {
        double[] a = {1, 2, 3, 4};
        var e = assertThrows(IllegalArgumentException.class, () -> FFT.forward(a, a));
        assertEquals("im must not be the same array as re", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FFT.inverse(a, a));
        assertEquals(1.0, a[0], "nothing written");
    }
}
