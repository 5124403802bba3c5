package org.circle.testing;

import static org.circle.testing.Http.json;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.circle.testing.CircleServer.Circle;

/** A group with a session and members, made through the REST contract for a live-session test. */
public final class Setting {

    public final Circle circle;
    public final String groupName;
    public final String groupId;
    public final String sessionId;

    public Setting(Circle circle, String media) {
        this.circle = circle;
        this.groupName = "Live group " + System.nanoTime();
        this.groupId = createGroup(circle, groupName);
        this.sessionId = circle.admin().post("/api/groups/" + groupId + "/sessions",
                json("title", "Tonight", "startsAt", "2026-11-22T18:00:00Z", "minutes", 90, "media", media, "turnSeconds", 60)).json().getString("id");
    }

    public Setting(Circle circle) { this(circle, "mesh"); }

    /**
     * The group for the test. Tried twice: once in a full run (2026-12-07, the namespace's shared
     * server) the first answer to this POST had no id, on a request thread where Payara had just
     * logged a Grizzly NullPointerException for a request whose client had gone and Weld a leaked
     * request context (docs/upstream.md). The first answer is printed, so a second time is seen.
     */
    private static String createGroup(Circle circle, String name) {
        var first = circle.admin().post("/api/groups", json("name", name));
        if (first.status() == 201) return first.json().getString("id");
        System.err.println("Setting: creating a group answered " + first + "; trying once more");
        var second = circle.admin().post("/api/groups", json("name", name + " (2)"));
        if (second.status() != 201) throw new AssertionError("creating a group failed twice: " + first + " then " + second);
        return second.json().getString("id");
    }

    /** Invites a member and returns their invitation token. */
    public String member(String name) {
        return circle.admin().post("/api/groups/" + groupId + "/members", json("displayName", name)).json()
                .getJsonObject("invitation").getString("token");
    }

    public String memberTicket(String invitation) {
        var answer = circle.http().post("/api/sessions/" + sessionId + "/tickets", json("invitation", invitation));
        if (answer.status() != 201) throw new AssertionError(answer.toString());
        return answer.json().getString("ticket");
    }

    public String facilitatorTicket() {
        return circle.admin().post("/api/sessions/" + sessionId + "/tickets", null).json().getString("ticket");
    }

    /** A connected, welcomed socket. */
    public Ws connect(String ticket) {
        Ws ws = new Ws(circle.process().baseUrl());
        ws.send(Ws.hello(ticket));
        ws.await("welcome");
        return ws;
    }

    /** The facilitator's console in a new page, signed in, with this session started and live. */
    public Page facilitatorPage(Browser browser, String... initScripts) {
        return facilitatorIn(page(browser, initScripts));
    }

    /** The same in a page the test made (a screen size, a language). */
    public Page facilitatorIn(Page f) {
        f.navigate(circle.process().baseUrl() + "/facilitate");
        f.evaluate("t => sessionStorage.setItem('circle.token', t)", circle.adminToken());
        f.navigate(circle.process().baseUrl() + "/facilitate");
        f.click("text=\"" + groupName + "\"");
        f.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start Tonight")).click();
        f.waitForSelector("#live:not([hidden])");
        // Connected: the console's own tile comes with the first roster. Before that the session
        // may still read as not started, and a control clicked now would go nowhere.
        f.waitForSelector("#live .grid .tile");
        return f;
    }

    /** A new member walked through the join page (agreements, devices) into the waiting room. */
    public Page waitingMember(Browser browser, String name, String... initScripts) {
        return waitingMemberAt(circle.process().baseUrl(), browser, name, initScripts);
    }

    /** The same through another instance of a cluster ({@code baseUrl}), as a load balancer may send them. */
    public Page waitingMemberAt(String baseUrl, Browser browser, String name, String... initScripts) {
        Page p = page(browser, initScripts);
        p.navigate(baseUrl + "/join/" + member(name));
        p.click("#to-agreements");
        p.click("#to-devices");
        p.waitForSelector("#preview");
        p.click("#to-waiting");
        p.waitForSelector("#waiting:not([hidden])");
        return p;
    }

    /** Reloads a member's page and walks it back in, as a person would after pressing reload. */
    public static void rejoin(Page p) {
        p.reload();
        p.click("#to-agreements");
        p.click("#to-devices");
        p.waitForSelector("#preview");
        p.click("#to-waiting");
        p.waitForSelector("#session:not([hidden])");
    }

    /** Fills the join page's safety check-in (shown when the group asks for one) and goes on to the waiting room. */
    public static void checkIn(Page p, String location, String phone) {
        p.waitForSelector("#check-in:not([hidden])");
        p.fill("#check-in-location", location);
        p.fill("#check-in-phone", phone);
        p.check("#check-in-private");
        p.click("#check-in-send");
    }

    /** A script from src/test/resources, for {@code Page.addInitScript}. */
    public static String script(String name) {
        try {
            return Files.readString(Path.of("src/test/resources", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Page page(Browser browser, String... initScripts) {
        Page page = browser.newPage();
        for (String script : initScripts) page.addInitScript(script);
        return page;
    }
}
