package org.circle.consent.control;

import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends, fields with comma, quote, CR or LF quoted, inner quotes doubled.
 * A field that a spreadsheet would take for a formula (starting = + - @, or tab/CR) is prefixed
 * with an apostrophe: an exported consent record must never run as code on a clinic's computer.
 */
public final class CsvWriter {

    private final StringBuilder out = new StringBuilder();

    public CsvWriter row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(',');
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    static String field(String value) {
        if (value == null) return "";
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.contains(",") || v.contains("\"") || v.contains("\r") || v.contains("\n")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    @Override
    public String toString() { return out.toString(); }
}
