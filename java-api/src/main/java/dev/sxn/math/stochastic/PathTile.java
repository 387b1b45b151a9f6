package dev.sxn.math.stochastic;

/**
 * Fills the random numbers of one tile of paths into {@link PathScratch#z}: rows of stream steps
 * {@code [step0, step0 + rows)}, paths {@code [firstPath, firstPath + n)} ({@code n <= PathScratch.LANES}),
 * row r and path i at {@code z[r * LANES + i]}, applying the {@link Antithetic} lane mapping: for a paired
 * tile the lanes {@code firstPath / 2 ..} are drawn once into {@link PathScratch#pairs} and each odd path
 * takes the mirror of its lane ({@code -z} for normals, {@code 1 - u} for open uniforms, both exact).
 * O(n rows); allocates nothing.
 */
final class PathTile {
    private PathTile() {}

    /** A kind's dense random fill with caller-owned scratch (a non-capturing constant per kernel class). */
    interface Source {
        /** Fills lanes x steps of {@code mode} step-major into {@code d[off + r * ld + i]}. */
        void fill(RandomStream s, int mode, long lane0, int lanes, long step0, int steps, double[] d, int off, int ld, PathScratch sc);
    }

    /** The plain-Java source. */
    static final Source JAVA = (s, mode, lane0, lanes, step0, steps, d, off, ld, sc) ->
            JavaRandomKernels.fillJava(s, mode, lane0, lanes, step0, steps, d, null, off, ld, sc.words);

    /** Fills the tile (see the class comment); {@code mode} is {@link RngConstants#MODE_NORMAL} or {@link RngConstants#MODE_OPEN}. */
    static void fill(Source src, RandomStream s, int mode, boolean antithetic, long firstPath, int n, long step0, int rows, PathScratch sc) {
        fill(src, s, mode, antithetic, firstPath, n, step0, rows, sc, sc.z);
    }

    /** {@link #fill(Source, RandomStream, int, boolean, long, int, long, int, PathScratch)} into {@code z} (a tile of the scratch's shape). */
    static void fill(Source src, RandomStream s, int mode, boolean antithetic, long firstPath, int n, long step0, int rows, PathScratch sc,
                     double[] z) {
        final int w = PathScratch.LANES;
        if (!antithetic) {
            src.fill(s, mode, firstPath, n, step0, rows, z, 0, w, sc);
            return;
        }
        long lane0 = firstPath >>> 1;
        int lanes = (int) (((firstPath + n - 1) >>> 1) - lane0 + 1);
        double[] p = sc.pairs;
        src.fill(s, mode, lane0, lanes, step0, rows, p, 0, w, sc);
        boolean normal = mode == RngConstants.MODE_NORMAL;
        for (int r = 0; r < rows; r++) {
            int row = r * w;
            for (int i = 0; i < n; i++) {
                long path = firstPath + i;
                double v = p[row + (int) ((path >>> 1) - lane0)];
                z[row + i] = (path & 1) == 0 ? v : normal ? -v : 1.0 - v;
            }
        }
    }
}
