package org.circle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.circle.testing.Accessibility;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The session as a member on a phone lives it (390×844, four tiles): every control and the floor
 * line with its timer on screen together without scrolling; a turn that runs out says so on the
 * floor line and on the speaker's tile; the go-around strip shows whose turn it is and who passed;
 * Leave asks first and the end says what to do next; a removed member is told so when they open
 * their link again; no page asks for anything that is not there (the favicon was a 404).
 */
@ExtendWith(CircleServer.class)
class SessionViewBrowserIT {

    private static final int PHONE_W = 390, PHONE_H = 844;

    @Test
    void aPhoneMemberHasEveryControlTheFloorAndTheRoundInView(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        List<String> missing = new CopyOnWriteArrayList<>();
        List<String> accessibility = new ArrayList<>();
        try (Browser browser = new Browser()) {
            Page f = s.facilitatorPage(browser);
            String annLink = s.member("Ann");
            Page ann = browser.newPage(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(PHONE_W, PHONE_H)
                    .setIsMobile(true).setHasTouch(true));
            ann.context().setDefaultTimeout(60_000);
            ann.onResponse(r -> { if (r.status() >= 400) missing.add(r.status() + " " + r.url()); });
            ann.navigate(circle.process().baseUrl() + "/join/" + annLink);
            ann.click("#to-agreements");
            ann.click("#to-devices");
            ann.waitForSelector("#preview");
            ann.click("#to-waiting");
            ann.waitForSelector("#waiting:not([hidden])"); // first to wait: first in the go-around
            Page bo = s.waitingMember(browser, "Bo");
            Page cy = s.waitingMember(browser, "Cy");
            for (Page p : List.of(f, bo, cy)) p.onResponse(r -> { if (r.status() >= 400) missing.add(r.status() + " " + r.url()); });

            f.waitForSelector(".waiting-list li:has-text('Ann')");
            f.click("#admit-all");
            for (Page p : List.of(ann, bo, cy)) p.waitForSelector("#session:not([hidden])");
            ann.waitForFunction("() => document.querySelectorAll('#session .grid .tile').length === 4");

            // A turn of eight seconds for Ann.
            f.fill("#turn-seconds", "8");
            f.click("text=Actions for Ann"); // the person's menu on their tile
            f.click("text=Give Ann the floor");
            ann.waitForSelector(".floor:has-text('You have the floor')");
            String running = ann.textContent(".floor");
            assertTrue(running.matches(".*0:0[1-8] left.*"), "the timer shows beside the floor line: " + running);
            assertAllInView(ann, "while the timer runs");
            Browser.screenshot(ann, "session-phone-floor");
            ann.waitForSelector(".floor.time-up:has-text('time is up')");
            bo.waitForSelector(".floor.time-up:has-text('Ann has the floor · time is up')");
            bo.waitForSelector(".tile.time-up:has-text('Ann')");
            accessibility.addAll(Accessibility.seriousViolations(ann));

            // A go-around in admission order: Ann passes from her phone, Bo's turn is marked.
            f.click("text=Start a go-around");
            ann.waitForSelector(".pass:not([hidden])");
            assertAllInView(ann, "in a go-around, Pass included");
            ann.click(".pass");
            bo.waitForSelector(".round-strip li.round-now[aria-current=step]:has-text('You')");
            assertEquals("Ann · passed", bo.textContent(".round-strip li.round-passed").trim());
            cy.waitForSelector(".round-strip li.round-now:has-text('Bo · speaking now')");
            Browser.screenshot(bo, "session-round-strip");
            accessibility.addAll(Accessibility.seriousViolations(bo));
            f.click("#round-stop");

            // Leave asks first; Stay keeps the session, Leave ends it with a next step.
            cy.click(".controls .leave");
            cy.waitForSelector("#leave-dialog[open]");
            cy.click("#leave-dialog button[value=stay]");
            cy.waitForTimeout(500);
            assertTrue(cy.isVisible("#session"), "Stay keeps Cy in the session");
            cy.click(".controls .leave");
            cy.click("#leave-dialog button[value=leave]");
            cy.waitForSelector("#ended:not([hidden])");
            assertEquals("You have left the session", cy.textContent(".ended-title"));
            assertTrue(cy.textContent(".ended-next").contains("come back from your link"), cy.textContent(".ended-next"));
            f.waitForFunction("() => !document.querySelector('.people').textContent.includes('Cy')");

            // Removed: told so, with a next step, and again when opening the link later.
            f.onDialog(d -> d.accept());
            f.click("text=Actions for Ann"); // the person's menu on their tile
            f.click("text=Remove Ann");
            f.click("#remove-dialog button[value=remove]"); // removal asks first, now in a dialog with a reason
            ann.waitForSelector("#ended:not([hidden])");
            assertTrue(ann.textContent(".ended-next").contains("contact your facilitator"), ann.textContent(".ended-next"));
            missing.clear(); // the refused ticket below is a 403 by design
            ann.navigate(circle.process().baseUrl() + "/join/" + annLink);
            ann.click("#to-agreements");
            ann.click("#to-devices");
            ann.waitForSelector("#preview");
            ann.click("#to-waiting");
            ann.waitForSelector("#problem:not([hidden])");
            assertEquals("You were removed from this session.", ann.textContent(".problem-text").trim());
            missing.removeIf(m -> m.startsWith("403 ") && m.contains("/tickets"));
        }
        assertEquals(List.of(), missing, "every page finds everything it asks for");
        assertEquals(List.of(), accessibility, "no serious or critical accessibility violation");
    }

    /** Every control of the bar and the floor line lie inside the phone's screen as the page stands, unscrolled. */
    private static void assertAllInView(Page page, String when) {
        assertEquals(0, ((Number) page.evaluate("() => window.scrollY")).intValue(), "not scrolled");
        List<String> out = new ArrayList<>();
        Locator buttons = page.locator("#session .controls button:visible");
        assertTrue(buttons.count() >= 7, "the whole bar: " + buttons.allTextContents());
        for (int i = 0; i < buttons.count(); i++) check(buttons.nth(i), out);
        check(page.locator("#session .floor"), out);
        assertEquals(List.of(), out, when + ": on screen without scrolling");
    }

    private static void check(Locator l, List<String> out) {
        BoundingBox b = l.boundingBox();
        if (b == null || b.y < 0 || b.y + b.height > PHONE_H || b.x < 0 || b.x + b.width > PHONE_W) {
            out.add(l.textContent().trim() + " at " + (b == null ? "nowhere" : b.x + "," + b.y + " " + b.width + "×" + b.height));
        }
    }
}
