package dev.sxn.math.spark;

import dev.sxn.math.backend.BackendStatus;
import dev.sxn.math.backend.Backends;
import java.io.Serializable;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One executor's {@code sxn info}: which backend kinds it has and why not, as seen inside the executor JVM
 * (where the library's native files were extracted into that user's verified cache).
 *
 * @param executorId Spark's executor id ({@code driver} in local mode)
 * @param host the executor's host name
 * @param pid the executor JVM's process id
 * @param kinds one line per kind, as {@code sxn info} prints them ({@code KIND: detail} or
 *     {@code KIND: unavailable: why}), then OpenBLAS's
 */
public record ExecutorInfo(String executorId, String host, long pid, List<String> kinds) implements Serializable {

    /** Describes the JVM this runs in (call it inside a task). */
    static ExecutorInfo here() {
        String id;
        try {
            id = org.apache.spark.SparkEnv.get().executorId();
        } catch (RuntimeException e) {
            id = "unknown";
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown";
        }
        List<String> kinds = new ArrayList<>();
        for (BackendStatus s : Backends.statuses()) kinds.add(s.toString());
        BackendStatus blas = Backends.openBlas();
        kinds.add("OpenBLAS: " + (blas.available() ? blas.detail() : "unavailable: " + blas.detail()));
        return new ExecutorInfo(id, host, ProcessHandle.current().pid(), List.copyOf(kinds));
    }

    /** One line per kind under a header naming the executor. */
    @Override
    public String toString() {
        return "executor " + executorId + " on " + host + " (pid " + pid + ")\n  " + String.join("\n  ", kinds);
    }
}
