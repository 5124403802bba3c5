package org.circle.session;

import java.io.Serializable;

/**
 * A member's safety check-in for this session, as facilitators need it when that member asks for
 * support: where they are, a call-back number, an emergency contact (may be null). The edge
 * opens the sealed record; the core only hands it to facilitators and never to anyone else.
 */
public record CheckInNote(String location, String phone, String emergencyContact, boolean privateSpace) implements Serializable { }
