package org.circle.group.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.circle.platform.ApiError;
import org.circle.platform.JsonBody;
import org.circle.session.MediaKind;

/** The plan of a session as a facilitator sends it, for scheduling (all required) or a change (any of them). */
record SessionPlan(String title, Instant startsAt, Integer minutes, MediaKind media, Integer turnSeconds) {

    static SessionPlan read(JsonBody body, boolean complete) {
        String title = complete || body.has("title") ? body.name("title", 120) : null;
        Instant startsAt = complete || body.has("startsAt") ? instant(body.text("startsAt", 40), "startsAt") : null;
        Integer minutes = body.optionalInt("minutes", 1, 600);
        if (complete && minutes == null) throw ApiError.badRequest("minutes", "minutes is required.");
        String wire = body.optionalText("media", 8);
        MediaKind media = wire == null ? null
                : MediaKind.fromWire(wire).orElseThrow(() -> ApiError.badRequest("media", "media must be mesh or sfu."));
        Integer turnSeconds = body.optionalInt("turnSeconds", 10, 3600);
        if (!complete && title == null && startsAt == null && minutes == null && media == null && turnSeconds == null) {
            throw ApiError.badRequest("body", "Send at least one of title, startsAt, minutes, media, turnSeconds.");
        }
        return new SessionPlan(title, startsAt, minutes, media, turnSeconds);
    }

    private static Instant instant(String text, String field) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(field, field + " must be an ISO-8601 time such as 2026-11-22T18:00:00Z.");
        }
    }
}
