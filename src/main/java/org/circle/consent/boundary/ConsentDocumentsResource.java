package org.circle.consent.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;
import org.circle.account.boundary.SignedIn;
import org.circle.account.control.Caller;
import org.circle.consent.control.ConsentDocuments;
import org.circle.consent.control.Publishing;
import org.circle.consent.entity.ConsentDocument;
import org.circle.group.control.Groups;
import org.circle.platform.ApiError;
import org.circle.platform.JsonBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("groups/{gid}/consent-documents")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
@SecurityRequirement(name = "bearer")
public class ConsentDocumentsResource {

    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public record DocumentView(String id, String kind, int version, String title, String body, String sha256, boolean required, String publishedAt) {
        public static DocumentView of(ConsentDocument d) {
            return new DocumentView(d.id(), d.kind(), d.version(), d.title(), d.body(), d.sha256(), d.required(), d.publishedAt().toString());
        }
    }

    @Inject
    Groups groups;

    @Inject
    ConsentDocuments documents;

    @Inject
    Publishing publishing;

    @Inject
    Caller caller;

    private static Publishing.Effective effective(String wire) {
        if (wire == null || wire.equals("now")) return Publishing.Effective.NOW;
        if (wire.equals("next-session")) return Publishing.Effective.NEXT_SESSION;
        throw ApiError.badRequest("effective", "effective must be now or next-session.");
    }

    /** What publishing would do; {@code sentBack} are the admitted members who would go back to waiting at once. */
    public record PreviewView(boolean dryRun, String kind, int version, boolean required, String effective,
                              List<Publishing.Affected> askedAgain, int losingConsent, int sentBack) {
        static PreviewView of(Publishing.Preview p, Publishing.Effective effective) {
            int losing = (int) p.affected().stream().filter(Publishing.Affected::loses).count();
            int sentBack = effective == Publishing.Effective.NEXT_SESSION ? 0
                    : (int) p.affected().stream().filter(a -> a.loses() && "admitted".equals(a.inSession())).count();
            return new PreviewView(true, p.kind(), p.version(), p.required(), effective == Publishing.Effective.NOW ? "now" : "next-session",
                    p.affected(), losing, sentBack);
        }
    }

    /**
     * Publishes a new version, or with {@code dryRun: true} says what publishing would do and
     * changes nothing. {@code effective}: "now" (default) or "next-session".
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "publishConsentDocument", summary = "Publish a new version of an agreement, or with dryRun say what publishing would do")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConsentDocumentRequest")))
    @APIResponse(responseCode = "201", description = "the published version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConsentDocument")))
    @APIResponse(responseCode = "200", description = "dryRun: what publishing would do, nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PublishPreview")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response publish(@PathParam("gid") String gid, String text) {
        groups.require(gid, caller.id());
        JsonBody body = JsonBody.parse(text);
        String kind = body.text("kind", 40);
        if (!KIND.matcher(kind).matches()) throw ApiError.badRequest("kind", "kind must be a short slug such as group-agreement.");
        Publishing.Effective effective = effective(body.optionalText("effective", 20));
        if (!body.has("required")) throw ApiError.badRequest("required", "required is required (true or false).");
        boolean required = body.bool("required", false);
        if (body.bool("dryRun", false)) {
            return Response.ok(PreviewView.of(publishing.preview(gid, kind, required), effective)).build();
        }
        String title = body.text("title", 200);
        String content = body.text("body", 20_000);
        return Response.status(201).entity(DocumentView.of(publishing.publish(gid, kind, title, content, required, effective))).build();
    }

    @GET
    @Operation(operationId = "listConsentDocuments", summary = "The current version of each of the group's agreements")
    @APIResponse(responseCode = "200", description = "the agreements",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConsentDocuments")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<DocumentView> current(@PathParam("gid") String gid) {
        groups.require(gid, caller.id());
        return documents.current(gid).stream().map(DocumentView::of).toList();
    }
}
