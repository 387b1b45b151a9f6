package dev.sxn.math.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.List;

/**
 * Reaches the OpenCL runtime by name, so that a host without JOCL never loads a class that links
 * against it.
 */
public final class OpenClSupport {
    private static final String RUNTIME = "dev.sxn.math.internal.opencl.OpenClRuntime";

    private OpenClSupport() {}

    /** Null when an fp64 OpenCL device is open, else why not. */
    public static String unavailableReason() {
        Class<?> jocl;
        try {
            jocl = Class.forName("org.jocl.CL", false, OpenClSupport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "JOCL (org.jocl:jocl 2.0.5) is not on the class or module path";
        }
        String noLoader = IcdLoader.missing(jocl.getModule());
        if (noLoader != null) return noLoader;
        try {
            // JoclLibrary has JOCL load its JNI library from the verified cache, not extract it unverified.
            Object state = JoclLibrary.probe(() -> Class.forName(RUNTIME).getMethod("probe").invoke(null));
            return state instanceof String s ? s : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            return initFailure(e.getCause() != null ? e.getCause() : e);
        }
    }

    /**
     * Why initialising OpenCL through JOCL failed, in one line (JOCL's own message carries the stack traces of
     * its load attempts): native access denied to JOCL's module with the flag that allows it, else the first
     * line of what was thrown.
     */
    public static String initFailure(Throwable e) {
        if (LoadReasons.isNativeAccessDenied(e)) {
            Module jocl;
            try {
                jocl = Class.forName("org.jocl.CL", false, OpenClSupport.class.getClassLoader()).getModule();
            } catch (ClassNotFoundException | LinkageError notThere) {
                jocl = OpenClSupport.class.getModule();
            }
            return LoadReasons.nativeAccessDenied("OpenCL (JOCL)", jocl);
        }
        if (e instanceof UnsatisfiedLinkError) return "JOCL could not load its native library: " + LoadReasons.oneLine(e);
        return "OpenCL initialisation failed: " + LoadReasons.oneLine(e.toString());
    }

    /**
     * The check that libOpenCL.so opens, made before any JOCL class is touched: JOCL's native code dlopens it
     * while class {@code org.jocl.CL} initialises and, when that fails, prints "Could not load libOpenCL.so"
     * to the process's stdout (C stdio, so it shows up at exit), with no log level settable before.
     * Checked once per JVM.
     */
    private static final class IcdLoader {
        // The name JOCL passes to dlopen on Linux (LibInitializer): the unversioned development link.
        private static final String NAME = "libOpenCL.so";
        private static volatile String checked; // "" when it opened, else the reason

        static String missing(Module joclModule) {
            String c = checked;
            if (c == null) checked = c = check(joclModule);
            return c.isEmpty() ? null : c;
        }

        private static String check(Module joclModule) {
            try (Arena arena = Arena.ofConfined()) {
                SymbolLookup.libraryLookup(NAME, arena);
                return "";
            } catch (IllegalArgumentException e) {
                return NAME + " (the OpenCL ICD loader that JOCL opens) was not found or did not load: install"
                        + " ocl-icd-opencl-dev (Debian; it provides the libOpenCL.so link) and an OpenCL driver";
            } catch (RuntimeException e) {
                if (!LoadReasons.isNativeAccessDenied(e)) return "";
                // This module may not load libraries. On the class path JOCL is the same (unnamed) module and will
                // be refused too; on the module path it may be allowed where this one is not: let it try.
                return joclModule == OpenClSupport.class.getModule() ? LoadReasons.nativeAccessDenied("OpenCL (JOCL)", joclModule) : "";
            }
        }
    }

    /** The open device's description (call only when available). */
    public static String describe() {
        try {
            Object rt = Class.forName(RUNTIME).getMethod("get").invoke(null);
            return (String) rt.getClass().getMethod("description").invoke(rt);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All OpenCL devices, one line each (empty when JOCL or the ICD loader is missing). */
    @SuppressWarnings("unchecked")
    public static List<String> listDevices() {
        if (unavailableReason() != null && !unavailableReason().startsWith("no OpenCL device with fp64")) return List.of();
        try {
            return (List<String>) Class.forName(RUNTIME).getMethod("listDevices").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return List.of("listing devices failed: " + e);
        }
    }

    /** Whether the open device is a GPU (call only when available). */
    public static boolean isGpu() {
        try {
            Object rt = Class.forName(RUNTIME).getMethod("get").invoke(null);
            return (Boolean) rt.getClass().getMethod("isGpu").invoke(rt);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
