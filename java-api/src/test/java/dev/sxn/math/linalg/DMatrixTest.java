package dev.sxn.math.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class DMatrixTest {
    @Test
    void columnMajorLayoutAndConversions() {
        double[][] rows = {{1, 2, 3}, {4, 5, 6}};
        DMatrix m = DMatrix.of(rows);
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, m.data());
        assertEquals(6, m.get(1, 2));
        assertArrayEquals(rows[1], m.toArray2D()[1]);
        assertArrayEquals(new double[] {3, 6}, m.column(2));
        m.set(0, 1, -7);
        assertEquals(-7, m.data()[2]);
        assertEquals(-7, m.asSegment().getAtIndex(ValueLayout.JAVA_DOUBLE, 2));
        assertEquals("2x3", m.shape());
    }

    @Test
    void wrapSharesCopyDoesNot() {
        double[] d = {1, 2, 3, 4};
        DMatrix w = DMatrix.wrap(2, 2, d);
        assertSame(d, w.data());
        DMatrix c = w.copy();
        d[0] = 9;
        assertEquals(9, w.get(0, 0));
        assertEquals(1, c.get(0, 0));
        assertNotEquals(w, c);
        c.set(0, 0, 9);
        assertEquals(w, c);
        assertEquals(w.hashCode(), c.hashCode());
    }

    @Test
    void factories() {
        DMatrix i = DMatrix.identity(3);
        assertEquals(1, i.get(2, 2));
        assertEquals(0, i.get(0, 2));
        assertEquals(DMatrix.random(4, 5, 42), DMatrix.random(4, 5, 42));
        assertNotEquals(DMatrix.random(4, 5, 42), DMatrix.random(4, 5, 43));
        for (double v : DMatrix.random(30, 30, 1).data()) assertTrue(v >= -1 && v < 1);
        assertTrue(DMatrix.zeros(0, 7).isEmpty());
        assertEquals(0, DMatrix.of(new double[0][]).rows());
        assertEquals(Math.sqrt(30), DMatrix.of(new double[][] {{1, 2}, {3, 4}}).normF(), 1e-15);
        assertEquals(1e300 * Math.sqrt(2), DMatrix.wrap(2, 1, new double[] {1e300, 1e300}).normF(), 1e285, "no overflow");
        assertEquals(1e-300 * Math.sqrt(2), DMatrix.wrap(2, 1, new double[] {1e-300, 1e-300}).normF(), 1e-314, "no underflow");
    }

    @Test
    void closeness() {
        DMatrix a = DMatrix.of(new double[][] {{1, Double.NaN}});
        DMatrix b = DMatrix.of(new double[][] {{1 + 1e-12, Double.NaN}});
        assertTrue(a.isClose(b, 0, 1e-11));
        assertFalse(a.isClose(b, 0, 1e-13));
        assertFalse(a.isClose(DMatrix.zeros(2, 1), 1, 1));
    }

    @Test
    void badArguments() {
        assertEquals("data.length must be 6 (rows * cols = 2 * 3), was 5",
                assertThrows(IllegalArgumentException.class, () -> DMatrix.wrap(2, 3, new double[5])).getMessage());
        assertEquals("rows must be >= 0, was -1", assertThrows(IllegalArgumentException.class, () -> DMatrix.zeros(-1, 2)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DMatrix.of(new double[][] {{1, 2}, {3}})).getMessage()
                .contains("rows[1].length must be 2 (the length of rows[0]), was 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DMatrix.zeros(100000, 100000)).getMessage()
                .contains("rows * cols must be <= 2147483639 (fit in a Java array), was 100000 * 100000 = 10000000000"));
        assertEquals("(2, 0) is outside a 2x2 matrix",
                assertThrows(IndexOutOfBoundsException.class, () -> DMatrix.identity(2).get(2, 0)).getMessage());
        assertEquals("data must not be null", assertThrows(NullPointerException.class, () -> DMatrix.wrap(1, 1, null)).getMessage());
        assertEquals("rows[1] must not be null",
                assertThrows(NullPointerException.class, () -> DMatrix.of(new double[][] {{1}, null})).getMessage());
    }
}
