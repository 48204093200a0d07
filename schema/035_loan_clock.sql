-- 035_loan_clock.sql -- the time limits of the loan applications in
-- working days (issue 14 "Time limits", R-08.2a, R-08.2b, X-AUD;
-- lib/finance/loan_clock.c, lib/finance/loan.c).
--
-- Deadlines are computed in C from the holiday calendar (calendar_days,
-- lib/db/workdays.c) when the clock starts and stored as UTC instants, so
-- that the lists filter and count overdue applications by index:
--   open_at      when the current take-up clock started: the publication,
--                a release by the FI, a republication by the enterprise;
--   take_due_at  the end (Beijing midnight) of the 1st working day after
--                open_at for an application addressed to one FI, of the 3rd
--                for an open one: published and not taken up by then, it
--                is overdue (shown to the FI's manager and the region's
--                operators);
--   expire_at    the end of the 20th working day after open_at: still not
--                taken up by then, `duijie-admin loans-expire` expires it;
--   reclaim_at   at take-up, the end of the 10th working day after it:
--                from then on, without a decision, the enterprise may
--                withdraw it from the FI and republish it.
-- `duijie-admin loans-expire` recomputes them from the calendar first (a
-- holiday entered after the publication moves them), so the rows of
-- existing applications are filled by its first run.
ALTER TABLE loans
  ADD COLUMN open_at     DATETIME NULL AFTER published_at,
  ADD COLUMN take_due_at DATETIME NULL AFTER open_at,
  ADD COLUMN expire_at   DATETIME NULL AFTER take_due_at,
  ADD COLUMN reclaim_at  DATETIME NULL AFTER expire_at,
  ADD KEY loans_take_due (status, take_due_at),
  ADD KEY loans_region_due (region_code, status, take_due_at),
  ADD KEY loans_expire (status, expire_at);

UPDATE loans SET open_at = COALESCE(published_at, created_at)
  WHERE status = 'published';
