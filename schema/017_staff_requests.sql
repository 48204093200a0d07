-- 017_staff_requests.sql -- actions on staff accounts asked for by the
-- province's operators and decided by a supervisor (issue 12 item 3,
-- lib/staff_request.c, R-11.1, X-SEC, X-AUD).
--
-- An operator of the province (region 440000) asks for one action
-- (unlock, reset-password, totp-reset, suspend, reactivate) on an
-- operator's, supervisor's or auditor's account; the row waits as
-- 'pending' until a supervisor who is neither the requester nor the target
-- approves it (the action runs through the account-state table in the
-- same transaction) or refuses it with a reason.  region_code is the
-- target's region at the time of the request: the scope of the
-- supervisors who see and decide it.
CREATE TABLE staff_requests (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  target_id     BIGINT UNSIGNED NOT NULL,
  region_code   CHAR(6)      NOT NULL,
  action        ENUM('unlock','reset-password','totp-reset','suspend','reactivate') NOT NULL,
  reason        VARCHAR(200) NOT NULL DEFAULT '',
  status        ENUM('pending','approved','refused') NOT NULL DEFAULT 'pending',
  requested_by  BIGINT UNSIGNED NOT NULL,
  requested_at  DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  decided_by    BIGINT UNSIGNED NULL,
  decided_at    DATETIME     NULL,
  decision_note VARCHAR(200) NOT NULL DEFAULT '',
  PRIMARY KEY (id),
  KEY staff_requests_pending (status, region_code, requested_at),
  KEY staff_requests_target (target_id),
  CONSTRAINT staff_requests_target_fk FOREIGN KEY (target_id) REFERENCES users (id),
  CONSTRAINT staff_requests_by_fk FOREIGN KEY (requested_by) REFERENCES users (id),
  CONSTRAINT staff_requests_decider_fk FOREIGN KEY (decided_by) REFERENCES users (id),
  CONSTRAINT staff_requests_region_fk FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
