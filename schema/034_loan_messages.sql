-- 034_loan_messages.sql -- questions and answers between the enterprise and
-- the handling FI on a loan application (issue 14 "Questions and
-- answers", R-08.2d, X-AUD; lib/finance/loan_msg.c).
--
-- One row per message, in the transaction of its audit row and its
-- notices.  fi_id is the FI of the conversation (the one handling the
-- application when the message was posted): an FI reads only the
-- messages of its own conversation, and only while it handles the
-- application, so a release and another bank's take-up start a thread
-- the first bank never sees.  The author is a user of the enterprise or
-- of that FI (org_kind, org_id as at posting).  Attachments are rows of
-- `files` (026) with owner_kind 'loan_message' and this id.
CREATE TABLE loan_messages (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  loan_id     BIGINT UNSIGNED NOT NULL,
  fi_id       BIGINT UNSIGNED NOT NULL COMMENT 'the FI of the conversation',
  user_id     BIGINT UNSIGNED NOT NULL,
  org_kind    ENUM('enterprise','fi') NOT NULL,
  org_id      BIGINT UNSIGNED NOT NULL,
  body        VARCHAR(2000) NOT NULL,
  created_at  DATETIME     NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (id),
  KEY loan_messages_loan (loan_id, fi_id, id),
  CONSTRAINT loan_messages_loan_fk FOREIGN KEY (loan_id) REFERENCES loans (id),
  CONSTRAINT loan_messages_fi_fk FOREIGN KEY (fi_id) REFERENCES fis (id),
  CONSTRAINT loan_messages_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
