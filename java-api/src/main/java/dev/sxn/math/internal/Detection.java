package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.BackendStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Detects every backend kind once per JVM (lazily, on first use) and keeps the result, including
 * the reasons for what is missing. The order of checks per kind: switched off by
 * {@code sxn.disable}, then what the kind needs, cheapest first.
 */
public final class Detection {
    private Detection() {}

    // Detected on first use and kept. Not in a holder class's static initialiser: a bad sxn.disable must make
    // each call throw IllegalArgumentException naming it, not turn into ExceptionInInitializerError and then
    // NoClassDefFoundError for the life of the JVM; so nothing is kept until detection succeeded.
    private static volatile Map<Backend, BackendStatus> status;
    private static volatile BackendStatus openBlasStatus;

    /**
     * The status of every kind, in enum order.
     *
     * @throws IllegalArgumentException if {@code sxn.disable} / {@code SXN_DISABLE} is invalid (on every call, until fixed)
     */
    public static Map<Backend, BackendStatus> statuses() {
        Map<Backend, BackendStatus> s = status;
        if (s != null) return s;
        synchronized (Detection.class) {
            if (status == null) status = detect();
            return status;
        }
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
                    + statuses().get(f.get()).detail());
        }
        return f;
    }

    // NATIVE is two libraries that load separately: forcing it is refused only when neither loaded (a family
    // whose NATIVE kernel needs the missing one then runs on its own choice, as for any kind it lacks).
    private static boolean usable(Backend kind) {
        return statuses().get(kind).available() || kind == Backend.NATIVE && openBlas().available();
    }

    /** The OpenBLAS half of NATIVE, reported on its own (kind NATIVE, detail names OpenBLAS). */
    public static BackendStatus openBlas() {
        BackendStatus s = openBlasStatus;
        if (s != null) return s;
        synchronized (Detection.class) {
            if (openBlasStatus == null) openBlasStatus = detectOpenBlas();
            return openBlasStatus;
        }
    }

    private static Map<Backend, BackendStatus> detect() {
        Set<Backend> off = Config.disabled();
        EnumMap<Backend, BackendStatus> m = new EnumMap<>(Backend.class);
        m.put(Backend.JAVA, new BackendStatus(Backend.JAVA, true,
                "plain Java, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")));
        m.put(Backend.VECTOR, off.contains(Backend.VECTOR) ? disabled(Backend.VECTOR) : vector());
        m.put(Backend.NATIVE, off.contains(Backend.NATIVE) ? disabled(Backend.NATIVE) : nativeKernels());
        m.put(Backend.OPENCL, off.contains(Backend.OPENCL) ? disabled(Backend.OPENCL) : openCl());
        for (BackendStatus s : m.values()) {
            if (!s.available() && s.kind() != Backend.JAVA) {
                Log.logger().log(System.Logger.Level.DEBUG, s.toString());
            }
        }
        return Collections.unmodifiableMap(m);
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
