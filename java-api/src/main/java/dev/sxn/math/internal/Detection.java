package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.BackendStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Detects each backend kind once per JVM, lazily and independently: a kind is detected the first time
 * something asks for it (a call that could choose it, a call pinned to it, {@code Backends.status}), and
 * its result, including the reason it is missing, is kept. So a call that can only run on JAVA or
 * VECTOR loads no native library and never probes OpenCL; {@link #statuses()} (what
 * {@code Backends.describe()} and {@code sxn info} report) detects every kind. The order of checks per
 * kind: switched off by {@code sxn.disable}, then what the kind needs, cheapest first.
 */
public final class Detection {
    private Detection() {}

    private static final Backend[] KINDS = Backend.values();
    // Per kind (by ordinal): its status once detected, else null. Not in a holder class's static initialiser:
    // a bad sxn.disable must make each call throw IllegalArgumentException naming it, not turn into
    // ExceptionInInitializerError and then NoClassDefFoundError for the life of the JVM; so nothing is kept
    // until a kind's detection succeeded.
    private static final AtomicReferenceArray<BackendStatus> STATUS = new AtomicReferenceArray<>(KINDS.length);
    // One lock per kind: a thread probing OpenCL does not hold up another that only needs VECTOR.
    private static final Object[] LOCKS = new Object[KINDS.length];

    static {
        for (int i = 0; i < LOCKS.length; i++) LOCKS[i] = new Object();
    }

    private static final Object OPENBLAS_LOCK = new Object();
    private static volatile Map<Backend, BackendStatus> all;
    private static volatile BackendStatus openBlasStatus;

    /**
     * The status of {@code kind}, detecting that kind alone on first use.
     *
     * @throws IllegalArgumentException if {@code sxn.disable} / {@code SXN_DISABLE} is invalid (on every call, until fixed)
     */
    public static BackendStatus status(Backend kind) {
        BackendStatus s = STATUS.get(kind.ordinal());
        if (s != null) return s;
        synchronized (LOCKS[kind.ordinal()]) {
            s = STATUS.get(kind.ordinal());
            if (s == null) {
                s = detect(kind);
                if (!s.available()) Log.logger().log(System.Logger.Level.DEBUG, s.toString());
                STATUS.set(kind.ordinal(), s);
            }
            return s;
        }
    }

    /**
     * The status of every kind, in enum order (detects every kind not yet detected).
     *
     * @throws IllegalArgumentException if {@code sxn.disable} / {@code SXN_DISABLE} is invalid (on every call, until fixed)
     */
    public static Map<Backend, BackendStatus> statuses() {
        Map<Backend, BackendStatus> m = all;
        if (m != null) return m;
        EnumMap<Backend, BackendStatus> e = new EnumMap<>(Backend.class);
        for (Backend kind : KINDS) e.put(kind, status(kind));
        all = m = Collections.unmodifiableMap(e);
        return m;
    }

    /**
     * The kind forced by {@code sxn.backend} / {@code SXN_BACKEND}, if any.
     *
     * @throws IllegalArgumentException if the setting names no kind
     * @throws IllegalStateException if the forced kind is unavailable, naming why
     */
    public static java.util.Optional<Backend> forced() {
        java.util.Optional<Backend> f = Config.forcedBackend();
        if (f.isPresent() && !usable(f.get())) {
            throw new IllegalStateException("sxn.backend / SXN_BACKEND forces " + f.get() + ", which is unavailable: "
                    + status(f.get()).detail());
        }
        return f;
    }

    // NATIVE is two libraries that load separately: forcing it is refused only when neither loaded (a family
    // whose NATIVE kernel needs the missing one then runs on its own choice, as for any kind it lacks).
    private static boolean usable(Backend kind) {
        return status(kind).available() || kind == Backend.NATIVE && openBlas().available();
    }

    /** The OpenBLAS half of NATIVE, reported on its own (kind NATIVE, detail names OpenBLAS); detected on first use. */
    public static BackendStatus openBlas() {
        BackendStatus s = openBlasStatus;
        if (s != null) return s;
        synchronized (OPENBLAS_LOCK) {
            if (openBlasStatus == null) openBlasStatus = detectOpenBlas();
            return openBlasStatus;
        }
    }

    /** The kinds detected so far in this JVM (for tests that a call detected only what it could use). */
    static Set<Backend> detectedKinds() {
        java.util.EnumSet<Backend> s = java.util.EnumSet.noneOf(Backend.class);
        for (Backend kind : KINDS) if (STATUS.get(kind.ordinal()) != null) s.add(kind);
        return s;
    }

    private static BackendStatus detect(Backend kind) {
        Set<Backend> off = Config.disabled(); // validated whichever kind is asked, so a bad value never goes unnoticed
        if (off.contains(kind)) return disabled(kind);
        return switch (kind) {
            case JAVA -> new BackendStatus(Backend.JAVA, true,
                    "plain Java, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            case VECTOR -> vector();
            case NATIVE -> nativeKernels();
            case OPENCL -> openCl();
        };
    }

    private static BackendStatus disabled(Backend kind) {
        return new BackendStatus(kind, false, "disabled by sxn.disable / SXN_DISABLE");
    }

    private static BackendStatus vector() {
        String why = VectorSupport.unavailableReason();
        if (why != null) return new BackendStatus(Backend.VECTOR, false, why);
        try {
            return new BackendStatus(Backend.VECTOR, true, VectorSupport.describe());
        } catch (ReflectiveOperationException | LinkageError e) {
            return new BackendStatus(Backend.VECTOR, false, "loading the Vector API failed: " + LoadReasons.oneLine(e.toString()));
        }
    }

    private static BackendStatus nativeKernels() {
        SxnNative.Library lib = SxnNative.library();
        if (lib == null) return new BackendStatus(Backend.NATIVE, false, SxnNative.unavailableReason());
        return new BackendStatus(Backend.NATIVE, true, "libsxnkernels (" + lib.isa() + ") from " + lib.path());
    }

    private static BackendStatus openCl() {
        String why = OpenClSupport.unavailableReason();
        if (why != null) return new BackendStatus(Backend.OPENCL, false, why);
        return new BackendStatus(Backend.OPENCL, true, OpenClSupport.describe());
    }

    private static BackendStatus detectOpenBlas() {
        OpenBlas.Library lib = OpenBlas.library();
        return lib == null
                ? new BackendStatus(Backend.NATIVE, false, "OpenBLAS/LAPACKE: " + OpenBlas.unavailableReason())
                : new BackendStatus(Backend.NATIVE, true, lib.description());
    }
}
