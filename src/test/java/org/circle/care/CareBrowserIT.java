package org.circle.care;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.circle.testing.Accessibility;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member's care around two sessions, through the real join page: the check-in before the
 * waiting room, the check-out with a goal after the session ends, and at the next session the
 * goal shown back with the emergency contact remembered on this device. The facilitator's console
 * then shows the averages and draws the trend. Nothing the member typed reaches the server's log.
 */
@ExtendWith(CircleServer.class)
class CareBrowserIT {

    private static final String LOCATION = "Garden flat, 17 Larkspur Row";
    private static final String PHONE = "+44 7700 900321";
    private static final String CONTACT = "Brother Teodor 07700 900654";
    private static final String COMMENT = "Hearing Wren's story moved me";
    private static final String GOAL = "Phone Granny Oona on Sunday";
    private static final String LOCATION_TWO = "Library carrel 9, Fenwick campus";

    private final List<String> accessibility = new ArrayList<>();

    private void check(Page page, String name) {
        Browser.screenshot(page, "care-" + name);
        for (String v : Accessibility.seriousViolations(page)) accessibility.add(name + ": " + v);
    }

    @Test
    void checkInCheckOutWithAGoalAndTheGoalAtTheNextCheckIn(Circle circle) {
        Setting s = new Setting(circle);
        CareIT.patch(circle.admin(), s.groupId, json("checkIn", "required", "crisisText", "Call 999 or the Samaritans on 116 123."));
        // The join page offers only a session whose waiting room is open: tonight's starts now, the
        // next one in ten minutes (its waiting room already open, for the second visit).
        java.time.Instant now = java.time.Instant.now();
        assertEquals(200, circle.admin().send("PATCH", "/api/sessions/" + s.sessionId,
                json("startsAt", now.toString()).toString(), "application/json").status());
        String next = circle.admin().post("/api/groups/" + s.groupId + "/sessions",
                json("title", "Next week", "startsAt", now.plusSeconds(600).toString(), "minutes", 90)).json().getString("id");
        String token = s.member("Wren");
        String link = circle.process().baseUrl() + "/join/" + token;

        try (Browser browser = new Browser()) {
            Page m = browser.newPage();
            BrowserContext device = m.context();
            throughToCheckIn(m, link);
            assertTrue(m.isHidden(".last-goal"), "no goal yet at the first check-in");
            assertTrue(m.isHidden("#check-in-skip"), "a required check-in cannot be skipped");
            check(m, "check-in");
            m.click("#check-in-send");
            assertTrue(m.isVisible("#check-in:not([hidden])"), "the browser keeps an empty required form from being sent");
            m.fill("#check-in-location", LOCATION);
            m.fill("#check-in-phone", PHONE);
            m.fill("#check-in-contact", CONTACT);
            m.check("#check-in-remember");
            m.check("#check-in-private");
            m.click("#check-in-send");
            m.waitForSelector("#waiting:not([hidden])");

            JsonObject seen = circle.admin().get("/api/sessions/" + s.sessionId + "/check-ins").structure().asJsonArray().getJsonObject(0);
            assertEquals(LOCATION, seen.getString("location"));
            assertEquals(PHONE, seen.getString("phone"));
            assertEquals(CONTACT, seen.getString("emergencyContact"));
            assertTrue(seen.getBoolean("privateSpace"));

            Ws f = s.connect(s.facilitatorTicket());
            JsonObject waiting = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1);
            String wren = waiting.getJsonArray("waiting").getJsonObject(0).getString("id");
            assertEquals("ack", f.call("admit", "participant", wren).getString("type"));
            m.waitForSelector("#session:not([hidden])");
            assertEquals("ack", f.call("session.end").getString("type"));
            m.waitForSelector("#check-out-form:not([hidden])");
            check(m, "check-out");
            rate(m, "connection", 8);
            rate(m, "topics", 6);
            rate(m, "approach", 9);
            rate(m, "overall", 7);
            assertEquals("7", m.textContent("output[for=rating-overall]"));
            m.fill("#check-out-comment", COMMENT);
            m.fill("#check-out-goal", GOAL);
            m.click("#check-out-form button.primary");
            m.waitForSelector("text=Thank you. We will ask you about your goal at the start of the next session.");

            JsonObject outs = circle.admin().get("/api/sessions/" + s.sessionId + "/check-outs").json();
            JsonObject answer = outs.getJsonArray("answers").getJsonObject(0);
            assertEquals(json("connection", 8, "topics", 6, "approach", 9, "overall", 7), answer.getJsonObject("ratings"));
            assertEquals(GOAL, answer.getString("goal"));
            assertEquals(COMMENT, answer.getString("comment"));

            Page again = device.newPage(); // the same device: its storage, a new visit for the next session
            throughToCheckIn(again, link);
            again.waitForSelector(".last-goal:not([hidden])");
            assertEquals(GOAL, again.textContent(".last-goal-text"));
            assertEquals(CONTACT, again.inputValue("#check-in-contact"), "remembered on this device, as asked");
            assertEquals("", again.inputValue("#check-in-location"), "where they are is asked every session");
            assertEquals("", again.inputValue("#check-in-phone"));
            check(again, "check-in-with-goal");
            again.check("input[name=goalReview][value=partly]");
            again.fill("#check-in-location", LOCATION_TWO);
            again.fill("#check-in-phone", PHONE);
            again.click("#check-in-send");
            again.waitForSelector("#waiting:not([hidden])");
            JsonObject second = circle.admin().get("/api/sessions/" + next + "/check-ins").structure().asJsonArray().getJsonObject(0);
            assertEquals("partly", second.getString("goalReview"));
            assertEquals(LOCATION_TWO, second.getString("location"));
            assertFalse(second.getBoolean("privateSpace"), "left unticked this time");

            Page other = browser.newPage(); // another device knows nothing of the contact
            throughToCheckIn(other, link);
            assertEquals("", other.inputValue("#check-in-contact"));

            Page console = browser.newPage();
            console.navigate(circle.process().baseUrl() + "/facilitate");
            console.evaluate("t => sessionStorage.setItem('circle.token', t)", circle.adminToken());
            console.navigate(circle.process().baseUrl() + "/facilitate");
            console.click("text=\"" + s.groupName + "\"");
            console.waitForSelector(".trend-chart");
            assertEquals("required", console.inputValue("#care-form select[name=checkIn]"));
            assertEquals("Call 999 or the Samaritans on 116 123.", console.inputValue("#care-form textarea[name=crisisText]"));
            assertEquals(4, console.locator(".trend-chart polyline").count(), "one line per rating");
            assertTrue(console.textContent(".care-averages").contains("7.0"), console.textContent(".care-averages"));
            console.click("text=Check-outs for Tonight");
            console.waitForSelector("text=Will try: " + GOAL);
            check(console, "console-care");
            console.selectOption("#care-form select[name=checkIn]", "optional");
            console.click("text=Save care settings");
            console.waitForSelector("text=Care settings saved.");
            assertEquals("optional", circle.admin().get("/api/groups/" + s.groupId).json().getString("checkIn"));
        }
        String log = circle.process().log();
        for (String typed : List.of(LOCATION, PHONE, CONTACT, COMMENT, GOAL, LOCATION_TWO, "Larkspur", "Teodor", "Oona", "Fenwick", "900321")) {
            assertFalse(log.contains(typed), "the server log holds what the member typed: " + typed);
        }
        assertEquals(List.of(), accessibility, "no serious or critical accessibility violations");
    }

    private static void throughToCheckIn(Page p, String link) {
        p.navigate(link);
        p.click("#to-agreements");
        p.click("#to-devices");
        p.waitForSelector("#preview");
        p.click("#to-waiting");
        p.waitForSelector("#check-in:not([hidden])");
    }

    /** Moves a slider with the keyboard, as a person would. */
    private static void rate(Page p, String name, int value) {
        p.focus("#rating-" + name);
        p.keyboard().press("Home");
        for (int i = 0; i < value; i++) p.keyboard().press("ArrowRight");
    }
}
