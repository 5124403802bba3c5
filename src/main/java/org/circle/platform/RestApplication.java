package org.circle.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Every REST resource lives under /api. Facilitator calls name the {@code bearer} scheme; the
 * shapes they send and answer are in META-INF/openapi.yaml, merged with the annotations at /openapi.
 */
@ApplicationPath("/api")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The token of POST /api/auth/login, as Authorization: Bearer <token>.")
public class RestApplication extends Application {

    /** No WADL: /api/application.wadl and OPTIONS would describe every resource to anyone who asks. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
