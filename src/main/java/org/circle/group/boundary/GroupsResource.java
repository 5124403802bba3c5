package org.circle.group.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.circle.account.boundary.SignedIn;
import org.circle.account.control.Accounts;
import org.circle.account.control.Caller;
import org.circle.group.control.GroupSafety;
import org.circle.group.control.Groups;
import org.circle.group.entity.Group;
import org.circle.group.entity.Views.FacilitatorRef;
import org.circle.group.entity.Views.GroupView;
import org.circle.platform.JsonBody;

@Path("groups")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class GroupsResource {

    @Inject
    Groups groups;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @Inject
    GroupSafety safety;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String text) {
        JsonBody body = JsonBody.parse(text);
        String name = body.name("name", 80);
        String description = body.optionalText("description", 1000);
        Group group = groups.create(caller.id(), name, description);
        return Response.status(201).entity(view(group)).build();
    }

    @GET
    public List<GroupView> mine() {
        return groups.of(caller.id()).stream().map(this::view).toList();
    }

    @GET
    @Path("{gid}")
    public GroupView one(@PathParam("gid") String gid) {
        return view(groups.require(gid, caller.id()));
    }

    /** Changes the group's care settings (checkIn, crisisText, facilitatorGraceSeconds); other fields are ignored. */
    @PATCH
    @Path("{gid}")
    @Consumes(MediaType.WILDCARD)
    public GroupView change(@PathParam("gid") String gid, String text) {
        Group group = groups.require(gid, caller.id());
        safety.change(gid, JsonBody.parse(text));
        return view(group);
    }

    @POST
    @Path("{gid}/facilitators")
    @Consumes(MediaType.WILDCARD)
    public Response addFacilitator(@PathParam("gid") String gid, String text) {
        String email = JsonBody.parse(text).email("email");
        groups.addFacilitator(gid, caller.id(), email);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{gid}/facilitators/{fid}")
    public Response removeFacilitator(@PathParam("gid") String gid, @PathParam("fid") String fid) {
        groups.removeFacilitator(gid, caller.id(), fid);
        return Response.noContent().build();
    }

    private GroupView view(Group g) {
        List<FacilitatorRef> facilitators = groups.facilitatorIds(g.id()).stream()
                .map(id -> accounts.byId(id).orElseThrow())
                .map(f -> new FacilitatorRef(f.id(), f.displayName(), f.email()))
                .toList();
        GroupSafety.Settings c = safety.of(g.id());
        return new GroupView(g.id(), g.name(), g.description(), facilitators, c.checkIn(), c.crisisText(), c.facilitatorGraceSeconds());
    }
}
