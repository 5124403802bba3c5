package org.circle.web;

import static org.circle.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Http;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The join page in a real Chromium: which session a member is sent to, and when it says it is. */
@ExtendWith(CircleServer.class)
class JoinPageBrowserIT {

    private static String schedule(Http admin, String gid, String title, Instant startsAt) {
        return admin.post("/api/groups/" + gid + "/sessions", json("title", title, "startsAt", startsAt.toString(), "minutes", 90)).json().getString("id");
    }

    private static String invite(Http admin, String gid, String name) {
        return admin.post("/api/groups/" + gid + "/members", json("displayName", name)).json().getJsonObject("invitation").getString("token");
    }

    @Test
    void aMemberIsSentToTheSessionThatIsOpenNotTheOneThatWasSkipped(Circle circle) {
        Http admin = circle.admin();
        String gid = admin.post("/api/groups", json("name", "Join page group " + System.nanoTime())).json().getString("id");
        Instant now = Instant.now();
        schedule(admin, gid, "Last week", now.minus(Duration.ofDays(7)));
        String tonight = schedule(admin, gid, "Tonight", now.plus(Duration.ofMinutes(10)));
        String token = invite(admin, gid, "Ria");
        Ws f = new Ws(circle.process().baseUrl());
        f.send(Ws.hello(admin.post("/api/sessions/" + tonight + "/tickets", null).json().getString("ticket")));
        f.await("welcome");
        try (Browser browser = new Browser()) {
            Page p = browser.newPage();
            p.navigate(circle.process().baseUrl() + "/join/" + token);
            p.waitForSelector("#welcome:not([hidden])");
            String offered = p.textContent(".next-session");
            assertTrue(offered.startsWith("Tonight,") && offered.contains("waiting room is open"), offered);
            p.click("#to-agreements");
            p.click("#to-devices");
            p.waitForSelector("#preview");
            p.click("#to-waiting");
            p.waitForSelector("#waiting:not([hidden])");
            var list = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.getJsonArray("waiting").size() == 1);
            assertEquals("Ria", list.getJsonArray("waiting").getJsonObject(0).getString("displayName"), "Ria waits in tonight's session");
            Browser.screenshot(p, "join-tonight");
        }
        f.close();
    }

    @Test
    void theNextSessionIsShownInTheMembersOwnTimeZoneWithWhenTheWaitingRoomOpens(Circle circle) {
        Http admin = circle.admin();
        String gid = admin.post("/api/groups", json("name", "Time zone group " + System.nanoTime())).json().getString("id");
        Instant nextWeek = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
        schedule(admin, gid, "Skipped", Instant.now().minus(Duration.ofDays(1)));
        schedule(admin, gid, "Week 2", nextWeek);
        String token = invite(admin, gid, "Kiran");
        try (Browser browser = new Browser()) {
            Page p = browser.newPage(new NewContextOptions().setTimezoneId("Asia/Kolkata").setLocale("en-GB"));
            p.navigate(circle.process().baseUrl() + "/join/" + token);
            p.waitForSelector("#welcome:not([hidden])");
            String offered = p.textContent(".next-session");
            String kolkata = DateTimeFormatter.ofPattern("HH:mm").format(nextWeek.atZone(ZoneId.of("Asia/Kolkata")));
            assertTrue(offered.startsWith("Next session: Week 2,"), offered);
            assertTrue(offered.contains(kolkata) && kolkata.endsWith(":30"), "in the member's own time (" + kolkata + "): " + offered);
            assertTrue(offered.endsWith("The waiting room opens 15 minutes before."), offered);
            p.click("#to-agreements");
            p.click("#to-devices");
            p.waitForSelector("#devices:not([hidden])");
            assertTrue(p.isDisabled("#to-waiting"), "the waiting room is not open yet");
            assertTrue(p.textContent(".waiting-closed").contains("Week 2"));
            Browser.screenshot(p, "join-next-week");
        }
    }

    /** A member who types the facilitator's name is told why beside the name field, and gets in under another. */
    @Test
    void aNameThatIsTheFacilitatorsIsRefusedOnThePageAndAnotherGetsIn(Circle circle) {
        Setting s = new Setting(circle);
        Ws f = s.connect(s.facilitatorTicket());
        try (Browser browser = new Browser()) {
            Page p = browser.newPage();
            p.navigate(circle.process().baseUrl() + "/join/" + s.member("Noor"));
            p.fill("#display-name", "Lead Facilitator");
            p.click("#to-agreements");
            p.click("#to-devices");
            p.waitForSelector("#preview");
            p.click("#to-waiting");
            p.waitForSelector("#welcome:not([hidden]) .name-problem:has-text('name of a facilitator')");
            assertTrue(f.drain(500).stream().filter(m -> m.getString("type").equals("waiting.list"))
                    .flatMap(m -> m.getJsonArray("waiting").getValuesAs(JsonObject.class).stream())
                    .noneMatch(w -> w.getString("displayName").equals("Lead Facilitator")), "nobody waits under that name");
            p.fill("#display-name", "N.");
            p.click("#to-agreements");
            p.click("#to-devices");
            p.click("#to-waiting");
            p.waitForSelector("#waiting:not([hidden])");
            assertEquals("", p.textContent(".name-problem"));
            f.await(m -> m.getString("type").equals("waiting.list") && m.toString().contains("\"N.\""));
        }
    }

    @Test
    void aMemberWithdrawsFromTheWaitingRoomAndAgreesToANewVersionInPlace(Circle circle) {
        Setting s = new Setting(circle);
        String path = "/api/groups/" + s.groupId + "/consent-documents";
        circle.admin().post(path, json("kind", "group-agreement", "title", "Confidentiality", "body", "What is said here stays here.", "required", true));
        Ws f = s.connect(s.facilitatorTicket());
        try (Browser browser = new Browser()) {
            Page p = browser.newPage();
            p.navigate(circle.process().baseUrl() + "/join/" + s.member("Noor"));
            p.click("#to-agreements");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I agree").setExact(true)).click();
            p.waitForSelector("text=You agreed. Thank you.");
            p.click("#to-devices");
            p.waitForSelector("#preview");
            p.click("#to-waiting");
            p.waitForSelector("#waiting:not([hidden])");
            JsonObject complete = f.await(fr -> fr.getString("type").equals("waiting.list") && fr.toString().contains("\"consent\":\"complete\""));
            String noor = complete.getJsonArray("waiting").getJsonObject(0).getString("id");

            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review or change my agreements")).click();
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw my agreement to Confidentiality")).click();
            p.waitForSelector("#agreements-dialog >> text=You withdrew your agreement.");
            f.await(fr -> fr.getString("type").equals("waiting.list") && fr.toString().contains("\"consent\":\"missing\""));
            assertEquals("CONSENT_INCOMPLETE", f.call("admit", "participant", noor).getString("code"), "the withdrawal holds at once");
            Browser.screenshot(p, "join-withdrawn-in-waiting-room");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I agree").setExact(true)).click();
            f.await(fr -> fr.getString("type").equals("waiting.list") && fr.toString().contains("\"consent\":\"complete\""));
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close")).click();

            assertEquals("ack", f.call("admit", "participant", noor).getString("type"));
            p.waitForSelector("#session:not([hidden])");
            var v2 = circle.admin().post(path, json("kind", "group-agreement", "title", "Confidentiality", "body", "What is said here stays here, always.", "required", true));
            assertEquals(201, v2.status(), v2.toString());
            p.waitForSelector("#waiting:not([hidden])");
            p.waitForSelector("#agreements-dialog[open] >> text=What is said here stays here, always.");
            assertEquals(1, p.locator("#agreements-dialog article").count(), "only the new decision is asked");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I agree").setExact(true)).click();
            f.await(fr -> fr.getString("type").equals("waiting.list") && fr.toString().contains("\"consent\":\"complete\""));
            assertEquals("ack", f.call("admit", "participant", noor).getString("type"), "admitted again without a reload");
            p.waitForSelector("#session:not([hidden])");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Our agreements")).click();
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw my agreement to Confidentiality")).click();
            p.waitForSelector("#waiting:not([hidden])");
            Browser.screenshot(p, "join-withdrawn-in-session");
        }
        f.close();
    }
}
