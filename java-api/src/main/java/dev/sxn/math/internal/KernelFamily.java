package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.BackendStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What one kernel family is: its name, the kernel class of each kind beyond JAVA, and the sizes from
 * which each kind is chosen automatically. Every family the library has is declared once, in
 * {@link KernelFamilies}; a facade binds its family to the kernel interface with
 * {@link KernelSet#of(KernelFamily, Class, Object)} and dispatches through that.
 *
 * <p>Kernel classes are named, not referenced, so that a class linking against an optional module
 * (Vector API, JOCL) is loaded only when its kind was detected as available. Crossover sizes are not
 * code: they come from the resource {@code crossovers.properties} beside this class (see
 * {@link Crossovers}), overridable per JVM with {@code -Dsxn.crossover.<family>.<kind>=N}.
 *
 * <p>Immutable except for the link to its bound {@link KernelSet}; thread-safe.
 */
public final class KernelFamily {
    private final String name;
    private final Map<Backend, String> classNames;
    // Defaults given in code: only for families made by tests (production families read the resource).
    private final Map<Backend, long[]> codeCrossovers;
    // The NATIVE kernel calls OpenBLAS/LAPACKE only (not libsxnkernels): the two load separately, so its
    // availability is OpenBLAS's, whatever libsxnkernels did.
    private final boolean nativeOnOpenBlas;
    // Per kind ordinal: the crossover, or UNRESOLVED until first needed (resolving needs that kind's detection).
    private volatile long[] resolved = unresolved();
    // The configured crossovers, read once without detecting anything; null until first needed.
    private volatile Configured configured;
    private volatile KernelSet<?> bound;

    private KernelFamily(Builder b) {
        this.name = b.name;
        this.classNames = Collections.unmodifiableMap(new EnumMap<>(b.classNames));
        this.codeCrossovers = b.crossovers.isEmpty() ? null : Collections.unmodifiableMap(new EnumMap<>(b.crossovers));
        this.nativeOnOpenBlas = b.nativeOnOpenBlas;
    }

    /** Starts the declaration of the family {@code name} (for example {@code "linalg.gemm"}). */
    static Builder named(String name) {
        return new Builder(name);
    }

    /** Declares a family. */
    static final class Builder {
        private final String name;
        private final Map<Backend, String> classNames = new EnumMap<>(Backend.class);
        private final Map<Backend, long[]> crossovers = new EnumMap<>(Backend.class);
        private boolean nativeOnOpenBlas;

        private Builder(String name) {
            this.name = name;
        }

        /** Adds the kernel class of {@code kind} (fully qualified name); its crossover comes from the resource. */
        Builder with(Backend kind, String className) {
            if (kind == Backend.JAVA) throw new IllegalArgumentException("the JAVA kernel is given when the family is bound");
            classNames.put(kind, className);
            return this;
        }

        /** Adds a kernel class with its crossovers given here: for families made by tests only. */
        Builder with(Backend kind, String className, long cpuCrossover, long gpuCrossover) {
            with(kind, className);
            crossovers.put(kind, new long[] {cpuCrossover, gpuCrossover});
            return this;
        }

        /** Declares that the NATIVE kernel needs OpenBLAS/LAPACKE, not libsxnkernels (see {@link #status}). */
        Builder nativeOnOpenBlas() {
            nativeOnOpenBlas = true;
            return this;
        }

        /** The family. */
        KernelFamily build() {
            return new KernelFamily(this);
        }
    }

    /** The family's name, as used in {@code sxn.crossover.*} properties and in {@code Backends.describe()}. */
    public String name() {
        return name;
    }

    /** The kinds this family has kernels for (JAVA always). */
    public Set<Backend> kinds() {
        EnumSet<Backend> s = EnumSet.of(Backend.JAVA);
        s.addAll(classNames.keySet());
        return Collections.unmodifiableSet(s);
    }

    /** The kinds this family has kernels for that are available in this JVM: what a test should run. */
    public Set<Backend> availableKinds() {
        EnumSet<Backend> s = EnumSet.noneOf(Backend.class);
        for (Backend kind : kinds()) if (status(kind).available()) s.add(kind);
        return Collections.unmodifiableSet(s);
    }

    /**
     * Whether what this family's kernel of {@code kind} needs is available in this JVM, and why not: the kind's
     * own status ({@code Backends.status}), except for a NATIVE kernel on OpenBLAS/LAPACKE (linear algebra),
     * whose status is OpenBLAS's ({@code Backends.openBlas()}), since it does not call libsxnkernels.
     */
    public BackendStatus status(Backend kind) {
        return kind == Backend.NATIVE && nativeOnOpenBlas ? Detection.openBlas() : Detection.status(kind);
    }

    /** Which line of {@code Backends.describe()} gives the reason behind {@link #status}: the kind, or OPENBLAS. */
    String statusLine(Backend kind) {
        return kind == Backend.NATIVE && nativeOnOpenBlas ? "OPENBLAS" : kind.name();
    }

    /** The kernel class of {@code kind}, or null when the family has none (or kind is JAVA). */
    String className(Backend kind) {
        return classNames.get(kind);
    }

    /** The set bound to this family, or null before its facade's class is initialised (tests: InjectedFamilies). */
    KernelSet<?> boundSet() {
        return bound;
    }

    /**
     * Replaces {@code kind}'s crossover in this JVM and returns the one it replaces: for tests only
     * (InjectedFamilies), which route a family's automatic choice to a kernel they installed.
     */
    synchronized long replaceCrossover(Backend kind, long n) {
        long old = crossover(kind);
        long[] c = resolved.clone();
        c[kind.ordinal()] = n;
        resolved = c;
        Configured k = configured();
        long[] floor = k.floor().clone();
        floor[kind.ordinal()] = n; // a floor equal to the crossover is exact
        configured = new Configured(k.cpu(), k.gpu(), floor);
        return old;
    }

    /** Drops the resolved crossovers, so the next call resolves them again ({@link Crossovers#reload()}). */
    synchronized void forgetCrossovers() {
        configured = null;
        resolved = unresolved();
    }

    /**
     * The size from which {@code kind} is chosen automatically; {@link Crossovers#NEVER} if it is not (no
     * kernel, kind unavailable, or never measured to win). Resolved once per kind, on first use (which
     * detects that kind): the value in force ({@link Crossovers#active()}: this machine's calibration, else the
     * shipped value for this CPU family and device type; OPENCL on a GPU has its own), or
     * {@code -Dsxn.crossover.<family>.<kind>} when set before that.
     */
    public long crossover(Backend kind) {
        long c = resolved[kind.ordinal()];
        return c != UNRESOLVED ? c : resolve(kind);
    }

    /**
     * Whether a call of size {@code n} may choose {@code kind}: its crossover is {@code <= n}. The kind is
     * detected (and its crossover resolved) only when its crossover on some device could be {@code <= n}, so a
     * small call never loads a native library or probes OpenCL that it could not use.
     */
    boolean reaches(Backend kind, long n) {
        Configured k = configured;
        if (k == null) k = configured();
        return n >= k.floor()[kind.ordinal()] && n >= crossover(kind);
    }

    private static final long UNRESOLVED = -1;

    private static long[] unresolved() {
        long[] c = new long[Backend.values().length];
        java.util.Arrays.fill(c, UNRESOLVED);
        c[Backend.JAVA.ordinal()] = 0;
        return c;
    }

    private long resolve(Backend kind) {
        Configured k = configured();
        // Detected outside the lock: probing OpenCL for one kind must not hold up a call resolving another.
        long v = !classNames.containsKey(kind) || !status(kind).available() ? Crossovers.NEVER
                : (kind == Backend.OPENCL && OpenClSupport.isGpu() ? k.gpu() : k.cpu())[kind.ordinal()];
        synchronized (this) {
            long[] c = resolved;
            if (c[kind.ordinal()] != UNRESOLVED) return c[kind.ordinal()]; // another thread, or a test's replacement
            c = c.clone();
            c[kind.ordinal()] = v;
            resolved = c;
        }
        return v;
    }

    /**
     * The crossovers as configured, per kind ordinal, for CPU and GPU devices (they differ only for OPENCL), and
     * the smaller of the two: below it no device lets a call choose the kind, so the call need not detect it.
     */
    private record Configured(long[] cpu, long[] gpu, long[] floor) {}

    private synchronized Configured configured() {
        if (configured != null) return configured;
        int kinds = Backend.values().length;
        long[] cpu = new long[kinds], gpu = new long[kinds], floor = new long[kinds];
        for (Backend kind : Backend.values()) {
            int k = kind.ordinal();
            if (kind == Backend.JAVA) continue;
            cpu[k] = classNames.containsKey(kind) ? configured(kind, false) : Crossovers.NEVER;
            gpu[k] = classNames.containsKey(kind) && kind == Backend.OPENCL ? configured(kind, true) : cpu[k];
            floor[k] = Math.min(cpu[k], gpu[k]);
        }
        configured = new Configured(cpu, gpu, floor);
        return configured;
    }

    /** The crossover of {@code kind} as configured for a device type: the property, else the default. */
    private long configured(Backend kind, boolean gpu) {
        long dflt;
        if (codeCrossovers != null && codeCrossovers.containsKey(kind)) dflt = codeCrossovers.get(kind)[gpu ? 1 : 0];
        else dflt = Crossovers.active().crossover(name, kind, gpu);
        return Config.longProperty("sxn.crossover." + name + "." + Config.key(kind), dflt);
    }

    /** Called once by {@link KernelSet#of}: the set that dispatches this family's calls. */
    void bind(KernelSet<?> set) {
        synchronized (this) {
            if (bound != null) throw new IllegalStateException("family " + name + " is already bound to a kernel interface");
            bound = set;
        }
    }

    /**
     * One line for {@code Backends.describe()}: each kind with what a call gets from it. An available kind
     * shows the size it is chosen from ("n >= 48", nothing when from any size) or "pinned only" (never chosen
     * automatically); an unavailable one says so and points at the line with the reason ("unavailable: see
     * OPENBLAS above"), or gives the reason when its kernel class failed to load. Then the kinds that failed at run
     * time in this JVM, and the kinds the family lacks.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(name).append(": JAVA");
        KernelSet<?> set = bound;
        for (Backend kind : classNames.keySet()) {
            sb.append(", ").append(kind);
            String loadFailure = set == null ? null : set.loadFailure(kind);
            if (!status(kind).available()) {
                sb.append(" (unavailable: see ").append(statusLine(kind)).append(" above)");
            } else if (loadFailure != null) {
                sb.append(" (unavailable: ").append(loadFailure).append(')');
            } else {
                long c = crossover(kind);
                sb.append(c == Crossovers.NEVER ? " (pinned only)" : c == 0 ? "" : " (n >= " + c + ")");
            }
            if (set != null && set.hasFailed(kind)) sb.append(" [failed at run time; not chosen]");
        }
        EnumSet<Backend> lacks = EnumSet.complementOf(EnumSet.copyOf(kinds()));
        if (!lacks.isEmpty()) sb.append("; lacks ").append(lacks);
        return sb.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
