package org.circle.signaling.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.circle.session.ErrorCode;
import org.circle.session.Refusal;
import org.junit.jupiter.api.Test;

/** The figures read a frame's type and code from its text: on the frames {@link ServerFrames} really writes. */
class FrameMeterTest {

    @Test
    void theTypeOfEveryKindOfServerFrame() {
        assertEquals("ack", FrameMeter.Wire.typeOf(ServerFrames.ack("r1")));
        assertEquals("error", FrameMeter.Wire.typeOf(ServerFrames.error(null, ErrorCode.LOCKED, "Locked.")));
        assertEquals("waiting.list", FrameMeter.Wire.typeOf("{\"type\":\"waiting.list\",\"waiting\":[]}"));
        assertEquals("other", FrameMeter.Wire.typeOf("[1,2]"));
        assertEquals("other", FrameMeter.Wire.typeOf("{\"type\":\"" + "x".repeat(60) + "\"}"), "no unbounded names");
    }

    @Test
    void theCodeOfAnErrorEvenWhenItsMessageMentionsAnother() {
        for (ErrorCode code : List.of(ErrorCode.NOT_RECORDED, ErrorCode.RATE_LIMITED)) {
            String frame = ServerFrames.refusal("r", new Refusal(code, "Said \"code\":\"LOCKED\" to you."));
            assertEquals(code.name(), FrameMeter.Wire.codeOf(frame), frame);
        }
        assertEquals("other", FrameMeter.Wire.codeOf("{\"type\":\"error\",\"code\":\"MADE_UP\"}"));
        assertEquals("other", FrameMeter.Wire.codeOf("{\"type\":\"error\"}"));
    }
}
