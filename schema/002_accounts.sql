-- 002_accounts.sql -- organisations, users, password history, sessions,
-- sign-in throttling and the tamper-evident audit log (R-02.2, R-02.3,
-- R-07.1, R-11.1, X-AUD).
--
-- Times are UTC.  Secrets never appear in plain text: passwords are scrypt
-- hashes, session ids are stored as SHA-256, TOTP secrets are sealed with
-- AES-256-GCM under the key from the secrets file.

-- Government agencies (政府机构), one region each (R-05.1: many users each).
CREATE TABLE agencies (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name         VARCHAR(100) NOT NULL,
  region_code  CHAR(6)      NOT NULL,
  dept_code    VARCHAR(40)  NOT NULL DEFAULT '',
  address      VARCHAR(200) NOT NULL DEFAULT '',
  created_at   DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at   DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  UNIQUE KEY agencies_region_name (region_code, name),
  CONSTRAINT agencies_region_fk FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Financial institutions (金融机构): a bank branch per region.
CREATE TABLE fis (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name         VARCHAR(100) NOT NULL,
  region_code  CHAR(6)      NOT NULL,
  created_at   DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at   DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  UNIQUE KEY fis_region_name (region_code, name),
  CONSTRAINT fis_region_fk FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Enterprises exist by USCC whether or not anyone registered for them.
CREATE TABLE enterprises (
  id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  uscc         CHAR(18)     NOT NULL,
  name         VARCHAR(100) NOT NULL,
  region_code  CHAR(6)      NOT NULL,
  created_at   DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at   DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  UNIQUE KEY enterprises_uscc (uscc),
  KEY enterprises_region (region_code),
  CONSTRAINT enterprises_region_fk FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every user of every role.  org_kind/org_id name the organisation:
-- enterprise -> enterprises, agency -> agencies, fi -> fis, office -> offices.
CREATE TABLE users (
  id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  username        VARCHAR(40)  NOT NULL,
  role            ENUM('enterprise','gov','fi','operator','supervisor','auditor') NOT NULL,
  region_code     CHAR(6)      NOT NULL,
  org_kind        ENUM('enterprise','agency','fi','office') NOT NULL,
  org_id          BIGINT UNSIGNED NOT NULL,
  real_name       VARCHAR(50)  NOT NULL,
  contact         VARCHAR(100) NOT NULL,
  status          ENUM('active','locked','suspended','revoked') NOT NULL DEFAULT 'active',
  locked_until    DATETIME     NULL,
  must_change_pw  TINYINT(1)   NOT NULL DEFAULT 1,
  pw_hash         VARCHAR(128) NOT NULL,
  pw_changed_at   DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  totp_secret     VARBINARY(96) NULL,
  totp_last_step  BIGINT       NULL,
  fail_count      INT UNSIGNED NOT NULL DEFAULT 0,
  fail_first_at   DATETIME     NULL,
  last_login_at   DATETIME     NULL,
  created_at      DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at      DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  UNIQUE KEY users_username (username),
  KEY users_region_role (region_code, role),
  KEY users_org (org_kind, org_id),
  KEY users_real_name (real_name),
  CONSTRAINT users_region_fk FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The last password hashes of each user (a new one differs from the last 5).
CREATE TABLE password_history (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  user_id     BIGINT UNSIGNED NOT NULL,
  pw_hash     VARCHAR(128) NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  KEY password_history_user (user_id, id),
  CONSTRAINT password_history_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sessions: only the SHA-256 of the cookie's 256 random bits is stored.
-- stage: 'full' signed in; 'totp' password done, code pending; 'enrol'
-- password done, TOTP enrolment pending; 'pwchange' must change password.
CREATE TABLE sessions (
  id_hash      BINARY(32)   NOT NULL,
  user_id      BIGINT UNSIGNED NOT NULL,
  portal       ENUM('internet','intranet') NOT NULL,
  stage        ENUM('full','totp','enrol','pwchange') NOT NULL,
  csrf         CHAR(43)     NOT NULL,
  client_addr  VARCHAR(45)  NOT NULL DEFAULT '',
  created_at   DATETIME     NOT NULL,
  last_seen_at DATETIME     NOT NULL,
  PRIMARY KEY (id_hash),
  KEY sessions_user (user_id),
  KEY sessions_last_seen (last_seen_at),
  CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed sign-ins per client address, in fixed windows.
CREATE TABLE login_throttle (
  client_addr   VARCHAR(45) NOT NULL,
  window_start  DATETIME    NOT NULL,
  failures      INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (client_addr, window_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The audit log (X-AUD): append-only for the workers' account (INSERT and
-- SELECT only, see grants.sql).  Each row's hash is SHA-256 over the
-- previous row's hash and this row's fields; audit_head holds the chain's
-- tip and serialises writers (SELECT ... FOR UPDATE in the same
-- transaction as the change being recorded).
CREATE TABLE audit_log (
  id            BIGINT UNSIGNED NOT NULL,
  at            DATETIME(6)  NOT NULL,
  actor_id      BIGINT UNSIGNED NULL,
  actor_role    VARCHAR(20)  NOT NULL DEFAULT '',
  actor_org     VARCHAR(40)  NOT NULL DEFAULT '',
  actor_region  CHAR(6)      NOT NULL DEFAULT '',
  portal        VARCHAR(10)  NOT NULL,
  client_addr   VARCHAR(45)  NOT NULL DEFAULT '',
  request_id    VARCHAR(64)  NOT NULL DEFAULT '',
  action        VARCHAR(40)  NOT NULL,
  object_type   VARCHAR(20)  NOT NULL DEFAULT '',
  object_id     VARCHAR(40)  NOT NULL DEFAULT '',
  outcome       ENUM('ok','denied','failed') NOT NULL,
  detail        VARCHAR(255) NOT NULL DEFAULT '',
  prev_hash     CHAR(64)     NOT NULL,
  hash          CHAR(64)     NOT NULL,
  PRIMARY KEY (id),
  KEY audit_at (at),
  KEY audit_actor (actor_id, id),
  KEY audit_action (action, id),
  KEY audit_org (actor_org, id),
  KEY audit_object (object_type, object_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_head (
  id         TINYINT UNSIGNED NOT NULL,
  last_id    BIGINT UNSIGNED NOT NULL,
  last_hash  CHAR(64)         NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO audit_head (id, last_id, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
