package org.circle.group.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The address people use to reach Circle (CIRCLE_PUBLIC_URL), for links that leave the server. */
@ApplicationScoped
public class PublicUrl {

    @Inject
    @ConfigProperty(name = "CIRCLE_PUBLIC_URL", defaultValue = "http://localhost:8080")
    String base;

    public String join(String token) {
        return base().concat("/join/").concat(token);
    }

    public String base() {
        String b = base.trim();
        while (b.endsWith("/")) b = b.substring(0, b.length() - 1);
        return b;
    }
}
