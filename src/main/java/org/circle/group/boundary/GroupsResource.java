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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("groups")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
@SecurityRequirement(name = "bearer")
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
    @Operation(operationId = "createGroup", summary = "Create a group; the caller facilitates it")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewGroup")))
    @APIResponse(responseCode = "201", description = "the group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Group")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    public Response create(String text) {
        JsonBody body = JsonBody.parse(text);
        String name = body.name("name", 80);
        String description = body.optionalText("description", 1000);
        Group group = groups.create(caller.id(), name, description);
        return Response.status(201).entity(view(group)).build();
    }

    @GET
    @Operation(operationId = "listGroups", summary = "The groups the caller facilitates")
    @APIResponse(responseCode = "200", description = "the groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Groups")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    public List<GroupView> mine() {
        return groups.of(caller.id()).stream().map(this::view).toList();
    }

    @GET
    @Path("{gid}")
    @Operation(operationId = "getGroup", summary = "One group the caller facilitates")
    @APIResponse(responseCode = "200", description = "the group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Group")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public GroupView one(@PathParam("gid") String gid) {
        return view(groups.require(gid, caller.id()));
    }

    /** Changes the group's care settings (checkIn, crisisText, facilitatorGraceSeconds); other fields are ignored. */
    @PATCH
    @Path("{gid}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "changeGroupCare", summary = "Change the group's care settings")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GroupCareChange")))
    @APIResponse(responseCode = "200", description = "the group as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Group")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public GroupView change(@PathParam("gid") String gid, String text) {
        Group group = groups.require(gid, caller.id());
        safety.change(gid, JsonBody.parse(text));
        return view(group);
    }

    @POST
    @Path("{gid}/facilitators")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "addFacilitator", summary = "Add a co-facilitator by the email of their account")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "EmailRequest")))
    @APIResponse(responseCode = "204", description = "added")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response addFacilitator(@PathParam("gid") String gid, String text) {
        String email = JsonBody.parse(text).email("email");
        groups.addFacilitator(gid, caller.id(), email);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{gid}/facilitators/{fid}")
    @Operation(operationId = "removeFacilitator", summary = "Remove a facilitator from the group (the caller included)")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
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
