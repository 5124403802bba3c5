package org.circle.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.circle.care.boundary.CareRequests;
import org.circle.care.entity.Averages;
import org.circle.care.entity.CheckInMode;
import org.circle.care.entity.Ratings;
import org.circle.platform.ApiError;
import org.circle.platform.JsonBody;
import org.junit.jupiter.api.Test;

class CareRequestsTest {

    private static final String GOOD = "\"sessionId\":\"s1\",\"location\":\"Home, 4 Elm Road\",\"phone\":\"+44 20 7946 0000\",\"privateSpace\":true";

    private static String refusedField(Runnable r) {
        ApiError e = assertThrows(ApiError.class, r::run);
        assertEquals(400, e.status());
        return e.field();
    }

    private static void checkIn(String json) { CareRequests.checkIn(JsonBody.parse(json)); }
    private static void checkOut(String json) { CareRequests.checkOut(JsonBody.parse(json)); }

    @Test
    void aCheckInIsReadAndTrimmed() {
        var form = CareRequests.checkIn(JsonBody.parse("{" + GOOD + ",\"emergencyContact\":\"  \",\"goalReview\":\"not yet\"}"));
        assertEquals("Home, 4 Elm Road", form.location());
        assertNull(form.emergencyContact(), "a blank contact is no contact");
        assertTrue(form.privateSpace());
        assertEquals("not yet", form.goalReview());
    }

    @Test
    void everyBadCheckInFieldIsNamedAndTheMessageNeverRepeatsTheValue() {
        assertEquals("sessionId", refusedField(() -> checkIn("{\"location\":\"x\",\"phone\":\"123\",\"privateSpace\":true}")));
        assertEquals("location", refusedField(() -> checkIn("{\"sessionId\":\"s\",\"phone\":\"123\",\"privateSpace\":true}")));
        assertEquals("location", refusedField(() -> checkIn("{\"sessionId\":\"s\",\"location\":\"" + "a".repeat(201) + "\",\"phone\":\"123\",\"privateSpace\":true}")));
        assertEquals("location", refusedField(() -> checkIn("{\"sessionId\":\"s\",\"location\":\"a\\u0000b\",\"phone\":\"123\",\"privateSpace\":true}")));
        assertEquals("phone", refusedField(() -> checkIn("{\"sessionId\":\"s\",\"location\":\"x\",\"phone\":\"" + "1".repeat(41) + "\",\"privateSpace\":true}")));
        assertEquals("phone", refusedField(() -> checkIn("{\"sessionId\":\"s\",\"location\":\"x\",\"phone\":\"call me\",\"privateSpace\":true}")));
        assertEquals("emergencyContact", refusedField(() -> checkIn("{" + GOOD + ",\"emergencyContact\":\"" + "e".repeat(201) + "\"}")));
        assertEquals("privateSpace", refusedField(() -> checkIn("{\"sessionId\":\"s\",\"location\":\"x\",\"phone\":\"123\"}")));
        assertEquals("privateSpace", refusedField(() -> checkIn("{\"sessionId\":\"s\",\"location\":\"x\",\"phone\":\"123\",\"privateSpace\":\"yes\"}")));
        assertEquals("goalReview", refusedField(() -> checkIn("{" + GOOD + ",\"goalReview\":\"mostly\"}")));
        ApiError e = assertThrows(ApiError.class, () -> checkIn("{" + GOOD.replace("+44 20 7946 0000", "secret-number-x") + "}"));
        assertFalse(e.getMessage().contains("secret-number-x"));
    }

    @Test
    void aCheckOutNeedsFourWholeRatingsFromZeroToTen() {
        var form = CareRequests.checkOut(JsonBody.parse("{\"sessionId\":\"s\",\"ratings\":{\"connection\":0,\"topics\":10,\"approach\":7,\"overall\":5},"
                + "\"comment\":\"  \",\"goal\":\"Call my sister\"}"));
        assertEquals(new Ratings(0, 10, 7, 5), form.ratings());
        assertNull(form.comment());
        assertEquals("Call my sister", form.goal());
        String r = "\"connection\":1,\"topics\":2,\"approach\":3";
        assertEquals("ratings", refusedField(() -> checkOut("{\"sessionId\":\"s\"}")));
        assertEquals("ratings", refusedField(() -> checkOut("{\"sessionId\":\"s\",\"ratings\":[1,2,3,4]}")));
        assertEquals("ratings.overall", refusedField(() -> checkOut("{\"sessionId\":\"s\",\"ratings\":{" + r + "}}")));
        assertEquals("ratings.overall", refusedField(() -> checkOut("{\"sessionId\":\"s\",\"ratings\":{" + r + ",\"overall\":11}}")));
        assertEquals("ratings.overall", refusedField(() -> checkOut("{\"sessionId\":\"s\",\"ratings\":{" + r + ",\"overall\":-1}}")));
        assertEquals("ratings.overall", refusedField(() -> checkOut("{\"sessionId\":\"s\",\"ratings\":{" + r + ",\"overall\":7.5}}")));
        assertEquals("ratings.overall", refusedField(() -> checkOut("{\"sessionId\":\"s\",\"ratings\":{" + r + ",\"overall\":\"7\"}}")));
        assertEquals("goal", refusedField(() -> checkOut("{\"sessionId\":\"s\",\"ratings\":{" + r + ",\"overall\":4},\"goal\":\"" + "g".repeat(301) + "\"}")));
        assertEquals("comment", refusedField(() -> checkOut("{\"sessionId\":\"s\",\"ratings\":{" + r + ",\"overall\":4},\"comment\":\"" + "c".repeat(2001) + "\"}")));
    }

    @Test
    void settingsChangeOnlyWhatIsGiven() {
        var none = CareRequests.settings(JsonBody.parse("{}"));
        assertNull(none.checkIn());
        assertFalse(none.crisisTextGiven());
        assertNull(none.facilitatorGraceSeconds());
        var all = CareRequests.settings(JsonBody.parse("{\"checkIn\":\"required\",\"crisisText\":\"Call 999\",\"facilitatorGraceSeconds\":300}"));
        assertEquals(CheckInMode.REQUIRED, all.checkIn());
        assertEquals("Call 999", all.crisisText());
        assertEquals(300, all.facilitatorGraceSeconds());
        assertEquals("checkIn", refusedField(() -> CareRequests.settings(JsonBody.parse("{\"checkIn\":\"always\"}"))));
        assertEquals("crisisText", refusedField(() -> CareRequests.settings(JsonBody.parse("{\"crisisText\":\"" + "c".repeat(1001) + "\"}"))));
        assertEquals("facilitatorGraceSeconds", refusedField(() -> CareRequests.settings(JsonBody.parse("{\"facilitatorGraceSeconds\":5}"))));
    }

    @Test
    void averagesAreMeansToOneDecimal() {
        Averages a = Averages.of(List.of(new Ratings(10, 5, 0, 7), new Ratings(9, 5, 1, 8), new Ratings(9, 6, 0, 8)));
        assertEquals(3, a.count());
        assertEquals(9.3, a.connection());
        assertEquals(5.3, a.topics());
        assertEquals(0.3, a.approach());
        assertEquals(7.7, a.overall());
        assertNull(Averages.of(List.of()).overall());
    }
}
