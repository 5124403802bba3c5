package org.circle.account.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.circle.account.control.Accounts;
import org.circle.account.control.Caller;
import org.circle.account.entity.FacilitatorView;
import org.circle.platform.JsonBody;

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
    public LoginAnswer login(String text) {
        JsonBody body = JsonBody.parse(text);
        String email = body.email("email");
        String password = body.secret("password", 1, Passwords.MAX);
        var login = accounts.logIn(email, password);
        return new LoginAnswer(login.token(), login.expiresAt().toString(), FacilitatorView.of(login.facilitator()));
    }

    @POST
    @Path("logout")
    @SignedIn
    public Response logout() {
        accounts.logOut(caller.token());
        return Response.noContent().build();
    }
}
