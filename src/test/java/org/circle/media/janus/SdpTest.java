package org.circle.media.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SdpTest {

    private static final String OFFER = String.join("\r\n", "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-",
            "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=mid:v", "a=sendonly",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=rtpmap:111 opus/48000/2", "a=mid:1", "a=sendonly", "");

    @Test
    void findsTheMidOfTheSectionOfThatKindNotTheFirstSection() {
        assertEquals("1", Sdp.mid(OFFER, "audio"));
        assertEquals("v", Sdp.mid(OFFER, "video"));
    }

    @Test
    void noSectionOfThatKindHasNoMid() {
        assertNull(Sdp.mid(OFFER, "application"));
        assertNull(Sdp.mid("v=0\n", "audio"));
    }
}
