package dev.sxn.math.spark;

/** Turns a failed Spark job back into the input error an executor raised, so the caller sees its message. */
final class SparkFailures {
    private SparkFailures() {}

    private static final String MARK = UniverseInputException.class.getName() + ": ";

    /** The {@link UniverseInputException} in {@code e}'s cause chain or message, else {@code e} itself. */
    static RuntimeException translate(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UniverseInputException u) return new UniverseInputException(u.getMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            int at = m == null ? -1 : m.indexOf(MARK);
            if (at >= 0) {
                String rest = m.substring(at + MARK.length());
                int eol = rest.indexOf('\n');
                return new UniverseInputException(eol < 0 ? rest : rest.substring(0, eol));
            }
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }
}
