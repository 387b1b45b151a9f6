package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sxn.math.backend.Backend;
import org.junit.jupiter.api.Test;

/** The facade's argument rules, each with its one-line message naming the argument, its value and the rule. */
class RandomsArgumentsTest {
    private static final RandomStream S = RandomStream.philox4x64(1, 1);

    private static void message(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void gridRules() {
        double[] out = new double[100];
        message("lanes must be >= 0, was -1", () -> Randoms.uniforms(S, UniformInterval.OPEN, 0, -1, 0, 1, out, 0, 1, null));
        message("steps must be >= 0, was -2", () -> Randoms.normals(S, 0, 1, 0, -2, out, 0, 1, null));
        message("firstLane must be in [0, 9223372036854775797] (PHILOX_4X64 lanes end at 9223372036854775807), was -1",
                () -> Randoms.normals(S, -1, 10, 0, 1, out, 0, 10, null));
        message("firstLane must be in [0, 4294967286] (PHILOX_4X32 lanes end at 4294967296), was 4294967290",
                () -> Randoms.normals(RandomStream.philox4x32(1, 1), 4294967290L, 10, 0, 1, out, 0, 10, null));
        message("firstStep must be in [0, 8589934591] (PHILOX_4X32 steps end at 8589934592), was 8589934592",
                () -> Randoms.normals(RandomStream.philox4x32(1, 1), 0, 1, 1L << 33, 1, out, 0, 1, null));
        message("rowStride must be >= lanes (10), was 9", () -> Randoms.normals(S, 0, 10, 0, 2, out, 0, 9, null));
        message("offset must be >= 0, was -1", () -> Randoms.normals(S, 0, 10, 0, 2, out, -1, 10, null));
        message("offset + (steps - 1) * rowStride + lanes must be <= out.length (100), was 101",
                () -> Randoms.normals(S, 0, 10, 0, 10, out, 1, 10, null));
        message("stream must be in [0, 4294967296) for PHILOX_4X32, was -1", () -> RandomStream.philox4x32(1, -1));
        message("lane must be in [0, 9223372036854775807) for PHILOX_4X64, was -3", () -> S.uniform(-3, 0));
        assertThrows(NullPointerException.class, () -> Randoms.normals(null, 0, 1, 0, 1, out, 0, 1, null));
        assertThrows(NullPointerException.class, () -> Randoms.normals(S, 0, 1, 0, 1, null, 0, 1, null));
        assertThrows(NullPointerException.class, () -> Randoms.uniforms(S, null, 0, 1, 0, 1, out, 0, 1, null));
    }

    @Test
    void emptyBlocksWriteNothingOnEveryKindAndTheShortFormsAreTheLongOnes() {
        double[] out = {5};
        for (Backend kind : Backend.values()) {
            if (!dev.sxn.math.backend.Backends.isAvailable(kind)) continue;
            Randoms.normals(S, 0, 0, 0, 3, out, 1, 0, kind);
            Randoms.uniforms(S, UniformInterval.OPEN, 0, 3, 0, 0, out, 1, 3, kind);
        }
        assertEquals(5, out[0]);
        double[] z = Randoms.normals(S, 7, 5), u = Randoms.uniforms(S, 7, 5);
        double[] z2 = new double[35], u2 = new double[35];
        Randoms.normals(S, 0, 7, 0, 5, z2, 0, 7, Backend.JAVA);
        Randoms.uniforms(S, UniformInterval.OPEN, 0, 7, 0, 5, u2, 0, 7, Backend.JAVA);
        assertArrayEquals(z2, z);
        assertArrayEquals(u2, u);
    }
}
