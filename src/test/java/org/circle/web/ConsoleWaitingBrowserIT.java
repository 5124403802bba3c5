package org.circle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's waiting room: an arrival shows with how long they have waited and counts in the
 * tab's title; "Message …" writes to that one person, who reads it in the waiting room; once
 * admitted, the count is gone. A facilitator who opens the console late sees who already waits.
 */
@ExtendWith(CircleServer.class)
class ConsoleWaitingBrowserIT {

    @Test
    void arrivalsAreCountedTimedAndCanBeWrittenTo(Circle circle) {
        Setting s = new Setting(circle);
        try (Browser browser = new Browser()) {
            Page opening = s.facilitatorPage(browser); // opens the session, then closes: the console comes back late
            Page early = s.waitingMember(browser, "Early");
            opening.close();
            Page f = s.facilitatorPage(browser);
            String waited = f.textContent(".waiting-list li:has-text('Early') .wait-time");
            assertTrue(waited.matches("just arrived|waiting \\d+ min"), "how long Early has waited: " + waited);
            assertEquals("(1) Facilitate · Circle", f.title(), "who waited before the console opened counts too");

            Page ann = s.waitingMember(browser, "Ann");
            f.waitForSelector(".waiting-list li:has-text('Ann')");
            f.waitForFunction("() => document.title === '(2) Facilitate · Circle'");

            f.click("text=Message Ann");
            assertEquals(true, f.evaluate("() => document.activeElement === document.querySelector('#message-text')"), "the cursor is in the message box");
            f.fill("#message-text", "We start in two minutes, Ann.");
            f.click("#message-send button");
            ann.waitForSelector("#care .messages li:has-text('We start in two minutes, Ann.')");
            assertEquals(0, early.locator("#care .messages li:has-text('two minutes')").count(), "only Ann was written to");
            Browser.screenshot(f, "console-waiting");

            f.click("#tab-waiting"); // writing opened the Messages tab; admitting is on the Waiting tab
            f.click("text=Admit Ann");
            f.click("text=Admit Early");
            f.waitForFunction("() => document.title === 'Facilitate · Circle'");
        }
    }
}
