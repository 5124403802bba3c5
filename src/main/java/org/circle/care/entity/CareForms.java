package org.circle.care.entity;

/** What a request asks of care, once read and validated (see boundary/CareRequests). */
public final class CareForms {

    private CareForms() { }

    /** A change to a group's care settings; a field left out stays as it is. */
    public record SettingsChange(CheckInMode checkIn, boolean crisisTextGiven, String crisisText, Integer facilitatorGraceSeconds) { }

    public record CheckInForm(String sessionId, String location, String phone, String emergencyContact,
                              boolean privateSpace, String goalReview) { }

    public record CheckOutForm(String sessionId, Ratings ratings, String comment, String goal) { }
}
