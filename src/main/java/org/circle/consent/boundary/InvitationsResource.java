package org.circle.consent.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.circle.care.boundary.InviteeCare;
import org.circle.consent.boundary.ConsentDocumentsResource.DocumentView;
import org.circle.consent.control.ConsentDocuments;
import org.circle.consent.control.ConsentLedger;
import org.circle.group.control.Groups;
import org.circle.group.control.Members;
import org.circle.group.control.Sessions;
import org.circle.group.entity.Group;
import org.circle.group.entity.Views.SessionView;
import org.circle.platform.ApiError;
import org.circle.platform.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What an invitee may see: their own name, the group's name, the sessions on offer (the one to go to first), the agreements.
 * Nothing else. It lives beside the decisions they make ({@link DecisionsResource}): both are the
 * invitee's side of their link, and both read the group's records below them.
 */
@Path("invitations/{token}")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    /** {@code care} is an extension of the contract (issue 19): the check-in setting, crisis text and the member's last goal. */
    public record Invitee(Map<String, String> member, Map<String, String> group, List<SessionView> sessions, List<Consent> consents,
                          InviteeCare.View care) { }

    public record Consent(DocumentView document, String status) { }

    @Inject
    Members members;

    @Inject
    Sessions sessions;

    @Inject
    Groups groups;

    @Inject
    ConsentDocuments documents;

    @Inject
    ConsentLedger ledger;

    @Inject
    InviteeCare care;

    @Inject
    Clock clock;

    @GET
    @Operation(operationId = "getInvitation", summary = "What an invitee may see: their name, the group, the sessions on offer, the agreements")
    @APIResponse(responseCode = "200", description = "the invitation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Invitee")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Invitee show(@PathParam("token") String token) {
        var member = members.byInvitation(token).orElseThrow(ApiError::notFound);
        Group group = groups.find(member.groupId());
        Instant now = clock.now();
        List<SessionView> next = sessions.offered(group.id()).stream().map(s -> SessionView.of(s, now)).toList();
        Map<String, String> statuses = ledger.statuses(group.id(), member.id());
        List<Consent> consents = documents.current(group.id()).stream()
                .map(d -> new Consent(DocumentView.of(d), statuses.get(d.id()))).toList();
        return new Invitee(Map.of("id", member.id(), "displayName", member.displayName()),
                Map.of("id", group.id(), "name", group.name()), next, consents, care.of(group.id(), member.id()));
    }
}
