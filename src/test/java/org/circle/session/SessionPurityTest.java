package org.circle.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core stays pure: no framework, no threads, no clock, no randomness. */
class SessionPurityTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import\\s+(static\\s+)?(jakarta|javax|org\\.kurento|com\\.hazelcast|fish\\.payara|java\\.util\\.concurrent|java\\.util\\.Random|java\\.security|java\\.net|java\\.io(?!\\.Serializable;)|java\\.nio)\\b"
            + "|Instant\\.now\\(|System\\.currentTimeMillis|System\\.nanoTime|Clock\\.system|new Thread|new Random|Math\\.random|synchronized");

    @Test
    void theSessionCoreImportsNoFrameworkAndReadsNoClock() throws IOException {
        Path core = Path.of("src/main/java/org/circle/session");
        List<String> offences = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(core)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (FORBIDDEN.matcher(lines.get(i).trim()).find()) offences.add(file.getFileName() + ":" + (i + 1) + " " + lines.get(i).trim());
                }
            }
        }
        assertTrue(files > 10, "the scan found the core's sources");
        assertEquals(List.of(), offences);
    }

    @Test
    void theScanWouldCatchAnOffence() {
        assertTrue(FORBIDDEN.matcher("import jakarta.inject.Inject;").find());
        assertTrue(FORBIDDEN.matcher("Instant t = Instant.now();").find());
        assertTrue(FORBIDDEN.matcher("import java.util.concurrent.ConcurrentHashMap;").find());
        assertTrue(FORBIDDEN.matcher("import java.io.File;").find());
        assertFalse(FORBIDDEN.matcher("import java.io.Serializable;").find(), "a marker for the data grid, no I/O");
    }
}
