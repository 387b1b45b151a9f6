package dev.sxn.math.bench;

/** Placeholder replaced below. */
final class BenchMain {
    public static void main(String[] args) {}
}
