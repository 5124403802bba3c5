package org.circle.care.boundary;

import java.util.Set;
import org.circle.care.entity.CareForms.CheckInForm;
import org.circle.care.entity.CareForms.CheckOutForm;
import org.circle.care.entity.CareForms.SettingsChange;
import org.circle.care.entity.CheckInMode;
import org.circle.care.entity.Ratings;
import org.circle.platform.ApiError;
import org.circle.platform.JsonBody;
import org.circle.platform.Texts;

/**
 * Reads the care requests field by field: every refusal is a BAD_REQUEST naming the field, and
 * none repeats what the member typed (those messages may reach a log).
 */
public final class CareRequests {

    public static final int LOCATION = 200;
    public static final int PHONE = 40;
    public static final int EMERGENCY_CONTACT = 200;
    public static final int CRISIS_TEXT = 1000;
    public static final int COMMENT = 2000;
    public static final int GOAL = 300;
    static final Set<String> GOAL_REVIEWS = Set.of("done", "partly", "not yet");

    private CareRequests() { }

    public static SettingsChange settings(JsonBody body) {
        CheckInMode mode = null;
        String wire = body.optionalText("checkIn", 10);
        if (wire != null) {
            mode = CheckInMode.fromWire(wire).orElseThrow(() -> ApiError.badRequest("checkIn", "checkIn must be required, optional or off."));
        }
        boolean crisisGiven = body.has("crisisText"); // "" clears it
        String crisis = body.optionalText("crisisText", CRISIS_TEXT);
        Integer grace = body.optionalInt("facilitatorGraceSeconds", 10, 3600);
        return new SettingsChange(mode, crisisGiven, crisis, grace);
    }

    public static CheckInForm checkIn(JsonBody body) {
        String sessionId = body.text("sessionId", 64);
        String location = line(body, "location", LOCATION, true);
        String phone = line(body, "phone", PHONE, true);
        if (phone.chars().filter(Character::isDigit).count() < 3) {
            throw ApiError.badRequest("phone", "phone must be a number someone can call (at least three digits).");
        }
        String emergency = line(body, "emergencyContact", EMERGENCY_CONTACT, false);
        if (!body.has("privateSpace")) throw ApiError.badRequest("privateSpace", "privateSpace is required (true or false).");
        boolean privateSpace = body.bool("privateSpace", false);
        String review = body.optionalText("goalReview", 10);
        if (review != null && !GOAL_REVIEWS.contains(review)) {
            throw ApiError.badRequest("goalReview", "goalReview must be done, partly or not yet.");
        }
        return new CheckInForm(sessionId, location, phone, emergency == null || emergency.isEmpty() ? null : emergency, privateSpace, review);
    }

    public static CheckOutForm checkOut(JsonBody body) {
        String sessionId = body.text("sessionId", 64);
        JsonBody ratings = body.optionalObject("ratings");
        if (ratings == null) throw ApiError.badRequest("ratings", "ratings is required: connection, topics, approach and overall, each 0 to 10.");
        int[] values = new int[Ratings.NAMES.length];
        for (int i = 0; i < values.length; i++) {
            String name = Ratings.NAMES[i];
            Integer value;
            try {
                value = ratings.optionalInt(name, 0, 10);
            } catch (ApiError e) {
                throw ApiError.badRequest("ratings." + name, "ratings." + name + " must be a whole number from 0 to 10.");
            }
            if (value == null) throw ApiError.badRequest("ratings." + name, "ratings." + name + " is required (0 to 10).");
            values[i] = value;
        }
        String comment = body.optionalText("comment", COMMENT);
        String goal = body.optionalText("goal", GOAL);
        return new CheckOutForm(sessionId, new Ratings(values[0], values[1], values[2], values[3]),
                blankToNull(comment), blankToNull(goal));
    }

    /** One line of text: trimmed, at most {@code max} characters, no control characters. */
    private static String line(JsonBody body, String field, int max, boolean required) {
        String value = required ? body.text(field, max) : body.optionalText(field, max);
        if (value != null && Texts.hasControlCharacters(value)) {
            throw ApiError.badRequest(field, field + " must be one line of text.");
        }
        return value;
    }

    private static String blankToNull(String s) { return s == null || s.isEmpty() ? null : s; }
}
