package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    private static JsonObject line(LogRecord record) {
        String text = new JsonLines().format(record);
        assertEquals(1, text.lines().count(), "one line: " + text);
        return Jsons.readObject(text);
    }

    @Test
    void idsTheMessageNamesBecomeFields() {
        JsonObject line = line(new LogRecord(Level.INFO, "session WV98p8ORyl8N32c6p5JGaw: participant fq4Isd-QZHlpGuvKSNfaakw admitted p6f05fa6997224bdabcba"));
        assertEquals("WV98p8ORyl8N32c6p5JGaw", line.getString("session"));
        assertEquals("fq4Isd-QZHlpGuvKSNfaakw", line.getString("participant"), "the one who acted");
        assertEquals("INFO", line.getString("level"));
        assertEquals("fq4Isd-QZHlpGuvKSNfaak-", line(new LogRecord(Level.INFO, "participant fq4Isd-QZHlpGuvKSNfaak- left")).getString("participant"),
                "an id may end in a dash");
    }

    @Test
    void wordsAfterSessionOrParticipantAreNotIds() {
        JsonObject line = line(new LogRecord(Level.WARNING, "the session afterwards had one participant present"));
        assertFalse(line.containsKey("session"));
        assertFalse(line.containsKey("participant"));
    }

    @Test
    void aStackTraceStaysInsideItsLine() {
        LogRecord record = new LogRecord(Level.SEVERE, "could not record a Lock in session {0}");
        record.setParameters(new Object[] {"WV98p8ORyl8N32c6p5JGaw"});
        record.setThrown(new IllegalStateException("refused\nby the database"));
        JsonObject line = line(record);
        assertEquals("could not record a Lock in session WV98p8ORyl8N32c6p5JGaw", line.getString("message"));
        assertEquals("java.lang.IllegalStateException", line.getString("error"));
        assertEquals(true, line.getString("trace").contains("by the database"));
    }
}
