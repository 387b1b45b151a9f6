package dev.sxn.math.internal;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Whether HotSpot's JIT is compiling, or has queued, a method of this library: the text of the
 * {@code Compiler.queue} diagnostic command ({@code jcmd PID Compiler.queue}: the compiles in progress and
 * the C1 and C2 queues), asked through the platform's DiagnosticCommand MBean. {@link WarmUp} uses it so
 * that a kernel whose call time has settled while C2 is still compiling it (its time is the interpreter's or
 * C1's) is not taken as warm.
 *
 * <p>Public for bench/'s WarmupHarness, which stops timing only once the queue is clear. Only for warm-ups,
 * never on a call path: the first use starts the platform MBean server (a one-time
 * cost of class loading), and each query formats the queues. Without {@code jdk.management}, or on a VM
 * without the command, {@link #pendingPackages()} answers that none is pending and the warm-up goes by the call
 * times alone.
 */
public final class CompileQueue {
    private static final String PACKAGE = "dev.sxn.math.";
    private static volatile Object server; // MBeanServer, or a String saying why there is none

    private CompileQueue() {}

    /**
     * The library's packages with a method being compiled or waiting in a compile queue, each as the name
     * after {@code "dev.sxn.math."} ("linalg"); empty when none is, or when the queue cannot be read here.
     */
    public static Set<String> pendingPackages() {
        String q = queue();
        return q == null ? Set.of() : pendingPackages(q);
    }

    /** {@link #pendingPackages()} of a given text of {@code Compiler.queue} (tests feed it samples). */
    static Set<String> pendingPackages(String queueText) {
        Set<String> out = new HashSet<>();
        for (String line : queueText.split("\n")) {
            // Task lines name "package.Class::method"; headers ("C2 compile queue:") do not.
            int at = line.indexOf(PACKAGE), colons = line.indexOf("::");
            if (at < 0 || colons < 0) continue;
            int from = at + PACKAGE.length(), dot = line.indexOf('.', from);
            if (dot > from && dot < colons) out.add(line.substring(from, dot));
        }
        return out;
    }

    /** The command's output, or null when it cannot be had here. */
    private static String queue() {
        Object s = server;
        if (s == null) server = s = connect();
        if (!(s instanceof MBeanServer mbs)) return null;
        try {
            return (String) mbs.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerQueue",
                    new Object[] {null}, new String[] {String[].class.getName()});
        } catch (Exception | LinkageError e) {
            server = "Compiler.queue failed: " + e;
            return null;
        }
    }

    private static Object connect() {
        // The MBean comes with jdk.management (on the module path it may be absent; then so is this check).
        if (ModuleLayer.boot().findModule("jdk.management").isEmpty()) return "jdk.management is not in the boot layer";
        try {
            return ManagementFactory.getPlatformMBeanServer();
        } catch (RuntimeException | LinkageError e) {
            return "no platform MBean server: " + e;
        }
    }
}
