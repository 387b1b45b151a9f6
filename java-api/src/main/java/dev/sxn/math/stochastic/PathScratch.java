package dev.sxn.math.stochastic;

/**
 * Per-thread scratch of the path kernels: the random numbers of one tile of {@link #LANES} paths by
 * {@link #ROWS} stream steps, and the tile's running state. A kernel call works tile by tile in it, so a warm
 * call allocates nothing whatever its size. Its sizes are fixed, not tuned: a tile of doubles stays within
 * L1/L2, and 64 lanes is a multiple of every vector length up to 64 lanes.
 *
 * <p>One instance per thread ({@link #get()}); kernels are reentrant per thread because no kernel calls
 * another path kernel while it holds the scratch.
 */
final class PathScratch {
    /** Paths per tile. */
    static final int LANES = 64;
    /** Time steps per tile chunk. */
    static final int STEPS = 32;
    /** Stream steps per chunk: up to two slots per time step (Heston: variance and price). */
    static final int ROWS = 2 * STEPS;

    private static final ThreadLocal<PathScratch> SCRATCH = ThreadLocal.withInitial(PathScratch::new);

    /** The tile's numbers: row r (stream step), path i at {@code r * LANES + i}. */
    final double[] z = new double[ROWS * LANES];
    /** A second tile of numbers: the normals of the same slots when a kernel needs both ({@link HestonQeKernel}). */
    final double[] z2 = new double[ROWS * LANES];
    /** The lanes of an antithetic tile before they are mirrored into {@link #z}. */
    final double[] pairs = new double[ROWS * LANES];
    /** Running state per path of the tile. */
    final double[] x = new double[LANES], v = new double[LANES], max = new double[LANES], min = new double[LANES],
            sum = new double[LANES];
    /** SDE schemes: the tile's states (path i's d components at {@code i d}) and one path's current and next state. */
    final double[] sdeState = new double[LANES * ROWS], sdeCur = new double[ROWS], sdeNext = new double[ROWS];
    /** The VECTOR Heston kernel's stage hand-over (fourteen slots of up to 64 lanes). */
    final double[] qe = new double[14 * 64];
    /** Philox words and conversion scratch of the random fills (room for vector lengths up to 64). */
    final long[] words = new long[4 * 64];
    final double[] fillScratch = new double[7 * 64];

    private PathScratch() {}

    /** This thread's scratch. */
    static PathScratch get() {
        return SCRATCH.get();
    }
}
