-- 022_sms_delivery.sql -- SMS codes are delivered after the answer
-- (issue 12 item 6, lib/accounts/sms.c, R-11.1, X-SEC).
--
-- The worker stores a code's row, answers, and only then hands the
-- message to the gateway, so the answer to a reset for a real
-- username/mobile pair takes no longer than for an unknown one.  A row's
-- delivery is 'pending' from its insert until the worker has delivered it
-- ('sent') or the gateway refused it ('failed', with delivery_error);
-- 'none' marks the rows of unknown reset pairs, whose code nobody gets.
-- sms_send_code names the state on every insert.
ALTER TABLE sms_codes
  MODIFY delivery ENUM('pending','sent','failed','none') NOT NULL DEFAULT 'sent';
