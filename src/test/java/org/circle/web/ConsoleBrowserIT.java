package org.circle.web;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.circle.testing.Accessibility;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The facilitator's console on a 1280×800 laptop with two members: every session control, tab and
 * person's menu on screen without scrolling; a person's menu used by keyboard alone, whose mute the
 * member's page shows and obeys (its microphone stops sending packets); the floor given from the
 * menu; the tabs by arrow keys; a reload that rebuilds the whole console from the server (waiting,
 * tiles, hands, mode, floor, support requests); removal with a reason the member reads; no member
 * buttons of their own ("raise hand", "I need support") for the facilitator; axe-core in each state.
 */
@ExtendWith(CircleServer.class)
class ConsoleBrowserIT {

    private final List<String> accessibility = new ArrayList<>();

    private void check(Page page, String state) {
        Browser.screenshot(page, "console-" + state);
        for (String v : Accessibility.seriousViolations(page)) accessibility.add(state + ": " + v);
    }

    /** Every visible control of the console that lies outside the window or needs the page scrolled. */
    @SuppressWarnings("unchecked")
    private static List<String> outOfReach(Page f) {
        return (List<String>) f.evaluate("""
                () => {
                  const out = [];
                  if (window.scrollY !== 0) out.push('page scrolled by ' + window.scrollY);
                  for (const c of document.querySelectorAll('#live button, #live input, #live select, #live textarea')) {
                    const r = c.getBoundingClientRect();
                    if (r.width === 0 && r.height === 0) continue; // hidden: a closed menu, another tab
                    if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth)
                      out.push((c.textContent.trim() || c.id || c.name) + ' at ' + Math.round(r.left) + ',' + Math.round(r.bottom));
                  }
                  return out;
                }""");
    }

    private static String focused(Page p) {
        return (String) p.evaluate("() => document.activeElement.textContent.trim()");
    }

    @SuppressWarnings("unchecked")
    private static double audioPacketsSent(Page p) {
        return ((Number) ((Map<String, Object>) p.evaluate("() => window.__sent()")).get("audioPackets")).doubleValue();
    }

