package org.circle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import java.util.List;
import org.circle.testing.Accessibility;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser set to German in Berlin: the console and the member's session speak German (from the
 * string catalogue, chosen by navigator.languages), and times are Berlin's with the zone named: a
 * session stored as 18:00 UTC in November shows as 19:00 MEZ.
 */
@ExtendWith(CircleServer.class)
class LanguageBrowserIT {

    private static Page german(Browser browser) {
        Page p = browser.newPage(new NewContextOptions().setViewportSize(1280, 800).setLocale("de-DE").setTimezoneId("Europe/Berlin"));
        p.context().setDefaultTimeout(60_000);
        return p;
    }

    @Test
    void aGermanBrowserReadsGermanAndBerlinTime(Circle circle) {
        Setting s = new Setting(circle); // "Tonight" starts 2026-11-22T18:00:00Z
        try (Browser browser = new Browser()) {
            Page f = german(browser);
            f.navigate(circle.process().baseUrl() + "/facilitate");
            f.evaluate("t => sessionStorage.setItem('circle.token', t)", circle.adminToken());
            f.navigate(circle.process().baseUrl() + "/facilitate");
            f.click("text=\"" + s.groupName + "\"");
            String planned = f.textContent(".session-list li:has-text('Tonight')");
            assertTrue(planned.contains("19:00") && planned.contains("MEZ"), "Berlin's time with its zone: " + planned);
            assertTrue(planned.contains("Nov"), "a German date: " + planned);
            assertTrue(planned.contains("· geplant ·"), "the session's state in German: " + planned);

            f.click("button:text-is('Tonight beginnen')");
            f.waitForSelector("#live .grid .tile");
            assertEquals("de", f.evaluate("() => document.documentElement.lang"));
            assertEquals("Leiten · Circle", f.title());
            assertTrue(f.isVisible("#mute-all:text-is('Alle stummschalten')"), f.textContent("#mute-all"));
            assertTrue(f.isVisible("#tab-waiting:has-text('Wartend')"));

            Page ann = german(browser);
            ann.navigate(circle.process().baseUrl() + "/join/" + s.member("Ann"));
            assertEquals("Weiter", ann.textContent("#to-agreements").trim(), "the join page's own words");
            ann.click("#to-agreements");
            ann.click("#to-devices");
            ann.waitForSelector("#preview");
            ann.click("#to-waiting");
            ann.waitForSelector("#waiting:not([hidden])");
            f.waitForSelector(".waiting-list li:has-text('Ann · Vereinbarungen vollständig')");
            assertTrue(f.textContent(".waiting-list li").contains("gerade angekommen"), f.textContent(".waiting-list li"));
            f.click("button:text-is('Ann einlassen')");

            ann.waitForSelector("#session:not([hidden])");
            ann.waitForSelector("#session .floor:text-is('Niemand hat das Wort')");
            ann.waitForSelector("#session .mic:text-is('Mikrofon stummschalten')");
            assertTrue(ann.isVisible("#session .support:text-is('Ich brauche Unterstützung')"));
            f.waitForSelector("text=Aktionen für Ann");

            // A refusal of the server's, in German: in moderated mode a member without the floor may not unmute.
            f.check("#moderated");
            ann.waitForSelector("#session .mic:text-is('Mikrofon einschalten')");
            ann.click("#session .mic");
            ann.waitForSelector("#session .notice:has-text('Sie sind gerade nicht an der Reihe.')");
            f.uncheck("#moderated");
            // The word the style sheet writes on a speaking tile comes from the catalogue too.
            assertEquals("\" · spricht\"", ann.evaluate("() => getComputedStyle(document.documentElement).getPropertyValue('--speaking-word').trim()"));

            ann.click("#session .support");
            ann.click("#support-dialog button[value=send]");
            f.waitForSelector(".support-card");
            String card = f.textContent(".support-card");
            assertTrue(card.contains("Ann bittet um Unterstützung") && card.contains("MEZ"), "a German alert with Berlin's time: " + card);

            Browser.screenshot(f, "console-german");
            assertEquals(List.of(), Accessibility.seriousViolations(f), "the German console");
            assertEquals(List.of(), Accessibility.seriousViolations(ann), "the German session");
        }
    }
}
