package dev.sxn.forkcheck;

import dev.sxn.math.internal.OpenBlas;
import dev.sxn.math.internal.OpenClSupport;
import dev.sxn.math.internal.SxnNative;
import dev.sxn.math.internal.VectorSupport;
import java.util.Locale;

/**
 * Where a first call's time goes, in a fresh JVM: {@code FirstCallBreakdown OP STAGE...} times each named
 * stage in order (wall and the calling thread's CPU time), then the first and second call of OP (see {@link FirstCall}). Stages: {@code vector}
 * (module and C2 checks), {@code vectorinfo} (loading the Vector API), {@code native} (libsxnkernels:
 * extract or reuse, verify, dlopen), {@code openblas}, {@code opencl} (JOCL, the ICD loader, platforms).
 */
public final class FirstCallBreakdown {
    private FirstCallBreakdown() {}

    public static void main(String[] args) throws Exception {
        String op = args[0];
        for (int i = 1; i < args.length; i++) {
            String stage = args[i];
            long t0 = System.nanoTime(), c0 = FirstCall.threadCpuNanos();
            Object r = switch (stage) {
                case "vector" -> VectorSupport.unavailableReason();
                case "vectorinfo" -> VectorSupport.describe();
                case "native" -> SxnNative.library() != null ? "ok" : SxnNative.unavailableReason();
                case "openblas" -> OpenBlas.library() != null ? "ok" : OpenBlas.unavailableReason();
                case "opencl" -> OpenClSupport.unavailableReason();
                default -> throw new IllegalArgumentException("unknown stage " + stage);
            };
            print(stage, t0, c0, r);
        }
        long t0 = System.nanoTime(), c0 = FirstCall.threadCpuNanos();
        FirstCall.run(op, null);
        print("first " + op, t0, c0, null);
        t0 = System.nanoTime();
        c0 = FirstCall.threadCpuNanos();
        FirstCall.run(op, null);
        print("second " + op, t0, c0, null);
    }

    private static void print(String what, long t0, long c0, Object result) {
        System.out.printf(Locale.ROOT, "%-12s wall %8.1f ms  thread CPU %8.1f ms  %s%n", what, (System.nanoTime() - t0) / 1e6,
                (FirstCall.threadCpuNanos() - c0) / 1e6, result == null ? "" : result);
    }
}
