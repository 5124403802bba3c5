package org.circle.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Payara's management endpoints, {@code /metrics} and {@code /openapi}, answer anyone who asks:
 * the API's shape and the server's figures are of use to an attacker and of none to a member.
 * They are served only while {@code CIRCLE_MANAGEMENT=on}; by default that is so while
 * {@code CIRCLE_PUBLIC_URL} is a loopback address (development) and not otherwise. Off, they
 * answer 404 like any path that does not exist. (Payara adds these endpoints to the application
 * at the root context, so this filter sees them; health stays open for the orchestrator.)
 */
@WebFilter(urlPatterns = {"/metrics", "/metrics/*", "/openapi", "/openapi/*"}, asyncSupported = true)
public class Management extends HttpFilter {

    private final boolean on = enabled(ConfigProvider.getConfig(Management.class.getClassLoader()));

    static boolean enabled(Config config) {
        String setting = config.getOptionalValue("CIRCLE_MANAGEMENT", String.class).orElse("").trim().toLowerCase(java.util.Locale.ROOT);
        if (setting.equals("on")) return true;
        if (setting.equals("off")) return false;
        return Loopback.url(config.getOptionalValue("CIRCLE_PUBLIC_URL", String.class).orElse("http://localhost:8080"));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (on) {
            chain.doFilter(request, response);
            return;
        }
        ErrorBody.write(response, 404, "NOT_FOUND", "Not found.", null);
    }
}
