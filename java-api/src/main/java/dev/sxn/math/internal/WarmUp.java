package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.BackendStatus;
import dev.sxn.math.backend.WarmUpReport;
import dev.sxn.math.backend.WarmUpReport.Entry;
import dev.sxn.math.backend.WarmUpReport.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code Backends.warmUp}: runs each chosen family's representative call ({@link WarmUpCases}) on each kind
 * it warms, round-robin in short slices, until every one's call time has settled or the budget is spent.
 *
 * <p>Why round-robin: the JIT compiles on its own threads while the caller's thread goes on running
 * interpreted code, so time spent on one family while another one's kernel is being compiled is not lost;
 * and with a short budget every family gets some of it rather than the first few all of it.
 *
 * <p>Done ("steady"): the library cannot ask the JIT whether a method is compiled (WhiteBox is a test API),
 * so a kind is done when its call time has settled ({@link Settling}), no method of its family's package is
 * being compiled or waits to be ({@link CompileQueue}: a time that settles while C2 still compiles the kernel
 * is C1's, not the final one; by package, not family, because the queue names methods and a family's kernel
 * classes are its package's), and, for VECTOR, its time is within reach of JAVA's ({@link Task#plausible}).
 *
 * <p>Never throws for a kind: an unavailable kind, a kernel that fails to load or a call that throws is an
 * entry saying so.
 */
public final class WarmUp {
    /** The longest one visit of the round-robin stays with one kind (it always makes at least one call). */
    private static final long SLICE_NS = 20_000_000L;
    /** How long one reading of the compile queue is trusted (reading it formats every queue). */
    private static final long QUEUE_TTL_NS = 50_000_000L;
    /** A VECTOR kernel is not steady while its best call is slower than this many times JAVA's best. */
    static final double VECTOR_VS_JAVA = 2.0;

    private WarmUp() {}

    /** One family on one kind: its calls (one per shape, made in turn) and what the warm-up has seen of them. */
    private static final class Task {
        final KernelFamily family;
        final Backend kind;
        final List<Consumer<Backend>> shapes;
        final Settling[] settling; // per shape: two shapes of one family can differ in time many times over
        final boolean[] shapeSettled;
        Task reference; // VECTOR: the same family's JAVA task, its yardstick
        int calls;
        long timeNs;
        boolean settled;
        Outcome outcome;
        String detail = "";

        Task(KernelFamily family, Backend kind, List<Consumer<Backend>> shapes, int minCalls) {
            this.family = family;
            this.kind = kind;
            this.shapes = shapes;
            int n = shapes == null ? 1 : shapes.size();
            settling = new Settling[n];
            // The JIT counts the kernel's calls whatever their shape: the floor is shared out.
            for (int i = 0; i < n; i++) settling[i] = new Settling((minCalls + n - 1) / n);
            shapeSettled = new boolean[n];
        }

        /** The shape the next call makes. */
        int next() {
            return calls % settling.length;
        }

        /** Records a call of shape {@code shape}; true once every shape has settled. */
        boolean record(int shape, long ns) {
            timeNs += ns;
            calls++;
            shapeSettled[shape] |= settling[shape].record(ns);
            for (boolean b : shapeSettled) if (!b) return false;
            return true;
        }

        Entry entry() {
            long best = Long.MAX_VALUE;
            for (Settling st : settling) if (st.calls() > 0) best = Math.min(best, st.best());
            return new Entry(family.name(), kind, calls, Duration.ofNanos(timeNs), Duration.ofNanos(best == Long.MAX_VALUE ? 0 : best),
                    outcome == null ? Outcome.BUDGET_SPENT : outcome, detail);
        }

        /**
         * Whether a VECTOR kernel's time is plausibly C2's: on every shape its best call within
         * {@link #VECTOR_VS_JAVA} times JAVA's. The Vector API's fallback, which runs until C2 has compiled the
         * kernel, is many times slower than plain Java even in C1's code, and C1's time can settle while C2 is
         * not yet asked (the JIT delays C2 compiles while its queue is long), so settling and an empty queue
         * alone can mistake C1's plateau for the end. The representative calls are sized where VECTOR is chosen,
         * that is where it is not slower than JAVA.
         */
        boolean plausible() {
            Task r = reference;
            if (r == null) return true;
            for (int i = 0; i < settling.length; i++) {
                Settling j = r.settling[i];
                if (j.calls() > 0 && settling[i].best() > VECTOR_VS_JAVA * j.best()) return false;
            }
            return true;
        }
    }

    /** The last reading of the compile queue and when it was taken. */
    private static final class Queue {
        long readAt = Long.MIN_VALUE;
        Set<String> pending = Set.of();

        /** Whether a method of {@code family}'s package is being compiled or waits to be. */
        boolean pending(KernelFamily family) {
            long now = System.nanoTime();
            if (now - readAt > QUEUE_TTL_NS) {
                pending = CompileQueue.pendingPackages();
                readAt = System.nanoTime();
            }
            String name = family.name();
            return pending.contains(name.substring(0, name.indexOf('.')));
        }
    }

    /**
     * Warms the named families (all when none is named) on {@code kinds}, or, when {@code kinds} is null, on
     * the kinds an unpinned call of that family can run on here; see {@code Backends.warmUp}.
     *
     * @throws IllegalArgumentException if budget is negative or a name matches no family or domain
     */
    public static WarmUpReport run(Duration budget, Set<Backend> kinds, String... families) {
        Checks.notNull(budget, "budget");
        Checks.notNull(families, "families");
        if (budget.isNegative()) throw Checks.invalid("budget", budget, "be >= 0");
        long start = System.nanoTime();
        long deadline = start + Math.min(budget.toNanos(), Long.MAX_VALUE / 4);
        if (kinds != null && kinds.contains(Backend.VECTOR) && !kinds.contains(Backend.JAVA)) {
            kinds = EnumSet.copyOf(kinds);
            kinds.add(Backend.JAVA); // VECTOR's yardstick (Task.plausible)
        }
        List<Task> tasks = new ArrayList<>();
        int minCalls = Settling.jitMinCalls();
        for (KernelFamily f : select(families)) plan(f, kinds, minCalls, tasks);
        for (Task t : tasks) {
            if (t.kind != Backend.VECTOR) continue;
            for (Task r : tasks) if (r.family == t.family && r.kind == Backend.JAVA && r.outcome == null) t.reference = r;
        }
        List<Task> active = new ArrayList<>();
        for (Task t : tasks) if (t.outcome == null) active.add(t);
        Queue queue = new Queue();
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            boolean ran = false;
            for (int i = 0; i < active.size() && System.nanoTime() < deadline; i++) {
                Task t = active.get(i);
                int v = visit(t, deadline, queue);
                if (v == DONE) active.remove(i--);
                ran |= v == RAN;
            }
            // Every kind left has settled and waits for C2: give the compiler the core instead of spinning.
            if (!ran && !active.isEmpty() && !pause(Math.min(QUEUE_TTL_NS, deadline - System.nanoTime()))) break;
        }
        List<Entry> entries = new ArrayList<>(tasks.size());
        for (Task t : tasks) entries.add(t.entry());
        return new WarmUpReport(budget, Duration.ofNanos(System.nanoTime() - start), entries);
    }

    /** What a visit did: finished the kind, made calls, or made none (it waits for C2). */
    private static final int DONE = 0, RAN = 1, WAITING = 2;

    /**
     * One round-robin visit: calls until the kind is done, the slice is over or the deadline passes. A kind
     * whose time has settled makes no more calls while the JIT compiles its package (they would teach the JIT
     * nothing); one that is still implausibly slow for VECTOR goes on calling.
     */
    private static int visit(Task t, long deadline, Queue queue) {
        if (t.settled) {
            if (queue.pending(t.family)) return WAITING;
            if (t.plausible()) return steady(t);
        }
        long sliceEnd = Math.min(deadline, System.nanoTime() + SLICE_NS);
        do {
            KernelSet<?> set = t.family.boundSet();
            if (set != null && set.hasFailed(t.kind)) {
                t.outcome = Outcome.SKIPPED;
                t.detail = "failed at run time in this JVM; not chosen";
                return DONE;
            }
            int shape = t.next();
            long t0 = System.nanoTime();
            try {
                t.shapes.get(shape).accept(t.kind);
            } catch (RuntimeException | LinkageError e) {
                t.timeNs += System.nanoTime() - t0;
                t.calls++;
                t.outcome = Outcome.FAILED;
                t.detail = LoadReasons.oneLine(e.toString());
                return DONE;
            }
            // Once settled, a kind stays settled; it is done when its package has nothing left to compile.
            if (t.settled |= t.record(shape, System.nanoTime() - t0)) {
                if (queue.pending(t.family)) return RAN;
                if (t.plausible()) return steady(t);
            }
        } while (System.nanoTime() < sliceEnd);
        return RAN;
    }

    private static int steady(Task t) {
        t.outcome = Outcome.STEADY;
        return DONE;
    }

    /** Sleeps {@code ns}; false when interrupted (the interrupt is kept, and the warm-up ends early). */
    private static boolean pause(long ns) {
        if (ns <= 0) return true;
        try {
            Thread.sleep(Duration.ofNanos(ns));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The families named (a family's name, or a domain prefix such as "linalg"), in registry order. */
    private static List<KernelFamily> select(String... names) {
        if (names.length == 0) return KernelFamilies.all();
        for (int i = 0; i < names.length; i++) {
            String n = Checks.notNull(names[i], "families[" + i + "]");
            boolean any = false;
            for (KernelFamily f : KernelFamilies.all()) any |= matches(f, n);
            if (!any) {
                throw Checks.invalid("families[" + i + "]", "'" + n + "'",
                        "name a kernel family or its domain (as listed by Backends.operations(), e.g. linalg.gemm or linalg)");
            }
        }
        List<KernelFamily> out = new ArrayList<>();
        for (KernelFamily f : KernelFamilies.all()) {
            for (String n : names) {
                if (matches(f, n)) {
                    out.add(f);
                    break;
                }
            }
        }
        return out;
    }

    private static boolean matches(KernelFamily f, String name) {
        return f.name().equals(name) || f.name().startsWith(name.endsWith(".") ? name : name + ".");
    }

    /** Adds {@code f}'s tasks: one per kind warmed, and a skipped entry, with why, per kind that is not. */
    private static void plan(KernelFamily f, Set<Backend> kinds, int minCalls, List<Task> tasks) {
        String none = WarmUpCases.noCase(f);
        List<Consumer<Backend>> call = none == null ? WarmUpCases.of(f) : null;
        if (call == null && none == null) none = "no representative call is registered for it (WarmUpCases)";
        for (Backend kind : Backend.values()) {
            String skip = kinds != null ? pinnedSkip(f, kind, kinds) : automaticSkip(f, kind);
            if ("".equals(skip)) continue;
            Task t = new Task(f, kind, call, minCalls);
            if (skip == null) skip = none;
            if (skip != null) {
                t.outcome = Outcome.SKIPPED;
                t.detail = skip;
            }
            tasks.add(t);
        }
    }

    /** Explicit kinds: "" (leave out: not asked for), a reason it is skipped, or null (warm it). */
    private static String pinnedSkip(KernelFamily f, Backend kind, Set<Backend> kinds) {
        if (!kinds.contains(kind)) return "";
        if (!f.kinds().contains(kind)) return "the family has no " + kind + " kernel (it has " + f.kinds() + ")";
        BackendStatus st = f.status(kind);
        return st.available() ? null : "unavailable: " + st.detail();
    }

    /**
     * Automatic choice: "" (leave out), a reason, or null (warm it). JAVA is always warmed; under a forced
     * kind ({@code sxn.backend}) that the family has, only that one; otherwise the kinds whose crossover
     * lets the automatic choice reach them.
     */
    private static String automaticSkip(KernelFamily f, Backend kind) {
        Optional<Backend> forced = Config.forcedBackend();
        if (forced.isPresent() && f.kinds().contains(forced.get())) {
            if (kind != forced.get()) return "";
            BackendStatus st = f.status(kind);
            return st.available() ? null : "forced by sxn.backend but unavailable: " + st.detail();
        }
        if (kind == Backend.JAVA) return null;
        return f.crossover(kind) == Crossovers.NEVER ? "" : null;
    }
}
