package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * Sobol's low-discrepancy sequence in up to {@value #MAX_DIMENSION} dimensions with Joe and Kuo's direction
 * numbers (new-joe-kuo-6.21201), plain or Owen-scrambled, for quasi-Monte Carlo: point {@code i}, coordinate
 * {@code j}, for any {@code i} in {@code [0, 2^32)} in O(1).
 *
 * <p>Definition (32 bits). With {@code v_{j,1..32}} the direction integers of dimension {@code j}
 * ({@code v_{j,k} = m_{j,k} 2^(32-k)}, Bratley and Fox's recurrence past the polynomial's degree) and
 * {@code g = i ^ (i >>> 1)} the Gray code of {@code i}, the unscrambled coordinate is
 * {@code x_{i,j} = (XOR over the bits k of g of v_{j,k+1}) 2^-32}, in [0, 1). This is the order of
 * Antonov and Saleev that SciPy's {@code scipy.stats.qmc.Sobol(d, scramble=False)} produces, and the values
 * are SciPy's exactly, whatever its {@code bits} (30 by default: its points stop at 2^30), because
 * {@code v_{j,k} 2^-32} does not depend on the width. Each block of 2^m consecutive points starting at a
 * multiple of 2^m is a (t,m,d)-net in base 2, so sample sizes should be powers of 2; point 0 is the origin (use
 * indices from 1, or scramble, where the origin would hurt: its normal quantile is -infinity). The index is
 * the skip-ahead: {@code coordinate(i, j)} costs at most 32 XORs, a fill walks the Gray code with one XOR
 * per value.
 *
 * <p>Owen scrambling ({@link #owenScrambled}): each dimension's 32 digits go through a hash-based nested
 * scramble seeded from a {@link RandomStream} ({@link OwenScramble}; Burley 2020), which keeps the net
 * property and makes every point uniform on (0, 1), so the estimate over one scrambled sequence is unbiased and
 * independent streams give independent replicates for an error bar. Scrambled values are odd multiples of
 * 2^-53 in (0, 1) (52 digits: the 32 scrambled ones, 20 uniform below them, centred in their cell).
 *
 * <p>Layout of the fills: dimension-major like {@link Randoms}' step-major grid, with the dimension as the
 * step and the point as the lane: {@code out[offset + (j - firstDim) * rowStride + (i - firstIndex)]}. A
 * row holds one dimension across consecutive points (paths), so QMC normals for paths come out in the layout
 * {@link BrownianBridge#paths} reads, dimension {@code r} feeding the bridge's {@code r}-th most important
 * normal.
 *
 * <p>Data: the direction numbers are read once, lazily, from a packed resource (all dimensions on first use);
 * an instance keeps only its seeds. Immutable and thread-safe; fills allocate nothing. JAVA only: a
 * coordinate costs a few integer operations, far less than the normal quantile usually applied to it.
 *
 * <p>References: I. M. Sobol', USSR Comput. Math. Math. Phys. 7 (1967); I. A. Antonov, V. M. Saleev (1979);
 * P. Bratley, B. L. Fox, "Algorithm 659", ACM TOMS 14 (1988); S. Joe, F. Y. Kuo, SIAM J. Sci. Comput. 30 (2008);
 * A. B. Owen (1995); B. Burley, "Practical Hash-based Owen Scrambling", JCGT 9(4) (2020).
 */
public final class Sobol {
    /** The most dimensions: those of Joe and Kuo's set. */
    public static final int MAX_DIMENSION = SobolDirections.DIMENSIONS;
    /** Points per dimension: indices run over {@code [0, 2^32)}. */
    public static final long MAX_POINTS = 1L << SobolDirections.BITS;

    private static final int BITS = SobolDirections.BITS;

    private final int dimension;
    private final int[] v; // the shared table; dimension j's integers at [j * BITS, (j + 1) * BITS)
    private final int[] add, mul; // scrambling seeds per dimension, or null
    private final long[] low;

    private Sobol(int dimension, int[] add, int[] mul, long[] low) {
        this.dimension = dimension;
        this.v = SobolDirections.table();
        this.add = add;
        this.mul = mul;
        this.low = low;
    }

    /**
     * The unscrambled sequence in {@code dimension} dimensions (SciPy's {@code qmc.Sobol(dimension,
     * scramble=False)}). Loads the direction numbers on the first call of the JVM.
     *
     * @throws IllegalArgumentException if dimension is not in [1, {@value #MAX_DIMENSION}]
     */
    public static Sobol of(int dimension) {
        Checks.inRange(dimension, "dimension", 1, MAX_DIMENSION, "Joe and Kuo's set");
        return new Sobol(dimension, null, null, null);
    }

    /**
     * The sequence in {@code dimension} dimensions, Owen-scrambled with seeds from {@code stream}: dimension
     * {@code j} takes its seeds from the stream's words at lane {@code j}, steps 0 and 1 ({@link RandomStream#bits}),
     * so the same stream gives the same points, and another stream id an independent scrambling. O(dimension).
     *
     * @throws IllegalArgumentException if dimension is not in [1, {@value #MAX_DIMENSION}]
     */
    public static Sobol owenScrambled(int dimension, RandomStream stream) {
        Checks.inRange(dimension, "dimension", 1, MAX_DIMENSION, "Joe and Kuo's set");
        Checks.notNull(stream, "stream");
        int[] add = new int[dimension], mul = new int[dimension];
        long[] low = new long[dimension];
        for (int j = 0; j < dimension; j++) {
            long w = stream.bits(j, 0);
            add[j] = (int) w;
            mul[j] = (int) (w >>> 32);
            low[j] = stream.bits(j, 1);
        }
        return new Sobol(dimension, add, mul, low);
    }

    /** The number of dimensions. */
    public int dimension() {
        return dimension;
    }

    /** Whether the points are Owen-scrambled. */
    public boolean isScrambled() {
        return add != null;
    }

    /**
     * Coordinate {@code dim} of point {@code index}: unscrambled in [0, 1) (a multiple of 2^-32), scrambled in
     * (0, 1). O(1) (at most 32 XORs).
     *
     * @throws IllegalArgumentException if index is not in [0, 2^32) or dim not in [0, dimension)
     */
    public double coordinate(long index, int dim) {
        Checks.inRange(index, "index", 0, MAX_POINTS - 1, "2^32 points");
        Checks.inRange(dim, "dim", 0, dimension - 1, "the dimension is " + dimension);
        return value(digits(index, dim), dim);
    }

    /**
     * Writes the {@link #dimension()} coordinates of point {@code index} to {@code out[offset ..)}. O(dimension).
     *
     * @throws IllegalArgumentException if index is not in [0, 2^32) or the point does not fit in out
     */
    public void point(long index, double[] out, int offset) {
        Checks.inRange(index, "index", 0, MAX_POINTS - 1, "2^32 points");
        Checks.range(out, "out", offset, "offset", dimension, "dimension");
        for (int j = 0; j < dimension; j++) out[offset + j] = value(digits(index, j), j);
    }

    /**
     * Writes coordinates {@code [firstDim, firstDim + dims)} of points {@code [firstIndex, firstIndex + points)}
     * to {@code out[offset + (j - firstDim) * rowStride + (i - firstIndex)]}. O(points * dims), one XOR per value
     * past the first of a row; allocates nothing. Any split of a block into calls writes the same values.
     *
     * @throws IllegalArgumentException if a count is negative, the points pass 2^32, the dimensions pass
     *     {@link #dimension()}, {@code rowStride < points}, or the block does not fit in out
     */
    public void uniforms(long firstIndex, int points, int firstDim, int dims, double[] out, int offset, int rowStride) {
        checkBlock(firstIndex, points, firstDim, dims, out, offset, rowStride);
        fill(firstIndex, points, firstDim, dims, out, offset, rowStride, false);
    }

    /**
     * Writes the standard normals of the same block: the AS241 quantile ({@link RandomStream#normal}'s) of each
     * coordinate, for quasi-Monte Carlo paths ({@link BrownianBridge}). Unscrambled, point 0 (the origin) is
     * refused. O(points * dims); allocates nothing.
     *
     * @throws IllegalArgumentException as {@link #uniforms(long, int, int, int, double[], int, int)}, and if the
     *     sequence is unscrambled, the block is not empty and {@code firstIndex == 0}
     */
    public void normals(long firstIndex, int points, int firstDim, int dims, double[] out, int offset, int rowStride) {
        checkBlock(firstIndex, points, firstDim, dims, out, offset, rowStride);
        if (!isScrambled() && firstIndex == 0 && points > 0 && dims > 0) {
            throw Checks.invalid("firstIndex", firstIndex, "be >= 1 for normals of an unscrambled sequence (point 0 is the origin, "
                    + "whose normal quantile is -infinity)");
        }
        fill(firstIndex, points, firstDim, dims, out, offset, rowStride, true);
    }

    /**
     * All {@link #dimension()} coordinates of points {@code [firstIndex, firstIndex + points)} in a new array,
     * dimension-major ({@code out[j * points + (i - firstIndex)]}).
     *
     * @throws IllegalArgumentException as {@link #uniforms(long, int, int, int, double[], int, int)}, or if the
     *     block has more than 2^31 - 9 values
     */
    public double[] uniforms(long firstIndex, int points) {
        double[] out = new double[size(points)];
        uniforms(firstIndex, points, 0, dimension, out, 0, points);
        return out;
    }

    /**
     * The standard normals of all {@link #dimension()} coordinates of points {@code [firstIndex, firstIndex +
     * points)} in a new array, dimension-major.
     *
     * @throws IllegalArgumentException as {@link #normals(long, int, int, int, double[], int, int)}, or if the
     *     block has more than 2^31 - 9 values
     */
    public double[] normals(long firstIndex, int points) {
        double[] out = new double[size(points)];
        normals(firstIndex, points, 0, dimension, out, 0, points);
        return out;
    }

    private void fill(long firstIndex, int points, int firstDim, int dims, double[] out, int offset, int rowStride, boolean normal) {
        if (points == 0) return;
        for (int d = 0; d < dims; d++) {
            int j = firstDim + d;
            int base = j * BITS;
            int row = offset + d * rowStride;
            int x = digits(firstIndex, j);
            if (add == null) {
                for (int p = 0; ; ) {
                    double u = Integer.toUnsignedLong(x) * 0x1p-32;
                    out[row + p] = normal ? NormalQuantile.of(u) : u;
                    if (++p == points) break;
                    // Gray code: g(i) ^ g(i - 1) has the single bit at the trailing zeros of i.
                    x ^= v[base + Long.numberOfTrailingZeros(firstIndex + p)];
                }
            } else {
                int a = add[j], m = mul[j];
                long lo = low[j];
                for (int p = 0; ; ) {
                    double u = OwenScramble.uniform(x, a, m, lo);
                    out[row + p] = normal ? NormalQuantile.of(u) : u;
                    if (++p == points) break;
                    x ^= v[base + Long.numberOfTrailingZeros(firstIndex + p)];
                }
            }
        }
    }

    /** The unscrambled 32 digits of coordinate j of point i: the XOR of the direction integers over Gray(i)'s bits. */
    private int digits(long index, int j) {
        long g = index ^ (index >>> 1);
        int x = 0;
        for (int base = j * BITS; g != 0; g &= g - 1) x ^= v[base + Long.numberOfTrailingZeros(g)];
        return x;
    }

    private double value(int x, int j) {
        return add == null ? Integer.toUnsignedLong(x) * 0x1p-32 : OwenScramble.uniform(x, add[j], mul[j], low[j]);
    }

    private void checkBlock(long firstIndex, int points, int firstDim, int dims, double[] out, int offset, int rowStride) {
        Checks.notNull(out, "out");
        Checks.atLeast(points, "points", 0);
        Checks.inRange(dims, "dims", 0, dimension, "the dimension");
        if (firstIndex < 0 || firstIndex > MAX_POINTS - points) {
            throw Checks.invalid("firstIndex", firstIndex, "be in [0, " + (MAX_POINTS - points) + "] (" + points + " points of 2^32)");
        }
        if (firstDim < 0 || firstDim > dimension - dims) {
            throw Checks.invalid("firstDim", firstDim, "be in [0, " + (dimension - dims) + "] (" + dims + " of " + dimension + " dimensions)");
        }
        Checks.block("out", out.length, offset, "offset", rowStride, "rowStride", dims, "dims", points, "points");
    }

    private int size(int points) {
        Checks.atLeast(points, "points", 0);
        long n = (long) points * dimension;
        if (n > Integer.MAX_VALUE - 8) throw Checks.invalid("points * dimension", n, "fit in one array (<= " + (Integer.MAX_VALUE - 8) + ")");
        return (int) n;
    }

    @Override
    public String toString() {
        return "Sobol(" + dimension + (isScrambled() ? ", Owen-scrambled)" : ")");
    }
}
