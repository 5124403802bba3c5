package org.circle.signaling.boundary;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The upgrade handler the container runs for {@code /ws}: it hands Tyrus's own handler the
 * connection with its input read through {@link LimitedInput}, so a frame over 64 KiB is
 * refused at its header (see {@link LargeFrames}). The container creates it, hence public.
 */
public class LimitedUpgrade implements HttpUpgradeHandler {

    private HttpUpgradeHandler tyrus;

    void around(HttpUpgradeHandler tyrus) {
        this.tyrus = tyrus;
    }

    @Override
    public void init(WebConnection connection) {
        try {
            tyrus.init(new Limited(connection, new LimitedInput(connection.getInputStream(), SessionSocket.MAX_FRAME)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() {
        tyrus.destroy();
    }

    private record Limited(WebConnection connection, ServletInputStream input) implements WebConnection {
        @Override public ServletInputStream getInputStream() { return input; }
        @Override public ServletOutputStream getOutputStream() throws IOException { return connection.getOutputStream(); }
        @Override public void close() throws Exception { connection.close(); }
    }
}
