-- 007_agency_forms.sql -- government agency users through the change form
-- 《政府机构用户开设或变更申请表》 (R-04.1 - R-04.4, R-05.1, R-09.5).
--
-- A form belongs to one agency and is handled in the agency's region.  Its
-- lines (A, B, C ...) open, revoke or reset users of that agency; they are
-- carried out together, in one transaction, when an operator executes the
-- approved form.  Initial passwords are never stored: only the username a
-- line opened or reset is kept, for the printout.

-- The network contact (网络设置联系人) of each agency.
ALTER TABLE agencies
  ADD COLUMN net_name    VARCHAR(50)  NOT NULL DEFAULT '' AFTER address,
  ADD COLUMN net_title   VARCHAR(100) NOT NULL DEFAULT '' AFTER net_name,
  ADD COLUMN net_contact VARCHAR(100) NOT NULL DEFAULT '' AFTER net_title;

-- status: draft (being entered, editable) -> submitted (waits for the
-- check) -> checked (waits for the supervisor) -> approved (waits for
-- execution) -> executed.  `returned` (by the check or the approval, with
-- a reason) is editable again and can be submitted anew.
CREATE TABLE agency_forms (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  agency_id     BIGINT UNSIGNED NOT NULL,
  region_code   CHAR(6)      NOT NULL COMMENT 'the agency''s, for scoped lists',
  status        ENUM('draft','submitted','checked','approved','executed','returned') NOT NULL DEFAULT 'draft',
  source        ENUM('online','paper') NOT NULL COMMENT 'entered by the agency, or by an operator from the paper original',
  apply_date    DATE         NULL,
  net_name      VARCHAR(50)  NOT NULL DEFAULT '',
  net_title     VARCHAR(100) NOT NULL DEFAULT '',
  net_contact   VARCHAR(100) NOT NULL DEFAULT '',
  opinion       VARCHAR(500) NOT NULL DEFAULT '' COMMENT '申请单位意见',
  resp_name     VARCHAR(50)  NOT NULL DEFAULT '' COMMENT '负责人',
  opinion_date  DATE         NULL,
  entered_by    BIGINT UNSIGNED NOT NULL,
  entered_at    DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  submitted_at  DATETIME     NULL COMMENT 'the last submission',
  checked_by    BIGINT UNSIGNED NULL,
  checked_at    DATETIME     NULL,
  check_note    VARCHAR(500) NOT NULL DEFAULT '',
  approved_by   BIGINT UNSIGNED NULL,
  approved_at   DATETIME     NULL,
  sup_opinion   VARCHAR(500) NOT NULL DEFAULT '' COMMENT '负责人意见',
  return_reason VARCHAR(500) NOT NULL DEFAULT '',
  executed_by   BIGINT UNSIGNED NULL,
  executed_at   DATETIME     NULL,
  version       INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'bumped by every change: stale edits are refused',
  PRIMARY KEY (id),
  KEY agency_forms_region_status (region_code, status, submitted_at),
  KEY agency_forms_agency (agency_id, id),
  CONSTRAINT agency_forms_agency_fk FOREIGN KEY (agency_id) REFERENCES agencies (id),
  CONSTRAINT agency_forms_region_fk FOREIGN KEY (region_code) REFERENCES regions (code),
  CONSTRAINT agency_forms_entered_fk FOREIGN KEY (entered_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- seq 1, 2, 3 ... prints as A, B, C.  target_user_id: the existing user a
-- revoke or reset line names; result_user_id / result_username: the user a
-- line opened or reset, set at execution.
CREATE TABLE agency_form_lines (
  form_id         BIGINT UNSIGNED NOT NULL,
  seq             TINYINT UNSIGNED NOT NULL,
  op              ENUM('open','revoke','reset') NOT NULL,
  name            VARCHAR(50)  NOT NULL,
  title           VARCHAR(100) NOT NULL DEFAULT '' COMMENT '部门/职务',
  contact         VARCHAR(100) NOT NULL DEFAULT '',
  target_user_id  BIGINT UNSIGNED NULL,
  result_user_id  BIGINT UNSIGNED NULL,
  result_username VARCHAR(40)  NOT NULL DEFAULT '',
  PRIMARY KEY (form_id, seq),
  KEY agency_form_lines_target (target_user_id),
  CONSTRAINT agency_form_lines_form_fk FOREIGN KEY (form_id) REFERENCES agency_forms (id) ON DELETE CASCADE,
  CONSTRAINT agency_form_lines_target_fk FOREIGN KEY (target_user_id) REFERENCES users (id),
  CONSTRAINT agency_form_lines_result_fk FOREIGN KEY (result_user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The history of a form, shown to the agency and the region's operators
-- (the audit log has the same steps, chained).
CREATE TABLE agency_form_events (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  form_id     BIGINT UNSIGNED NOT NULL,
  at          DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  actor_id    BIGINT UNSIGNED NOT NULL,
  action      ENUM('create','save','submit','check','return','approve','execute') NOT NULL,
  note        VARCHAR(500) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY agency_form_events_form (form_id, id),
  CONSTRAINT agency_form_events_form_fk FOREIGN KEY (form_id) REFERENCES agency_forms (id) ON DELETE CASCADE,
  CONSTRAINT agency_form_events_actor_fk FOREIGN KEY (actor_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Departure duty (R-09.5): the holder of a gov account left (left) or
-- changed duties (changed) on event_date; a change form revoking or
-- resetting that user is due by due_date (5 working days later, computed
-- from calendar_days when recorded).  form_id / submitted_at: the first
-- form submitted afterwards with a revoke or reset line for the user.
CREATE TABLE departures (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  user_id       BIGINT UNSIGNED NOT NULL,
  agency_id     BIGINT UNSIGNED NOT NULL,
  region_code   CHAR(6)      NOT NULL,
  kind          ENUM('left','changed') NOT NULL,
  event_date    DATE         NOT NULL,
  due_date      DATE         NOT NULL,
  note          VARCHAR(200) NOT NULL DEFAULT '',
  recorded_by   BIGINT UNSIGNED NOT NULL,
  recorded_at   DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  form_id       BIGINT UNSIGNED NULL,
  submitted_at  DATETIME     NULL,
  PRIMARY KEY (id),
  KEY departures_region_open (region_code, form_id, due_date),
  KEY departures_user (user_id),
  CONSTRAINT departures_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT departures_agency_fk FOREIGN KEY (agency_id) REFERENCES agencies (id),
  CONSTRAINT departures_form_fk FOREIGN KEY (form_id) REFERENCES agency_forms (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Dormant gov accounts are found by role and last sign-in.
CREATE INDEX users_role_login ON users (role, region_code, last_login_at);
