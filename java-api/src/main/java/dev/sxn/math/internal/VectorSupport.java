package dev.sxn.math.internal;

import java.lang.management.ManagementFactory;

/**
 * Decides whether the Vector API may be used, without touching {@code jdk.incubator.vector} until
 * every check has passed (after Lucene's {@code VectorizationProvider}).
 *
 * <p>The chain: the module is in the boot layer; the VM is HotSpot with its C2 compiler reachable
 * (without C2, e.g. {@code -Xint}, {@code -XX:TieredStopAtLevel=1} or OpenJ9, vector code runs far
 * slower than scalar code); then {@code internal.vector.VectorInfo} is loaded by name.
 */
public final class VectorSupport {
    private VectorSupport() {}

    /** Null when the Vector API may be used, else why not (and what to change). */
    public static String unavailableReason() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return "module jdk.incubator.vector not resolved (add --add-modules jdk.incubator.vector)";
        }
        String vm = System.getProperty("java.vm.name", "");
        if (!vm.contains("HotSpot") && !vm.contains("OpenJDK")) {
            return "the VM is " + vm + ", not HotSpot: the Vector API is only fast with HotSpot's C2 compiler";
        }
        String info = System.getProperty("java.vm.info", "");
        if (info.contains("interpreted mode")) return "the JVM runs interpreted (-Xint): the Vector API needs the C2 compiler";
        return c2Reason();
    }

    private static String c2Reason() {
        if (ModuleLayer.boot().findModule("jdk.management").isEmpty()) return null; // cannot ask; assume a normal HotSpot
        try {
            var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            boolean tiered = Boolean.parseBoolean(bean.getVMOption("TieredCompilation").getValue());
            int stop = Integer.parseInt(bean.getVMOption("TieredStopAtLevel").getValue());
            if (tiered && stop < 4) {
                return "C2 is off (-XX:TieredStopAtLevel=" + stop + "): the Vector API is slower than scalar code without C2";
            }
            if (!Boolean.parseBoolean(bean.getVMOption("UseCompiler").getValue())) {
                return "the JIT is off (-Xint or -XX:-UseCompiler): the Vector API needs the C2 compiler";
            }
            return null;
        } catch (RuntimeException | LinkageError e) {
            return null; // the option names are HotSpot's; a VM without them was already ruled out above
        }
    }

    /** Loads the Vector API probe by name and returns its description (species width, lanes). */
    public static String describe() throws ReflectiveOperationException {
        Class<?> info = Class.forName("dev.sxn.math.internal.vector.VectorInfo");
        return (String) info.getMethod("describe").invoke(null);
    }
}
