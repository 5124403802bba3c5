package org.circle.group.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.circle.account.boundary.SignedIn;
import org.circle.account.control.Caller;
import org.circle.group.control.Consents;
import org.circle.group.control.Groups;
import org.circle.group.control.Members;
import org.circle.group.control.PublicUrl;
import org.circle.group.entity.Views.Invitation;
import org.circle.group.entity.Views.InvitedMember;
import org.circle.group.entity.Views.MemberView;
import org.circle.platform.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("groups/{gid}/members")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
@SecurityRequirement(name = "bearer")
public class MembersResource {

    @Inject
    Groups groups;

    @Inject
    Members members;

    @Inject
    Caller caller;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Consents ledger;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "inviteMember", summary = "Invite a member: their invitation link, shown this once")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewMember")))
    @APIResponse(responseCode = "201", description = "the member and their link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InvitedMember")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response invite(@PathParam("gid") String gid, String text) {
        groups.require(gid, caller.id());
        String name = JsonBody.parse(text).name("displayName", 80);
        var invited = members.invite(gid, name);
        var answer = new InvitedMember(invited.member().id(), invited.member().displayName(),
                new Invitation(invited.token(), publicUrl.join(invited.token())));
        return Response.status(201).entity(answer).build();
    }

    @POST
    @Path("{mid}/invitation")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "reissueInvitation", summary = "A new invitation link for a member who lost theirs; the old one stops working")
    @APIResponse(responseCode = "200", description = "the member and their new link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InvitedMember")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public InvitedMember reissue(@PathParam("gid") String gid, @PathParam("mid") String mid) {
        groups.require(gid, caller.id());
        var invited = members.reissue(gid, mid);
        return new InvitedMember(invited.member().id(), invited.member().displayName(),
                new Invitation(invited.token(), publicUrl.join(invited.token())));
    }

    @GET
    @Operation(operationId = "listMembers", summary = "The group's members and whether their consent is complete")
    @APIResponse(responseCode = "200", description = "the members",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Members")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<MemberView> list(@PathParam("gid") String gid) {
        groups.require(gid, caller.id());
        return members.of(gid).stream()
                .map(m -> new MemberView(m.id(), m.displayName(), ledger.isComplete(gid, m.id()) ? "complete" : "missing",
                        m.revoked(), m.createdAt().toString()))
                .toList();
    }

    @DELETE
    @Path("{mid}")
    @Operation(operationId = "revokeMember", summary = "Revoke a member: the invitation stops working, their connections close")
    @APIResponse(responseCode = "204", description = "revoked")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response revoke(@PathParam("gid") String gid, @PathParam("mid") String mid) {
        groups.require(gid, caller.id());
        members.revoke(gid, mid);
        return Response.noContent().build();
    }
}
