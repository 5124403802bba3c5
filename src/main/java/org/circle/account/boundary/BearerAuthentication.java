package org.circle.account.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.circle.account.control.Accounts;
import org.circle.account.control.Caller;
import org.circle.platform.ApiError;

/** Resolves {@code Authorization: Bearer <token>} for {@link SignedIn} resources; anything else is 401. */
@Provider
@SignedIn
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthentication implements ContainerRequestFilter {

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        String token = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            request.abortWith(ApiError.unauthenticated().toResponse());
            return;
        }
        accounts.authenticate(token).ifPresentOrElse(
                f -> caller.signIn(f, token),
                () -> request.abortWith(ApiError.unauthenticated().toResponse()));
    }

    /** The token of an optional Bearer header, or null. Used also by calls open to invitees. */
    public static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String token = header.substring(7).trim();
        return token.isEmpty() || token.length() > 200 ? null : token;
    }
}
