-- Attendance keeps one row per stint: a person who leaves and comes back has a second row
-- instead of overwriting the first. The old rows become each person's first stint.
CREATE TABLE attendance_stint (
    session_id     VARCHAR(32) NOT NULL,
    participant_id VARCHAR(64) NOT NULL,
    stint          INT         NOT NULL,
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
    CONSTRAINT pk_attendance_stint PRIMARY KEY (session_id, participant_id, stint),
    CONSTRAINT fk_attendance_stint_session FOREIGN KEY (session_id) REFERENCES scheduled_session (id)
);

INSERT INTO attendance_stint (session_id, participant_id, stint, member_id, display_name, role, waiting_since,
                              admitted_at, left_at, outcome, floor_seconds, turns, updated_at)
SELECT session_id, participant_id, 1, member_id, display_name, role, waiting_since,
       admitted_at, left_at, outcome, floor_seconds, turns, updated_at
FROM attendance;

DROP TABLE attendance;
