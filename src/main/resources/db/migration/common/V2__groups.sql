-- Groups, their facilitators and members, scheduled sessions and single-use session tickets.
-- Invitation tokens and tickets are kept only as SHA-256 hashes.
CREATE TABLE circle_group (
    id          VARCHAR(32)   NOT NULL PRIMARY KEY,
    name        VARCHAR(80)   NOT NULL,
    description VARCHAR(1000),
    created_at  DATETIME(6)   NOT NULL
);

CREATE TABLE group_facilitator (
    group_id       VARCHAR(32) NOT NULL,
    facilitator_id VARCHAR(32) NOT NULL,
    added_at       DATETIME(6) NOT NULL,
    CONSTRAINT pk_group_facilitator PRIMARY KEY (group_id, facilitator_id),
    CONSTRAINT fk_gf_group FOREIGN KEY (group_id) REFERENCES circle_group (id),
    CONSTRAINT fk_gf_facilitator FOREIGN KEY (facilitator_id) REFERENCES facilitator (id)
);
CREATE INDEX ix_gf_facilitator ON group_facilitator (facilitator_id);

CREATE TABLE group_member (
    id              VARCHAR(32) NOT NULL PRIMARY KEY,
    group_id        VARCHAR(32) NOT NULL,
    display_name    VARCHAR(80) NOT NULL,
    invitation_hash CHAR(64)    NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    revoked_at      DATETIME(6),
    CONSTRAINT uq_member_invitation UNIQUE (invitation_hash),
    CONSTRAINT fk_member_group FOREIGN KEY (group_id) REFERENCES circle_group (id)
);
CREATE INDEX ix_member_group ON group_member (group_id);

CREATE TABLE scheduled_session (
    id           VARCHAR(32)  NOT NULL PRIMARY KEY,
    group_id     VARCHAR(32)  NOT NULL,
    title        VARCHAR(120) NOT NULL,
    starts_at    DATETIME(6)  NOT NULL,
    minutes      INT          NOT NULL,
    media        VARCHAR(8)   NOT NULL,
    turn_seconds INT          NOT NULL,
    state        VARCHAR(12)  NOT NULL,
    locked       BOOLEAN      NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT fk_session_group FOREIGN KEY (group_id) REFERENCES circle_group (id)
);
CREATE INDEX ix_session_group ON scheduled_session (group_id, starts_at);

CREATE TABLE session_ticket (
    ticket_hash    CHAR(64)    NOT NULL PRIMARY KEY,
    session_id     VARCHAR(32) NOT NULL,
    member_id      VARCHAR(32),
    facilitator_id VARCHAR(32),
    created_at     DATETIME(6) NOT NULL,
    expires_at     DATETIME(6) NOT NULL,
    used_at        DATETIME(6),
    CONSTRAINT fk_ticket_session FOREIGN KEY (session_id) REFERENCES scheduled_session (id)
);
CREATE INDEX ix_ticket_expiry ON session_ticket (expires_at);
