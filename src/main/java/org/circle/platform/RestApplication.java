package org.circle.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Every REST resource lives under /api. */
@ApplicationPath("/api")
public class RestApplication extends Application {

    /** No WADL: /api/application.wadl and OPTIONS would describe every resource to anyone who asks. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
