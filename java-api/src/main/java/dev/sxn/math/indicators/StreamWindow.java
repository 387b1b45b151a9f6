package dev.sxn.math.indicators;

/**
 * The last {@code w + 1} values of a stream, kept so that a window step written for arrays
 * ({@link RollingSumState}, {@link RollingVarState}, {@link WmaState}: they read {@code x[p - j]} for
 * {@code j <= w}) runs on them unchanged: a ring of {@code w + 1} slots stored twice, so the newest value's
 * position {@code p} always has its {@code w} predecessors at {@code p - 1 .. p - w}, contiguous, whatever the
 * ring's position. Each value costs two stores; nothing moves.
 *
 * <p>A peek may {@link #put} its value without {@link #advance}: the slot written is the one the next commit
 * writes, whose old value (w + 1 steps back) no step reads any more.
 */
final class StreamWindow {
    private final double[] buf;
    private final int cap;
    private int pos;

    StreamWindow(int w) {
        cap = w + 1;
        buf = new double[2 * cap];
    }

    StreamWindow(StreamWindow o) {
        cap = o.cap;
        buf = o.buf.clone();
        pos = o.pos;
    }

    /** The buffer the positions index. */
    double[] data() {
        return buf;
    }

    /** Stores {@code v} as the newest value; returns its position p (the value j steps back is at p - j). */
    int put(double v) {
        int j = pos;
        buf[j] = v;
        buf[j + cap] = v;
        return j + cap;
    }

    /**
     * A step's run count held at {@code cap} once beyond it: the steps only compare the count with their seed or
     * window, so every count past cap steps alike, and an int count that grew for 2^31 updates would wrap.
     */
    static int capped(int run, int cap) {
        return run > cap ? cap : run;
    }

    /** Commits the value last {@link #put}: the next put is one step later. */
    void advance() {
        pos = pos + 1 == cap ? 0 : pos + 1;
    }
}
