package org.circle.attendance.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.circle.account.boundary.SignedIn;
import org.circle.account.control.Caller;
import org.circle.attendance.control.AttendanceLog;
import org.circle.attendance.entity.AttendanceEntry;
import org.circle.consent.control.CsvWriter;
import org.circle.group.control.Groups;
import org.circle.group.control.Sessions;
import org.circle.platform.ApiError;
import org.circle.platform.Jsons;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** A session's attendance, one entry per stint, as JSON or (Accept: text/csv) as a spreadsheet. */
@Path("sessions/{sid}/attendance")
@SignedIn
@SecurityRequirement(name = "bearer")
public class AttendanceResource {

    private static final List<String> HEADER = List.of("participant", "stint", "memberId", "displayName", "role", "outcome",
            "waitingSince", "admittedAt", "leftAt", "floorSeconds", "turns", "speakingSeconds");

    @Inject
    Sessions sessions;

    @Inject
    Groups groups;

    @Inject
    AttendanceLog log;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String attendance(@PathParam("sid") String sid) {
        JsonArrayBuilder rows = Jsons.createArrayBuilder();
        for (AttendanceEntry a : entries(sid)) {
            JsonObjectBuilder row = Jsons.createObjectBuilder()
                    .add("participant", a.participantId()).add("stint", a.stint()).add("displayName", a.displayName()).add("role", a.role())
                    .add("outcome", a.outcome()).add("floorSeconds", a.floorSeconds()).add("turns", a.turns())
                    .add("speakingSeconds", a.speakingSeconds());
            if (a.memberId() != null) row.add("memberId", a.memberId());
            time(row, "waitingSince", a.waitingSince());
            time(row, "admittedAt", a.admittedAt());
            time(row, "leftAt", a.leftAt());
            rows.add(row);
        }
        return rows.build().toString();
    }

    /** Described here for both representations: Payara keeps one operation per path and method, the one declared last. */
    @GET
    @Produces("text/csv")
    @Operation(operationId = "getAttendance", summary = "A session's attendance, one entry per stint; Accept: text/csv for a spreadsheet")
    @APIResponse(responseCode = "200", description = "the attendance",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Attendance")),
                @Content(mediaType = "text/csv", schema = @Schema(ref = "Csv"))})
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response csv(@PathParam("sid") String sid) {
        CsvWriter csv = new CsvWriter().row(HEADER);
        for (AttendanceEntry a : entries(sid)) {
            csv.row(Arrays.asList(a.participantId(), String.valueOf(a.stint()), a.memberId(), a.displayName(), a.role(), a.outcome(),
                    text(a.waitingSince()), text(a.admittedAt()), text(a.leftAt()), String.valueOf(a.floorSeconds()), String.valueOf(a.turns()),
                    String.valueOf(a.speakingSeconds())));
        }
        return Response.ok(csv.toString(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"attendance-" + sid + ".csv\"").build();
    }

    private List<AttendanceEntry> entries(String sid) {
        var session = sessions.find(sid).orElseThrow(ApiError::notFound);
        groups.require(session.groupId(), caller.id());
        return log.of(sid);
    }

    private static String text(Instant value) { return value == null ? null : value.toString(); }

    private static void time(JsonObjectBuilder row, String key, Instant value) {
        if (value != null) row.add(key, value.toString());
    }
}
