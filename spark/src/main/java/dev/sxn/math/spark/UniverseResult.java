package dev.sxn.math.spark;

/**
 * The universe job's outcome.
 *
 * @param output the Parquet directory written (one row per asset)
 * @param assets the number of assets scored
 * @param report where it ran: master, partitions, wall time, each executor's backend kinds
 */
public record UniverseResult(String output, long assets, JobReport report) {}
