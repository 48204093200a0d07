-- 039_measures.sql -- management measures on enterprise users (Art. 15,
-- issue 16 "Measures on enterprise users", R-15.1; lib/oversight/measure.c).
--
-- One row is one measure on one enterprise: its kind, reason, start and
-- optional end (Beijing dates; starts_at/ends_at are the UTC instants of
-- those days' Beijing midnights, ends_at the midnight after the end date,
-- so "in force" is starts_at <= now < ends_at in the statement, and a
-- measure ends by itself at its end date without a job), who proposed it.
-- Life (measure_machine): an operator's proposal is pending until a
-- supervisor of the region who did not ask for it approves it (active,
-- platform-wide) or refuses it; an FI's measure is in force for that FI's
-- own dealings at once (fi_active: its unwelcome list), and the region's
-- operators may adopt it platform-wide (adopt_pending, then a
-- supervisor's approval: active).  An operator's lift waits for a
-- supervisor (lift_pending, still in force, then lifted); an FI lifts its
-- own at once.  asked_by is who asked for the step now waiting (the
-- proposal, the adoption or the lift), decided_by who last decided one;
-- the CHECK keeps them apart (four eyes).  region_code is the
-- enterprise's region when proposed: its operators manage it.
CREATE TABLE measures (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enterprise_id BIGINT UNSIGNED NOT NULL,
  region_code   CHAR(6)       NOT NULL,
  fi_id         BIGINT UNSIGNED NULL COMMENT 'proposed by this FI, for its own dealings',
  kind          ENUM('suspend_publish','suspend_message','suspend_selfview',
                     'suspend_all','revoke','unwelcome','other') NOT NULL,
  other_text    VARCHAR(200)  NOT NULL DEFAULT '',
  reason        VARCHAR(1000) NOT NULL,
  starts_on     DATE          NOT NULL,
  ends_on       DATE          NULL,
  starts_at     DATETIME      NOT NULL,
  ends_at       DATETIME      NULL,
  status        ENUM('pending','refused','active','fi_active','adopt_pending',
                     'lift_pending','lifted') NOT NULL,
  version       INT UNSIGNED  NOT NULL DEFAULT 1,
  proposed_by   BIGINT UNSIGNED NOT NULL,
  asked_by      BIGINT UNSIGNED NULL,
  decided_by    BIGINT UNSIGNED NULL,
  decided_at    DATETIME      NULL,
  note          VARCHAR(1000) NOT NULL DEFAULT '' COMMENT 'the last reason given: a refusal, an adoption, a lift',
  lifted_at     DATETIME      NULL,
  created_at    DATETIME      NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at    DATETIME      NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  KEY measures_enterprise (enterprise_id, status, starts_at),
  KEY measures_region (region_code, id),
  KEY measures_fi (fi_id, id),
  CONSTRAINT measures_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id),
  CONSTRAINT measures_region_fk FOREIGN KEY (region_code) REFERENCES regions (code),
  CONSTRAINT measures_fi_fk FOREIGN KEY (fi_id) REFERENCES fis (id),
  CONSTRAINT measures_proposed_fk FOREIGN KEY (proposed_by) REFERENCES users (id),
  CONSTRAINT measures_asked_fk FOREIGN KEY (asked_by) REFERENCES users (id),
  CONSTRAINT measures_decided_fk FOREIGN KEY (decided_by) REFERENCES users (id),
  CONSTRAINT measures_four_eyes_ck CHECK (decided_by IS NULL OR asked_by IS NULL
    OR decided_by <> asked_by),
  CONSTRAINT measures_dates_ck CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CONSTRAINT measures_other_ck CHECK (kind <> 'other' OR other_text <> ''),
  CONSTRAINT measures_fi_kind_ck CHECK (fi_id IS NULL OR kind IN ('unwelcome','other'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
