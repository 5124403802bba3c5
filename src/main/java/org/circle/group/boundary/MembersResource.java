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

@Path("groups/{gid}/members")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
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
    public InvitedMember reissue(@PathParam("gid") String gid, @PathParam("mid") String mid) {
        groups.require(gid, caller.id());
        var invited = members.reissue(gid, mid);
        return new InvitedMember(invited.member().id(), invited.member().displayName(),
                new Invitation(invited.token(), publicUrl.join(invited.token())));
    }

    @GET
    public List<MemberView> list(@PathParam("gid") String gid) {
        groups.require(gid, caller.id());
        return members.of(gid).stream()
                .map(m -> new MemberView(m.id(), m.displayName(), ledger.isComplete(gid, m.id()) ? "complete" : "missing",
                        m.revoked(), m.createdAt().toString()))
                .toList();
    }

    @DELETE
    @Path("{mid}")
    public Response revoke(@PathParam("gid") String gid, @PathParam("mid") String mid) {
        groups.require(gid, caller.id());
        members.revoke(gid, mid);
        return Response.noContent().build();
    }
}
