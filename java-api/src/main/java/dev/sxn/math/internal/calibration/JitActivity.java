package dev.sxn.math.internal.calibration;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How long the JIT has spent compiling in this JVM ({@link CompilationMXBean}): a warm-up takes a time per call as
 * steady only while no compilation finishes, since an interpreted kernel's time is steady too until C2 is done with
 * it. Where the management API is absent (a module-path host without {@code jdk.management}) the JIT always looks
 * quiet, and the other tests of {@code Sweep} remain.
 */
final class JitActivity {
    private static final CompilationMXBean BEAN = bean();

    private JitActivity() {}

    /** Milliseconds spent compiling so far; 0 where it cannot be told. */
    static long millis() {
        return BEAN == null ? 0 : BEAN.getTotalCompilationTime();
    }

    private static CompilationMXBean bean() {
        if (ModuleLayer.boot().findModule("jdk.management").isEmpty()) return null;
        try {
            CompilationMXBean b = ManagementFactory.getCompilationMXBean();
            return b != null && b.isCompilationTimeMonitoringSupported() ? b : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
