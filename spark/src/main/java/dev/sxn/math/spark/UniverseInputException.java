package dev.sxn.math.spark;

/**
 * Bad input to the universe job: a missing or non-numeric column, a missing value, or an asset with too few bars.
 * The message names the asset (where one is at fault) and the column. Thrown on the driver; when an executor
 * found the fault, the driver rethrows it with the executor's message.
 */
public final class UniverseInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public UniverseInputException(String message) {
        super(message);
    }
}
