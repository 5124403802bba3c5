package org.circle.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The data grid in the readiness report: "off" for a single instance, or "on" with the number of
 * members this instance sees, after how long a silent member is given up, and how many live
 * sessions' entries it owns (ended ones count until they expire). Reported, never failing: an instance whose peers have died is the
 * one that must keep serving, so the load balancer should not take it out for that.
 */
@Readiness
@ApplicationScoped
public class DataGridHealth implements HealthCheck {

    public static final String NAME = "data-grid";

    @Inject
    DataGrid grid;

    @Override
    public HealthCheckResponse call() {
        int members = grid.members();
        var answer = HealthCheckResponse.named(NAME).up()
                .withData("state", members == 0 ? "off" : "on")
                .withData("members", members);
        if (members > 0) {
            answer.withData("failure-detection-seconds", grid.failureDetectionSeconds())
                    .withData("sessions-owned", grid.sessionsOwned());
        }
        return answer.build();
    }
}
