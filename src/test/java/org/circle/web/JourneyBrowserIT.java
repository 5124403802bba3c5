package org.circle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.circle.testing.Accessibility;
import org.circle.testing.Browser;
import org.circle.testing.CircleProcess;
import org.circle.testing.Setting;
import org.circle.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * A whole group session through the real pages, as people would use them: a facilitator sets
 * Circle up, creates a group, publishes an agreement, invites two members and starts a session;
 * one member agrees and waits, the other does not agree; the facilitator admits the first (the
 * second cannot be), gives the floor, runs a round in which the member passes, receives a support
 * request, removes the member and ends. axe-core checks every page; screenshots are kept.
 */
class JourneyBrowserIT {

    private final List<String> accessibility = new ArrayList<>();
    private int shot;

    private void check(Page page, String name) {
        Browser.screenshot(page, String.format("journey-%02d-%s", ++shot, name));
        for (String violation : Accessibility.seriousViolations(page)) accessibility.add(name + ": " + violation);
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aGroupSessionFromSetupToTheEnd() throws Exception {
        try (TestDatabase database = new TestDatabase()) {
            Map<String, String> env = new HashMap<>(database.env());
            env.put("CIRCLE_SETUP_CODE", "JOURNEY-SETUP");
            CircleProcess circle = new CircleProcess("journey", env);
            circle.withEnv("CIRCLE_PUBLIC_URL", circle.baseUrl()).start();
            try (Browser browser = new Browser()) {
                Page f = browser.newPage();
                f.onDialog(d -> d.accept());
                f.navigate(circle.baseUrl() + "/facilitate");
                f.waitForSelector("#setup:not([hidden])");
                check(f, "setup");
                f.locator("#setup-form").getByLabel("Setup code").fill("JOURNEY-SETUP");
                f.locator("#setup-form").getByLabel("Your name").fill("Maya");
                f.locator("#setup-form").getByLabel("Email").fill("maya@clinic.test");
                f.locator("#setup-form").getByLabel("Password (at least 10 characters)").fill("a calm passphrase");
                f.getByRole(AriaRole.BUTTON, named("Set up")).click();
                f.waitForSelector("#groups:not([hidden])");
                f.getByLabel("New group name").fill("Thursday circle");
                f.getByRole(AriaRole.BUTTON, named("Create group")).click();
                f.waitForSelector("#group:not([hidden])");

                f.locator("#document-form").getByLabel("Title").fill("Group agreement");
                f.getByLabel("Text").fill("What is shared here stays here.\nWe listen without interrupting.");
                f.getByRole(AriaRole.BUTTON, named("Publish agreement")).click();
                f.waitForSelector("#publish-preview[open]");
                f.getByRole(AriaRole.BUTTON, named("Publish")).click();
                f.waitForSelector("text=Group agreement (group-agreement, version 1, required)");
                List<String> links = new ArrayList<>();
                for (String name : List.of("Ann", "Bo")) {
                    f.getByLabel("Invite someone (first name or pseudonym)").fill(name);
                    f.getByRole(AriaRole.BUTTON, named("Invite")).click();
                    f.waitForSelector(".invitation-link[aria-label='Invitation link for " + name + "']");
                    links.add(f.inputValue(".invitation-link"));
                }
                f.locator("#session-form").getByLabel("Title").fill("Week one");
                f.locator("#session-form").getByLabel("Starts").fill("2026-11-22T18:00");
                f.getByRole(AriaRole.BUTTON, named("Schedule")).click();
                f.waitForSelector("text=Start Week one");
                check(f, "group");
                f.getByRole(AriaRole.BUTTON, named("Start Week one")).click();
                f.waitForSelector("#live:not([hidden])");
                // The console shows the live step before its socket is in: wait for the roster (its own
                // tile), or Ann's page may ask before the session is live and find nothing to join.
                f.waitForSelector("#live .grid .tile");

                Page ann = browser.newPage();
                ann.navigate(links.get(0));
                ann.waitForSelector("#welcome:not([hidden])");
                assertEquals("Thursday circle", ann.textContent(".group-name"));
                check(ann, "join-welcome");
                ann.getByLabel("The name others will see (a first name or a pseudonym is fine)").fill("Annie");
                ann.getByRole(AriaRole.BUTTON, named("Continue")).click();
                ann.waitForSelector("#agreements:not([hidden])");
                check(ann, "join-agreements");
                ann.getByRole(AriaRole.BUTTON, named("I agree")).click();
                ann.waitForSelector("text=You agreed. Thank you.");
                ann.locator("#to-devices").click();
                ann.waitForSelector("#devices:not([hidden])");
                check(ann, "join-devices");
                ann.getByRole(AriaRole.BUTTON, named("Join the waiting room")).click();
                check(ann, "join-check-in"); // the console made the group with a required check-in
                Setting.checkIn(ann, "At home, 5 Mill Lane", "+44 7700 900001");
                ann.waitForSelector("#waiting:not([hidden])");
                check(ann, "join-waiting");

                Page bo = browser.newPage();
                bo.navigate(links.get(1));
                bo.getByRole(AriaRole.BUTTON, named("Continue")).click();
                bo.getByRole(AriaRole.BUTTON, named("I don't agree")).click();
                bo.waitForSelector(".declined-note:not([hidden])");
                check(bo, "join-declined");
                bo.locator("#to-devices").click();
                bo.getByRole(AriaRole.BUTTON, named("Join the waiting room")).click();
                Setting.checkIn(bo, "Office, 2 Quay Street", "+44 7700 900002");
                bo.waitForSelector("#waiting:not([hidden])");

                f.waitForSelector("text=Bo · agreements missing");
                assertTrue(f.getByRole(AriaRole.BUTTON, named("Admit Bo")).isDisabled(), "Bo cannot be admitted");
                check(f, "console-waiting");
                f.getByRole(AriaRole.BUTTON, named("Admit Annie")).click();
                ann.waitForSelector("#session:not([hidden])");
                check(ann, "session");

                f.getByRole(AriaRole.BUTTON, named("Actions for Annie")).click(); // the person's menu on their tile
                f.getByRole(AriaRole.MENUITEM, named("Give Annie the floor")).click();
                ann.waitForSelector("text=You have the floor");
                f.getByRole(AriaRole.BUTTON, named("Start a go-around")).click();
                ann.waitForSelector(".pass:not([hidden])");
                ann.getByRole(AriaRole.BUTTON, named("Pass")).click();
                ann.waitForSelector("text=Nobody has the floor");

                ann.getByRole(AriaRole.BUTTON, named("I need support")).click();
                ann.getByLabel("Anything you want them to know (optional)").fill("I need a minute");
                ann.getByRole(AriaRole.BUTTON, named("Send")).click();
                f.waitForSelector("text=Annie asked for support");
                assertTrue(f.isVisible("text=I need a minute"));
                check(f, "console-support");

                f.getByRole(AriaRole.BUTTON, named("Actions for Annie")).click();
                f.getByRole(AriaRole.MENUITEM, named("Remove Annie")).click();
                f.getByRole(AriaRole.BUTTON, named("Remove").setExact(true)).click(); // removal asks first, in a dialog with a reason
                ann.waitForSelector("#ended:not([hidden])");
                assertEquals("The facilitator has asked you to leave this session", ann.textContent(".ended-title"));
                check(ann, "removed");

                f.getByRole(AriaRole.BUTTON, named("End the session for everyone")).click();
                f.waitForSelector("#attendance:not([hidden])");
                bo.waitForSelector("#ended:not([hidden])");
                assertTrue(f.textContent(".attendance").contains("Annie"));
                assertTrue(f.textContent(".attendance").contains("removed"));
                check(f, "attendance");
                check(bo, "ended");

                Page narrow = browser.newPage(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(360, 740));
                narrow.navigate(links.get(0));
                narrow.waitForSelector("#welcome:not([hidden])");
                Number overflow = (Number) narrow.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertTrue(overflow.intValue() <= 0, "no sideways scrolling at 360 px");
                check(narrow, "join-360px");
            } finally {
                circle.close();
            }
        }
        assertEquals(List.of(), accessibility, "no serious or critical accessibility violations");
    }
}
