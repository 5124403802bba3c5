package org.circle.web;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;

/**
 * v1.1 knocks and presence through the real pages: a member at the locked door let in alone and
 * carried on to the waiting room by their page, and the member's room saying that the facilitator
 * is reconnecting, then the waiting room saying why when they do not come back in time. A server
 * of its own: the facilitator leaves for good.
 */
class FollowUpBrowserIT {

    @Test
    void followUpKnockAndAFacilitatorWhoDoesNotComeBack() {
        Circle circle = CircleServer.standalone("follow-up", Map.of());
        try (Browser browser = new Browser()) {
            Setting s = new Setting(circle);
            assertEquals(200, circle.admin().send("PATCH", "/api/groups/" + s.groupId,
                    json("facilitatorGraceSeconds", 10).toString(), "application/json").status());
            assertEquals(200, circle.admin().send("PATCH", "/api/sessions/" + s.sessionId,
                    json("startsAt", Instant.now().toString()).toString(), "application/json").status());

            Page f = s.facilitatorPage(browser);

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

            // The facilitator's page goes, and does not come back within the grace. The line is
            // recorded as it appears: on a loaded machine closing a page can take longer than the
            // grace, and by the time a poll looks the member may already be waiting again.
            m.evaluate("() => { window.presenceSeen = [];"
                    + " const p = document.querySelector('.presence');"
                    + " new MutationObserver(() => { if (!p.hidden) window.presenceSeen.push(p.textContent); })"
                    + ".observe(p, { attributes: true, attributeFilter: ['hidden'] }); }");
            f.close();
            // A page that closes tells the server at once, but in one full CI run the server never
            // heard the close; the heartbeat is then what notices (a ping unanswered for 60 s, looked
            // at every 20 s), so the wait covers it and the 10 s grace.
            m.waitForSelector("#waiting:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(100_000));
            assertEquals(List.of("Your facilitator is reconnecting…"), m.evaluate("() => window.presenceSeen"),
                    "the room said the facilitator was away before the member was sent to wait");
            String why = m.textContent(".facilitator-message");
            assertTrue(why.startsWith("Your facilitator's connection dropped") && why.contains("when they return"), why);
            Browser.screenshot(m, "follow-up-member-waiting");
        } finally {
            circle.process().close();
        }
    }
}
