package org.circle.consent.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.circle.consent.control.ConsentDocuments;
import org.circle.consent.control.ConsentLedger;
import org.circle.consent.entity.ConsentDecision;
import org.circle.group.control.Members;
import org.circle.platform.ApiError;
import org.circle.platform.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** An invitee grants, declines or withdraws. The 201 is sent only once the record is committed. */
@Path("invitations/{token}/consents")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionsResource {

    public record Recorded(String id, String documentId, String kind, int version, String sha256, String decision, String at) { }

    @Inject
    Members members;

    @Inject
    ConsentDocuments documents;

    @Inject
    ConsentLedger ledger;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "decideConsent", summary = "An invitee grants, declines or withdraws consent to an agreement")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "DecisionRequest")))
    @APIResponse(responseCode = "201", description = "the record, once it is durable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Decision")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response decide(@PathParam("token") String token, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent, String text) {
        var member = members.byInvitation(token).orElseThrow(ApiError::notFound);
        JsonBody body = JsonBody.parse(text);
        String documentId = body.text("documentId", 64);
        ConsentDecision decision = ConsentDecision.fromWire(body.text("decision", 20))
                .orElseThrow(() -> ApiError.badRequest("decision", "decision must be granted, declined or withdrawn."));
        var document = documents.find(documentId).filter(d -> d.groupId().equals(member.groupId())).orElseThrow(ApiError::notFound);
        String agent = userAgent == null ? null : userAgent.substring(0, Math.min(500, userAgent.length()));
        var r = ledger.record(member.id(), document, decision, agent); // returns after commit
        return Response.status(201).entity(new Recorded(r.id(), r.documentId(), r.kind(), r.version(), r.sha256(), r.decision().wire(),
                r.decidedAt().toString())).build();
    }
}
