-- 003_enterprise.sql -- enterprise registration and profile, SMS codes,
-- sensitive data at rest (R-06.1, R-06.2, R-06.3, R-08.2b, R-09.4, R-10.1).
--
-- ID numbers and mobiles are stored sealed (AES-256-GCM, hex of IV|ct|tag,
-- key Keys.data) with an HMAC-SHA-256 blind index (key Keys.index) for
-- uniqueness and lookup: a SELECT shows neither in plain text.

ALTER TABLE users
  ADD COLUMN mobile_enc VARBINARY(128) NULL AFTER contact,
  ADD COLUMN mobile_idx BINARY(32) NULL AFTER mobile_enc,
  ADD KEY users_mobile_idx (mobile_idx);

ALTER TABLE enterprises
  ADD COLUMN reg_no          VARCHAR(18)  NOT NULL DEFAULT '' AFTER name,
  ADD COLUMN legal_name      VARCHAR(50)  NOT NULL DEFAULT '' AFTER reg_no,
  ADD COLUMN legal_id_enc    VARBINARY(128) NULL AFTER legal_name,
  ADD COLUMN legal_id_idx    BINARY(32)   NULL AFTER legal_id_enc,
  ADD COLUMN address         VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN business_scope  VARCHAR(2000) NOT NULL DEFAULT '',
  ADD COLUMN reg_capital_fen BIGINT       NULL,
  ADD COLUMN org_form        VARCHAR(20)  NOT NULL DEFAULT '',
  ADD COLUMN industry        CHAR(1)      NOT NULL DEFAULT '',
  ADD COLUMN size            ENUM('','large','medium','small','micro') NOT NULL DEFAULT '',
  ADD COLUMN headcount       INT UNSIGNED NULL,
  ADD COLUMN revenue_fen     BIGINT       NULL,
  ADD COLUMN main_name       VARCHAR(50)  NOT NULL DEFAULT '',
  ADD COLUMN main_title      VARCHAR(50)  NOT NULL DEFAULT '',
  ADD COLUMN main_mobile_enc VARBINARY(128) NULL,
  ADD COLUMN main_email      VARCHAR(100) NOT NULL DEFAULT '',
  ADD COLUMN liaison_name    VARCHAR(50)  NOT NULL DEFAULT '',
  ADD COLUMN liaison_title   VARCHAR(50)  NOT NULL DEFAULT '',
  ADD COLUMN liaison_mobile_enc VARBINARY(128) NULL,
  ADD COLUMN liaison_email   VARCHAR(100) NOT NULL DEFAULT '',
  ADD COLUMN late_changes    INT UNSIGNED NOT NULL DEFAULT 0,
  ADD KEY enterprises_name (name),
  ADD KEY enterprises_legal_id (legal_id_idx);

-- Every change of a registration or supplementary field (R-10.1): when it
-- happened (entered by the user), when it was entered, late when entered
-- more than 5 days after.  Sensitive values are kept sealed.
CREATE TABLE enterprise_changes (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enterprise_id  BIGINT UNSIGNED NOT NULL,
  field          VARCHAR(40)  NOT NULL,
  old_value      VARCHAR(4000) NOT NULL DEFAULT '',
  new_value      VARCHAR(4000) NOT NULL DEFAULT '',
  sealed         TINYINT(1)   NOT NULL DEFAULT 0,
  changed_on     DATE         NOT NULL,
  entered_at     DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  late           TINYINT(1)   NOT NULL DEFAULT 0,
  user_id        BIGINT UNSIGNED NULL,
  PRIMARY KEY (id),
  KEY enterprise_changes_ent (enterprise_id, id),
  KEY enterprise_changes_late (late, entered_at),
  CONSTRAINT enterprise_changes_ent_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- SMS verification codes (R-06.2): one row per code sent.  The code is
-- kept as HMAC(Keys.index, purpose|mobile|code), the number as its blind
-- index: neither is readable here.
CREATE TABLE sms_codes (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  purpose      ENUM('register','reset') NOT NULL,
  mobile_idx   BINARY(32)   NOT NULL,
  code_hash    BINARY(32)   NOT NULL,
  client_addr  VARCHAR(45)  NOT NULL DEFAULT '',
  created_at   DATETIME     NOT NULL,
  expires_at   DATETIME     NOT NULL,
  attempts     TINYINT UNSIGNED NOT NULL DEFAULT 0,
  used_at      DATETIME     NULL,
  delivery     ENUM('sent','failed') NOT NULL DEFAULT 'sent',
  delivery_error VARCHAR(200) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY sms_codes_mobile (mobile_idx, created_at),
  KEY sms_codes_addr (client_addr, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
