package dev.sxn.math.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;

/**
 * The reasons a native library or OpenCL is unavailable, in the one form {@code Backends.describe()} and
 * {@code sxn info} print: one line, the cause, and the switch or fix. Loaders ({@link SxnNative},
 * {@link OpenBlas}, {@link OpenClSupport}) catch their failures stage by stage and phrase them here, so an
 * exception's own text (a bare path, a multi-line stack trace inside JOCL's message) never becomes a reason.
 */
public final class LoadReasons {
    private static final String MOUNTINFO = "/proc/self/mountinfo";

    private LoadReasons() {}

    /**
     * Whether {@code t}, or a cause of it, is the JVM refusing native access ({@code IllegalCallerException}
     * from a restricted method, or JOCL's loader quoting one in its own UnsatisfiedLinkError).
     */
    public static boolean isNativeAccessDenied(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IllegalCallerException) return true;
            if (c.getMessage() != null && c.getMessage().contains("Illegal native access")) return true;
        }
        return false;
    }

    /**
     * "{@code what} needs native access, which this JVM denies to module M (--illegal-native-access=deny): add
     * --enable-native-access=M", with {@code ALL-UNNAMED} for code on the class path.
     *
     * @param what the part that needs it ("libsxnkernels", "OpenCL (JOCL)")
     * @param module the module whose code makes the native calls
     */
    public static String nativeAccessDenied(String what, Module module) {
        String name = module.isNamed() ? module.getName() : "ALL-UNNAMED";
        String who = module.isNamed() ? "module " + name : "the class path";
        return what + " needs native access, which this JVM denies to " + who
                + " (--illegal-native-access=deny): add --enable-native-access=" + name;
    }

    /**
     * Why extracting {@code what} into the native cache failed, with the fix: "extracting libsxnkernels into
     * the native library cache failed: /path: Permission denied; set -Dsxn.native.dir ...".
     */
    public static String extractFailed(String what, Exception e) {
        IOException io = e instanceof UncheckedIOException u ? u.getCause() : e instanceof IOException i ? i : null;
        String why = io != null ? io(io) : oneLine(e);
        // CacheDirectory's own refusals already end with the fix; say it once.
        String fix = why.contains("-Dsxn.native.dir") ? "" : "; set -Dsxn.native.dir to a directory of your own";
        return "extracting " + what + " into the native library cache failed: " + why + fix;
    }

    /**
     * An I/O failure in one line: for a {@link FileSystemException}, which failed on which path and why
     * ("/a/b: Permission denied", "/a -> /b: File exists"), since its message alone is often the bare path;
     * else the message.
     */
    public static String io(IOException e) {
        if (e instanceof FileSystemException f) {
            String where = f.getFile() == null ? "" : f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": ";
            return where + fileSystemReason(f);
        }
        return oneLine(e);
    }

    private static String fileSystemReason(FileSystemException f) {
        if (f.getReason() != null && !f.getReason().isBlank()) return oneLine(f.getReason());
        // The subclasses leave the reason empty: say in the operating system's words what each one means.
        if (f instanceof AccessDeniedException) return "Permission denied";
        if (f instanceof NoSuchFileException) return "No such file or directory";
        if (f instanceof NotDirectoryException) return "Not a directory";
        if (f instanceof FileAlreadyExistsException) return "File exists (and is not a directory the cache can use)";
        if (f instanceof DirectoryNotEmptyException) return "Directory not empty";
        if (f instanceof FileSystemLoopException) return "Too many levels of symbolic links";
        return "failed (" + f.getClass().getSimpleName() + ")";
    }

    /**
     * Why {@code dlopen} of the verified file {@code library} failed, with the noexec hint only when the file
     * lies on a {@code noexec} mount or the loader's words say the mapping was refused.
     *
     * @param what the library ("libsxnkernels")
     * @param library the file that did not load
     * @param e what the loader threw
     */
    public static String dlopenFailed(String what, Path library, Throwable e) {
        String msg = oneLine(e);
        // FFM's message is "Cannot open library: <the path>" (dlerror's words are lost): the path is said once.
        String base = "loading " + what + " from " + library + " failed"
                + (msg.equals("Cannot open library: " + library) ? " (dlopen refused it)" : ": " + msg);
        if (onNoexecMount(library) || msg.contains("failed to map segment") || msg.contains("Operation not permitted")) {
            return base + " (" + library.getParent() + " is on a noexec mount: set -Dsxn.native.dir to a directory on a mount"
                    + " that allows executables)";
        }
        return base;
    }

    /** The first line of {@code t}'s message (its class when it has none), without the stack trace. */
    public static String oneLine(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getName() : oneLine(m);
    }

    /** {@code text} up to its first line break, stripped. */
    public static String oneLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    /**
     * Whether {@code file} lies on a mount with the {@code noexec} option (Linux: the longest mount point
     * in {@code /proc/self/mountinfo} that contains its real path). False when that cannot be read.
     */
    static boolean onNoexecMount(Path file) {
        List<String> mounts;
        String real;
        try {
            real = file.toRealPath().toString();
            mounts = Files.readAllLines(Path.of(MOUNTINFO));
        } catch (IOException | RuntimeException e) {
            return false;
        }
        String bestPoint = null;
        boolean bestNoexec = false;
        for (String line : mounts) {
            // Fields: id parent major:minor root mount-point options ...; octal escapes (\040) stand for spaces.
            String[] f = line.split(" ");
            if (f.length < 6) continue;
            String point = f[4].replace("\\040", " ");
            boolean inside = real.equals(point) || point.equals("/") || real.startsWith(point + "/");
            if (inside && (bestPoint == null || point.length() >= bestPoint.length())) {
                bestPoint = point;
                bestNoexec = List.of(f[5].split(",")).contains("noexec");
            }
        }
        return bestNoexec;
    }
}
