package dev.sxn.forkcheck;

import dev.sxn.math.backend.Backends;
import java.time.Duration;

/**
 * Main class run in forked JVMs by {@code WarmUpTest}: prints the report of {@code Backends.warmUp} with the
 * budget in milliseconds given as the first argument, or the exception it threw, so the test sees what a host
 * started with optional kinds switched off, or with a forced kind that is unavailable, would get.
 */
public final class WarmUpCheck {
    private WarmUpCheck() {}

    public static void main(String[] args) {
        try {
            System.out.print(Backends.warmUp(Duration.ofMillis(Long.parseLong(args[0]))));
        } catch (RuntimeException e) {
            System.out.println("threw " + e);
        }
    }
}
