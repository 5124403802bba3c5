package org.circle.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while a record Circle must keep (its consent records) is found broken. */
@Readiness
@ApplicationScoped
public class IntegrityReadiness implements HealthCheck {

    public static final String NAME = "integrity";

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).status(Integrity.problems().isEmpty());
        Integrity.problems().forEach(response::withData);
        return response.build();
    }
}
