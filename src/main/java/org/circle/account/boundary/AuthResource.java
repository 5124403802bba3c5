package org.circle.account.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.circle.account.control.Accounts;
import org.circle.account.control.Caller;
import org.circle.account.entity.FacilitatorView;
import org.circle.platform.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record LoginAnswer(String token, String expiresAt, FacilitatorView facilitator) { }

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @POST
    @Path("login")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "logIn", summary = "Log in as a facilitator: a Bearer token for the other facilitator calls")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LoginRequest")))
    @APIResponse(responseCode = "200", description = "the token and who it belongs to",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LoginAnswer")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "BadCredentials")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public LoginAnswer login(@Context HttpServletRequest request, String text) {
        JsonBody body = JsonBody.parse(text);
        String email = body.email("email");
        String password = body.secret("password", 1, Passwords.MAX);
        var login = accounts.logIn(email, password, clientAddress(request));
        return new LoginAnswer(login.token(), login.expiresAt().toString(), FacilitatorView.of(login.facilitator()));
    }

    /**
     * Who is asking, for the login throttle. Behind the reverse proxy of ops/nginx (on this host)
     * every request comes from loopback, so a loopback peer's X-Forwarded-For is believed: its
     * last entry is the address the proxy itself saw. Nobody else's header is.
     */
    static String clientAddress(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && org.circle.platform.Loopback.host(peer.startsWith("0:0:0:0:0:0:0:1") ? "::1" : peer)) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty() && last.length() <= 45) return last;
        }
        return peer;
    }

    @POST
    @Path("logout")
    @SignedIn
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "logOut", summary = "Log out: the token stops working at once")
    @APIResponse(responseCode = "204", description = "logged out")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    public Response logout() {
        accounts.logOut(caller.token());
        return Response.noContent().build();
    }
}
