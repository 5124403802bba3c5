package org.circle.signaling.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.circle.platform.Figures;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * What the signalling does, counted for {@code /metrics}: frames by direction and type, refusals
 * by code, and how long an admission takes from the facilitator's frame to the member's
 * {@code admitted}. Types and codes come from the protocol's own vocabulary (a received frame is
 * counted only once it parsed as a known type), so a client cannot mint new series.
 */
@ApplicationScoped
public class FrameMeter implements Connection.Meter {

    private static final Metadata RECEIVED = Metadata.builder().withName("circle_frames_received")
            .withDescription("Frames received from people's sockets, by type").build();
    private static final Metadata SENT = Metadata.builder().withName("circle_frames_sent")
            .withDescription("Frames sent to people's sockets, by type").build();
    private static final Metadata REFUSED = Metadata.builder().withName("circle_refusals")
            .withDescription("Error frames sent, by the protocol's error code").build();
    private static final Metadata ADMISSION = Metadata.builder().withName("circle_admission")
            .withDescription("From a facilitator's admit or admit.all arriving to the member's admitted being queued").withUnit(MetricUnits.SECONDS).build();

    @Inject
    MetricRegistry registry;

    private final Map<String, Counter> received = new ConcurrentHashMap<>();
    private final Map<String, Counter> sent = new ConcurrentHashMap<>();
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    public void received(String type) {
        received.computeIfAbsent(type, t -> Figures.counter(registry, RECEIVED, new Tag("type", t))).inc();
    }

    @Override
    public void sent(String frame) {
        String type = Wire.typeOf(frame);
        sent.computeIfAbsent(type, t -> Figures.counter(registry, SENT, new Tag("type", t))).inc();
        if (type.equals("error")) {
            refused.computeIfAbsent(Wire.codeOf(frame), c -> Figures.counter(registry, REFUSED, new Tag("code", c))).inc();
        }
    }

    private volatile Timer admissions;

    public void admission(Duration took) {
        Timer timer = admissions;
        if (timer == null) admissions = timer = Figures.timer(registry, ADMISSION);
        timer.update(took);
    }

    /** Reading a server frame's type and code without parsing it: every frame starts {@code {"type":"}. */
    static final class Wire {
        private static final String TYPE = "{\"type\":\"";
        private static final String CODE = "\"code\":\"";

        private Wire() { }

        static String typeOf(String frame) {
            if (!frame.startsWith(TYPE)) return "other";
            int end = frame.indexOf('"', TYPE.length());
            return end < 0 || end - TYPE.length() > 40 ? "other" : frame.substring(TYPE.length(), end);
        }

        /** An error frame's code; a JSON string never holds an unescaped quote, so the pattern cannot match inside a message. */
        static String codeOf(String frame) {
            int at = frame.indexOf(CODE);
            if (at < 0) return "other";
            int start = at + CODE.length();
            int end = frame.indexOf('"', start);
            if (end < 0) return "other";
            String code = frame.substring(start, end);
            try {
                return org.circle.session.ErrorCode.valueOf(code).name();
            } catch (IllegalArgumentException e) {
                return "other";
            }
        }
    }
}
