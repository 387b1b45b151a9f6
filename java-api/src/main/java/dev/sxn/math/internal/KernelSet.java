package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.BackendStatus;
import java.lang.reflect.Constructor;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The kernels of one {@link KernelFamily}, bound to its kernel interface {@code K}, and the one place
 * where a call is dispatched: {@link #call} and {@link #run}.
 *
 * <p>The JAVA kernel is given as an object; every other kind's class is loaded reflectively on first use,
 * so a class that links against an optional module (Vector API, JOCL) is never touched unless its kind was
 * detected as available. A kernel class needs a no-argument constructor; it may be package-private.
 *
 * <p><b>Choice</b>, per call of size {@code n} (what the size counts is the family's, see
 * {@code crossovers.properties}):
 * <ol>
 *   <li>a kind pinned by the call runs, whatever the size;
 *   <li>else a kind forced by {@code sxn.backend} that this family has runs; one it lacks is logged once and
 *       the family makes its own choice;
 *   <li>else OPENCL, NATIVE, VECTOR in that order: the first that is available, whose crossover is
 *       {@code <= n}, that has not failed at run time in this JVM, and that the call's predicate accepts
 *       (a kernel may say it has no fast path for this call's parameters). A kind is detected (its library
 *       loaded, OpenCL probed) only when its crossover on some device could be {@code <= n}
 *       ({@link KernelFamily#reaches});
 *   <li>else JAVA.
 * </ol>
 *
 * <p><b>Failures</b>, one policy for every family:
 * <ul>
 *   <li>{@link IllegalArgumentException} and {@link ArithmeticException} are about the call's data (every
 *       kind would raise them): they pass through;
 *   <li>any other failure ({@link RuntimeException} or {@link LinkageError}) of a non-JAVA kernel on a call
 *       that was neither pinned nor forced is logged once, that kind is no longer chosen for this family,
 *       and the call is re-run on JAVA; a pinned or forced call raises it.
 * </ul>
 * The retry asks the operation to be re-runnable: it must write every output it reads back, or
 * (re)initialise it before the kernel runs; kernels that work in place write their data only after their
 * work succeeded. Then the retried call's outputs are exactly JAVA's.
 *
 * <p>Thread-safe; {@link #call} and {@link #run} allocate nothing beyond what the operation does.
 *
 * @param <K> the kernel interface
 */
public final class KernelSet<K> {
    private static final Backend[] PREFERENCE = {Backend.OPENCL, Backend.NATIVE, Backend.VECTOR};
    private static final Backend[] KINDS = Backend.values(); // values() clones its array on every call

    private final KernelFamily family;
    private final Class<K> type;
    private final K javaKernel;
    // Per kind (by ordinal): the loaded kernel, or a String saying why it cannot load. Read without
    // locking on every call; written once per kind under the lock in load() (and by tests, replaceKernel).
    private final AtomicReferenceArray<Object> loaded = new AtomicReferenceArray<>(KINDS.length);
    // Bit per kind ordinal: failed during an unpinned call, so no longer chosen. Read on every call, lock-free.
    private volatile int failedAtRunTime;

    private KernelSet(KernelFamily family, Class<K> type, K javaKernel) {
        this.family = family;
        this.type = type;
        this.javaKernel = javaKernel;
        loaded.set(Backend.JAVA.ordinal(), javaKernel);
    }

    /**
     * Binds {@code family} to its kernel interface: the set the facade dispatches through. Each family is
     * bound once, by its facade's static initialiser.
     *
     * @throws IllegalStateException if the family is already bound
     */
    public static <K> KernelSet<K> of(KernelFamily family, Class<K> type, K javaKernel) {
        KernelSet<K> set = new KernelSet<>(family, type, type.cast(javaKernel));
        family.bind(set);
        return set;
    }

    /** The family this set dispatches. */
    public KernelFamily family() {
        return family;
    }

    /** The plain-Java kernel. */
    public K java() {
        return javaKernel;
    }

    // ------------------------------------------------------------------ dispatch

    /**
     * Runs {@code op} on the kernel chosen for a call of size {@code size} ({@code pinned} non-null: on that
     * kind, or throws) and returns its result, under the failure policy of this class.
     *
     * @throws IllegalArgumentException if {@code pinned} is a kind this family has no kernel of
     * @throws IllegalStateException if {@code pinned} (or the forced kind) is unavailable here, naming why
     */
    public <R> R call(Backend pinned, long size, Function<? super K, ? extends R> op) {
        return call(pinned, size, null, op);
    }

    /**
     * {@link #call(Backend, long, Function)} where the automatic choice also asks {@code eligible} of each
     * candidate kernel beyond JAVA (null: every kernel is eligible). A pinned or forced kind is not asked.
     */
    public <R> R call(Backend pinned, long size, Predicate<? super K> eligible, Function<? super K, ? extends R> op) {
        Backend kind = pinned != null ? pinned : choose(size, eligible);
        try {
            return op.apply(kernel(kind));
        } catch (RuntimeException | LinkageError e) {
            return op.apply(recover(pinned, kind, e));
        }
    }

    /** {@link #call(Backend, long, Function)} for a {@code double} result, without boxing it. */
    public double callDouble(Backend pinned, long size, ToDoubleFunction<? super K> op) {
        Backend kind = pinned != null ? pinned : choose(size, null);
        try {
            return op.applyAsDouble(kernel(kind));
        } catch (RuntimeException | LinkageError e) {
            return op.applyAsDouble(recover(pinned, kind, e));
        }
    }

    /** {@link #call(Backend, long, Function)} for an operation without a result; returns the kind that ran it. */
    public Backend run(Backend pinned, long size, Consumer<? super K> op) {
        return run(pinned, size, null, op);
    }

    /**
     * {@link #call(Backend, long, Predicate, Function)} for an operation without a result; returns the kind
     * that ran it (JAVA after a fallback).
     */
    public Backend run(Backend pinned, long size, Predicate<? super K> eligible, Consumer<? super K> op) {
        Backend kind = pinned != null ? pinned : choose(size, eligible);
        try {
            op.accept(kernel(kind));
            return kind;
        } catch (RuntimeException | LinkageError e) {
            op.accept(recover(pinned, kind, e));
            return Backend.JAVA;
        }
    }

    /**
     * The failure policy, kept out of the call path (the dispatch methods stay small enough for C2 to inline
     * them, and their operation lambdas with them, into each facade). Raises {@code e} when it is about the
     * call's data (IllegalArgumentException, ArithmeticException: every kind would raise it), when the failing
     * kind is JAVA, was pinned by the call, or is the kind {@code sxn.backend} forces; otherwise the kind is
     * logged once and no longer chosen, and the JAVA kernel is returned for the retry.
     */
    private K recover(Backend pinned, Backend kind, Throwable e) {
        if (e instanceof IllegalArgumentException || e instanceof ArithmeticException || kind == Backend.JAVA || pinned != null
                || kind == forcedKind()) {
            if (e instanceof RuntimeException r) throw r;
            throw (Error) e;
        }
        synchronized (this) {
            failedAtRunTime |= 1 << kind.ordinal();
        }
        Log.once(family + "/failed/" + kind, System.Logger.Level.WARNING,
                family + ": the " + kind + " kernel failed (" + e + "); falling back to JAVA for this family");
        return javaKernel;
    }

    /**
     * The kind an unpinned call of size {@code n} runs on (before any run-time failure): the forced kind if
     * this family has it, else the automatic choice.
     */
    public Backend choose(long n) {
        return choose(n, null);
    }

    /** {@link #choose(long)} where the automatic choice also asks {@code eligible} of each candidate kernel. */
    public Backend choose(long n, Predicate<? super K> eligible) {
        Backend forced = forcedKind();
        return forced != null ? forced : automatic(n, eligible);
    }

    private Backend automatic(long n, Predicate<? super K> eligible) {
        for (Backend kind : PREFERENCE) {
            if ((failedAtRunTime & 1 << kind.ordinal()) != 0 || !family.reaches(kind, n)) continue;
            Object k = loadedOrLoad(kind);
            if (type.isInstance(k) && (eligible == null || eligible.test(type.cast(k)))) return kind;
        }
        return Backend.JAVA;
    }

    /**
     * The kind forced by {@code sxn.backend} / {@code SXN_BACKEND} when this family has a usable kernel of
     * it, else null (a forced kind the family lacks is logged once).
     *
     * @throws IllegalStateException if the forced kind is unavailable altogether, naming why
     */
    private Backend forcedKind() {
        Optional<Backend> f = Detection.forced();
        if (f.isEmpty()) return null;
        Backend forced = f.get();
        if (forced == Backend.JAVA || type.isInstance(loadedOrLoad(forced))) return forced;
        Log.once(family + "/" + forced, System.Logger.Level.INFO,
                family + " has no usable " + forced + " kernel; it runs on its own choice of backend");
        return null;
    }

    /**
     * The kernel of {@code kind}, for a pinned call.
     *
     * @throws IllegalArgumentException if this family has no kernel of that kind
     * @throws IllegalStateException if the kind is unavailable here, naming why
     */
    public K kernel(Backend kind) {
        Object k = loaded.get(kind.ordinal());
        if (k == null) {
            if (family.className(kind) == null) {
                throw new IllegalArgumentException(family + " has no " + kind + " kernel (it has " + family.kinds() + ")");
            }
            k = load(kind);
        }
        if (type.isInstance(k)) return type.cast(k);
        throw new IllegalStateException(kind + " unavailable for " + family + ": " + k);
    }

    /** Whether {@code kind} failed during an unpinned call in this JVM (and so is no longer chosen). */
    public boolean hasFailed(Backend kind) {
        return (failedAtRunTime & 1 << kind.ordinal()) != 0;
    }

    /**
     * Why the kernel class of {@code kind} could not be loaded although its kind is available (its constructor
     * threw, for instance), or null: not tried yet, loaded, or the kind is unavailable (its status says why).
     */
    String loadFailure(Backend kind) {
        Object k = loaded.get(kind.ordinal());
        return k instanceof String s && family.status(kind).available() ? s : null;
    }

    // ---- test support: package-private, called only by tests (InjectedFamilies) to install a failing kernel; never
    // on a call path

    /** Makes {@code kernel} this set's entry for {@code kind} (a kernel, a reason it cannot load, or null: load on use); returns the old entry. */
    synchronized Object replaceKernel(Backend kind, Object kernel) {
        return loaded.getAndSet(kind.ordinal(), kernel);
    }

    /** Sets or clears the mark that {@code kind} failed at run time (so is not chosen). */
    synchronized void markFailed(Backend kind, boolean failed) {
        failedAtRunTime = failed ? failedAtRunTime | 1 << kind.ordinal() : failedAtRunTime & ~(1 << kind.ordinal());
    }

    private Object loadedOrLoad(Backend kind) {
        Object k = loaded.get(kind.ordinal());
        if (k != null) return k;
        return family.className(kind) == null ? null : load(kind);
    }

    private synchronized Object load(Backend kind) {
        Object k = loaded.get(kind.ordinal());
        if (k != null) return k;
        BackendStatus status = family.status(kind);
        if (!status.available()) {
            k = status.detail();
        } else {
            String name = family.className(kind);
            try {
                Constructor<?> c = Class.forName(name).getDeclaredConstructor();
                c.setAccessible(true);
                k = c.newInstance();
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                k = "loading " + name + " failed: " + LoadReasons.oneLine(cause.toString()); // describe() shows it
            }
        }
        loaded.set(kind.ordinal(), k);
        return k;
    }
}
