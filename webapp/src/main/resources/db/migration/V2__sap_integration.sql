-- SAP integration: partner profiles, every received payload, one row per received IDoc, and the
-- durable outbox of everything sent to SAP. ${blob} and ${text} are set per engine by Database.
CREATE TABLE sap_partner (
    id                BIGINT       ${autoincrement} NOT NULL PRIMARY KEY,
    name              VARCHAR(100) NOT NULL,
    logical_system    VARCHAR(10)  NOT NULL,
    is_default        BOOLEAN      NOT NULL,
    port_type         VARCHAR(10)  NOT NULL,
    file_format       VARCHAR(10)  NOT NULL,
    outbound_url      VARCHAR(500),
    outbound_user     VARCHAR(100),
    outbound_password VARCHAR(200),
    our_partner       VARCHAR(10)  NOT NULL,
    our_port          VARCHAR(10)  NOT NULL,
    max_attempts      INT          NOT NULL,
    currency          VARCHAR(3)   NOT NULL,
    field_mapping     VARCHAR(2000),
    CONSTRAINT sap_partner_logical_system UNIQUE (logical_system)
);

CREATE TABLE sap_payload (
    id          BIGINT       ${autoincrement} NOT NULL PRIMARY KEY,
    received_at ${timestamp} NOT NULL,
    channel     VARCHAR(10)  NOT NULL,
    source_name VARCHAR(300) NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    size_bytes  INT          NOT NULL,
    content     ${blob}      NOT NULL,
    error       VARCHAR(1000)
);
CREATE INDEX sap_payload_sha ON sap_payload (sha256);

CREATE TABLE sap_inbound (
    id           BIGINT       ${autoincrement} NOT NULL PRIMARY KEY,
    payload_id   BIGINT       NOT NULL,
    idoc_index   INT          NOT NULL,
    received_at  ${timestamp} NOT NULL,
    sender       VARCHAR(10)  NOT NULL,
    docnum       VARCHAR(16)  NOT NULL,
    idoc_type    VARCHAR(30)  NOT NULL,
    message_type VARCHAR(30)  NOT NULL,
    created_at   VARCHAR(14)  NOT NULL,
    state        VARCHAR(20)  NOT NULL,
    order_number VARCHAR(35),
    order_id     BIGINT,
    error        VARCHAR(1000),
    attempts     INT          NOT NULL,
    updated_at   ${timestamp} NOT NULL,
    CONSTRAINT sap_inbound_payload FOREIGN KEY (payload_id) REFERENCES sap_payload (id)
);
CREATE INDEX sap_inbound_state ON sap_inbound (state, id);
CREATE INDEX sap_inbound_docnum ON sap_inbound (sender, docnum);

CREATE TABLE sap_outbound (
    id              BIGINT       ${autoincrement} NOT NULL PRIMARY KEY,
    created_at      ${timestamp} NOT NULL,
    partner_id      BIGINT       NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    sequence_key    VARCHAR(60)  NOT NULL,
    docnum          VARCHAR(16)  NOT NULL,
    reference       VARCHAR(100) NOT NULL,
    content         ${text}      NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    attempts        INT          NOT NULL,
    next_attempt_at ${timestamp} NOT NULL,
    last_error      VARCHAR(1000),
    sent_at         ${timestamp},
    CONSTRAINT sap_outbound_partner FOREIGN KEY (partner_id) REFERENCES sap_partner (id)
);
CREATE INDEX sap_outbound_due ON sap_outbound (state, next_attempt_at);
CREATE INDEX sap_outbound_sequence ON sap_outbound (sequence_key, id);

CREATE TABLE order_extension (
    order_id      BIGINT        NOT NULL,
    position      INT           NOT NULL,
    segment       VARCHAR(30)   NOT NULL,
    field         VARCHAR(30)   NOT NULL,
    field_value   VARCHAR(1000) NOT NULL,
    CONSTRAINT order_extension_pk PRIMARY KEY (order_id, position),
    CONSTRAINT order_extension_order FOREIGN KEY (order_id) REFERENCES purchase_order (id)
);

ALTER TABLE purchase_order ADD COLUMN sap_sender VARCHAR(10);
ALTER TABLE purchase_order ADD COLUMN sap_docnum VARCHAR(16);
ALTER TABLE purchase_order ADD COLUMN sap_changed_at VARCHAR(40);
ALTER TABLE order_line ADD COLUMN confirmed_price DECIMAL(15,2);
ALTER TABLE order_line ADD COLUMN rejection_reason VARCHAR(200);
