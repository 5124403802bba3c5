package org.circle.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Scrape;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator's Prometheus reads at {@code /metrics} while a facilitator admits a member,
 * the member is refused a frame and leaves: the gauges follow who is connected, and the counters
 * and timers count what happened (issue 23). Figures are compared with a reading just before,
 * because the shared server has carried other tests' sessions.
 */
@ExtendWith(CircleServer.class)
class SessionMetricsIT {

    private static final String WAITING = "circle_people_waiting";
    private static final String FACILITATORS = "circle_people_connected{role=\"facilitator\"}";
    private static final String PARTICIPANTS = "circle_people_connected{role=\"participant\"}";
    private static final String LIVE = "circle_sessions_live";
    private static final String UNFACILITATED = "circle_sessions_unfacilitated";

    @Test
    void theFiguresFollowAnAdmissionARefusalAndALeaving(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        String annInvite = s.member("Ann");
        Scrape before = settled(circle);

        Ws f = s.connect(s.facilitatorTicket());
        Ws ann = s.connect(s.memberTicket(annInvite));
        String annId = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1)
                .getJsonArray("waiting").getJsonObject(0).getString("id");
        Scrape waiting = awaitScrape(circle, now -> now.since(before, WAITING) == 1 && now.since(before, LIVE) == 1);
        assertEquals(Map.of(FACILITATORS, 1.0, PARTICIPANTS, 1.0),
                Map.of(FACILITATORS, waiting.since(before, FACILITATORS), PARTICIPANTS, waiting.since(before, PARTICIPANTS)), waiting.toString());

        assertEquals("ack", f.call("admit", "participant", annId).getString("type"));
        ann.await("admitted");
        assertEquals("error", ann.call("no.such.frame").getString("type"));
        assertEquals("NOT_YOUR_TURN", ann.call("floor.yield").getString("code"));
        Scrape admitted = awaitScrape(circle, now -> now.since(before, WAITING) == 0);
        assertEquals(1, admitted.since(before, "circle_frames_received_total{type=\"admit\"}"), admitted.toString());
        assertEquals(2, admitted.since(before, "circle_frames_received_total{type=\"hello\"}"));
        assertEquals(0, admitted.since(before, "circle_frames_received_total{type=\"no.such.frame\"}"), "a client mints no series");
        assertTrue(admitted.since(before, "circle_frames_sent_total{type=\"admitted\"}") >= 1);
        assertTrue(admitted.since(before, "circle_frames_sent_total{type=\"welcome\"}") >= 2);
        assertEquals(1, admitted.since(before, "circle_refusals_total{code=\"BAD_MESSAGE\"}"));
        assertEquals(1, admitted.since(before, "circle_refusals_total{code=\"NOT_YOUR_TURN\"}"));
        assertEquals(1, admitted.since(before, "circle_admission_seconds_count"), admitted.text());
        assertTrue(admitted.value("circle_admission_seconds_sum") > 0, "an admission takes some time");
        assertEquals(1, admitted.since(before, "circle_admission_seconds_bucket{le=\"+Inf\"}"), "histogram buckets: " + admitted.startingWith("circle_admission"));
        assertTrue(admitted.since(before, "circle_durable_write_seconds_count") >= 3, "the arrivals and the admission were written");

        assertEquals(1, admitted.value("circle_database_up"));
        assertFalse(admitted.has("circle_media_server_up"), "no series for a media server this server has not got");

        f.close();
        Scrape alone = awaitScrape(circle, now -> now.since(before, FACILITATORS) == 0);
        assertEquals(1, alone.since(before, UNFACILITATED), "Ann is in a live session with no facilitator: " + alone);
        ann.close();
        Scrape after = awaitScrape(circle, now -> now.since(before, PARTICIPANTS) == 0);
        assertEquals(0, after.since(before, WAITING));
    }

    /** A reading when nothing is moving: two readings a moment apart agree on who is connected. */
    private static Scrape settled(Circle circle) throws InterruptedException {
        Scrape last = Scrape.of(circle.http());
        for (int i = 0; i < 20; i++) {
            Thread.sleep(500);
            Scrape now = Scrape.of(circle.http());
            if (now.value(WAITING) == last.value(WAITING) && now.value(FACILITATORS) == last.value(FACILITATORS)
                    && now.value(PARTICIPANTS) == last.value(PARTICIPANTS) && now.value(LIVE) == last.value(LIVE)
                    && now.value(UNFACILITATED) == last.value(UNFACILITATED)) return now;
            last = now;
        }
        throw new AssertionError("the figures never settled: " + last);
    }

    private static Scrape awaitScrape(Circle circle, Predicate<Scrape> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        Scrape now = Scrape.of(circle.http());
        while (!done.test(now)) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError("the figures did not get there: " + now);
            Thread.sleep(200);
            now = Scrape.of(circle.http());
        }
        return now;
    }
}
