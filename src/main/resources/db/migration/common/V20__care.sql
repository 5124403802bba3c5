-- Care around the session (issue 19): each group's care settings, check-ins and check-outs.
-- What a member types (where they are, their numbers, their comment and goal) is stored only
-- sealed with AES-GCM by Circle itself (CareSeal): a dump of these tables holds no plaintext.
CREATE TABLE group_care (
    group_id                  VARCHAR(32)   NOT NULL PRIMARY KEY,
    check_in                  VARCHAR(8)    NOT NULL,
    crisis_text               VARCHAR(1000),
    facilitator_grace_seconds INT           NOT NULL,
    updated_at                DATETIME(6)   NOT NULL,
    CONSTRAINT fk_care_group FOREIGN KEY (group_id) REFERENCES circle_group (id)
);

-- One current check-in per member per session: a new one replaces the old row. Rows are
-- deleted CIRCLE_CHECKIN_RETENTION_DAYS after they were made.
CREATE TABLE check_in (
    id                VARCHAR(32)   NOT NULL PRIMARY KEY,
    session_id        VARCHAR(32)   NOT NULL,
    member_id         VARCHAR(32)   NOT NULL,
    location          VARCHAR(1000) NOT NULL,
    phone             VARCHAR(300)  NOT NULL,
    emergency_contact VARCHAR(1000),
    private_space     BOOLEAN       NOT NULL,
    goal_review       VARCHAR(8),
    checked_in_at     DATETIME(6)   NOT NULL,
    CONSTRAINT uq_check_in UNIQUE (session_id, member_id),
    CONSTRAINT fk_check_in_session FOREIGN KEY (session_id) REFERENCES scheduled_session (id),
    CONSTRAINT fk_check_in_member FOREIGN KEY (member_id) REFERENCES group_member (id)
);
CREATE INDEX ix_check_in_time ON check_in (checked_in_at);

CREATE TABLE check_out (
    id                VARCHAR(32)   NOT NULL PRIMARY KEY,
    session_id        VARCHAR(32)   NOT NULL,
    member_id         VARCHAR(32)   NOT NULL,
    rating_connection INT           NOT NULL,
    rating_topics     INT           NOT NULL,
    rating_approach   INT           NOT NULL,
    rating_overall    INT           NOT NULL,
    comment_text      VARCHAR(8200),
    goal              VARCHAR(1300),
    checked_out_at    DATETIME(6)   NOT NULL,
    CONSTRAINT uq_check_out UNIQUE (session_id, member_id),
    CONSTRAINT fk_check_out_session FOREIGN KEY (session_id) REFERENCES scheduled_session (id),
    CONSTRAINT fk_check_out_member FOREIGN KEY (member_id) REFERENCES group_member (id)
);
CREATE INDEX ix_check_out_member ON check_out (member_id, checked_out_at);
