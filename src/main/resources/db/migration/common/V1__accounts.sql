-- Facilitators and their login tokens. Tokens are kept only as SHA-256 hashes.
CREATE TABLE facilitator (
    id            VARCHAR(32)  NOT NULL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(80)  NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT uq_facilitator_email UNIQUE (email)
);

CREATE TABLE login_token (
    token_hash     CHAR(64)    NOT NULL PRIMARY KEY,
    facilitator_id VARCHAR(32) NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    expires_at     DATETIME(6) NOT NULL,
    CONSTRAINT fk_login_token_facilitator FOREIGN KEY (facilitator_id) REFERENCES facilitator (id)
);
CREATE INDEX ix_login_token_facilitator ON login_token (facilitator_id);
