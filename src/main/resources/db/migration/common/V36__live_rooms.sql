-- What must outlive the process (issue 16): each running session's live state, saved with every
-- command that changed it, so that a restart (even kill -9) carries on where the session was.
-- saved_form is the core's SavedSession with the room's resume tokens (hashes only), in Java's
-- serial form as Base64; alive_at is the last heartbeat of the server that ran the session.
CREATE TABLE live_room (
    session_id VARCHAR(32) NOT NULL PRIMARY KEY,
    saved_form MEDIUMTEXT  NOT NULL,
    ended      BOOLEAN     NOT NULL,
    saved_at   DATETIME(6) NOT NULL,
    alive_at   DATETIME(6) NOT NULL,
    CONSTRAINT fk_live_room_session FOREIGN KEY (session_id) REFERENCES scheduled_session (id)
);
CREATE INDEX ix_live_room_ended ON live_room (ended);

-- A removal holds for the rest of the session: the ticket desk reads it, so a removed member is
-- told why before they ever reach the socket. Written in the same transaction as the live state.
CREATE TABLE session_removal (
    session_id VARCHAR(32) NOT NULL,
    member_id  VARCHAR(32) NOT NULL,
    removed_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_session_removal PRIMARY KEY (session_id, member_id),
    CONSTRAINT fk_removal_session FOREIGN KEY (session_id) REFERENCES scheduled_session (id)
);

-- Stints still open now were left open by a process that stopped before this version kept live
-- state: nobody is in those sessions any more. They end when they were last written.
UPDATE attendance_stint SET outcome = 'left', left_at = updated_at
WHERE left_at IS NULL AND outcome IN ('admitted', 'waiting');
