-- Security mechanisms (issue #4): policy settings, lock-out counters, IP allow lists, per-account
-- options, one-time TANs, the login e-mail outbox and the hash-chained audit log.
-- Portable between H2 2.x and MariaDB 10.11 (placeholders as in V1).

-- Admin-editable policy: one row per setting (security.lockout.*, security.idle.role.buyer, ...).
CREATE TABLE security_setting (
    name          VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);

-- Failed-login counters shared by all nodes. kind: PAIR (subject "account|ip"), ACCOUNT, IP.
CREATE TABLE lockout_counter (
    kind            VARCHAR(10)  NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    failures        INT          NOT NULL,
    lock_level      INT          NOT NULL,
    last_failure_at ${timestamp} NOT NULL,
    locked_until    ${timestamp},
    PRIMARY KEY (kind, subject)
);
CREATE INDEX lockout_counter_locked ON lockout_counter (locked_until);

-- Allowed client addresses and CIDR ranges; scope ACCOUNT (owner = user_account.id) or COMPANY.
CREATE TABLE ip_allow_rule (
    id       BIGINT      ${autoincrement} NOT NULL PRIMARY KEY,
    scope    VARCHAR(10) NOT NULL,
    owner_id BIGINT      NOT NULL,
    cidr     VARCHAR(50) NOT NULL
);
CREATE INDEX ip_allow_rule_owner ON ip_allow_rule (scope, owner_id);

-- Per-account security options. second_factor: NONE, SMS or TOTP.
CREATE TABLE account_security (
    account_id          BIGINT       NOT NULL PRIMARY KEY,
    login_email         BOOLEAN      NOT NULL,
    second_factor       VARCHAR(10)  NOT NULL,
    phone               VARCHAR(30),
    totp_secret         VARCHAR(64),
    totp_last_step      BIGINT       NOT NULL,
    password_changed_at ${timestamp},
    CONSTRAINT account_security_account FOREIGN KEY (account_id) REFERENCES user_account (id)
);

-- One-time TANs: only the hash is stored; bound to one pending login (binding = hash of a secret
-- kept in that login's session); used_at is set by exactly one conditional UPDATE.
CREATE TABLE login_tan (
    id           BIGINT       ${autoincrement} NOT NULL PRIMARY KEY,
    account_id   BIGINT       NOT NULL,
    binding_hash CHAR(64)     NOT NULL,
    tan_hash     CHAR(64)     NOT NULL,
    created_at   ${timestamp} NOT NULL,
    expires_at   ${timestamp} NOT NULL,
    used_at      ${timestamp},
    wrong_tries  INT          NOT NULL
);
CREATE INDEX login_tan_account ON login_tan (account_id, created_at);

-- Outgoing e-mail, written in the login's request and sent by a background worker with retries.
CREATE TABLE mail_outbox (
    id              BIGINT        ${autoincrement} NOT NULL PRIMARY KEY,
    recipient       VARCHAR(200)  NOT NULL,
    subject         VARCHAR(200)  NOT NULL,
    body            VARCHAR(4000) NOT NULL,
    created_at      ${timestamp}  NOT NULL,
    next_attempt_at ${timestamp}  NOT NULL,
    attempts        INT           NOT NULL,
    sent_at         ${timestamp},
    failed          BOOLEAN       NOT NULL,
    last_error      VARCHAR(500)
);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, failed, next_attempt_at);

-- Append-only audit log; hash = sha256(previous hash + canonical row content). audit_head holds
-- the last id and hash: appends lock it, so several nodes append one after the other, and a
-- truncated tail is detected.
CREATE TABLE audit_log (
    id          BIGINT        NOT NULL PRIMARY KEY,
    occurred_at ${timestamp}  NOT NULL,
    event       VARCHAR(40)   NOT NULL,
    actor       VARCHAR(100),
    client_ip   VARCHAR(45),
    subject     VARCHAR(200),
    detail      VARCHAR(1000),
    prev_hash   CHAR(64)      NOT NULL,
    hash        CHAR(64)      NOT NULL
);
CREATE INDEX audit_log_time ON audit_log (occurred_at);

CREATE TABLE audit_head (
    id        INT      NOT NULL PRIMARY KEY,
    last_id   BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
