package org.circle.consent.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.circle.account.boundary.SignedIn;
import org.circle.account.control.Caller;
import org.circle.consent.control.ChainVerification;
import org.circle.consent.control.ConsentChain;
import org.circle.consent.control.ConsentLedger;
import org.circle.consent.control.CsvWriter;
import org.circle.consent.entity.ConsentRecord;
import org.circle.group.control.Groups;
import org.circle.group.control.Members;
import org.circle.platform.Jsons;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The group's consent record, oldest first, as JSON or (Accept: text/csv) as a spreadsheet. */
@Path("groups/{gid}/consent-records")
@SignedIn
@SecurityRequirement(name = "bearer")
public class ConsentRecordsResource {

    private static final List<String> HEADER = List.of("id", "memberId", "displayName", "documentId", "kind", "version", "sha256", "decision", "at", "userAgent");

    @Inject
    Groups groups;

    @Inject
    Members members;

    @Inject
    ConsentLedger ledger;

    @Inject
    Caller caller;

    @Inject
    ChainVerification verification;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String json(@PathParam("gid") String gid) {
        JsonArrayBuilder out = Jsons.createArrayBuilder();
        for (List<String> row : rows(gid)) {
            var o = Jsons.createObjectBuilder();
            for (int i = 0; i < HEADER.size(); i++) {
                if (row.get(i) == null) continue;
                if (HEADER.get(i).equals("version")) o.add("version", Integer.parseInt(row.get(i)));
                else o.add(HEADER.get(i), row.get(i));
            }
            out.add(o);
        }
        return out.build().toString();
    }

    /** Whether the group's hash chain holds: see docs/protocol.md. Facilitators of the group only. */
    @GET
    @Path("verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyConsentChain", summary = "Whether the group's hash chain of consent records holds")
    @APIResponse(responseCode = "200", description = "the verdict",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ChainVerification")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public String verification(@PathParam("gid") String gid) {
        groups.require(gid, caller.id());
        ConsentChain.Verdict verdict = verification.verify(gid);
        var out = Jsons.createObjectBuilder().add("intact", verdict.intact()).add("records", verdict.records());
        if (verdict.intact()) {
            out.add("head", verdict.head());
        } else {
            if (verdict.brokenRecordId() != null) out.add("firstBrokenRecordId", verdict.brokenRecordId());
            out.add("reason", verdict.reason());
        }
        return out.build().toString();
    }

    /** Described here for both representations: Payara keeps one operation per path and method, the one declared last. */
    @GET
    @Produces("text/csv")
    @Operation(operationId = "listConsentRecords", summary = "The group's consent records, oldest first; Accept: text/csv for a spreadsheet")
    @APIResponse(responseCode = "200", description = "the records",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConsentRecords")),
                @Content(mediaType = "text/csv", schema = @Schema(ref = "Csv"))})
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response csv(@PathParam("gid") String gid) {
        CsvWriter csv = new CsvWriter().row(HEADER);
        rows(gid).forEach(csv::row);
        return Response.ok(csv.toString(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"consent-records-" + gid + ".csv\"").build();
    }

    private List<List<String>> rows(String gid) {
        groups.require(gid, caller.id());
        Map<String, String> names = new HashMap<>();
        members.of(gid).forEach(m -> names.put(m.id(), m.displayName()));
        return ledger.ofGroup(gid).stream().map((ConsentRecord r) -> java.util.Arrays.asList(
                r.id(), r.memberId(), names.get(r.memberId()), r.documentId(), r.kind(), String.valueOf(r.version()),
                r.sha256(), r.decision().wire(), r.decidedAt().toString(), r.userAgent())).toList();
    }
}
