-- Who came to a session and what became of them: one row per person per session, kept current
-- by the live session as people wait, are admitted, speak and leave.
CREATE TABLE attendance (
    session_id     VARCHAR(32) NOT NULL,
    participant_id VARCHAR(64) NOT NULL,
    member_id      VARCHAR(32),
    display_name   VARCHAR(80) NOT NULL,
    role           VARCHAR(12) NOT NULL,
    waiting_since  DATETIME(6),
    admitted_at    DATETIME(6),
    left_at        DATETIME(6),
    outcome        VARCHAR(12) NOT NULL,
    floor_seconds  BIGINT      NOT NULL,
    turns          INT         NOT NULL,
    updated_at     DATETIME(6) NOT NULL,
    CONSTRAINT pk_attendance PRIMARY KEY (session_id, participant_id),
    CONSTRAINT fk_attendance_session FOREIGN KEY (session_id) REFERENCES scheduled_session (id)
);
