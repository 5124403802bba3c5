package org.circle.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** The data grid in the liveness report too: the same report as readiness (Payara files a check under one qualifier only). */
@Liveness
@ApplicationScoped
public class DataGridLiveness implements HealthCheck {

    @Inject
    @Readiness
    DataGridHealth health;

    @Override
    public HealthCheckResponse call() { return health.call(); }
}
