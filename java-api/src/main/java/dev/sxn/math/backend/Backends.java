package dev.sxn.math.backend;

import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.Config;
import dev.sxn.math.internal.Crossovers;
import dev.sxn.math.internal.Detection;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelFamily;
import dev.sxn.math.internal.OpenClSupport;
import dev.sxn.math.internal.WarmUp;
import dev.sxn.math.internal.calibration.Calibrator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which backend kinds this JVM can run, and why the others cannot.
 *
 * <p>Detection runs once per kind, lazily: a kind is detected when a call could choose it (its crossover is
 * within the call's size), is pinned to it, or asks for its status here; {@link #statuses()},
 * {@link #available()} and {@link #describe()} detect every kind. Each kind is checked in order of cost: switched off by {@code sxn.disable} / {@code SXN_DISABLE}; then
 * VECTOR: {@code jdk.incubator.vector} in the boot layer and HotSpot's C2 compiler; NATIVE:
 * libsxnkernels extracted, verified and loaded (OpenBLAS/LAPACKE is reported on its own by
 * {@link #openBlas()}); OPENCL: JOCL present, an ICD loader, a platform and a device with fp64.
 *
 * <p>A kind can be forced for every operation with {@code -Dsxn.backend=KIND} or
 * {@code SXN_BACKEND=KIND}; forcing a kind that is unavailable makes every kernel call throw,
 * naming why. All methods are thread-safe.
 */
public final class Backends {
    private Backends() {}

    /** The library's version (the Maven project version of this build). */
    public static String libraryVersion() {
        return dev.sxn.math.internal.Version.VERSION;
    }

    /** The status of {@code kind}: available or not, and the detail or reason. */
    public static BackendStatus status(Backend kind) {
        return Detection.status(kind);
    }

    /** The status of every kind, in the order JAVA, VECTOR, NATIVE, OPENCL. */
    public static List<BackendStatus> statuses() {
        return List.copyOf(Detection.statuses().values());
    }

    /** The kinds available in this JVM (always contains JAVA). */
    public static Set<Backend> available() {
        EnumSet<Backend> s = EnumSet.noneOf(Backend.class);
        for (BackendStatus st : Detection.statuses().values()) if (st.available()) s.add(st.kind());
        return Collections.unmodifiableSet(s);
    }

    /** Whether {@code kind} is available in this JVM. */
    public static boolean isAvailable(Backend kind) {
        return Detection.status(kind).available();
    }

    /**
     * OpenBLAS/LAPACKE, the second half of NATIVE, loaded apart from libsxnkernels: which library is in use, or
     * why none is. Linear algebra's NATIVE kernels need only this one ({@link #status} of NATIVE is
     * libsxnkernels, which every other NATIVE kernel needs).
     */
    public static BackendStatus openBlas() {
        return Detection.openBlas();
    }

    /**
     * The kind forced by {@code sxn.backend} / {@code SXN_BACKEND}, if any.
     *
     * @throws IllegalArgumentException if the setting names no kind
     * @throws IllegalStateException if the forced kind is unavailable, naming why
     */
    public static Optional<Backend> forced() {
        return Detection.forced();
    }

    /**
     * One line per kernel family (the registry {@code KernelFamilies}): its kinds, each with the size from
     * which it is chosen automatically ("NATIVE (n >= 48)"), "pinned only" when it runs only where a call
     * pins it, or "unavailable: see X above" naming the status line with the reason (linear algebra's NATIVE
     * kernels need OpenBLAS, so theirs is OPENBLAS); then the kinds that failed at run time in this JVM and
     * the kinds it lacks.
     */
    public static List<String> operations() {
        List<String> out = new ArrayList<>();
        for (KernelFamily f : KernelFamilies.all()) out.add(f.describe());
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /**
     * Warms up every kernel family on the kinds an unpinned call can run on here:
     * {@link #warmUp(Duration, String...) warmUp(budget)} with no family named.
     */
    public static WarmUpReport warmUp(Duration budget) {
        return WarmUp.run(budget, null);
    }

    /**
     * Runs representative calls of the named kernel families until the JIT has compiled their kernels or
     * {@code budget} is spent, and says what it did.
     *
     * <p><b>Why.</b> A VECTOR kernel is fast only once HotSpot's C2 compiler has compiled it: until then the
     * Vector API runs its unintrinsified Java fallback, far slower than the plain-Java kernel, and C2 compiles
     * a method only after it has run often enough. So the first calls of a kernel in a fresh JVM can cost far
     * more than its steady state (bench/results/history/warmup.md measures it per kernel and backend), and the automatic
     * choice cannot avoid it: switching to JAVA until VECTOR is compiled would not compile VECTOR any sooner, and
     * where the two round differently it would change a result's last bits from one call to the next. A host
     * that knows which families it will use calls this once at start-up (or on a background thread before its
     * first latency-sensitive call) instead.
     *
     * <p><b>What runs.</b> Each family's representative call: a small public call of that family on seeded data,
     * alternating between two shapes where the kernel branches on the shape, pinned to each kind warmed.
     * The kinds are JAVA and every kind the automatic choice can pick here (available, with a crossover, not
     * failed at run time); under {@code sxn.backend}, the forced kind alone. Families whose calls run the
     * host's own code in their loops (user-written potentials, particle filters) are reported as skipped: a
     * warm-up with the library's callbacks would make the host's call sites polymorphic and slow them. The
     * kinds and families take turns in short slices, so the JIT compiles one while the next runs.
     *
     * <p><b>When it stops.</b> A kind is done when its call time has settled (the median of its last five calls
     * near its best, and the best no longer improving), the JIT has nothing of that family's package left to
     * compile (the {@code Compiler.queue} diagnostic command, read through the platform MBean server, whose first
     * use starts it), and, for VECTOR, its best call is within twice JAVA's: the library cannot ask the JIT
     * whether a method is compiled, so it reads these signs. When every kind is done, or the budget is spent, it returns. The
     * call in progress when the budget runs out is finished, so it may return later by one representative call;
     * backend detection, if no call has run it yet, runs first and counts against the budget. Paths a
     * representative call does not reach (NaN handling, other integrators or potentials) are compiled when a
     * host's call first takes them.
     *
     * <p>Never throws for a kind: an unavailable kind, a kernel that fails to load and a call that throws are
     * entries of the report. An interrupt of the calling thread ends it early (the interrupt stays set). Thread-safe (the calls use their own data); it does not change which kind later
     * calls choose. Cost: at most {@code budget} plus one call, on the calling thread.
     *
     * @param budget the longest the warm-up should take (wall clock), {@code >= 0}
     * @param families family names as {@link #operations()} lists them ({@code "linalg.gemm"}) or a domain prefix
     *     ({@code "linalg"}, {@code "indicators"}); none: every family
     * @return one entry per family and kind: calls made, time spent, and whether the time settled
     * @throws IllegalArgumentException if budget is negative or a name matches no family
     */
    public static WarmUpReport warmUp(Duration budget, String... families) {
        return WarmUp.run(budget, null, families);
    }

    /**
     * {@link #warmUp(Duration, String...)} on the given kinds instead of those the automatic choice can pick:
     * for hosts that pin calls to a kind. A kind that is unavailable, or that a family lacks, is an entry
     * saying so. JAVA is warmed along with VECTOR, as its yardstick (a VECTOR kernel is not taken as compiled
     * while it is much slower than JAVA on the same call).
     *
     * @throws IllegalArgumentException if budget is negative, kinds is empty, or a name matches no family
     */
    public static WarmUpReport warmUp(Duration budget, Set<Backend> kinds, String... families) {
        if (Checks.notNull(kinds, "kinds").isEmpty()) throw Checks.invalid("kinds", kinds, "name at least one kind");
        return WarmUp.run(budget, EnumSet.copyOf(kinds), families);
    }

    /**
     * A multi-line report: each kind with its detail or reason, OpenBLAS, the OpenCL devices, where the
     * crossovers in force come from (this machine's {@code sxn calibrate}, or the shipped values for its CPU
     * family), and per operation which kinds it has. This is what {@code sxn info} prints.
     */
    public static String describe() {
        StringBuilder sb = new StringBuilder();
        for (BackendStatus s : statuses()) sb.append(s).append('\n');
        BackendStatus blas = openBlas();
        sb.append("OPENBLAS: ").append(blas.available() ? blas.detail() : "unavailable: " + blas.detail()).append('\n');
        for (String d : OpenClSupport.listDevices()) sb.append("  OpenCL device: ").append(d).append('\n');
        Config.forcedBackend().ifPresent(f -> sb.append("forced: ").append(f).append(" (sxn.backend / SXN_BACKEND)\n"));
        sb.append("crossovers: ").append(Crossovers.active().describe()).append('\n');
        sb.append("operations:\n");
        for (String op : operations()) sb.append("  ").append(op).append('\n');
        return sb.toString();
    }

    /**
     * Measures on this machine, within {@code budget}, from which problem size each backend kind is chosen
     * automatically in each kernel family, stores the result in the user's cache (beside the native libraries:
     * {@code sxn.native.dir}, else {@code $XDG_CACHE_HOME/sxn-math}, else {@code ~/.cache/sxn-math}) and puts it in
     * force: in this JVM at once, and in every later one on this CPU with this library version, unless
     * {@code sxn.crossovers=shipped}. What it could not measure in time keeps its shipped value, and so does
     * everything on a machine too busy to let the kernels reach a steady, compiled time: run it on an otherwise
     * idle machine. This is {@code sxn calibrate} (default budget 50 s). Calibrates VECTOR and NATIVE, and
     * OPENCL when its device is a GPU.
     *
     * <p>Each kernel is warmed up until its time per call is steady (compiled by C2) before it is timed; JAVA is
     * the reference. A kind's crossover is the smallest size from which it is no slower than JAVA and the kinds
     * it would displace, at every larger size measured; "never" when it is slower at the largest.
     *
     * @param budget the time to spend measuring (detection comes first), in [1 ms, 1 hour]; it may be overrun by
     *     about one call per family and kind
     * @return what was measured, beside the shipped values, and where it was stored
     * @throws IllegalArgumentException if the budget is out of range or a setting is invalid
     */
    public static Calibration calibrate(Duration budget) {
        return calibrate(budget, null, line -> {});
    }

    /**
     * {@link #calibrate(Duration)} for the given kinds, telling {@code progress} one line per family as it is done.
     *
     * @param kinds the kinds to calibrate, or null for the default ones (JAVA is always the reference; unavailable kinds
     *     are reported, not measured)
     */
    public static Calibration calibrate(Duration budget, Set<Backend> kinds, Consumer<String> progress) {
        return Calibrator.calibrate(budget, kinds == null ? Calibrator.defaultKinds() : kinds, progress);
    }
}
