package org.circle.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.circle.consent.control.CsvWriter;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void plainFieldsAreWrittenAsTheyAre() {
        assertEquals("a,b,c\r\n", new CsvWriter().row(List.of("a", "b", "c")).toString());
    }

    @Test
    void fieldsWithCommasQuotesAndLineBreaksAreQuoted() {
        String csv = new CsvWriter().row(List.of("Smith, Jo", "say \"yes\"", "two\nlines", "cr\rhere")).toString();
        assertEquals("\"Smith, Jo\",\"say \"\"yes\"\"\",\"two\nlines\",\"cr\rhere\"\r\n", csv);
    }

    @Test
    void spreadsheetFormulasAreDefused() {
        String csv = new CsvWriter().row(List.of("=HYPERLINK(\"x\")", "+1", "-2", "@sum", "plain")).toString();
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@sum,plain\r\n", csv);
    }

    @Test
    void missingValuesAreEmpty() {
        assertEquals(",x\r\n", new CsvWriter().row(Arrays.asList(null, "x")).toString());
    }
}
