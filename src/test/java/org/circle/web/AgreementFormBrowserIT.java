package org.circle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Publishing agreements from the console: a second agreement is a second agreement (the old form's
 * default "kind" made it a new version of the first), a new version is chosen by name, a title used
 * twice still makes two agreements, and no input carries a pattern the browser cannot compile.
 */
@ExtendWith(CircleServer.class)
class AgreementFormBrowserIT {

    @Test
    void newAgreementsAndNewVersionsAreChosenNotGuessed(Circle circle) {
        Setting s = new Setting(circle);
        try (Browser browser = new Browser()) {
            Page f = browser.newPage();
            f.navigate(circle.process().baseUrl() + "/facilitate");
            f.evaluate("t => sessionStorage.setItem('circle.token', t)", circle.adminToken());
            f.navigate(circle.process().baseUrl() + "/facilitate");
            f.click("text=\"" + s.groupName + "\"");
            f.waitForSelector("#group:not([hidden])");
            assertEquals(List.of(), f.evaluate("() => [...document.querySelectorAll('input[pattern]')].filter(i => {"
                    + " try { new RegExp(i.pattern, 'v'); return false; } catch { return true; } }).map(i => i.name)"), "every pattern compiles");
            f.onDialog(d -> d.accept());

            publish(f, null, "Confidentiality", "What is said here stays here.");
            publish(f, null, "Recording", "Nobody records the session.");
            publish(f, "Confidentiality (version 1)", "Confidentiality", "What is said here stays here, with one exception: safety.");
            publish(f, null, "Confidentiality", "A second agreement that happens to share the title.");
            Browser.screenshot(f, "agreement-form");

            Map<String, Integer> versions = new TreeMap<>();
            for (var v : circle.admin().get("/api/groups/" + s.groupId + "/consent-documents").structure().asJsonArray()) {
                JsonObject d = v.asJsonObject();
                versions.merge(d.getString("kind"), d.getInt("version"), Math::max);
            }
            assertEquals(Map.of("confidentiality", 2, "recording", 1, "confidentiality-2", 1), versions,
                    "two new agreements stay two, the chosen one has a second version");
        }
    }

    /** Publishes through the form: {@code versionOf} null for a new agreement, else the option to make a new version of. */
    private static void publish(Page f, String versionOf, String title, String body) {
        int before = f.locator(".documents-list li").count();
        if (versionOf == null) {
            f.check("#document-form input[value=new]");
        } else {
            f.check("#document-form input[value=version]");
            f.selectOption("#document-form select[name=of]", new com.microsoft.playwright.options.SelectOption().setLabel(versionOf));
        }
        f.fill("#document-form input[name=title]", title);
        f.fill("#document-form textarea[name=body]", body);
        f.click("#document-form button:has-text('Publish agreement')");
        f.waitForSelector("#publish-preview[open]");
        f.click("#publish-preview button:text-is('Publish')");
        f.waitForFunction("n => document.querySelectorAll('.documents-list li').length > n || "
                + "[...document.querySelectorAll('.documents-list li')].some(li => li.textContent.includes('version 2'))", before);
    }
}
