package org.circle.consent.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash chain over a group's consent records. Each record carries the hash of the one before
 * it and its own hash, SHA-256 over a canonical encoding of its fields and that previous hash, so
 * a record rewritten, deleted or slipped in between breaks every link after it. The group's head
 * (how many records, the last hash) is kept apart, so that losing the newest records is seen too.
 *
 * <p>Pure: the ledger, the V37 migration and the verifier all hash through here, so the three can
 * never disagree about the encoding. Changing the encoding breaks every stored chain.
 */
public final class ConsentChain {

    /** The previous hash of a group's first record. */
    public static final String GENESIS = "0".repeat(64);
    /**
     * The time to the second: on MySQL and MariaDB the row keeps only whole seconds of decided_at
     * (EclipseLink sends none of the fraction), on H2 it keeps microseconds, and the hash must be
     * of what is stored. The microseconds are covered anyway: they are in seq.
     */
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private ConsentChain() { }

    /** A record's fields as stored ({@code decidedAt} is the UTC wall time of the DATETIME(6) column). */
    public record Link(String id, String groupId, String memberId, String documentId, String kind, int version,
                       String sha256, String decision, LocalDateTime decidedAt, long seq, String userAgent,
                       String prevHash, String hash) {
    }

    /** The group's head: how many records the ledger wrote, and the hash of the last. */
    public record Head(long records, String lastHash) {
        public static final Head EMPTY = new Head(0, GENESIS);
    }

    /** What a check found. {@code brokenRecordId} is null when the break is not at a record (a lost tail). */
    public record Verdict(boolean intact, int records, String head, String brokenRecordId, String reason) {
        static Verdict intact(int records, String head) { return new Verdict(true, records, head, null, null); }
        static Verdict broken(int records, String at, String reason) { return new Verdict(false, records, null, at, reason); }
    }

    /** The hash of a record whose fields are {@code link}'s, chained after {@code prevHash}. */
    public static String hash(Link link, String prevHash) {
        StringBuilder canonical = new StringBuilder("circle-consent-record-v1;");
        for (Object field : new Object[] {link.id(), link.groupId(), link.memberId(), link.documentId(), link.kind(),
                link.version(), link.sha256(), link.decision(), link.decidedAt() == null ? null : SECONDS.format(link.decidedAt()),
                link.seq(), link.userAgent(), prevHash}) {
            if (field == null) {
                canonical.append("-;");
            } else {
                // Length-prefixed, so that no choice of field values can shift a boundary.
                String s = field.toString();
                canonical.append(s.getBytes(StandardCharsets.UTF_8).length).append(':').append(s).append(';');
            }
        }
        return sha256(canonical.toString());
    }

    /** Checks a group's records, oldest first, against each other and against its head. */
    public static Verdict verify(List<Link> links, Head head) {
        String previous = GENESIS;
        for (Link link : links) {
            if (!previous.equals(link.prevHash())) {
                return Verdict.broken(links.size(), link.id(), "the record does not follow the one before it (one was removed, slipped in or rewritten)");
            }
            String expected = hash(link, previous);
            if (!expected.equals(link.hash())) {
                return Verdict.broken(links.size(), link.id(), "the record's fields do not match its hash (it was rewritten or forged)");
            }
            previous = expected;
        }
        if (head == null) head = Head.EMPTY;
        if (head.records() != links.size() || !head.lastHash().equals(previous)) {
            String last = links.isEmpty() ? null : links.get(links.size() - 1).id();
            return Verdict.broken(links.size(), last, "the group's chain head says " + head.records()
                    + " records, " + links.size() + " are there (the newest were removed, or one was appended outside Circle)");
        }
        return Verdict.intact(links.size(), previous);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
