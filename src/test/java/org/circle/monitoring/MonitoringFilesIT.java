package org.circle.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circle.testing.CircleProcess;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Scrape;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboard and the Prometheus alert rules in ops/monitoring ask only for series that
 * Circle really exports (issue 23). A server with a media server that is down runs a session in
 * which a member is admitted, refused a frame and tries to publish media, so that every series a
 * dashboard panel or a rule names exists; then each expression's metric names must be among the
 * names its /metrics gives. A renamed metric, or a typo in a panel, fails here.
 */
class MonitoringFilesIT {

    private static final Path DASHBOARD = Path.of("ops/monitoring/circle-dashboard.json");
    private static final Path RULES = Path.of("ops/monitoring/circle-alerts.yaml");
    /** Series Prometheus keeps itself for each target: the only names that need not come from Circle. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    @Test
    void everySeriesTheDashboardAndTheRulesAskForIsOneCircleExports() throws Exception {
        int janusPort = CircleProcess.freePort();
        Circle circle = CircleServer.standalone("monitoring-files",
                Map.of("CIRCLE_JANUS_URL", "ws://127.0.0.1:" + janusPort + "/", "CIRCLE_MANAGEMENT", "on"));
        try (CircleProcess process = circle.process()) {
            Set<String> exported = exercise(circle).names();

            Map<String, String> panels = dashboardExpressions();
            Set<String> dashboardNames = new TreeSet<>();
            panels.forEach((panel, expr) -> {
                Set<String> names = metricNames(expr);
                assertFalse(names.isEmpty(), panel + ": " + expr);
                names.forEach(name -> assertTrue(exported.contains(name), panel + " asks for " + name + ", which /metrics does not give: " + exported));
                dashboardNames.addAll(names);
            });
            assertTrue(dashboardNames.containsAll(Set.of("circle_sessions_live", "circle_people_connected", "circle_people_waiting",
                    "circle_sessions_unfacilitated", "circle_frames_received_total", "circle_frames_sent_total", "circle_refusals_total",
                    "circle_admission_seconds_bucket", "circle_durable_write_seconds_bucket", "circle_media_calls_total",
                    "circle_media_failures_total", "circle_database_up", "circle_media_server_up")), "the dashboard shows: " + dashboardNames);

            Map<String, String> alerts = ruleExpressions();
            assertEquals(Set.of("CircleLiveSessionWithoutFacilitator", "CircleMediaServerDown", "CircleDatabaseDown",
                    "CircleNotScraped", "CircleDurableWritesSlow"), alerts.keySet());
            alerts.forEach((alert, expr) -> metricNames(expr).forEach(name -> assertTrue(
                    exported.contains(name) || PROMETHEUS_OWN.contains(name), alert + " asks for " + name + ": " + exported)));
            assertEquals(Set.of("circle_sessions_unfacilitated"), metricNames(alerts.get("CircleLiveSessionWithoutFacilitator")));
            assertEquals(Set.of("circle_media_server_up"), metricNames(alerts.get("CircleMediaServerDown")));
            assertEquals(Set.of("circle_database_up"), metricNames(alerts.get("CircleDatabaseDown")));
        }
    }

    /** A session with an admission, a refusal and a media call that fails; returns a reading once all show. */
    private static Scrape exercise(Circle circle) throws InterruptedException {
        Setting s = new Setting(circle, "sfu");
        String annInvite = s.member("Ann");
        Ws f = s.connect(s.facilitatorTicket());
        Ws ann = s.connect(s.memberTicket(annInvite));
        String annId = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1)
                .getJsonArray("waiting").getJsonObject(0).getString("id");
        assertEquals("ack", f.call("admit", "participant", annId).getString("type"));
        ann.await("admitted");
        assertEquals("error", ann.call("no.such.frame").getString("type"));
        assertEquals("error", ann.call("media.publish", "sdp", "v=0 offer").getString("type"), "the media server is down");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            Scrape now = Scrape.of(circle.http());
            if (now.has("circle_media_server_up") && !now.startingWith("circle_media_failures_total").isEmpty()
                    && !now.startingWith("circle_refusals_total").isEmpty()) return now;
            if (Instant.now().isAfter(deadline)) throw new AssertionError("the series did not all appear: " + now.names());
            Thread.sleep(200);
        }
    }

    /** Each panel's query, keyed by panel title and query letter; the file must be JSON a Grafana imports. */
    private static Map<String, String> dashboardExpressions() throws Exception {
        JsonObject dashboard = Json.createReader(new StringReader(Files.readString(DASHBOARD))).readObject();
        assertEquals("circle-overview", dashboard.getString("uid"));
        Map<String, String> found = new LinkedHashMap<>();
        for (JsonValue p : dashboard.getJsonArray("panels")) {
            JsonObject panel = p.asJsonObject();
            assertTrue(panel.containsKey("gridPos"), panel.getString("title"));
            for (JsonValue t : panel.getJsonArray("targets")) {
                JsonObject target = t.asJsonObject();
                found.put(panel.getString("title") + " " + target.getString("refId"), target.getString("expr"));
            }
        }
        assertTrue(found.size() >= 12, "panels: " + found.keySet());
        return found;
    }

    /** Each alert's expression; every rule has a duration, a severity and a summary. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> ruleExpressions() throws Exception {
        Map<String, Object> file = new Yaml().load(Files.readString(RULES));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) file.get("groups");
        assertEquals(List.of("circle"), groups.stream().map(g -> g.get("name")).toList());
        Map<String, String> found = new LinkedHashMap<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) groups.get(0).get("rules")) {
            String alert = (String) rule.get("alert");
            assertTrue(String.valueOf(rule.get("for")).matches("\\d+[smh]"), alert + " waits a while: " + rule);
            assertTrue(((Map<String, Object>) rule.get("labels")).containsKey("severity"), alert);
            assertTrue(((Map<String, Object>) rule.get("annotations")).containsKey("summary"), alert);
            found.put(alert, (String) rule.get("expr"));
        }
        return found;
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /**
     * The metric names a PromQL expression reads: identifiers once label matchers, ranges,
     * grouping clauses and strings are taken out, that are not functions (followed by "(") or
     * operators spelled as words.
     */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        List<String> words = List.of("and", "or", "unless", "bool", "offset");
        while (m.find()) {
            String rest = bare.substring(m.end()).stripLeading();
            if (rest.startsWith("(") || words.contains(m.group())) continue;
            if (m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1))) continue; // "5m", "1e3"
            names.add(m.group());
        }
        return names;
    }

    @Test
    void metricNamesAreReadFromExpressionsAsPrometheusWould() {
        assertEquals(Set.of("circle_admission_seconds_bucket"),
                metricNames("histogram_quantile(0.95, sum by (le) (rate(circle_admission_seconds_bucket[5m])))"));
        assertEquals(Set.of("up"), metricNames("up{job=\"circle\"} == 0"));
        assertEquals(Set.of("circle_refusals_total"), metricNames("sum by (code) (rate(circle_refusals_total{code=\"BAD_MESSAGE\"}[5m]))"));
        assertEquals(Set.of("a", "b"), metricNames("a > 0 and on (x) b"));
        assertEquals(new ArrayList<>(), new ArrayList<>(metricNames("vector(1)")));
    }
}
