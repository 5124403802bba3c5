package org.circle.signaling.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import java.io.IOException;

/**
 * A single frame over 64 KiB closes the socket with 1009, as a long message in fragments does.
 * Tyrus alone would read such a frame whole, up to its 4 MB input buffer per socket, and past
 * that close with 1011 and log a stack trace. Its filter upgrades the request it is given, after
 * declared filters like this one; so this one passes it a request whose upgrade lets the
 * container run {@link LimitedUpgrade}, which reads the socket for Tyrus's own handler, created
 * here as the container would (Tyrus's handler has a public no-argument constructor).
 */
@WebFilter(urlPatterns = "/ws", asyncSupported = true)
public class LargeFrames extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new Limited(request), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public <T extends HttpUpgradeHandler> T upgrade(Class<T> type) throws IOException, ServletException {
            T tyrus;
            try {
                tyrus = type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new ServletException("cannot create " + type.getName(), e);
            }
            super.upgrade(LimitedUpgrade.class).around(tyrus);
            return tyrus;
        }
    }
}
