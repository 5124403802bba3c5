package org.circle.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.circle.testing.Browser;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The home page in a real Chromium: Circle's own module runs, and the CSP blocks inline script. */
@ExtendWith(CircleServer.class)
class HomePageBrowserIT {

    @Test
    void theContentSecurityPolicyIsHonoured(Circle circle) {
        try (Browser browser = new Browser()) {
            Page page = browser.newPage();
            List<String> violations = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy")) violations.add(m.text());
            });
            page.navigate(circle.process().baseUrl() + "/");
            page.waitForFunction("document.documentElement.dataset.scripted === 'yes'");
            page.waitForFunction("document.getElementById('status').textContent.length > 0");
            assertEquals("Circle is ready.", page.textContent("#status"), "Circle's own module script ran");

            // An inline script, as an injected attack would add, must not run.
            page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.body.appendChild(s); }");
            page.waitForTimeout(300);
            assertNull(page.evaluate("() => window.inlineRan === true ? 'ran' : null"), "inline script was blocked");
            assertTrue(violations.stream().anyMatch(v -> v.contains("script-src")), "Chromium reported the violation: " + violations);
            Browser.screenshot(page, "home");
        }
    }
}
