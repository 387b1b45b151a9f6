package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Sobol's argument rules, each with its one-line message naming the argument, its value and the rule. */
class SobolArgumentsTest {
    private static final Sobol S = Sobol.of(4);

    private static void message(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void factories() {
        message("dimension must be in [1, 21201] (Joe and Kuo's set), was 0", () -> Sobol.of(0));
        message("dimension must be in [1, 21201] (Joe and Kuo's set), was 21202", () -> Sobol.of(21202));
        message("dimension must be in [1, 21201] (Joe and Kuo's set), was -3", () -> Sobol.owenScrambled(-3, RandomStream.philox4x64(1, 1)));
        assertThrows(NullPointerException.class, () -> Sobol.owenScrambled(2, null));
        assertEquals(21201, Sobol.of(21201).dimension());
    }

    @Test
    void indicesAndDimensions() {
        message("index must be in [0, 4294967295] (2^32 points), was -1", () -> S.coordinate(-1, 0));
        message("index must be in [0, 4294967295] (2^32 points), was 4294967296", () -> S.coordinate(1L << 32, 0));
        message("dim must be in [0, 3] (the dimension is 4), was 4", () -> S.coordinate(0, 4));
        message("index must be in [0, 4294967295] (2^32 points), was 4294967296", () -> S.point(1L << 32, new double[4], 0));
        message("offset + dimension must be <= out.length (5), was 2 + 4 = 6", () -> S.point(0, new double[5], 2));
        assertThrows(NullPointerException.class, () -> S.point(0, null, 0));
    }

    @Test
    void blocks() {
        double[] out = new double[100];
        message("points must be >= 0, was -1", () -> S.uniforms(0, -1, 0, 1, out, 0, 1));
        message("dims must be in [0, 4] (the dimension), was 5", () -> S.uniforms(0, 1, 0, 5, out, 0, 1));
        message("firstIndex must be in [0, 4294967286] (10 points of 2^32), was 4294967290",
                () -> S.uniforms(4294967290L, 10, 0, 1, out, 0, 10));
        message("firstIndex must be in [0, 4294967286] (10 points of 2^32), was -1", () -> S.normals(-1, 10, 0, 1, out, 0, 10));
        message("firstDim must be in [0, 2] (2 of 4 dimensions), was 3", () -> S.uniforms(0, 1, 3, 2, out, 0, 1));
        message("rowStride must be >= points (10), was 9", () -> S.uniforms(0, 10, 0, 2, out, 0, 9));
        message("offset must be >= 0, was -1", () -> S.uniforms(0, 10, 0, 2, out, -1, 10));
        message("offset + (dims - 1) * rowStride + points must be <= out.length (100), was 101",
                () -> S.uniforms(0, 10, 0, 4, out, 61, 10));
        message("firstIndex must be >= 1 for normals of an unscrambled sequence (point 0 is the origin, whose normal quantile is -infinity), was 0",
                () -> S.normals(0, 10, 0, 2, out, 0, 10));
        message("points * dimension must fit in one array (<= 2147483639), was 2147483648", () -> S.uniforms(0, Integer.MAX_VALUE / 4 + 1));
        message("points must be >= 0, was -2", () -> S.normals(1, -2));
        assertThrows(NullPointerException.class, () -> S.uniforms(0, 1, 0, 1, null, 0, 1));
    }

    @Test
    void emptyBlocksWriteNothing() {
        double[] out = {5, 5};
        S.uniforms(0, 0, 0, 4, out, 2, 0);
        S.normals(0, 3, 1, 0, out, 2, 3);
        S.normals(0, 0, 0, 4, out, 0, 0);
        Sobol.owenScrambled(4, RandomStream.philox4x64(1, 1)).normals(0, 0, 0, 4, out, 2, 0);
        assertArrayEquals(new double[] {5, 5}, out);
        assertEquals(0, S.uniforms(7, 0).length);
    }
}
