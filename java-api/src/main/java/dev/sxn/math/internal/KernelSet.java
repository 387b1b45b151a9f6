package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The kernels of one operation family, one per backend kind, and the per-call choice between them.
 *
 * <p>The JAVA kernel is given as an object; every other kind is given by class name and loaded
 * reflectively on first use, so a class that links against an optional module (Vector API, JOCL)
 * is never touched unless its kind was detected as available. A kernel class needs a no-argument
 * constructor; it may be package-private (same module).
 *
 * <p>Choice, per call, for a problem of size {@code n}:
 * <ol>
 *   <li>a forced kind ({@code sxn.backend}) that this family has is used; one it lacks is logged once
 *       and the family runs on its own best choice;
 *   <li>otherwise OPENCL, NATIVE, VECTOR in that order, the first that is available and whose measured
 *       crossover size is <= n (crossovers come from {@code BENCHMARKS.md}; override one with
 *       {@code -Dsxn.crossover.<operation>.<kind>=N});
 *   <li>otherwise JAVA.
 * </ol>
 * A kind whose kernel failed at run time (see {@link #fellBack}) is not chosen again automatically.
 *
 * <p>Thread-safe.
 */
public final class KernelSet<K> {
    /** Crossover meaning "never chosen automatically; only when pinned or forced". */
    public static final long NEVER = Long.MAX_VALUE;

    private static final List<KernelSet<?>> ALL = new CopyOnWriteArrayList<>();
    private static final Backend[] PREFERENCE = {Backend.OPENCL, Backend.NATIVE, Backend.VECTOR};

    private final String operation;
    private final Class<K> type;
    private final K javaKernel;
    private final Map<Backend, String> classNames;
    private final Map<Backend, long[]> crossovers; // {cpu-device, gpu-device}; equal except for OPENCL
    // Per kind (by ordinal): the loaded kernel, or a String saying why it cannot load. Read without
    // locking on every call; written once per kind under the lock in load().
    private final AtomicReferenceArray<Object> loaded = new AtomicReferenceArray<>(Backend.values().length);
    // Per kind: the crossover in force, resolved on first use (needs detection and the properties).
    private volatile long[] resolvedCrossovers;
    private final Set<Backend> failedAtRunTime = Collections.synchronizedSet(EnumSet.noneOf(Backend.class));

    private KernelSet(Builder<K> b) {
        this.operation = b.operation;
        this.type = b.type;
        this.javaKernel = b.javaKernel;
        this.classNames = Collections.unmodifiableMap(new EnumMap<>(b.classNames));
        this.crossovers = Collections.unmodifiableMap(new EnumMap<>(b.crossovers));
        ALL.add(this);
    }

    /** Starts a family named {@code operation} (e.g. {@code "linalg.VectorOps"}). */
    public static <K> Builder<K> builder(String operation, Class<K> type, K javaKernel) {
        return new Builder<>(operation, type, javaKernel);
    }

    /** Builder of a {@link KernelSet}. */
    public static final class Builder<K> {
        private final String operation;
        private final Class<K> type;
        private final K javaKernel;
        private final Map<Backend, String> classNames = new EnumMap<>(Backend.class);
        private final Map<Backend, long[]> crossovers = new EnumMap<>(Backend.class);

        private Builder(String operation, Class<K> type, K javaKernel) {
            this.operation = operation;
            this.type = type;
            this.javaKernel = javaKernel;
        }

        /** Adds a kernel class of {@code kind}, chosen automatically from size {@code crossover} on. */
        public Builder<K> with(Backend kind, String className, long crossover) {
            return withOpenCl(kind, className, crossover, crossover);
        }

        /** Adds an OPENCL kernel class with separate crossovers for CPU drivers (PoCL) and GPUs. */
        public Builder<K> withOpenCl(String className, long cpuCrossover, long gpuCrossover) {
            return withOpenCl(Backend.OPENCL, className, cpuCrossover, gpuCrossover);
        }

        private Builder<K> withOpenCl(Backend kind, String className, long cpu, long gpu) {
            if (kind == Backend.JAVA) throw new IllegalArgumentException("the JAVA kernel is given to builder()");
            classNames.put(kind, className);
            crossovers.put(kind, new long[] {cpu, gpu});
            return this;
        }

        /** The family. */
        public KernelSet<K> build() {
            return new KernelSet<>(this);
        }
    }

    /** The family's name. */
    public String operation() {
        return operation;
    }

    /** The kinds this family has kernels for (JAVA always). */
    public Set<Backend> kinds() {
        EnumSet<Backend> s = EnumSet.of(Backend.JAVA);
        s.addAll(classNames.keySet());
        return s;
    }

    /** The plain-Java kernel. */
    public K java() {
        return javaKernel;
    }

    /**
     * The kernel of {@code kind}, for a pinned call.
     *
     * @throws IllegalArgumentException if this family has no kernel of that kind
     * @throws IllegalStateException if the kind is unavailable here, naming why
     */
    public K kernel(Backend kind) {
        if (kind == Backend.JAVA) return javaKernel;
        Object k = loaded.get(kind.ordinal());
        if (k == null) {
            if (!classNames.containsKey(kind)) {
                throw new IllegalArgumentException(operation + " has no " + kind + " kernel (it has " + kinds() + ")");
            }
            k = load(kind);
        }
        if (type.isInstance(k)) return type.cast(k);
        throw new IllegalStateException(kind + " unavailable for " + operation + ": " + k);
    }

    /** Whether a call of size {@code n} would leave the JVM-only kinds: the kind {@link #choose} picks. */
    public Backend choose(long n) {
        Backend forced = Backends.forced().orElse(null);
        if (forced != null) {
            if (forced == Backend.JAVA || (classNames.containsKey(forced) && type.isInstance(loadedOrLoad(forced)))) return forced;
            Log.once(operation + "/" + forced, System.Logger.Level.INFO,
                    operation + " has no usable " + forced + " kernel; it runs on its own choice of backend");
        }
        long[] cross = crossovers();
        for (Backend kind : PREFERENCE) {
            if (n < cross[kind.ordinal()] || failedAtRunTime.contains(kind)) continue;
            if (type.isInstance(loadedOrLoad(kind))) return kind;
        }
        return Backend.JAVA;
    }

    /** The kernel {@link #choose(long)} picks for size {@code n}. */
    public K select(long n) {
        return kernel(choose(n));
    }

    /** Whether calls are pinned to one kind by {@code sxn.backend} (then failures must raise). */
    public boolean isForced() {
        return Backends.forced().isPresent();
    }

    /**
     * The size from which {@code kind} is chosen automatically; {@link #NEVER} if it is not (no kernel,
     * kind unavailable, or never measured to win). Resolved once, on first use: the default for the
     * device type, or {@code -Dsxn.crossover.<operation>.<kind>} when set before that.
     */
    public long crossover(Backend kind) {
        return crossovers()[kind.ordinal()];
    }

    private long[] crossovers() {
        long[] c = resolvedCrossovers;
        if (c == null) {
            c = new long[Backend.values().length];
            for (Backend kind : Backend.values()) {
                long[] d = crossovers.get(kind);
                if (kind == Backend.JAVA) c[kind.ordinal()] = 0;
                else if (d == null || !Backends.isAvailable(kind)) c[kind.ordinal()] = NEVER;
                else {
                    long dflt = kind == Backend.OPENCL && OpenClSupport.isGpu() ? d[1] : d[0];
                    c[kind.ordinal()] = Config.longProperty("sxn.crossover." + operation + "." + Config.key(kind), dflt);
                }
            }
            resolvedCrossovers = c;
        }
        return c;
    }

    private Object loadedOrLoad(Backend kind) {
        Object k = loaded.get(kind.ordinal());
        return k != null ? k : load(kind);
    }

    /**
     * Records that the {@code kind} kernel failed during an unpinned call (the caller then recomputes on
     * JAVA): logs it once and stops choosing that kind for this family.
     */
    public void fellBack(Backend kind, RuntimeException e) {
        failedAtRunTime.add(kind);
        Log.once(operation + "/failed/" + kind, System.Logger.Level.WARNING,
                operation + ": the " + kind + " kernel failed (" + e + "); falling back to JAVA for this family");
    }

    private synchronized Object load(Backend kind) {
        Object k = loaded.get(kind.ordinal());
        if (k != null) return k;
        if (!Backends.isAvailable(kind)) {
            k = Backends.status(kind).detail();
        } else {
            try {
                Constructor<?> c = Class.forName(classNames.get(kind)).getDeclaredConstructor();
                c.setAccessible(true);
                k = c.newInstance();
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                k = "loading " + classNames.get(kind) + " failed: " + cause;
            }
        }
        loaded.set(kind.ordinal(), k);
        return k;
    }

    /** One line for {@code Backends.describe()}: the kinds, crossovers and the kinds it lacks. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("JAVA");
        for (Backend kind : classNames.keySet()) {
            long c = crossover(kind);
            parts.add(kind + (c == NEVER ? " (pinned only)" : c == 0 ? "" : " (n >= " + c + ")"));
        }
        EnumSet<Backend> lacks = EnumSet.complementOf(EnumSet.copyOf(kinds()));
        return operation + ": " + String.join(", ", parts) + (lacks.isEmpty() ? "" : "; lacks " + lacks);
    }

    /** Every family created so far. */
    public static List<KernelSet<?>> all() {
        return List.copyOf(ALL);
    }
}
