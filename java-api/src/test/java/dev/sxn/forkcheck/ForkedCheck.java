package dev.sxn.forkcheck;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.BackendStatus;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.linalg.VectorOps;

/**
 * Main class run in a forked JVM by the fork tests: prints each backend status and a checksum
 * computed through the public API, or the exception a forced backend raised. Lives outside
 * dev.sxn.math so it can sit on the class path while the library is on the module path.
 */
public final class ForkedCheck {
    private ForkedCheck() {}

    public static void main(String[] args) {
        System.out.println("module: " + VectorOps.class.getModule());
        // "twice": a bad setting must fail the same way on every call, never as an Error.
        int rounds = args.length > 0 && args[0].equals("twice") ? 2 : 1;
        for (int round = 0; round < rounds; round++) {
            try {
                for (BackendStatus s : Backends.statuses()) System.out.println(s);
                if (args.length > 0 && args[0].equals("openblas")) System.out.println("OPENBLAS " + Backends.openBlas());
                double[] x = new double[10_000];
                for (int i = 0; i < x.length; i++) x[i] = (i % 7) - 3;
                System.out.println("dot=" + VectorOps.dot(x, x) + " sum=" + VectorOps.sum(x));
                for (String op : Backends.operations()) System.out.println("op " + op);
            } catch (RuntimeException e) {
                System.out.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
