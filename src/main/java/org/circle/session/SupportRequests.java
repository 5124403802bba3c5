package org.circle.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Support requests, kept until a facilitator acknowledges them: a request made while no
 * facilitator is connected reaches the first one who connects (or reconnects), and the member is
 * told truthfully how many facilitators heard it at once. An acknowledgement tells the member who
 * saw it and closes the request for the other facilitators. A member who drops out of the room and
 * does not come back within the grace period is kept the same way, as a follow-up to acknowledge.
 */
final class SupportRequests {

    /**
     * Enough for a person in distress pressing again and again (and each press after the first only
     * updates their open request); a flood beyond it is refused with how long to wait.
     */
    static final int BURST = 3;
    static final Duration EVERY = Duration.ofSeconds(10);

    private enum Kind { ASKED, DROPPED }

    /** {@code count}: how many times the person asked while it was open; {@code lastAt}: when they last did. */
    private record Request(String id, Kind kind, String participant, String note, Instant at, int count, Instant lastAt) {
        Request(String id, Kind kind, String participant, String note, Instant at) { this(id, kind, participant, note, at, 1, at); }

        /** Asked again: one alert, its newest note (or the one before, when this one has none). */
        Request again(String newNote, Instant now) {
            return new Request(id, kind, participant, newNote != null ? newNote : note, at, count + 1, now);
        }
    }

    private final LiveSession s;
    private final Map<String, Request> open = new LinkedHashMap<>();
    /** Acknowledged requests: id → who acknowledged, so a second acknowledgement is told who was first. */
    private final Map<String, String> closed = new HashMap<>();
    private long made;
    private final Pace pace = new Pace(BURST, EVERY, "You have asked for support several times just now, and your facilitator has your request.");

    SupportRequests(LiveSession s) { this.s = s; }

    /**
     * A person has one open request at a time: asking again while it is open updates it (how
     * many times, when last, the newest note), so the facilitators get one alert and one chime,
     * not one for every press. Every ask, new or again, takes from the person's pace.
     */
    void request(Command.RequestSupport c, Instant now, Changes changes) {
        String note = Check.optionalText(c.note(), "note");
        Request mine = null;
        for (Request r : open.values()) if (r.kind() == Kind.ASKED && r.participant().equals(c.actor())) mine = r;
        pace.take(c.actor(), now);
        Request r = mine != null ? mine.again(note, now) : new Request(newId(), Kind.ASKED, c.actor(), note, now);
        open.put(r.id(), r);
        changes.toFacilitators(event(r));
        changes.reply(new Reply.SupportDelivered(r.id(), s.connectedFacilitators(c.actor())));
    }

    /** An admitted member's connection dropped and the grace period passed: facilitators follow up. */
    void dropped(String participant, Instant now, Changes changes) {
        Request r = new Request(newId(), Kind.DROPPED, participant, null, now);
        open.put(r.id(), r);
        changes.toFacilitators(event(r));
    }

    void acknowledge(Command.AcknowledgeSupport c, Changes changes) {
        if (c.id() == null || c.id().isBlank()) throw Check.bad("id is required");
        Request r = open.get(c.id());
        if (r == null) {
            String by = closed.get(c.id());
            throw Check.refuse(ErrorCode.UNKNOWN_REQUEST, by != null
                    ? "That request was already acknowledged by " + by + "." : "There is no open support request with that id.");
        }
        String by = s.person(c.actor()).displayName;
        open.remove(r.id());
        closed.put(r.id(), by);
        Person asker = s.person(r.participant());
        if (r.kind() == Kind.ASKED && asker != null && asker.status.present()) changes.toOne(asker.id, new Event.SupportAcknowledged(r.id(), by));
        for (Person p : s.people.values()) {
            if (p.facilitator() && p.admitted() && !p.id.equals(c.actor())) changes.toOne(p.id, new Event.SupportClosed(r.id(), by));
        }
    }

    /** Every open request, oldest first, as a facilitator who has just arrived must see them. */
    List<Event> openRequests() {
        List<Event> events = new ArrayList<>();
        for (Request r : open.values()) events.add(event(r));
        return events;
    }

    /** The request as facilitators see it, with the member's check-in as it stands now. */
    private Event event(Request r) {
        Person p = s.person(r.participant());
        CheckInNote checkIn = p.memberId == null ? null : s.checkIns.get(p.memberId);
        if (r.kind() == Kind.DROPPED) return new Event.ParticipantDropped(r.id(), r.participant(), p.displayName, r.at(), checkIn);
        return new Event.SupportRequested(r.id(), r.participant(), p.displayName, r.note(), r.at(), checkIn, r.count(), r.lastAt());
    }

    /** Unique across restarts of the server, too: the session's start is in the id. */
    private String newId() {
        return "sr" + (++made) + "-" + Long.toString(s.info.createdAt().toEpochMilli(), 36);
    }

    SavedSession.SavedCare save(Messages messages) {
        List<SavedSession.SavedRequest> requests = new ArrayList<>();
        for (Request r : open.values()) {
            requests.add(new SavedSession.SavedRequest(r.id(), r.kind() == Kind.DROPPED, r.participant(), r.note(), r.at(), r.count(), r.lastAt()));
        }
        return new SavedSession.SavedCare(requests, closed, made, messages.sent(), s.checkInRequired, s.checkIns, pace.save(), messages.savePace());
    }

    void restore(SavedSession.SavedCare saved) {
        for (SavedSession.SavedRequest r : saved.open()) {
            // A form saved before repeats were counted has neither: one ask, last at its time.
            int count = r.count() < 1 ? 1 : r.count();
            Instant last = r.lastAt() == null ? r.at() : r.lastAt();
            open.put(r.id(), new Request(r.id(), r.dropped() ? Kind.DROPPED : Kind.ASKED, r.participant(), r.note(), r.at(), count, last));
        }
        closed.putAll(saved.closed());
        made = saved.requestsMade();
        pace.restore(saved.supportPace());
    }

    @Override
    public String toString() { return open.values() + "/" + closed + "/" + made + "/" + pace; }
}
