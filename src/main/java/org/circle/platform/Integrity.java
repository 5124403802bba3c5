package org.circle.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * What Circle found broken in its own records, by check name. A finding stays until a restart:
 * nothing Circle does can repair a rewritten record, and an operator must look at it.
 */
public final class Integrity {

    private static final Logger LOG = Logger.getLogger(Integrity.class.getName());
    private static final Map<String, String> PROBLEMS = new ConcurrentHashMap<>();

    private Integrity() { }

    /** Records a problem (one line, ids only) and logs it, once per distinct finding. */
    public static void fail(String check, String problem) {
        if (!problem.equals(PROBLEMS.put(check, problem))) {
            LOG.severe("Integrity check " + check + " failed: " + problem);
        }
    }

    public static Map<String, String> problems() { return Map.copyOf(PROBLEMS); }
}
