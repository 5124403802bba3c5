package org.circle.platform;

/**
 * Ends the process when Circle cannot work at all, with one line that says why. Payara would
 * otherwise keep running without the application and answer every request with 404.
 */
public final class StartFailure {

    private StartFailure() { }

    public static void stop(String reason, Throwable cause) {
        String line = "Circle cannot start: " + reason + " (" + rootMessage(cause) + ").";
        // Straight to the console: Payara's log handler writes asynchronously and would lose the
        // line when the process halts.
        System.err.println(line);
        System.err.flush();
        Runtime.getRuntime().halt(3);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
