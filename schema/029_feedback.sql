-- 029_feedback.sql -- users' suggestions and reports to the operators
-- (issue 17 "Feedback", Art. 9(6) and 9(4), X-AUD; lib/info/feedback.c).
--
-- kind: suggestion 意见建议, problem 问题反映, important 重要信息报告
-- (information affecting national interest or public security, Art. 9(4)).
-- region_code is whose operators answer: the sender's region, and the
-- province for an important report, which only the province's operators
-- see.  status: open -> answered (feedback_machine), the answer kept with
-- who gave it and when.
CREATE TABLE feedback (
  id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  user_id       BIGINT UNSIGNED NOT NULL,
  portal        ENUM('internet','intranet') NOT NULL,
  region_code   CHAR(6)      NOT NULL,
  kind          ENUM('suggestion','problem','important') NOT NULL,
  subject       VARCHAR(100) NOT NULL,
  body          TEXT         NOT NULL,
  status        ENUM('open','answered') NOT NULL DEFAULT 'open',
  answer        TEXT         NULL,
  answered_by   BIGINT UNSIGNED NULL,
  answered_at   DATETIME     NULL,
  created_at    DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  KEY feedback_user (user_id, created_at),
  KEY feedback_region (region_code, status, created_at),
  CONSTRAINT feedback_user_fk FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT feedback_region_fk FOREIGN KEY (region_code) REFERENCES regions (code),
  CONSTRAINT feedback_answered_fk FOREIGN KEY (answered_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
