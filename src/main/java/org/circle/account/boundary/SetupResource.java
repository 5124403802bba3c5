package org.circle.account.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.circle.account.control.Accounts;
import org.circle.account.entity.FacilitatorView;
import org.circle.platform.JsonBody;

@Path("setup")
@Produces(MediaType.APPLICATION_JSON)
public class SetupResource {

    @Inject
    Accounts accounts;

    /** Lets the console decide between the setup form and the login form. */
    @GET
    public Map<String, Boolean> status() {
        return Map.of("setUp", accounts.anyFacilitator());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response setUp(String text) {
        JsonBody body = JsonBody.parse(text);
        String code = body.text("setupCode", 100);
        String email = body.email("email");
        String name = body.name("displayName", 80);
        String password = body.secret("password", Passwords.MIN, Passwords.MAX);
        var f = accounts.setUp(code, email, name, password);
        return Response.status(201).entity(Map.of("facilitator", FacilitatorView.of(f))).build();
    }
}
