-- 013_signin.sql -- what sign-in needs beyond 002 (issue 12, items 5, 6).
--
-- sessions.factor_failures: wrong TOTP codes typed in this pending
-- sign-in; the fifth ends it (lib/session.c, lib/user.c).  Each one also
-- counts toward the account lock like a wrong password.
-- sessions.notice: shown on /account for the life of the session; set at
-- sign-in when the account was locked since the last good sign-in, so
-- the owner learns of it without the sign-in form telling anyone else.
-- users.locked_notice: the time of that lock, until the next good sign-in.

ALTER TABLE sessions
  ADD COLUMN factor_failures INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN notice VARCHAR(32) NULL;

ALTER TABLE users
  ADD COLUMN locked_notice DATETIME NULL;
