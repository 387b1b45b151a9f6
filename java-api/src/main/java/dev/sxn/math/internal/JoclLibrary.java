package dev.sxn.math.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Has JOCL load its JNI library from our verified cache instead of extracting it, unverified, under
 * {@code java.io.tmpdir}.
 *
 * <p>How JOCL 2.0.5 loads ({@code org.jocl.CL}'s static initialiser, {@code org.jocl.LibUtils}): it
 * first tries {@code System.loadLibrary("JOCL_2_0_5-<os>-<arch>")} (only a copy on
 * {@code java.library.path} is found that way, and that path is fixed when the JVM starts); else it takes
 * {@code <java.io.tmpdir>/libJOCL_2_0_5-<os>-<arch>.so}, writes the jar's {@code lib/} resource there
 * only if no file of that name exists, and {@code System.load}s it (with {@code uniqueLibraryNames=true}
 * the name gets a random suffix and is always written). Both properties are read when the class
 * initialises.
 *
 * <p>So, before the first OpenCL probe initialises {@code org.jocl.CL}, we extract the jar's library into
 * the native cache ({@link NativeLibraries}: owner-only all the way up, SHA-256 pinned below), point
 * {@code java.io.tmpdir} at that directory and clear {@code uniqueLibraryNames} for the duration of the
 * probe, then restore both. JOCL finds the verified file under its fixed name and loads it as it is.
 * The JDK reads {@code java.io.tmpdir} for its own temporary files once at start-up, so those are not
 * moved; only code that reads the property itself during the probe sees the cache directory, which
 * belongs to this user anyway.
 *
 * <p>When the cache cannot be used (an unsafe {@code sxn.native.dir}, say) or the JOCL jar lacks the
 * 2.0.5 library, OPENCL is reported unavailable with the reason rather than run on an unverified
 * library. Left as they were: a JOCL the host initialised before us (we cannot change what it loaded),
 * and platforms without a pinned library (not Linux on x86-64 or arm64), where JOCL extracts its own
 * copy with {@code uniqueLibraryNames=true} unless the host set that property.
 */
final class JoclLibrary {
    /** JOCL's version as it appears in its library names; the OpenCL host code is built against it. */
    private static final String VERSION = "2_0_5";
    /** SHA-256 of the libraries in org.jocl:jocl:2.0.5's {@code lib/}, by JOCL's platform suffix. */
    private static final Map<String, String> PINNED = Map.of(
            "linux-x86_64", "3c1e47b563872984e1c9ac527a2e9e7b6aed4e31be0af708d852728af56c3ad5",
            "linux-arm64", "841f10b3524448d3881e1969efb7194903ae94a5eb163fea02b8529064285dbc");

    private static final Object LOCK = new Object();
    private static volatile boolean prepared; // written under LOCK
    private static volatile String refusal; // why OPENCL must not load JOCL; written under LOCK

    private JoclLibrary() {}

    /** The OpenCL probe, called reflectively. */
    @FunctionalInterface
    interface Probe {
        /** Runs the probe: the runtime, or a String saying why OpenCL is unavailable. */
        Object run() throws ReflectiveOperationException;
    }

    /**
     * Runs {@code probe}; the first time, with JOCL pointed at its verified library as the class
     * comment says.
     *
     * @param probe the OpenCL probe (it initialises {@code org.jocl.CL})
     * @return what the probe returned, or the reason JOCL's library could not be verified (then the
     *     probe is never run, so JOCL never extracts its own)
     * @throws ReflectiveOperationException as the probe throws it
     */
    static Object probe(Probe probe) throws ReflectiveOperationException {
        if (prepared) return refusal != null ? refusal : probe.run();
        synchronized (LOCK) {
            if (prepared) return refusal != null ? refusal : probe.run();
            try {
                return firstProbe(probe);
            } finally {
                prepared = true;
            }
        }
    }

    private static Object firstProbe(Probe probe) throws ReflectiveOperationException {
        String platform = platform();
        if (platform == null) {
            if (System.getProperty("uniqueLibraryNames") == null) System.setProperty("uniqueLibraryNames", "true");
            return probe.run();
        }
        if (!mappedLibraries().isEmpty()) return probe.run(); // the host loaded JOCL first
        Path dir;
        try {
            dir = verifiedCopy(platform);
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            refusal = "JOCL's native library could not be placed in the verified native cache: " + e.getMessage();
            return refusal;
        }
        String tmpdir = System.getProperty("java.io.tmpdir");
        String unique = System.getProperty("uniqueLibraryNames");
        System.setProperty("java.io.tmpdir", dir.toString());
        System.clearProperty("uniqueLibraryNames");
        try {
            return probe.run();
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
            if (unique != null) System.setProperty("uniqueLibraryNames", unique);
        }
    }

    /** Extracts (or reuses) JOCL's library for {@code platform} in the native cache; returns its directory. */
    private static Path verifiedCopy(String platform) throws IOException, ClassNotFoundException {
        Class<?> cl = Class.forName("org.jocl.CL", false, JoclLibrary.class.getClassLoader());
        String resource = "lib/libJOCL_" + VERSION + "-" + platform + ".so";
        if (cl.getResource("/" + resource) == null) {
            throw new IOException(resource + " is not in the JOCL jar (SxN-Math pins the one of org.jocl:jocl 2.0.5);"
                    + " put jocl-2.0.5.jar on the class or module path");
        }
        return NativeLibraries.extract("jocl-2.0.5", List.of(new NativeLibraries.NativeFile(resource, PINNED.get(platform))), cl);
    }

    /** JOCL's {@code <os>-<arch>} for this JVM where a library is pinned, else null. */
    private static String platform() {
        if (!System.getProperty("os.name", "").equals("Linux")) return null;
        String p = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "linux-x86_64";
            case "aarch64", "arm64" -> "linux-arm64";
            default -> null;
        };
        return p != null && PINNED.containsKey(p) ? p : null;
    }

    /**
     * The files of every JOCL JNI library mapped into this process (from {@code /proc/self/maps}), empty
     * when none is loaded or the file is unreadable.
     */
    static List<String> mappedLibraries() {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.map(l -> l.indexOf('/') < 0 ? "" : l.substring(l.indexOf('/')))
                    .filter(f -> f.contains("/libJOCL_")).distinct().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The pinned SHA-256 of JOCL's library for {@code platform} ("linux-x86_64"), or null. */
    static String pinnedSha256(String platform) {
        return PINNED.get(platform);
    }
}
