package org.circle.session;

import java.time.Instant;

/** One stint of one person's attendance as it stands (a person who leaves and comes back has a second stint). */
public record AttendanceRow(String participant, int stint, String memberId, String displayName, Role role,
                            Instant waitingSince, Instant admittedAt, Instant leftAt, String outcome,
                            long floorSeconds, int turns, long speakingSeconds) { }
