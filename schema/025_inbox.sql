-- 025_inbox.sql -- the in-site notices (站内消息) of every user, and the
-- optional SMS that tells of one (issues 14 and 15, lib/accounts/inbox.c,
-- R-08.2d, R-08.2e, X-AUD).
--
-- A notice is written by inbox_add in the transaction of the event it
-- tells of, so it exists exactly when the event committed.  Its link is a
-- path on the same portal ("/loans/42"): empty, or one "/" then no second
-- one, checked by inbox_link_valid and again here.  `sms` is 'none' when
-- no SMS was asked for; 'pending' from the insert until the worker, after
-- the answer went out, handed it to the SMS sender ('sent') or the sender
-- or the recipient's number failed ('failed', with sms_error), like
-- sms_codes.delivery (022).  The unread count of every signed-in page is
-- an index range on inbox_unread.
CREATE TABLE inbox (
  id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  user_id     BIGINT UNSIGNED NOT NULL,
  kind        VARCHAR(40)   NOT NULL,
  title       VARCHAR(100)  NOT NULL,
  body        VARCHAR(1000) NOT NULL DEFAULT '',
  link        VARCHAR(300)  NOT NULL DEFAULT '',
  created_at  DATETIME      NOT NULL DEFAULT UTC_TIMESTAMP(),
  read_at     DATETIME      NULL,
  sms         ENUM('none','pending','sent','failed') NOT NULL DEFAULT 'none',
  sms_error   VARCHAR(255)  NULL,
  PRIMARY KEY (id),
  KEY inbox_user (user_id, id),
  KEY inbox_unread (user_id, read_at),
  CONSTRAINT inbox_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT inbox_link_ck CHECK (link = '' OR (link LIKE '/%' AND link NOT LIKE '//%'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
