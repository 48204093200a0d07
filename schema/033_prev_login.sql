-- 033_prev_login.sql -- the sign-in before this one (issue 18).
--
-- /account shows 上次登录: the time of the previous sign-in, which the
-- user can compare with its own memory (a sign-in it did not make is a
-- reason to change the password).  last_login_at is the current one,
-- set at each sign-in; the same update first copies it here
-- (lib/accounts/user.c, STMT_USER_LOGIN_OK).
ALTER TABLE users
  ADD COLUMN prev_login_at DATETIME NULL AFTER last_login_at;
