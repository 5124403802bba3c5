package org.circle.testing;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on a page and returns its serious and critical violations. */
public final class Accessibility {

    private static final String AXE = load();

    private Accessibility() { }

    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(Page page) {
        // Evaluated through the DevTools protocol: Circle's CSP forbids inline script, rightly, so
        // the checker is not added as a script tag.
        page.evaluate("() => { if (!window.axe) { " + AXE + " } }");
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(
                "() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })"
                        + ".then(r => r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).join(', ') })))");
        return violations.stream().map(v -> v.get("impact") + " " + v.get("id") + " at " + v.get("nodes")).toList();
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe-core webjar missing from the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
