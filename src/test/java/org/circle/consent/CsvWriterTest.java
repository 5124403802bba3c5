package org.circle.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.circle.consent.control.CsvWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {

    private static String one(String field) {
        String line = new CsvWriter().row(List.of(field)).toString();
        return line.substring(0, line.length() - 2);
    }

    @Test
    void everyFieldIsQuoted() {
        assertEquals("\"a\",\"b\",\"c\"\r\n", new CsvWriter().row(List.of("a", "b", "c")).toString());
    }

    @Test
    void commasQuotesAndLineBreaksStayInsideTheirField() {
        String csv = new CsvWriter().row(List.of("Smith, Jo", "say \"yes\"", "two\nlines", "cr\rhere")).toString();
        assertEquals("\"Smith, Jo\",\"say \"\"yes\"\"\",\"two\nlines\",\"cr\rhere\"\r\n", csv);
    }

    @Test
    void spreadsheetFormulasAreDefused() {
        String csv = new CsvWriter().row(List.of("=HYPERLINK(\"x\")", "+1", "-2", "@sum", "plain")).toString();
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\",\"'+1\",\"'-2\",\"'@sum\",\"plain\"\r\n", csv);
    }

    /** What got past a first-character check: blanks before the sign, full-width signs, a formula after a separator. */
    @ParameterizedTest
    @ValueSource(strings = {"\u00A0=1+1", " =1+1", "\u3000=1+1", "\uFEFF=1+1", "\uFF1D1+1", "\uFF0B1", "\uFF0D1", "\uFF20SUM(A1)",
            "x;=HYPERLINK(\"http://evil.example\")", "x,=1", "x\t=1", "x|=1", "x; =1", "\t1", "\r=1", "\n=1"})
    void formulasHiddenPastTheFirstCharacterAreDefusedToo(String field) {
        assertEquals("\"'" + field.replace("\"", "\"\"") + "\"", one(field));
    }

    @Test
    void whatIsNotAFormulaIsLeftAlone() {
        assertEquals("\"2026-11-22T18:00:00Z\"", one("2026-11-22T18:00:00Z"));
        assertEquals("\"Mozilla/5.0 (X11; Linux x86_64) Chrome/120\"", one("Mozilla/5.0 (X11; Linux x86_64) Chrome/120"));
        assertEquals("\"Ann = Anne\"", one("Ann = Anne"));
    }

    @Test
    void missingValuesAreEmpty() {
        assertEquals("\"\",\"x\"\r\n", new CsvWriter().row(Arrays.asList(null, "x")).toString());
    }
}
