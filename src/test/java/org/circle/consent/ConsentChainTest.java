package org.circle.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.circle.consent.control.ConsentChain;
import org.circle.consent.control.ConsentChain.Head;
import org.circle.consent.control.ConsentChain.Link;
import org.circle.consent.control.ConsentChain.Verdict;
import org.junit.jupiter.api.Test;

class ConsentChainTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 2, 5, 30, 1, 123_456_000);

    private static Link unhashed(String id, long seq, String userAgent) {
        return new Link(id, "g1", "m1", "d1", "group-agreement", 1, "a".repeat(64), "granted", AT, seq, userAgent, null, null);
    }

    /** Chains links the way the ledger does. */
    private static List<Link> chain(Link... unhashed) {
        List<Link> out = new ArrayList<>();
        String previous = ConsentChain.GENESIS;
        for (Link l : unhashed) {
            String hash = ConsentChain.hash(l, previous);
            out.add(with(l, previous, hash));
            previous = hash;
        }
        return out;
    }

    private static Link with(Link l, String prev, String hash) {
        return new Link(l.id(), l.groupId(), l.memberId(), l.documentId(), l.kind(), l.version(), l.sha256(), l.decision(),
                l.decidedAt(), l.seq(), l.userAgent(), prev, hash);
    }

    private static Head headOf(List<Link> links) {
        return new Head(links.size(), links.isEmpty() ? ConsentChain.GENESIS : links.get(links.size() - 1).hash());
    }

    @Test
    void theHashIsSha256OverALengthPrefixedEncodingAndThePreviousHash() {
        Link l = unhashed("r1", 7, null);
        // Written out by hand, so that a change of encoding (which would break every stored chain) fails here.
        String canonical = "circle-consent-record-v1;2:r1;2:g1;2:m1;2:d1;15:group-agreement;1:1;64:" + "a".repeat(64)
                + ";7:granted;19:2026-12-02T05:30:01;1:7;-;64:" + ConsentChain.GENESIS + ";";
        assertEquals(sha256(canonical), ConsentChain.hash(l, ConsentChain.GENESIS));
        assertEquals("0".repeat(64), ConsentChain.GENESIS);
        assertNotEquals(ConsentChain.hash(l, ConsentChain.GENESIS), ConsentChain.hash(l, "1".repeat(64)), "the previous hash counts");
        assertNotEquals(ConsentChain.hash(unhashed("r1", 7, ""), ConsentChain.GENESIS), ConsentChain.hash(l, ConsentChain.GENESIS),
                "an empty user agent is not a missing one");
        assertNotEquals(ConsentChain.hash(unhashed("r1", 7, "a;1:b"), ConsentChain.GENESIS),
                ConsentChain.hash(new Link("r1", "g1", "m1", "d1", "group-agreement", 1, "a".repeat(64), "granted", AT, 7, "a", null, null), ConsentChain.GENESIS),
                "no field can spill into the next");
    }

    @Test
    void anIntactChainVerifies() {
        List<Link> links = chain(unhashed("r1", 1, "ua"), unhashed("r2", 2, "ua"), unhashed("r3", 3, null));
        Verdict v = ConsentChain.verify(links, headOf(links));
        assertTrue(v.intact());
        assertEquals(3, v.records());
        assertEquals(links.get(2).hash(), v.head());
        assertTrue(ConsentChain.verify(List.of(), null).intact(), "a group without records");
    }

    @Test
    void aRewrittenRecordIsFoundWhereItIs() {
        List<Link> links = new ArrayList<>(chain(unhashed("r1", 1, "ua"), unhashed("r2", 2, "ua"), unhashed("r3", 3, "ua")));
        Head head = headOf(links);
        Link r2 = links.get(1);
        links.set(1, new Link(r2.id(), r2.groupId(), r2.memberId(), r2.documentId(), r2.kind(), r2.version(), r2.sha256(), "declined",
                r2.decidedAt(), r2.seq(), r2.userAgent(), r2.prevHash(), r2.hash()));
        Verdict v = ConsentChain.verify(links, head);
        assertFalse(v.intact());
        assertEquals("r2", v.brokenRecordId());
        assertTrue(v.reason().contains("rewritten"), v.reason());
        assertNull(v.head());
    }

    @Test
    void aRemovedOrSlippedInRecordBreaksTheNextLink() {
        List<Link> links = chain(unhashed("r1", 1, "ua"), unhashed("r2", 2, "ua"), unhashed("r3", 3, "ua"));
        Verdict removed = ConsentChain.verify(List.of(links.get(0), links.get(2)), headOf(links));
        assertEquals("r3", removed.brokenRecordId());
        Link forged = with(unhashed("x", 2, "ua"), ConsentChain.GENESIS, ConsentChain.hash(unhashed("x", 2, "ua"), ConsentChain.GENESIS));
        Verdict slipped = ConsentChain.verify(List.of(links.get(0), forged, links.get(1), links.get(2)), headOf(links));
        assertEquals("x", slipped.brokenRecordId());
    }

    @Test
    void aLostTailOrAnAppendedRecordDisagreesWithTheHead() {
        List<Link> links = chain(unhashed("r1", 1, "ua"), unhashed("r2", 2, "ua"), unhashed("r3", 3, "ua"));
        Verdict lost = ConsentChain.verify(links.subList(0, 2), headOf(links));
        assertFalse(lost.intact());
        assertTrue(lost.reason().contains("chain head"), lost.reason());
        Verdict emptied = ConsentChain.verify(List.of(), headOf(links));
        assertFalse(emptied.intact());
        assertNull(emptied.brokenRecordId());
        Verdict noHead = ConsentChain.verify(links, null);
        assertFalse(noHead.intact(), "records the ledger did not write (no head)");
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
