-- Portable between H2 2.x and MariaDB 10.11: ${timestamp} and ${autoincrement} are Flyway placeholders
-- that Database sets per engine. Ids come from the id_sequence table (EclipseLink table generators).
CREATE TABLE id_sequence (
    seq_name  VARCHAR(50) NOT NULL PRIMARY KEY,
    seq_count BIGINT      NOT NULL
);
INSERT INTO id_sequence (seq_name, seq_count) VALUES ('company', 0);
INSERT INTO id_sequence (seq_name, seq_count) VALUES ('user_account', 0);
INSERT INTO id_sequence (seq_name, seq_count) VALUES ('purchase_order', 0);
INSERT INTO id_sequence (seq_name, seq_count) VALUES ('order_line', 0);

CREATE TABLE company (
    id                BIGINT       NOT NULL PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    kind              VARCHAR(20)  NOT NULL,
    sap_vendor_number VARCHAR(20),
    city              VARCHAR(100),
    country           VARCHAR(2),
    email             VARCHAR(200),
    created_at        ${timestamp} NOT NULL
);
CREATE INDEX company_kind_name ON company (kind, name);

CREATE TABLE user_account (
    id                   BIGINT       NOT NULL PRIMARY KEY,
    username             VARCHAR(100) NOT NULL,
    display_name         VARCHAR(200) NOT NULL,
    email                VARCHAR(200),
    password_hash        VARCHAR(255) NOT NULL,
    role                 VARCHAR(20)  NOT NULL,
    company_id           BIGINT,
    enabled              BOOLEAN      NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    created_at           ${timestamp} NOT NULL,
    CONSTRAINT user_account_username UNIQUE (username),
    CONSTRAINT user_account_company FOREIGN KEY (company_id) REFERENCES company (id)
);

CREATE TABLE purchase_order (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    order_number       VARCHAR(35)   NOT NULL,
    buyer_id           BIGINT        NOT NULL,
    supplier_id        BIGINT        NOT NULL,
    status             VARCHAR(30)   NOT NULL,
    order_date         DATE          NOT NULL,
    currency           VARCHAR(3)    NOT NULL,
    total_amount       DECIMAL(15,2) NOT NULL,
    requested_delivery DATE,
    created_at         ${timestamp}  NOT NULL,
    updated_at         ${timestamp}  NOT NULL,
    version            BIGINT        NOT NULL,
    CONSTRAINT purchase_order_number UNIQUE (buyer_id, order_number),
    CONSTRAINT purchase_order_buyer FOREIGN KEY (buyer_id) REFERENCES company (id),
    CONSTRAINT purchase_order_supplier FOREIGN KEY (supplier_id) REFERENCES company (id)
);
CREATE INDEX purchase_order_supplier_date ON purchase_order (supplier_id, order_date);
CREATE INDEX purchase_order_status_date ON purchase_order (status, order_date);
CREATE INDEX purchase_order_date ON purchase_order (order_date);

CREATE TABLE order_line (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    order_id           BIGINT        NOT NULL,
    line_number        INT           NOT NULL,
    material           VARCHAR(40),
    description        VARCHAR(200)  NOT NULL,
    quantity           DECIMAL(15,3) NOT NULL,
    unit               VARCHAR(3)    NOT NULL,
    unit_price         DECIMAL(15,2) NOT NULL,
    requested_date     DATE,
    confirmed_quantity DECIMAL(15,3),
    confirmed_date     DATE,
    CONSTRAINT order_line_number UNIQUE (order_id, line_number),
    CONSTRAINT order_line_order FOREIGN KEY (order_id) REFERENCES purchase_order (id)
);

CREATE TABLE access_log (
    id          BIGINT       ${autoincrement} NOT NULL PRIMARY KEY,
    occurred_at ${timestamp} NOT NULL,
    account     VARCHAR(100),
    client_ip   VARCHAR(45)  NOT NULL,
    event       VARCHAR(20)  NOT NULL,
    method      VARCHAR(10),
    path        VARCHAR(500),
    status      INT
);
CREATE INDEX access_log_time ON access_log (occurred_at);
CREATE INDEX access_log_account_time ON access_log (account, occurred_at);
CREATE INDEX access_log_ip_time ON access_log (client_ip, occurred_at);

CREATE TABLE app_setting (
    name  VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);
