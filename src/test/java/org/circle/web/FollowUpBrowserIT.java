package org.circle.web;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.Map;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;

/**
 * v1.1 follow-up and presence through the real pages: the console's follow-up card for a member
 * who dropped (with a call link from their check-in), a member at the locked door let in alone
 * and carried on to the waiting room by their page, and the member's room saying that the
 * facilitator is reconnecting, then the waiting room saying why when they do not come back in
 * time. A server of its own: a drop is reported after 3 s here, not 60.
 */
class FollowUpBrowserIT {

    private static final String PHONE = "+44 7700 900777";

    @Test
    void followUpKnockAndAFacilitatorWhoDoesNotComeBack() {
        Circle circle = CircleServer.standalone("follow-up", Map.of("CIRCLE_DROP_FOLLOW_UP_SECONDS", "3"));
        try (Browser browser = new Browser()) {
            Setting s = new Setting(circle);
            assertEquals(200, circle.admin().send("PATCH", "/api/groups/" + s.groupId,
                    json("facilitatorGraceSeconds", 10).toString(), "application/json").status());
            assertEquals(200, circle.admin().send("PATCH", "/api/sessions/" + s.sessionId,
                    json("startsAt", Instant.now().toString()).toString(), "application/json").status());

            // Ann checked in and waits before the facilitator opens the console: its first picture must
            // show her (it was lost while the console waited for the camera). She is admitted, and vanishes.
            String ann = s.member("Ann");
            assertEquals(201, circle.http().post("/api/invitations/" + ann + "/check-ins", json("sessionId", s.sessionId,
                    "location", "Spare room at home", "phone", PHONE, "privateSpace", true)).status());
            Ws annSocket = s.connect(s.memberTicket(ann));
            Page f = s.facilitatorPage(browser);
            f.click("text=Admit Ann");
            annSocket.await("admitted");
            annSocket.drop();
            f.waitForSelector(".follow-up");
            String card = f.textContent(".follow-up");
            assertTrue(card.contains("Ann dropped at") && card.contains("follow up"), card);
            assertTrue(card.contains("Spare room at home"), card);
            assertEquals("tel:+447700900777", f.getAttribute(".follow-up a", "href"));

            // Dee arrives at a locked session.
            f.check("#locked");
            Page m = browser.newPage();
            m.navigate(circle.process().baseUrl() + "/join/" + s.member("Dee"));
            m.click("#to-agreements");
            m.click("#to-devices");
            m.waitForSelector("#preview");
            m.click("#to-waiting");
            m.waitForSelector("#locked:not([hidden])");
            String door = m.textContent("#locked");
            assertTrue(door.contains("closed to new arrivals") && door.contains("have been told"), door);
            f.click("text=Let Dee into the waiting room");
            m.waitForSelector("#waiting:not([hidden])");
            assertTrue(f.isChecked("#locked"), "still locked for everyone else");
            f.click("text=Admit Dee");
            m.waitForSelector("#session:not([hidden])");
            assertTrue(m.isHidden(".presence"), "the facilitator is there");

            // The facilitator's page goes, and does not come back within the grace.
            f.close();
            m.waitForSelector(".presence:not([hidden])");
            assertEquals("Your facilitator is reconnecting…", m.textContent(".presence"));
            m.waitForSelector("#waiting:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(30_000));
            String why = m.textContent(".facilitator-message");
            assertTrue(why.startsWith("Your facilitator's connection dropped") && why.contains("when they return"), why);
            Browser.screenshot(m, "follow-up-member-waiting");
        } finally {
            circle.process().close();
        }
    }
}
