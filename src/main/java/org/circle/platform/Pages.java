package org.circle.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The browser client's addresses: an invitation link {@code /join/<token>} opens the join page
 * (the token stays in the path, never in a query string), {@code /facilitate} the console.
 */
@WebFilter(urlPatterns = {"/join/*", "/facilitate", "/facilitate/"})
public class Pages extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        String page = path.startsWith("/join/") ? "/join.html" : "/facilitate.html";
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher(page).forward(request, response);
    }
}
