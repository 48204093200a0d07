-- 037_objections.sql -- an enterprise disputes information about it
-- (issue 15, R-08.2e; 征信业管理条例 Art. 25 as the model;
-- lib/credit/objection.c, cgi/objections.c).
--
-- An objection is on one current credit record of the enterprise's own
-- (subject 'record': record_id, and the record's source agency and batch
-- as at filing) or on its registration facts (subject 'registration': no
-- record, no agency; the region's operators answer).  region_code is the
-- enterprise's at filing: the operators of that region see it.
--
-- Life (objection_machine): filed -> accepted (or refused as
-- inadmissible, by accept_by: the end of the 2nd working day after
-- filing) -> checked -> corrected | removed | kept | unconfirmed.  The
-- record carries the mark 有异议 while an objection on it is filed,
-- accepted or checked, and after 'unconfirmed' (both recorded, the mark
-- stays with the note).  due_date: 20 calendar days after the filing day
-- (Beijing).  handler: who answers now -- the source agency, or the
-- office after an operator took it over (registration facts: the office
-- from the start).
--
-- open_key holds the subject while the objection is open (filed, accepted,
-- checked), NULL once it is decided: the unique key lets one open
-- objection exist per record (and one on an enterprise's registration
-- facts), whatever two requests do at once.
CREATE TABLE objections (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enterprise_id BIGINT UNSIGNED NOT NULL,
  region_code   CHAR(6)      NOT NULL COMMENT 'the enterprise''s at filing',
  subject       ENUM('record','registration') NOT NULL,
  record_id     BIGINT UNSIGNED NULL,
  agency_id     BIGINT UNSIGNED NULL COMMENT 'the record''s source agency',
  batch_id      BIGINT UNSIGNED NULL COMMENT 'the batch that brought the record',
  kind          ENUM('wrong','missing','duplicate','not_public','over_term','inconsistent') NOT NULL,
  should_say    VARCHAR(2000) NOT NULL,
  reason        VARCHAR(2000) NOT NULL,
  committed     TINYINT(1)   NOT NULL,
  status        ENUM('filed','accepted','refused','checked','corrected','removed','kept','unconfirmed')
                NOT NULL DEFAULT 'filed',
  version       INT UNSIGNED NOT NULL DEFAULT 0,
  handler       ENUM('agency','office') NOT NULL,
  filed_by      BIGINT UNSIGNED NOT NULL,
  filed_at      DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  accept_by     DATE         NOT NULL COMMENT 'Beijing: 2nd working day after filing',
  due_date      DATE         NOT NULL COMMENT 'Beijing: filing day + 20',
  accepted_at   DATETIME     NULL,
  checked_at    DATETIME     NULL,
  closed_at     DATETIME     NULL,
  check_note    VARCHAR(2000) NOT NULL DEFAULT '',
  outcome_note  VARCHAR(2000) NOT NULL DEFAULT '',
  corr_agency_id BIGINT UNSIGNED NULL COMMENT 'the agency that supplied a correction',
  reply_no      VARCHAR(40)  NULL,
  reminded      TINYINT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'bit 0: 5 days before, bit 1: 1 day',
  open_key      VARCHAR(40) AS (IF(status IN ('filed','accepted','checked'),
                  CONCAT(subject, ':', COALESCE(record_id, enterprise_id)), NULL)) PERSISTENT,
  PRIMARY KEY (id),
  UNIQUE KEY objections_open (open_key),
  UNIQUE KEY objections_reply (reply_no),
  KEY objections_enterprise (enterprise_id, id),
  KEY objections_record (record_id, status),
  KEY objections_agency (agency_id, status, due_date),
  KEY objections_region (region_code, status, due_date),
  KEY objections_due (status, due_date),
  CONSTRAINT objections_committed CHECK (committed = 1),
  CONSTRAINT objections_subject CHECK ((subject = 'record') = (record_id IS NOT NULL)),
  CONSTRAINT objections_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprises (id),
  CONSTRAINT objections_record_fk FOREIGN KEY (record_id) REFERENCES credit_records (id),
  CONSTRAINT objections_agency_fk FOREIGN KEY (agency_id) REFERENCES agencies (id),
  CONSTRAINT objections_user_fk FOREIGN KEY (filed_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each step of an objection (and the filing), with who took it: the
-- record's history.  A correction keeps the record's content before and
-- after, and names the agency that supplied it (org_kind 'agency').
CREATE TABLE objection_events (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  objection_id  BIGINT UNSIGNED NOT NULL,
  record_id     BIGINT UNSIGNED NULL,
  at            DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  user_id       BIGINT UNSIGNED NULL COMMENT 'NULL: the system (reminders)',
  org_kind      VARCHAR(20)  NOT NULL,
  org_id        BIGINT UNSIGNED NOT NULL DEFAULT 0,
  action        VARCHAR(20)  NOT NULL,
  note          VARCHAR(2000) NOT NULL DEFAULT '',
  old_content   TEXT         NULL,
  new_content   TEXT         NULL,
  PRIMARY KEY (id),
  KEY objection_events_objection (objection_id, id),
  KEY objection_events_record (record_id, id),
  CONSTRAINT objection_events_objection_fk FOREIGN KEY (objection_id) REFERENCES objections (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
