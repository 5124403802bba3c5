package org.circle.account.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.circle.account.control.Accounts;
import org.circle.account.entity.FacilitatorView;
import org.circle.platform.JsonBody;

/** A facilitator adds a colleague, who can then log in and be added to groups. */
@Path("facilitators")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class FacilitatorsResource {

    @Inject
    Accounts accounts;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response add(String text) {
        JsonBody body = JsonBody.parse(text);
        String email = body.email("email");
        String name = body.name("displayName", 80);
        String password = body.secret("password", Passwords.MIN, Passwords.MAX);
        var f = accounts.create(email, name, password);
        return Response.status(201).entity(Map.of("facilitator", FacilitatorView.of(f))).build();
    }
}
