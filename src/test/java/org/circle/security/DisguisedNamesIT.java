package org.circle.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.circle.testing.CircleServer;
import org.circle.testing.CircleServer.Circle;
import org.circle.testing.Setting;
import org.circle.testing.Ws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attack: a member joined as "Lead Facilitator" (the facilitator's own name) and the waiting
 * list showed only that; names made of Hangul fillers, no-break spaces, zero-width, soft-hyphen,
 * word-joiner, byte-order-mark, Arabic-letter-mark and tag characters passed as blank. Each is now
 * refused at hello with NAME_REFUSED and a reason the page shows; an ordinary name still joins, and
 * facilitators see the invited name beside the chosen one.
 */
@ExtendWith(CircleServer.class)
class DisguisedNamesIT {

    @Test
    void namesThatHideOrPretendAreRefusedAndOrdinaryOnesJoin(Circle circle) {
        Setting s = new Setting(circle);
        String invitation = s.member("Ann Example");
        List<String> refused = List.of("Lead Facilitator", "lead  FACILITATOR", "Ｌｅａｄ Facilitator", "\u3164", "\u00A0", "\u200B\u200B",
                "\u00AD", "\u2060", "\uFEFF", "\u061C", "\uDB40\uDC41\uDB40\uDC42", "An\u200Bn");
        for (String name : refused) {
            try (Ws ws = new Ws(circle.process().baseUrl())) {
                ws.send(hello(s.memberTicket(invitation), name));
                JsonObject error = ws.await("error");
                assertEquals("NAME_REFUSED", error.getString("code"), "refused: " + codePoints(name));
                assertTrue(error.getString("message").length() > 10, "with a reason the page can show");
                ws.awaitClose();
            }
        }
        try (Ws f = new Ws(circle.process().baseUrl()); Ws ann = new Ws(circle.process().baseUrl())) {
            f.send(Ws.hello(s.facilitatorTicket()));
            f.await("welcome");
            ann.send(hello(s.memberTicket(invitation), "Annie 🙂"));
            assertEquals("Annie 🙂", ann.await("welcome").getJsonObject("you").getString("displayName"));
            JsonObject waiting = f.await(m -> m.getString("type").equals("waiting.list") && !m.getJsonArray("waiting").isEmpty());
            JsonObject entry = waiting.getJsonArray("waiting").getJsonObject(0);
            assertEquals("Annie 🙂", entry.getString("displayName"));
            assertEquals("Ann Example", entry.getString("memberName"), "the facilitator sees who was invited");
        }
    }

    private static JsonObject hello(String ticket, String displayName) {
        return Json.createObjectBuilder(Ws.hello(ticket)).add("displayName", displayName).build();
    }

    private static String codePoints(String s) {
        return s.codePoints().mapToObj(c -> "U+" + Integer.toHexString(c).toUpperCase()).toList().toString();
    }
}
