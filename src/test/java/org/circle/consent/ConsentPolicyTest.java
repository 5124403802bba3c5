package org.circle.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.circle.consent.entity.ConsentDecision.DECLINED;
import static org.circle.consent.entity.ConsentDecision.GRANTED;
import static org.circle.consent.entity.ConsentDecision.WITHDRAWN;

import java.util.List;
import java.util.Map;
import org.circle.consent.control.ConsentPolicy;
import org.circle.consent.control.ConsentPolicy.Current;
import org.circle.consent.control.ConsentPolicy.Decision;
import org.junit.jupiter.api.Test;

class ConsentPolicyTest {

    private static final Current AGREEMENT = new Current("agreement-v2", "group-agreement", true);
    private static final Current RECORDING = new Current("recording-v1", "recording", false);

    @Test
    void noRequiredDocumentsMeansComplete() {
        assertTrue(ConsentPolicy.complete(List.of(), List.of()));
        assertTrue(ConsentPolicy.complete(List.of(RECORDING), List.of()));
    }

    @Test
    void everyRequiredKindMustBeGrantedOnItsCurrentVersion() {
        assertFalse(ConsentPolicy.complete(List.of(AGREEMENT), List.of()));
        assertTrue(ConsentPolicy.complete(List.of(AGREEMENT), List.of(new Decision("agreement-v2", GRANTED))));
        assertFalse(ConsentPolicy.complete(List.of(AGREEMENT), List.of(new Decision("agreement-v1", GRANTED))),
                "a grant of an earlier version does not count");
    }

    @Test
    void theLatestDecisionCounts() {
        var grantedThenWithdrawn = List.of(new Decision("agreement-v2", GRANTED), new Decision("agreement-v2", WITHDRAWN));
        assertFalse(ConsentPolicy.complete(List.of(AGREEMENT), grantedThenWithdrawn));
        var declinedThenGranted = List.of(new Decision("agreement-v2", DECLINED), new Decision("agreement-v2", GRANTED));
        assertTrue(ConsentPolicy.complete(List.of(AGREEMENT), declinedThenGranted));
    }

    @Test
    void optionalDocumentsNeverBlock() {
        var declinedRecording = List.of(new Decision("agreement-v2", GRANTED), new Decision("recording-v1", DECLINED));
        assertTrue(ConsentPolicy.complete(List.of(AGREEMENT, RECORDING), declinedRecording));
    }

    @Test
    void statusesPerCurrentDocument() {
        Map<String, String> statuses = ConsentPolicy.statuses(List.of(AGREEMENT, RECORDING),
                List.of(new Decision("agreement-v1", GRANTED), new Decision("recording-v1", WITHDRAWN)));
        assertEquals(Map.of("agreement-v2", "missing", "recording-v1", "withdrawn"), statuses);
    }
}
