package org.circle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
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
 * A browser set to dark gets dark pages, and they stay readable: the page background is dark and
 * its text light, and axe-core finds no serious contrast (or other) violation on the join page,
 * the waiting room, the live session with the floor held and a go-around running, and the console.
 * A browser set to light still gets the light pages.
 */
@ExtendWith(CircleServer.class)
class DarkModeBrowserIT {

    @Test
    void darkBrowsersGetReadableDarkPagesInEveryState(Circle circle) {
        Setting s = new Setting(circle);
        List<String> violations = new ArrayList<>();
        try (Browser browser = new Browser()) {
            Page f = s.facilitatorPage(browser);
            dark(f);
            Page ann = browser.newPage();
            dark(ann);
            ann.navigate(circle.process().baseUrl() + "/join/" + s.member("Ann"));
            ann.waitForSelector("#to-agreements");
            check(ann, "join page", violations);
            ann.click("#to-agreements");
            ann.click("#to-devices");
            ann.waitForSelector("#preview");
            ann.click("#to-waiting");
            ann.waitForSelector("#waiting:not([hidden])");
            check(ann, "waiting room", violations);
            Page bo = s.waitingMember(browser, "Bo");

            f.waitForSelector(".waiting-list li:has-text('Bo')");
            check(f, "console with people waiting", violations);
            f.click("#admit-all");
            ann.waitForSelector("#session:not([hidden])");
            f.waitForSelector("#live .notice:has-text('admitted')");
            assertEquals("Everyone waiting was admitted.", f.textContent("#live .notice").trim(), "a notice reads as written (it once ended in \"null\")");
            f.click("text=Actions for Ann"); // the person's menu on their tile
            f.click("text=Give Ann the floor");
            ann.waitForSelector(".floor.held");
            check(ann, "session, floor held", violations);
            f.click("text=Start a go-around");
            ann.waitForSelector(".round-strip li.round-now");
            check(ann, "session, go-around", violations);
            check(f, "console, live", violations);
            Browser.screenshot(ann, "dark-session");
            Browser.screenshot(f, "dark-console");

            bo.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
            assertTrue(luminance(bo, "background-color") > 0.8, "a light browser still gets the light page");
        }
        assertEquals(List.of(), violations, "no serious or critical accessibility violation in the dark");
    }

    private static void dark(Page page) {
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
    }

    /** The page is dark with light text, and axe-core has nothing serious to say about it. */
    private static void check(Page page, String state, List<String> violations) {
        double paper = luminance(page, "background-color"), ink = luminance(page, "color");
        assertTrue(paper < 0.05 && ink > 0.6, state + ": dark background and light text, got luminance " + paper + " and " + ink);
        for (String v : Accessibility.seriousViolations(page)) violations.add(state + ": " + v);
    }

    /** The relative luminance (WCAG) of one colour property of the page's root element. */
    private static double luminance(Page page, String property) {
        return ((Number) page.evaluate("p => { const [r, g, b] = getComputedStyle(document.documentElement)[p]"
                + ".match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(c => c / 255)"
                + ".map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);"
                + " return 0.2126 * r + 0.7152 * g + 0.0722 * b; }", property)).doubleValue();
    }
}
