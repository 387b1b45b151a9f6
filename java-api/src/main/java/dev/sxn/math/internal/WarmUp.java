package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.BackendStatus;
import dev.sxn.math.backend.WarmUpReport;
import dev.sxn.math.backend.WarmUpReport.Entry;
import dev.sxn.math.backend.WarmUpReport.Outcome;
import java.time.Duration;
import java.util.ArrayList;
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
 * so a kind is done when its call time has settled ({@link Settling}) and no method of its family's package
 * is being compiled or waits to be ({@link CompileQueue}): a time that settles while C2 still compiles the
 * kernel is C1's, not the final one. (By package, not family: the queue names methods, and a family's
 * kernel classes are its package's.)
 *
 * <p>Never throws for a kind: an unavailable kind, a kernel that fails to load or a call that throws is an
 * entry saying so.
 */
public final class WarmUp {
    /** The longest one visit of the round-robin stays with one kind (it always makes at least one call). */
    private static final long SLICE_NS = 20_000_000L;
    /** How long one reading of the compile queue is trusted (reading it formats every queue). */
    private static final long QUEUE_TTL_NS = 50_000_000L;

    private WarmUp() {}

    /** One family on one kind: its call and what the warm-up has seen of it. */
    private static final class Task {
        final KernelFamily family;
        final Backend kind;
        final Consumer<Backend> call;
        final Settling settling = new Settling();
        int calls;
        long timeNs;
        boolean settled;
        Outcome outcome;
        String detail = "";

        Task(KernelFamily family, Backend kind, Consumer<Backend> call) {
            this.family = family;
            this.kind = kind;
            this.call = call;
        }

        Entry entry() {
            return new Entry(family.name(), kind, calls, Duration.ofNanos(timeNs), outcome == null ? Outcome.BUDGET_SPENT : outcome,
                    detail);
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
        List<Task> tasks = new ArrayList<>();
        for (KernelFamily f : select(families)) plan(f, kinds, tasks);
        List<Task> active = new ArrayList<>();
        for (Task t : tasks) if (t.outcome == null) active.add(t);
        Queue queue = new Queue();
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            for (int i = 0; i < active.size() && System.nanoTime() < deadline; i++) {
                Task t = active.get(i);
                if (visit(t, deadline, queue)) active.remove(i--);
            }
        }
        List<Entry> entries = new ArrayList<>(tasks.size());
        for (Task t : tasks) entries.add(t.entry());
        return new WarmUpReport(budget, Duration.ofNanos(System.nanoTime() - start), entries);
    }

    /**
     * One round-robin visit: calls until the kind is done, the slice is over or the deadline passes; true
     * when done (steady, failed, or no longer chosen).
     */
    private static boolean visit(Task t, long deadline, Queue queue) {
        long sliceEnd = Math.min(deadline, System.nanoTime() + SLICE_NS);
        do {
            KernelSet<?> set = t.family.boundSet();
            if (set != null && set.hasFailed(t.kind)) {
                t.outcome = Outcome.SKIPPED;
                t.detail = "failed at run time in this JVM; not chosen";
                return true;
            }
            long t0 = System.nanoTime();
            try {
                t.call.accept(t.kind);
            } catch (RuntimeException | LinkageError e) {
                t.timeNs += System.nanoTime() - t0;
                t.calls++;
                t.outcome = Outcome.FAILED;
                t.detail = LoadReasons.oneLine(e.toString());
                return true;
            }
            long ns = System.nanoTime() - t0;
            t.timeNs += ns;
            t.calls++;
            // Once settled, a kind stays settled; it is done when its package has nothing left to compile.
            // Until then it yields the rest of its slice: more calls would teach the JIT nothing new.
            if (t.settled |= t.settling.record(ns)) {
                if (!queue.pending(t.family)) {
                    t.outcome = Outcome.STEADY;
                    return true;
                }
                return false;
            }
        } while (System.nanoTime() < sliceEnd);
        return false;
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
    private static void plan(KernelFamily f, Set<Backend> kinds, List<Task> tasks) {
        String none = WarmUpCases.noCase(f);
        Consumer<Backend> call = none == null ? WarmUpCases.of(f) : null;
        if (call == null && none == null) none = "no representative call is registered for it (WarmUpCases)";
        for (Backend kind : Backend.values()) {
            String skip = kinds != null ? pinnedSkip(f, kind, kinds) : automaticSkip(f, kind);
            if ("".equals(skip)) continue;
            Task t = new Task(f, kind, call);
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
