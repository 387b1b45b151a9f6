package dev.sxn.math.linalg;

import dev.sxn.math.internal.Checks;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A dense matrix of doubles, stored column-major in one {@code double[]}: entry (i, j) is
 * {@code data[i + j * rows]}. This is LAPACK's layout, so native calls take the array as it is (no
 * transpose, no copy); loops over one column run over contiguous memory.
 *
 * <p>Indices are 0-based. A matrix may have zero rows or columns. {@link #wrap} shares the caller's
 * array; {@link #of(double[][])} and {@link #copy()} copy. The operations in {@link Linalg} never modify
 * their input matrices; they write only into outputs they are given or allocate.
 *
 * <p>Not thread-safe for concurrent mutation (like an array); concurrent reads are safe.
 */
public final class DMatrix {
    /** The most entries a matrix may have: the largest array length every JVM allocates. */
    private static final int MAX_ENTRIES = Integer.MAX_VALUE - 8;

    private final int rows;
    private final int cols;
    private final double[] data;

    private DMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    private static void checkShape(int rows, int cols) {
        Checks.atLeast(rows, "rows", 0);
        Checks.atLeast(cols, "cols", 0);
        if ((long) rows * cols > MAX_ENTRIES) {
            throw Checks.invalid("rows * cols", rows + " * " + cols + " = " + (long) rows * cols, "be <= " + MAX_ENTRIES
                    + " (fit in a Java array)");
        }
    }

    /** A rows x cols matrix of zeros. */
    public static DMatrix zeros(int rows, int cols) {
        checkShape(rows, cols);
        return new DMatrix(rows, cols, new double[rows * cols]);
    }

    /**
     * A matrix over the caller's column-major array (no copy: changes to either are seen by both).
     *
     * @throws IllegalArgumentException if {@code data.length != rows * cols}
     */
    public static DMatrix wrap(int rows, int cols, double[] data) {
        Checks.notNull(data, "data");
        checkShape(rows, cols);
        Checks.length(data, "data", (long) rows * cols, "rows * cols = " + rows + " * " + cols);
        return new DMatrix(rows, cols, data);
    }

    /**
     * A copy of a row-major {@code double[][]} (rows all of the same length); {@code new double[0][]}
     * gives a 0x0 matrix.
     */
    public static DMatrix of(double[][] rowsArray) {
        Checks.notNull(rowsArray, "rows");
        int r = rowsArray.length;
        int c = r == 0 ? 0 : Checks.notNull(rowsArray[0], "rows[0]").length;
        DMatrix m = zeros(r, c);
        for (int i = 0; i < r; i++) {
            double[] row = rowsArray[i];
            Checks.length(row, "rows[" + i + "]", c, "the length of rows[0]");
            for (int j = 0; j < c; j++) m.data[i + j * r] = row[j];
        }
        return m;
    }

    /** The n x n identity. */
    public static DMatrix identity(int n) {
        DMatrix m = zeros(n, n);
        for (int i = 0; i < n; i++) m.data[i + i * n] = 1;
        return m;
    }

    /**
     * A rows x cols matrix of independent uniform entries in [-1, 1) from {@link SplittableRandom}
     * seeded with {@code seed}: the same seed gives the same matrix on every JVM, filled column by column.
     */
    public static DMatrix random(int rows, int cols, long seed) {
        DMatrix m = zeros(rows, cols);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < m.data.length; i++) m.data[i] = 2 * rnd.nextDouble() - 1;
        return m;
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Whether the matrix has no entries (zero rows or zero columns). */
    public boolean isEmpty() {
        return rows == 0 || cols == 0;
    }

    /** The backing column-major array itself (not a copy): entry (i, j) is at {@code i + j * rows()}. */
    public double[] data() {
        return data;
    }

    /**
     * A heap {@link MemorySegment} over the backing array (no copy), for critical downcalls and other
     * FFM code: column-major, {@code rows() * cols()} doubles.
     */
    public MemorySegment asSegment() {
        return MemorySegment.ofArray(data);
    }

    private void checkIndex(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") is outside a " + shape() + " matrix");
        }
    }

    /** Entry (i, j). */
    public double get(int i, int j) {
        checkIndex(i, j);
        return data[i + j * rows];
    }

    /** Sets entry (i, j) to {@code v}. */
    public void set(int i, int j, double v) {
        checkIndex(i, j);
        data[i + j * rows] = v;
    }

    /** A deep copy. */
    public DMatrix copy() {
        return new DMatrix(rows, cols, data.clone());
    }

    /** A row-major {@code double[][]} copy. */
    public double[][] toArray2D() {
        double[][] out = new double[rows][cols];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) out[i][j] = data[i + j * rows];
        }
        return out;
    }

    /** A copy of column j. */
    public double[] column(int j) {
        if (j < 0 || j >= cols) throw new IndexOutOfBoundsException("column " + j + " is outside a " + shape() + " matrix");
        return Arrays.copyOfRange(data, j * rows, (j + 1) * rows);
    }

    /** The Frobenius norm sqrt(sum a_ij^2), computed with scaling so it neither overflows nor underflows. */
    public double normF() {
        return JavaLinalgKernels.norm2(data, 0, data.length);
    }

    /** "rows x cols", as error messages write shapes. */
    public String shape() {
        return rows + "x" + cols;
    }

    /**
     * Whether {@code other} has the same shape and every entry satisfies
     * {@code |a - b| <= atol + rtol * |b|} (b from {@code other}); NaN equals NaN here.
     */
    public boolean isClose(DMatrix other, double atol, double rtol) {
        if (other.rows != rows || other.cols != cols) return false;
        for (int i = 0; i < data.length; i++) {
            double a = data[i];
            double b = other.data[i];
            if (Double.isNaN(a) || Double.isNaN(b)) {
                if (Double.isNaN(a) != Double.isNaN(b)) return false;
                continue;
            }
            if (a == b) continue;
            if (!(Math.abs(a - b) <= atol + rtol * Math.abs(b))) return false;
        }
        return true;
    }

    /** Exact equality of shape and entries (as {@link Arrays#equals(double[], double[])}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof DMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    /** A hash of the shape and entries, consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    /** The shape, and the entries row by row when there are at most 100 of them. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("DMatrix ").append(shape());
        if (data.length > 100) return sb.toString();
        sb.append(" [");
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < cols; j++) sb.append(j == 0 ? "" : ", ").append(data[i + j * rows]);
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
