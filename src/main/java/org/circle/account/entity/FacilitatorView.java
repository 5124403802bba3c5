package org.circle.account.entity;

/** What a facilitator's record says to other facilitators: never the password hash. */
public record FacilitatorView(String id, String email, String displayName) {
    public static FacilitatorView of(Facilitator f) {
        return new FacilitatorView(f.id(), f.email(), f.displayName());
    }
}
