package org.circle.account.control;

import jakarta.enterprise.context.RequestScoped;
import org.circle.account.entity.Facilitator;
import org.circle.platform.ApiError;

/** The signed-in facilitator of the current request, set by {@link org.circle.account.boundary.BearerAuthentication}. */
@RequestScoped
public class Caller {

    private Facilitator facilitator;
    private String token;

    public void signIn(Facilitator facilitator, String token) {
        this.facilitator = facilitator;
        this.token = token;
    }

    public Facilitator facilitator() {
        if (facilitator == null) throw ApiError.unauthenticated();
        return facilitator;
    }

    public String id() { return facilitator().id(); }

    public String token() { return token; }

    public boolean signedIn() { return facilitator != null; }
}
