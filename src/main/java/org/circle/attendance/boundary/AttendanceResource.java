package org.circle.attendance.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.circle.account.boundary.SignedIn;
import org.circle.account.control.Caller;
import org.circle.attendance.control.AttendanceLog;
import org.circle.attendance.entity.AttendanceEntry;
import org.circle.group.control.Groups;
import org.circle.group.control.Sessions;
import org.circle.platform.ApiError;
import org.circle.platform.Jsons;

@Path("sessions/{sid}/attendance")
@Produces(MediaType.APPLICATION_JSON)
@SignedIn
public class AttendanceResource {

    @Inject
    Sessions sessions;

    @Inject
    Groups groups;

    @Inject
    AttendanceLog log;

    @Inject
    Caller caller;

    @GET
    public String attendance(@PathParam("sid") String sid) {
        var session = sessions.find(sid).orElseThrow(ApiError::notFound);
        groups.require(session.groupId(), caller.id());
        JsonArrayBuilder rows = Jsons.createArrayBuilder();
        for (AttendanceEntry a : log.of(sid)) {
            JsonObjectBuilder row = Jsons.createObjectBuilder()
                    .add("participant", a.participantId()).add("displayName", a.displayName()).add("role", a.role())
                    .add("outcome", a.outcome()).add("floorSeconds", a.floorSeconds()).add("turns", a.turns());
            if (a.memberId() != null) row.add("memberId", a.memberId());
            time(row, "waitingSince", a.waitingSince());
            time(row, "admittedAt", a.admittedAt());
            time(row, "leftAt", a.leftAt());
            rows.add(row);
        }
        return rows.build().toString();
    }

    private static void time(JsonObjectBuilder row, String key, Instant value) {
        if (value != null) row.add(key, value.toString());
    }
}
