package dev.sxn.math.internal;

import java.lang.ref.SoftReference;
import java.util.Arrays;

/**
 * Per-thread scratch arrays for kernels, so that a warm call allocates nothing proportional to its problem
 * (a fresh temporary per call is a TLAB refill at best; under G1 a large one is a humongous allocation, and
 * a stream of them makes the young generation first-touch fresh memory).
 *
 * <p>Use: {@code try (Scratch w = Scratch.open()) { double[] t = w.doubles(n); ... }}. Arrays are handed out
 * in stack order: a frame ({@link #open} to {@link #close}) takes the next slots, a nested frame (a kernel
 * calling another kernel, a recursive step, user code calling back into the library) takes the slots after
 * them, and closing a frame gives its slots back to the next call. Each slot keeps the largest array it has
 * handed out, so a thread that repeats calls of one shape allocates nothing after the first. Contents are
 * whatever the previous user left ({@link #zeros} clears); arrays may be longer than asked
 * ({@link #exact} when the consumer reads {@code length}).
 *
 * <p>Memory: arrays up to {@value #KEEP_LIMIT} doubles (2 MiB) are held strongly by the thread; bigger ones
 * only softly, so a thread that keeps running large problems reuses its scratch while the garbage collector
 * may still reclaim it under memory pressure (an occasional huge call does not pin its memory to the
 * thread). An array must not be kept after its frame is closed. One instance per thread; not shared.
 */
public final class Scratch implements AutoCloseable {
    /** Arrays (and tables) up to this many doubles are held strongly; larger ones softly. */
    static final int KEEP_LIMIT = 1 << 18;
    /** Lengths kept per exact slot. */
    static final int EXACT_KEPT = 4;
    /** Saved tops per open frame. */
    private static final int FRAME = 5;
    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    private final Slots<double[]> doubles = new Slots<>();
    private final Slots<double[][]> tables = new Slots<>();
    /** Per exact slot, up to {@link #EXACT_KEPT} arrays of distinct lengths (a frame's shapes may alternate). */
    private double[][][] exacts = new double[8][][];
    private int exactTop;
    private int[][] ints = new int[4][];
    private int intTop;
    private boolean[][] flags = new boolean[4][];
    private int flagTop;
    /** Saved (doubles, tables, ints, flags, exacts) tops of the open frames. */
    private int[] marks = new int[40];
    private int depth;

    private Scratch() {}

    /** Opens a frame on this thread's scratch; close it (try-with-resources) to give its arrays back. */
    public static Scratch open() {
        Scratch s = LOCAL.get();
        int at = FRAME * s.depth;
        if (at + FRAME > s.marks.length) s.marks = Arrays.copyOf(s.marks, 2 * s.marks.length);
        s.marks[at] = s.doubles.top;
        s.marks[at + 1] = s.tables.top;
        s.marks[at + 2] = s.intTop;
        s.marks[at + 3] = s.flagTop;
        s.marks[at + 4] = s.exactTop;
        s.depth++;
        return s;
    }

    /** Closes the innermost frame: its arrays go back to the thread for the next call. */
    @Override
    public void close() {
        int at = FRAME * --depth;
        doubles.top = marks[at];
        tables.top = marks[at + 1];
        intTop = marks[at + 2];
        flagTop = marks[at + 3];
        exactTop = marks[at + 4];
    }

    /** The next slot's array, at least {@code len} doubles; contents undefined. */
    public double[] doubles(int len) {
        return take(len);
    }

    /** The next slot's array, at least {@code len} doubles, the first {@code len} zero. */
    public double[] zeros(int len) {
        double[] a = take(len);
        Arrays.fill(a, 0, len, 0.0);
        return a;
    }

    /**
     * The next exact slot's array of exactly {@code len} doubles (for code that reads the length); contents
     * undefined. Exact slots are apart from {@link #doubles}'s, and each keeps arrays of up to
     * {@value #EXACT_KEPT} lengths, so calls whose shapes alternate (a kernel's full blocks and its tail, two
     * callers at the same depth) find theirs again instead of replacing each other's. Exact arrays are held
     * strongly whatever their size: use them for small blocks, {@link #doubles} for problem-sized work.
     */
    public double[] exact(int len) {
        if (exactTop == exacts.length) exacts = Arrays.copyOf(exacts, 2 * exactTop);
        double[][] kept = exacts[exactTop];
        if (kept == null) exacts[exactTop] = kept = new double[EXACT_KEPT][];
        exactTop++;
        int i = 0;
        while (i < EXACT_KEPT - 1 && kept[i] != null && kept[i].length != len) i++;
        double[] a = kept[i] != null && kept[i].length == len ? kept[i] : new double[len];
        // Most recently used first, so the length dropped is the least recently used one.
        System.arraycopy(kept, 0, kept, 1, i);
        kept[0] = a;
        return a;
    }

    /** The next slot's int array, at least {@code len} ints; contents undefined. */
    public int[] ints(int len) {
        if (intTop == ints.length) ints = Arrays.copyOf(ints, 2 * ints.length);
        int[] a = ints[intTop];
        if (a == null || a.length < len) ints[intTop] = a = new int[len];
        intTop++;
        return a;
    }

    /** The next slot's boolean array, at least {@code len} long, the first {@code len} false. */
    public boolean[] flags(int len) {
        if (flagTop == flags.length) flags = Arrays.copyOf(flags, 2 * flags.length);
        boolean[] a = flags[flagTop];
        if (a == null || a.length < len) flags[flagTop] = a = new boolean[len];
        else Arrays.fill(a, 0, len, false);
        flagTop++;
        return a;
    }

    /**
     * The next slot's table: at least {@code count} separate arrays of at least {@code len} doubles each
     * (columns of a matrix held apart, so that loops over two of them vectorise); contents undefined.
     */
    public double[][] table(int count, int len) {
        int slot = tables.push();
        long size = (long) count * len;
        double[][] t = tables.get(slot, size);
        if (t == null || t.length < count) {
            t = t == null ? new double[count][] : Arrays.copyOf(t, count);
            tables.put(slot, t, size);
        }
        for (int i = 0; i < count; i++) if (t[i] == null || t[i].length < len) t[i] = new double[len];
        return t;
    }

    private double[] take(int len) {
        int slot = doubles.push();
        double[] a = doubles.get(slot, len);
        if (a == null || a.length < len) {
            a = new double[len];
            doubles.put(slot, a, len);
        }
        return a;
    }

    /** A stack of slots, each remembering one strongly held value and one softly held large value. */
    private static final class Slots<T> {
        private Object[] strong = new Object[8];
        private SoftReference<?>[] soft = new SoftReference<?>[8];
        int top;

        int push() {
            if (top == strong.length) {
                strong = Arrays.copyOf(strong, 2 * top);
                soft = Arrays.copyOf(soft, 2 * top);
            }
            return top++;
        }

        /** The value kept in the slot for a request of {@code size} doubles (strong or soft by size), or null. */
        @SuppressWarnings("unchecked")
        T get(int slot, long size) {
            return (T) (size <= KEEP_LIMIT ? strong[slot] : soft[slot] == null ? null : soft[slot].get());
        }

        void put(int slot, T value, long size) {
            if (size <= KEEP_LIMIT) strong[slot] = value;
            else soft[slot] = new SoftReference<>(value);
        }
    }
}
