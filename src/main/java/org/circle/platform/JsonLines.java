package org.circle.platform;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per log record and per line, for a log shipper: time, level, logger, thread,
 * message, and the session and participant the message names, lifted into fields of their own.
 * Circle's messages name people by id only ("participant p6f05…", "session WV98…"), which is what
 * makes those fields possible and the log safe to ship. Ids are 16 characters or more, so a word
 * after "session" is never taken for one; a stack trace stays inside its record, escaped.
 */
public final class JsonLines extends Formatter {

    private static final Pattern SESSION = Pattern.compile("\\bsession ([A-Za-z0-9_-]{16,40})(?![A-Za-z0-9_-])");
    private static final Pattern PARTICIPANT = Pattern.compile("\\bparticipant ([pf][A-Za-z0-9_-]{15,60})(?![A-Za-z0-9_-])");

    @Override
    public String format(LogRecord record) {
        String message = formatMessage(record);
        var line = Jsons.createObjectBuilder()
                .add("time", Instant.ofEpochMilli(record.getMillis()).toString())
                .add("level", record.getLevel().getName())
                .add("logger", record.getLoggerName() == null ? "" : record.getLoggerName())
                .add("thread", Thread.currentThread().getName())
                .add("message", message == null ? "" : message);
        if (message != null) {
            Matcher session = SESSION.matcher(message);
            if (session.find()) line.add("session", session.group(1));
            Matcher participant = PARTICIPANT.matcher(message);
            if (participant.find()) line.add("participant", participant.group(1));
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.add("error", record.getThrown().getClass().getName()).add("trace", trace.toString());
        }
        return line.build().toString() + System.lineSeparator();
    }
}
