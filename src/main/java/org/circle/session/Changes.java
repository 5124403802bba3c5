package org.circle.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What one command produced so far: explicit events with their audience, effects, a reply. */
final class Changes {

    enum To { ONE, ADMITTED, FACILITATORS, WAITING, PRESENT }

    record Addressed(To to, String one, Event event) { }

    final List<Addressed> events = new ArrayList<>();
    final List<Effect> effects = new ArrayList<>();
    /** People who need the whole picture: newly admitted, or back after a dropped connection. */
    final Set<String> needPicture = new LinkedHashSet<>();
    Optional<Reply> reply = Optional.empty();

    void toOne(String participant, Event event) { events.add(new Addressed(To.ONE, participant, event)); }
    void toAdmitted(Event event) { events.add(new Addressed(To.ADMITTED, null, event)); }
    void toFacilitators(Event event) { events.add(new Addressed(To.FACILITATORS, null, event)); }
    void toWaiting(Event event) { events.add(new Addressed(To.WAITING, null, event)); }
    void toPresent(Event event) { events.add(new Addressed(To.PRESENT, null, event)); }
    void effect(Effect effect) { effects.add(effect); }
    void reply(Reply r) { reply = Optional.of(r); }
}
