-- 012_account_state.sql -- why and since when an account is in its state
-- (lib/account_state.c, R-11.1, X-AUD).
--
-- status_reason: the reason given for a suspension or revocation (an
-- emergency suspension of a gov user needs one); status_at: when the
-- status last changed.  The operators' dashboard lists gov users
-- suspended since status_at for whom no change form was submitted after
-- it (R-04: a suspension outside the form is followed by a form).

ALTER TABLE users
  ADD COLUMN status_reason VARCHAR(200) NOT NULL DEFAULT '' AFTER status,
  ADD COLUMN status_at     DATETIME     NULL AFTER status_reason;
