package org.circle.care;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.circle.testing.Accessibility;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One member and one facilitator, through the real pages: a support request from the waiting
 * room with no facilitator connected tells the member so and shows the crisis text; the
 * facilitator who opens the session later sees it with the check-in and a call link, and
 * acknowledges it; the member sees by whom. Then a private message each way, shown as text.
 */
@ExtendWith(CircleServer.class)
class LiveCareBrowserIT {

    private static final String CRISIS = "Call 999, or the Samaritans on 116 123, at any hour.";
    private static final String MARKUP = "<b>not bold</b> & <img src=x>";

    private final List<String> accessibility = new ArrayList<>();

    private void check(Page page, String name) {
        Browser.screenshot(page, "live-care-" + name);
        for (String v : Accessibility.seriousViolations(page)) accessibility.add(name + ": " + v);
    }

    @Test
    void aRequestWithNobodyThereIsSeenLaterAndAcknowledgedAndMessagesGoBothWays(Circle circle) {
        Setting s = new Setting(circle);
        CareIT.patch(circle.admin(), s.groupId, json("checkIn", "required", "crisisText", CRISIS));
        assertEquals(200, circle.admin().send("PATCH", "/api/sessions/" + s.sessionId,
                json("startsAt", Instant.now().toString()).toString(), "application/json").status());

        try (Browser browser = new Browser()) {
            Page m = browser.newPage();
            m.navigate(circle.process().baseUrl() + "/join/" + s.member("Wren"));
            m.click("#to-agreements");
            m.click("#to-devices");
            m.waitForSelector("#preview");
            m.click("#to-waiting");
            Setting.checkIn(m, "Boathouse 2, Mill Reach", "+44 7700 900444");
            m.waitForSelector("#waiting:not([hidden])");

            m.click("#waiting-support");
            m.fill("#support-note", "Panicking a bit " + MARKUP);
            m.click("#support-dialog button[value=send]");
            m.waitForSelector(".support-status:has-text('nobody has been told yet')");
            assertTrue(m.isVisible(".crisis"), "with nobody to hear it, the crisis text shows");
            assertEquals(CRISIS, m.textContent(".crisis-text"));
            check(m, "member-nobody-there");

            Page f = s.facilitatorPage(browser);
            f.waitForSelector(".support-card");
            String card = f.textContent(".support-card");
            assertTrue(card.contains("Wren asked for support (in the waiting room)"), card);
            assertTrue(card.contains("Boathouse 2, Mill Reach"), card);
            assertTrue(card.contains("Panicking a bit " + MARKUP), "the note is shown as text: " + card);
            assertEquals(0, f.locator(".support-card b, .support-card img").count(), "nothing the member typed becomes markup");
            assertEquals("tel:+447700900444", f.getAttribute(".support-card a", "href"));
            check(f, "console-request");

            f.click("text=Acknowledge Wren's request");
            m.waitForSelector(".support-status:has-text('Lead Facilitator has seen your request')");
            assertTrue(m.isHidden(".crisis"));
            f.waitForSelector(".support-card", new Page.WaitForSelectorOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));

            m.click("#waiting-support"); // with a facilitator there now, the member is told so
            m.click("#support-dialog button[value=send]");
            m.waitForSelector(".support-status:has-text('1 facilitator has been told, privately.')");
            assertTrue(m.isHidden(".crisis"));
            f.waitForSelector(".support-card:has-text('Wren asked for support')");
            assertFalse(f.textContent(".support-card").contains("Panicking"), "a new request, not the acknowledged one again");
            f.click("text=Acknowledge Wren's request");

            m.fill("#message-facilitators textarea", "Can we talk after? " + MARKUP);
            m.click("#message-facilitators button");
            m.waitForSelector(".message-status:has-text('Sent to 1 facilitator.')");
            f.click("#tab-messages"); // the messages have their own tab in the console's panel
            f.waitForSelector(".messages-panel .messages li:has-text('Can we talk after?')");
            assertTrue(f.textContent(".messages-panel .messages").contains("Wren, to the facilitators"));
            assertEquals(0, f.locator(".messages b, .messages img").count());

            f.selectOption("#message-to", new com.microsoft.playwright.options.SelectOption().setLabel("Wren (waiting)"));
            f.fill("#message-text", "Of course. I'll let you in in a minute.");
            f.click("#message-send button");
            m.waitForSelector("#care .messages li:has-text('let you in in a minute')");
            assertTrue(m.textContent("#care .messages").contains("Lead Facilitator, to you"), m.textContent("#care .messages"));
            check(m, "member-messages");
            check(f, "console-messages");
        }
        assertFalse(circle.process().log().contains("Can we talk after"), "message texts are never logged");
        assertFalse(circle.process().log().contains("Panicking"), "support notes are never logged");
        assertEquals(List.of(), accessibility, "no serious or critical accessibility violations");
    }
}
