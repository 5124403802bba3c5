package org.circle.security;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attack: the export's formula guard looked only at the first character, so a name starting
 * with a no-break space or a full-width ＝, and a User-Agent of "x;=HYPERLINK(…)" (the client's own
 * text, in the userAgent column), reached a clinic's spreadsheet unguarded. Now every field is
 * quoted and every part that could start a formula is defused.
 */
@ExtendWith(CircleServer.class)
class CsvExportIT {

    @Test
    void namesAndUserAgentsThatHideAFormulaAreDefused(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        String doc = circle.admin().post("/api/groups/" + s.groupId + "/consent-documents",
                json("kind", "group-agreement", "title", "Agreement", "body", "Be kind.", "required", true)).json().getString("id");
        List<String> names = List.of("\u00A0=1+1", "\uFF1D1+1", "x;=HYPERLINK(\"http://evil.example\")");
        for (String name : names) {
            var member = circle.admin().post("/api/groups/" + s.groupId + "/members", json("displayName", name));
            assertEquals(201, member.status(), member.toString());
            String token = member.json().getJsonObject("invitation").getString("token");
            HttpResponse<String> decided = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(circle.process().baseUrl() + "/api/invitations/" + token + "/consents"))
                    .header("Content-Type", "application/json").header("User-Agent", "x;=HYPERLINK(\"http://evil.example\",\"ok\")")
                    .POST(HttpRequest.BodyPublishers.ofString(json("documentId", doc, "decision", "granted").toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, decided.statusCode(), decided.body());
        }
        String csv = circle.admin().get("/api/groups/" + s.groupId + "/consent-records", "text/csv").body();
        String[] lines = csv.split("\r\n");
        assertEquals(1 + names.size(), lines.length, csv);
        for (int i = 1; i < lines.length; i++) {
            // read as a spreadsheet would, with a comma or (in many locales) a semicolon between fields
            for (char delimiter : new char[] {',', ';'}) {
                for (String field : fields(lines[i], delimiter)) {
                    String trimmed = field.strip().replace("\u00A0", "").replace("\u3000", "");
                    assertTrue(trimmed.isEmpty() || "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(trimmed.charAt(0)) < 0,
                            "unguarded with '" + delimiter + "': " + field);
                }
            }
            List<String> fields = fields(lines[i], ',');
            assertEquals(10, fields.size(), lines[i]);
            assertTrue(fields.get(9).startsWith("'x;=HYPERLINK"), "the userAgent column is guarded: " + fields.get(9));
        }
        assertTrue(names.stream().allMatch(n -> csv.contains("\"'" + n.replace("\"", "\"\"") + "\"")), csv);
    }

    /** The fields of one line of quoted CSV, as a spreadsheet reads them. */
    static List<String> fields(String line, char delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { field.append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
