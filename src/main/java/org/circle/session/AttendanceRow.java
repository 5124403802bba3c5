package org.circle.session;

import java.time.Instant;

/** One person's attendance as it stands: what GET /api/sessions/{sid}/attendance reports. */
public record AttendanceRow(String participant, String memberId, String displayName, Role role,
                            Instant waitingSince, Instant admittedAt, Instant leftAt, String outcome,
                            long floorSeconds, int turns) { }
