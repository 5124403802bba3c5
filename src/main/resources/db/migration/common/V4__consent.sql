-- Consent documents (versioned agreements) and consent records (every decision, append-only).
-- The records table refuses UPDATE and DELETE through triggers added by V5 (per database).
CREATE TABLE consent_document (
    id           VARCHAR(32)  NOT NULL PRIMARY KEY,
    group_id     VARCHAR(32)  NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    version      INT          NOT NULL,
    title        VARCHAR(200) NOT NULL,
    body         MEDIUMTEXT   NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    required     BOOLEAN      NOT NULL,
    published_at DATETIME(6)  NOT NULL,
    CONSTRAINT uq_document_version UNIQUE (group_id, kind, version),
    CONSTRAINT fk_document_group FOREIGN KEY (group_id) REFERENCES circle_group (id)
);

CREATE TABLE consent_record (
    id          VARCHAR(32)  NOT NULL PRIMARY KEY,
    group_id    VARCHAR(32)  NOT NULL,
    member_id   VARCHAR(32)  NOT NULL,
    document_id VARCHAR(32)  NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    version     INT          NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    decision    VARCHAR(10)  NOT NULL,
    decided_at  DATETIME(6)  NOT NULL,
    seq         BIGINT       NOT NULL,
    user_agent  VARCHAR(500),
    CONSTRAINT fk_record_member FOREIGN KEY (member_id) REFERENCES group_member (id),
    CONSTRAINT fk_record_document FOREIGN KEY (document_id) REFERENCES consent_document (id)
);
CREATE INDEX ix_record_group ON consent_record (group_id, seq);
CREATE INDEX ix_record_member ON consent_record (member_id, seq);
