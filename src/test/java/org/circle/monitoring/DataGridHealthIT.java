package org.circle.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.util.Map;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data grid in the health reports (issue 23): Circle runs as one instance, the bundle keeps
 * Payara's grid off, and every report says so ({@code state: off}) while staying up. The report
 * comes from asking Payara for its grid, and agrees with the log, where a grid member would have
 * announced itself ("DG Name"). Switched on (issue 21, `CIRCLE_CLUSTER_MEMBERS`), it reports the members an instance sees (ClusterIT).
 */
@ExtendWith(CircleServer.class)
public class DataGridHealthIT {

    @Test
    void aSingleInstanceReportsTheGridOffAndStaysReady(Circle circle) {
        Http http = circle.http();
        for (String path : new String[] {"/health/ready", "/health/live", "/api/health/ready"}) {
            var answer = http.get(path);
            assertEquals(200, answer.status(), path + ": " + answer);
            assertEquals(Map.of("state", "off", "members", "0"), gridData(answer.json()), path);
        }
        assertFalse(circle.process().log().contains("DG Name"), "no data grid member started");
    }

    /** The data-grid check's data, asserting it is there and UP. */
    public static Map<String, String> gridData(JsonObject health) {
        return health.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> c.getString("name").equals("data-grid")).findFirst()
                .map(c -> {
                    assertEquals("UP", c.getString("status"), "reported, never failing while single: " + health);
                    JsonObject data = c.getJsonObject("data");
                    return Map.of("state", data.get("state").toString().replace("\"", ""),
                            "members", data.get("members").toString().replace("\"", ""));
                })
                .orElseThrow(() -> new AssertionError("no data-grid check: " + health));
    }
}
