package dev.sxn.math.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What a job ran on: the master, the partition count, the wall time and each executor's backend kinds (collected
 * by a small probe job over as many tasks as the default parallelism; an executor that received none of them is
 * missing from the list).
 *
 * @param master the Spark master URL
 * @param partitions the partitions of the job's main stage
 * @param millis wall time of the job on the driver, in milliseconds
 * @param executors the executors' {@code sxn info}, sorted by executor id
 */
public record JobReport(String master, int partitions, long millis, List<ExecutorInfo> executors) implements Serializable {

    /** A readable multi-line report. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("master ").append(master).append(", ").append(partitions).append(" partitions, ")
                .append(millis).append(" ms");
        for (ExecutorInfo e : executors) sb.append('\n').append(e);
        return sb.toString();
    }
}
