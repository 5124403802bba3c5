package org.circle.signaling.control;

/** Who is connected to one room, by role; {@code waiting} counts the participants among them not yet admitted. */
public record Census(boolean live, int facilitators, int participants, int waiting) { }
