package org.circle.session;

import java.util.List;
import java.util.Optional;

public record Outcome(Optional<Refusal> refusal, List<Delivery> deliveries, List<Effect> effects, Optional<Reply> reply) {

    static Outcome refused(Refusal refusal) {
        return new Outcome(Optional.of(refusal), List.of(), List.of(), Optional.empty());
    }

    public boolean accepted() { return refusal.isEmpty(); }
}
