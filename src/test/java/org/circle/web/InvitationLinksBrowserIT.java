package org.circle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Colleague;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member who lost their link gets a new one from the console at any time: the old link stops
 * working at once, the new one opens the join page, Copy says on the page that it copied, and a
 * member already in the session stays there. Nobody outside the group can make one; a revoked
 * member cannot be brought back this way.
 */
@ExtendWith(CircleServer.class)
class InvitationLinksBrowserIT {

    @Test
    void aNewLinkReplacesTheOldOneAndCopyingIsConfirmed(Circle circle) throws Exception {
        Setting s = new Setting(circle);
        String old = s.member("Dana");
        String memberId = circle.admin().get("/api/invitations/" + old).json().getJsonObject("member").getString("id");
        // Dana is in the session with her old link when the new one is made.
        Ws f = s.connect(s.facilitatorTicket());
        Ws dana = new Ws(circle.process().baseUrl());
        dana.send(Ws.hello(s.memberTicket(old)));
        String danaId = dana.await("welcome").getJsonObject("you").getString("id");
        f.await(fr -> fr.getString("type").equals("waiting.list") && fr.toString().contains(danaId));
        assertEquals("ack", f.call("admit", "participant", danaId).getString("type"));
        dana.await("admitted");

        try (Browser browser = new Browser()) {
            Page c = browser.newPage();
            c.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
            c.navigate(circle.process().baseUrl() + "/facilitate");
            c.evaluate("t => sessionStorage.setItem('circle.token', t)", circle.adminToken());
            c.navigate(circle.process().baseUrl() + "/facilitate");
            c.click("text=\"" + s.groupName + "\"");
            c.onDialog(d -> d.accept());
            c.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New link for Dana")).click();
            c.waitForSelector(".new-link:has-text('New invitation link for Dana')");
            String url = c.inputValue(".new-link input");
            assertTrue(url.contains("/join/"), url);
            String fresh = url.substring(url.lastIndexOf('/') + 1);
            assertNotEquals(old, fresh);
            c.click(".new-link button:has-text('Copy link')");
            c.waitForSelector(".copy-status:has-text('Link for Dana copied.')");
            assertEquals(url, c.evaluate("() => navigator.clipboard.readText()"), "what was copied is the new link");
            Browser.screenshot(c, "invitation-new-link");

            assertEquals(404, circle.http().get("/api/invitations/" + old).status(), "the old link stopped working");
            assertEquals(200, circle.http().get("/api/invitations/" + fresh).status(), "the new one works");
            Page member = browser.newPage();
            member.navigate(url);
            member.waitForSelector("#welcome:not([hidden])");
            member.navigate(circle.process().baseUrl() + "/join/" + old);
            member.waitForSelector("#problem:not([hidden])");
        }
        assertTrue(dana.drain(300).stream().noneMatch(fr -> fr.getString("type").equals("removed")), "Dana stayed in the session");
        assertTrue(!dana.isClosed(), "her connection is still open");

        String path = "/api/groups/" + s.groupId + "/members/" + memberId + "/invitation";
        Colleague stranger = Colleague.add(circle, "links");
        assertEquals(404, stranger.http.post(path, null).status(), "only the group's facilitators can make a link");
        assertEquals(404, circle.admin().post("/api/groups/" + s.groupId + "/members/nobody/invitation", null).status());
        assertEquals(204, circle.admin().delete("/api/groups/" + s.groupId + "/members/" + memberId).status());
        var revoked = circle.admin().post(path, null);
        assertEquals(409, revoked.status(), revoked.toString());
        assertEquals("REVOKED", revoked.code());
        f.close();
    }
}
