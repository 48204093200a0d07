-- 016_enterprise_claims.sql -- claiming an enterprise that exists without
-- users (created by a credit import): R-06.1, R-09.4, X-SEC, X-AUD.
--
-- A registration for such a row either matches the legal representative
-- on record (name and the ID number's blind index) and is active at once,
-- or, when the row has none, waits as a claim for the region's operator:
-- the account is 'pending' (no sign-in) until the claim is approved.  The
-- claimed values stay here, not on the enterprise row, until approval
-- writes them there with their history rows.
ALTER TABLE users
  MODIFY COLUMN status ENUM('active','locked','suspended','revoked','pending')
    NOT NULL DEFAULT 'active';

CREATE TABLE enterprise_claims (
  id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enterprise_id  BIGINT UNSIGNED NOT NULL,
  user_id        BIGINT UNSIGNED NOT NULL,
  region_code    CHAR(6)      NOT NULL,
  status         ENUM('pending','approved','refused') NOT NULL DEFAULT 'pending',
  -- what the registration typed; the ID number sealed (AAD
  -- "enterprises.legal_id_enc", like the enterprise row's) with its index
  ent_name       VARCHAR(100) NOT NULL,
  reg_no         VARCHAR(18)  NOT NULL,
  legal_name     VARCHAR(50)  NOT NULL,
  legal_id_enc   VARBINARY(128) NOT NULL,
  legal_id_idx   BINARY(32)   NOT NULL,
  -- the business licence: a file under Paths.licences (random name),
  -- its sniffed type, size and SHA-256
  licence_file   CHAR(36)     NOT NULL,
  licence_type   ENUM('pdf','jpg','png') NOT NULL,
  licence_size   INT UNSIGNED NOT NULL,
  licence_sha256 CHAR(64)     NOT NULL,
  created_at     DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  decided_at     DATETIME     NULL,
  decided_by     BIGINT UNSIGNED NULL,
  reason         VARCHAR(500) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  UNIQUE KEY enterprise_claims_file (licence_file),
  KEY enterprise_claims_region (region_code, status, id),
  KEY enterprise_claims_ent (enterprise_id, id),
  KEY enterprise_claims_user (user_id),
  CONSTRAINT enterprise_claims_ent_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id),
  CONSTRAINT enterprise_claims_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT enterprise_claims_region_fk FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
