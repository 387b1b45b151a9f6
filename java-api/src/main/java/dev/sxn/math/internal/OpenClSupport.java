package dev.sxn.math.internal;

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
        try {
            Class.forName("org.jocl.CL", false, OpenClSupport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "JOCL (org.jocl:jocl 2.0.5) is not on the class or module path";
        }
        try {
            // JoclLibrary has JOCL load its JNI library from the verified cache, not extract it unverified.
            Object state = JoclLibrary.probe(() -> Class.forName(RUNTIME).getMethod("probe").invoke(null));
            return state instanceof String s ? s : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return "OpenCL initialisation failed: " + cause;
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
