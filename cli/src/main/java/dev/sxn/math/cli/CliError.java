package dev.sxn.math.cli;

/**
 * An error the user has to fix (a bad file, value, option or destination), with a one-line message that
 * names the file, and the line and column where there is one. {@code sxn compute} prints the message after
 * its name and exits with status 2; nothing else of the exception is shown.
 */
final class CliError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliError(String message) {
        // No stack trace: it is never shown, and filling it in is what a message-only error need not pay for.
        super(message, null, false, false);
    }
}
