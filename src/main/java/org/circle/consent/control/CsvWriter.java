package org.circle.consent.control;

import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends, every field quoted, inner quotes doubled. A field that a
 * spreadsheet could take for a formula is prefixed with an apostrophe: an exported consent record
 * must never run as code on a clinic's computer. Spreadsheets trim leading blanks and read
 * full-width signs (＝, ＋, －, ＠) as their ASCII forms, and some split a field on ';' or tab as they
 * import it, so the guard looks past leading white space and at every such part of a field, not
 * only at its first character. The userAgent column is the client's own text and is guarded the same.
 */
public final class CsvWriter {

    /** Characters that start a formula, in ASCII and full-width forms, and control characters that act like one. */
    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";
    private static final String SEPARATORS = ",;\t|";

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
        if (value == null) return "\"\"";
        String v = dangerous(value) ? "'" + value : value;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    /** True when the field, or any part of it after a separator, starts a formula once blanks are trimmed. */
    static boolean dangerous(String value) {
        boolean atStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (atStart && (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF')) {
                if (c == '\t' || c == '\r' || c == '\n') return true;
                continue;
            }
            if (atStart && FORMULA_STARTS.indexOf(c) >= 0) return true;
            atStart = SEPARATORS.indexOf(c) >= 0;
        }
        return false;
    }

    @Override
    public String toString() { return out.toString(); }
}