    @Test
    void aFacilitatorRunsTheRoomFromMenusTabsAndOneBandOfControls(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        String[] scripts = {Setting.script("record-connections.js"), Setting.script("listen.js")};
        try (Browser browser = new Browser()) {
            Page f = browser.newPage(new NewContextOptions().setViewportSize(1280, 800));
            f.context().setDefaultTimeout(60_000);
            s.facilitatorIn(f);
            Page ann = s.waitingMember(browser, "Ann", scripts);
            Page bo = s.waitingMember(browser, "Bo", scripts);
            f.waitForSelector(".waiting-list li:has-text('Bo')");
            assertTrue(f.textContent("#tab-waiting").contains("(2)"), "the Waiting tab counts: " + f.textContent("#tab-waiting"));
            check(f, "waiting");

            f.click("#admit-all");
            f.waitForFunction("() => document.querySelectorAll('#live .grid .tile').length === 3");
            f.waitForSelector("text=Actions for Bo");
            assertEquals(0, f.locator("#live .controls .hand, #live .controls .support").count(),
                    "the facilitator has no hand to raise nor support to ask for: " + f.textContent("#live .controls"));
            assertEquals(List.of(), outOfReach(f), "every control on screen at 1280×800 without scrolling");
            check(f, "room");

            // The person's menu, by keyboard alone: Tab to it, open, move, close, open again and mute.
            f.evaluate("() => document.activeElement.blur()");
            for (int i = 0; i < 80 && !focused(f).equals("Actions for Ann"); i++) f.keyboard().press("Tab");
            assertEquals("Actions for Ann", focused(f), "the menu button is reached with Tab");
            f.keyboard().press("Enter");
            assertEquals("true", f.getAttribute("text=Actions for Ann", "aria-expanded"));
            assertEquals("Give Ann the floor", focused(f), "the menu opens on its first item");
            assertEquals(List.of(), outOfReach(f), "the open menu is on screen");
            check(f, "menu-open");
            f.keyboard().press("End");
            assertEquals("Remove Ann", focused(f));
            f.keyboard().press("Home");
            f.keyboard().press("Escape");
            assertEquals("Actions for Ann", focused(f), "Escape gives focus back to the button");
            assertEquals("false", f.getAttribute("text=Actions for Ann", "aria-expanded"));

            ann.waitForFunction("() => window.__sent && true");
            double before = audioPacketsSent(ann);
            for (int i = 0; i < 60 && audioPacketsSent(ann) <= before; i++) Thread.sleep(500);
            assertTrue(audioPacketsSent(ann) > before, "Ann's microphone sends before the mute (the measure can see it)");
            f.keyboard().press("ArrowDown");
            f.keyboard().press("ArrowDown");
            assertEquals("Mute Ann", focused(f));
            f.keyboard().press("Enter");
            ann.waitForSelector("#session .tile:has(figcaption:text-is('Ann · You · Muted'))");
            ann.waitForSelector("#session .mic:text-is('Unmute microphone')");
            Thread.sleep(1_500); // packets on their way when the mute arrived
            double muted = audioPacketsSent(ann);
            Thread.sleep(4_000);
            assertEquals(muted, audioPacketsSent(ann), "Ann's page sends no audio packet once muted");

            // The floor from the menu, again by keyboard.
            f.keyboard().press("Enter");
            assertEquals("Give Ann the floor", focused(f));
            f.keyboard().press("Enter");
            ann.waitForSelector(".floor:has-text('You have the floor')");

            // Tabs by arrow keys: Waiting → People shows who is in the room.
            f.focus("#tab-waiting");
            f.keyboard().press("ArrowRight");
            assertEquals("true", f.getAttribute("#tab-people", "aria-selected"));
            assertTrue(f.isVisible(".people li:has-text('Bo')"), "the People tab lists Bo");
            assertEquals(List.of(), outOfReach(f), "the People tab on screen");
            check(f, "people");

            // State the console must rebuild: a hand, moderated mode, the floor, a support request, someone waiting.
            bo.click("#session .hand");
            f.waitForSelector("#tab-hands:has-text('(1)')");
            f.check("#moderated");
            bo.waitForSelector(".mode:has-text('Moderated')");
            bo.click("#session .support");
            bo.fill("#support-note", "A hard evening");
            bo.click("#support-dialog button[value=send]");
            f.waitForSelector(".support-card:has-text('Bo asked for support')");
            s.waitingMember(browser, "Cy");
            f.waitForSelector("#tab-waiting:has-text('(1)')"); // counted on its tab while People is open

            f.reload();
            f.waitForSelector("#live:not([hidden])");
            f.waitForFunction("() => document.querySelectorAll('#live .grid .tile').length === 3");
            f.waitForSelector(".support-card:has-text('Bo asked for support')");
            f.waitForSelector(".waiting-list li:has-text('Cy')");
            f.waitForSelector("#tab-hands:has-text('(1)')");
            f.waitForSelector("#live .floor:has-text('Ann has the floor')");
            assertTrue(f.isChecked("#moderated"), "moderated mode after the reload");
            assertTrue(f.textContent(".support-card").contains("A hard evening"), "the request's note after the reload");
            f.click("#tab-hands");
            assertTrue(f.isVisible(".hands li:has-text('Bo')"), "Bo's hand after the reload");
            assertEquals(List.of(), outOfReach(f), "the rebuilt console on screen, with an alert");
            check(f, "reloaded");

            // Removal asks for a reason, which the member reads, with the next session and the group's support text.
            circle.admin().post("/api/groups/" + s.groupId + "/sessions",
                    json("title", "Next week", "startsAt", "2026-12-29T18:00:00Z", "minutes", 90));
            assertEquals(200, circle.admin().send("PATCH", "/api/groups/" + s.groupId,
                    json("crisisText", "Call the group line, 0800 123 456.").toString(), "application/json").status());
            f.click("text=Actions for Bo");
            f.click("[role=menuitem]:text-is('Remove Bo')");
            f.waitForSelector("#remove-dialog[open]");
            check(f, "remove-dialog");
            f.fill("#remove-reason", "We will talk tomorrow.");
            f.click("#remove-dialog button[value=remove]");
            bo.waitForSelector("#ended:not([hidden]) :text('We will talk tomorrow.')");
            bo.waitForSelector(".ended-after:not([hidden]) .ended-session:has-text('Next week')");
            assertTrue(bo.textContent(".ended-help-text").contains("0800 123 456"), "the group's support text on the end page");
            f.waitForFunction("() => document.querySelectorAll('#live .grid .tile').length === 2");
        }
        assertEquals(List.of(), accessibility, "no serious or critical accessibility violation in any console state");
    }
}
